import { useMemo, useState } from 'react';
import type { TableInfo } from '../../../shared/db-catalog';
import { tableSource } from '../../../shared/sql/source';
import { correlate, numericColumns, type CorrelationMethod } from '../../../shared/stats/correlation';
import { correlationTable, summaryTable } from '../../../shared/stats/output';
import { summarize } from '../../../shared/stats/summary';
import { useLang } from '../../i18n/LangContext';
import { RegressionSection } from './RegressionSection';
import { SqlDetails } from './SqlDetails';
import { TrendSection } from './TrendSection';
import { StatsTable } from './StatsTable';
import { useStats } from './use-stats';

/** 统计: every column's summary, the correlation matrix of the numeric columns, and a regression. */
export function StatsPanel({ table }: { table: TableInfo }) {
  const { t, lang } = useLang();
  const source = useMemo(() => tableSource(table), [table]);
  const [method, setMethod] = useState<CorrelationMethod>('pearson');
  const numeric = numericColumns(source);
  const key = `${table.name}\u0000${table.rows}`;
  const summary = useStats(key, (db, signal) => summarize(db, source, undefined, signal));
  const corr = useStats(numeric.length >= 2 ? `${key}\u0000${method}` : null, (db, signal) => correlate(db, source, method, numeric, signal));
  return (
    <div className="stats">
      <section aria-label={t('stats.summary')}>
        <h3>{t('stats.summary')}</h3>
        {summary.status === 'loading' && <p className="muted">{t('analysis.running')}</p>}
        {summary.status === 'error' && <p role="alert" className="sql-error">{summary.error}</p>}
        {summary.status === 'ready' && (
          <>
            <StatsTable table={summaryTable(summary.value.columns, lang)} label={t('stats.summary')} />
            <SqlDetails sql={summary.value.sql} />
          </>
        )}
      </section>
      <section aria-label={t('stats.corr')}>
        <h3>{t('stats.corr')}</h3>
        <div className="stats-form">
          <label>
            {t('stats.method')}
            <select value={method} onChange={(e) => setMethod(e.target.value as CorrelationMethod)}>
              {(['pearson', 'spearman'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`stats.method.${m}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {numeric.length < 2 && <p className="muted">{t('stats.noNumbers')}</p>}
        {corr.status === 'loading' && <p className="muted">{t('analysis.running')}</p>}
        {corr.status === 'error' && <p role="alert" className="sql-error">{corr.error}</p>}
        {corr.status === 'ready' && (
          <>
            <p className="muted small">{t(`stats.corrTitle.${corr.value.method}`)}</p>
            <StatsTable table={correlationTable(corr.value)} label={t('stats.corr')} />
            <SqlDetails sql={corr.value.sql} />
          </>
        )}
      </section>
      <RegressionSection source={source} tableKey={key} />
      <TrendSection table={table} source={source} />
    </div>
  );
}
