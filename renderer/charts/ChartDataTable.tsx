import type { ChartData } from '../../shared/charts/chart-data';
import { seriesHeader } from '../../shared/export/chart-xml';
import { formatNumber } from '../../shared/format/number';
import { useLang } from '../i18n/LangContext';

/**
 * The chart's numbers as a visually hidden table: screen readers read it instead of the canvas. Each cell
 * carries the exact number (data-value) the chart drew and each column its series (name, unit, axis, type),
 * so tests can rebuild what the screen shows and compare it with the exports.
 */
export function ChartDataTable({ data }: { data: ChartData }) {
  const { t, lang } = useLang();
  return (
    <table className="sr-only" data-kind={data.kind} data-title={data.title}>
      <caption>{t('chart.dataTable', { title: data.title })}</caption>
      <thead>
        <tr>
          <th scope="col">{data.categoryLabel}</th>
          {data.series.map((s, i) => (
            <th key={i} scope="col" data-name={s.name} data-unit={s.unit ?? ''} data-axis={s.axis} data-type={s.type}>
              {seriesHeader(s, lang, data.unit)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.categories.map((c, r) => (
          <tr key={r}>
            <th scope="row" data-key={String(data.keys[r])}>
              {c}
            </th>
            {data.series.map((s, i) => {
              const v = s.values[r];
              return (
                <td key={i} data-value={v === null ? '' : String(v)}>
                  {v === null ? t('charts.noData') : formatNumber(v, lang)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {data.notes && data.notes.length > 0 && (
        // What the chart left out or folded (totals, places, years): said to screen readers as the picture says it.
        <tfoot data-testid="chart-notes">
          {data.notes.map((n, i) => (
            <tr key={i}>
              <td colSpan={data.series.length + 1}>{n}</td>
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}
