import type { ChartData } from '../../shared/charts/chart-data';
import { seriesHeader } from '../../shared/export/chart-xml';
import { formatNumber } from '../../shared/format/number';
import { useLang } from '../i18n/LangContext';

/**
 * The chart's numbers as a visually hidden table: screen readers read it instead of the canvas, and each
 * cell carries the exact number (data-value) the chart drew, so tests can compare screen and exports.
 */
export function ChartDataTable({ data }: { data: ChartData }) {
  const { t, lang } = useLang();
  return (
    <table className="sr-only">
      <caption>{t('chart.dataTable', { title: data.title })}</caption>
      <thead>
        <tr>
          <th scope="col">{data.categoryLabel}</th>
          {data.series.map((s, i) => (
            <th key={i} scope="col">
              {seriesHeader(s, data.unit)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.categories.map((c, r) => (
          <tr key={r}>
            <th scope="row">{c}</th>
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
    </table>
  );
}
