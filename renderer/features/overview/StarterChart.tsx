import { useMemo } from 'react';
import type { Db } from '../../../shared/db';
import { buildCategoryOption } from '../../../shared/charts/category';
import { sourceLine, type SavedCategoryChart } from '../../../shared/charts/starter-chart';
import type { DatasetCatalog } from '../../../shared/model/catalog';
import { Chart } from '../../charts/Chart';
import { useChartTable } from './useChartTable';
import { exportChartFromTable } from '../../../shared/export/chart-data';
import { ExportMenu } from '../export/ExportMenu';
import { useLang } from '../../i18n/LangContext';

interface StarterChartProps {
  db: Db | null;
  chart: SavedCategoryChart;
  catalog: DatasetCatalog | null;
  onOpenSql(sql: string): void;
}

/** One chart drawn from an aggregate SQL query over a bundled table. */
export function StarterChart({ db, chart, catalog, onOpenSql }: StarterChartProps) {
  const { t, lang } = useLang();
  const result = useChartTable(db, chart);

  const title = lang === 'en' ? chart.title.en : chart.title.zh;
  const option = useMemo(() => {
    if (!result || !('table' in result) || result.table.numRows === 0) return null;
    const source = t('chart.source', { source: sourceLine(chart.tables, catalog, lang) });
    return buildCategoryOption(result.table, chart.spec, { title, unit: chart.unit, source, lang });
  }, [result, chart, catalog, title, lang, t]);
  const exportChart = useMemo(() => {
    if (!result || !('table' in result) || result.table.numRows === 0) return null;
    const { spec } = chart;
    const kind = spec.horizontal ? 'bar' : spec.kind === 'line' ? 'line' : 'column';
    const source = t('chart.source', { source: sourceLine(chart.tables, catalog, lang) });
    return exportChartFromTable(result.table, { kind, x: spec.x, y: spec.y, stacked: spec.stacked, title, unit: chart.unit, source });
  }, [result, chart, catalog, title, lang, t]);

  return (
    <section className="panel chart-panel" aria-labelledby="chart-title">
      <header className="panel-header">
        <h2 id="chart-title">{t('chart.title')}</h2>
        <div className="spacer" />
        <button type="button" onClick={() => onOpenSql(chart.sql)}>
          {t('chart.openInConsole')}
        </button>
        <ExportMenu chart={exportChart} />
      </header>
      {!result && <p className="muted">{t('chart.loading')}</p>}
      {result && 'error' in result && (
        <p role="alert" className="sql-error">
          {result.error}
        </p>
      )}
      {result && 'table' in result && result.table.numRows === 0 && <p className="muted">{t('chart.empty')}</p>}
      {option && <Chart option={option} label={title} />}
      <details className="chart-sql">
        <summary>{t('chart.sql')}</summary>
        <pre>{chart.sql}</pre>
      </details>
    </section>
  );
}
