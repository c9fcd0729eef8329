import { useState } from 'react';
import type { AnalysisSource } from '../../../shared/sql/source';
import { numericColumns } from '../../../shared/stats/correlation';
import { formatStat, formula, regressionTable } from '../../../shared/stats/output';
import { regress, type Regression } from '../../../shared/stats/regression';
import { useLang } from '../../i18n/LangContext';
import { FactList } from './FactList';
import { SqlDetails } from './SqlDetails';
import { StatsTable } from './StatsTable';
import { useStats } from './use-stats';

/** y ~ x1 + … + xk by OLS: pick the variables, fit, read coefficients, SE, t, p and the fit. */
export function RegressionSection({ source, tableKey }: { source: AnalysisSource; tableKey: string }) {
  const { t } = useLang();
  const numeric = numericColumns(source);
  const [y, setY] = useState(numeric[0] ?? '');
  const [xs, setXs] = useState<string[]>([]);
  const [asked, setAsked] = useState<{ y: string; xs: string[] } | null>(null);
  const key = asked ? `${tableKey}\u0000${JSON.stringify(asked)}` : null;
  const fit = useStats(key, asked ? (db, signal) => regress(db, source, asked.y, asked.xs, signal) : null);
  const toggle = (c: string, on: boolean) => setXs((list) => (on ? [...list, c] : list.filter((x) => x !== c)));
  return (
    <section aria-label={t('stats.regression')}>
      <h3>{t('stats.regression')}</h3>
      <div className="stats-form">
        <label>
          {t('stats.y')}
          <select value={y} onChange={(e) => setY(e.target.value)}>
            {numeric.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('stats.xs')}</legend>
          {numeric
            .filter((c) => c !== y)
            .map((c) => (
              <label key={c} className="check">
                <input type="checkbox" checked={xs.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
                {c}
              </label>
            ))}
        </fieldset>
        <button type="button" disabled={!y || xs.filter((x) => x !== y).length === 0} onClick={() => setAsked({ y, xs: xs.filter((x) => x !== y) })}>
          {t('stats.run')}
        </button>
      </div>
      {fit.status === 'loading' && <p className="muted">{t('analysis.running')}</p>}
      {fit.status === 'error' && <p role="alert" className="sql-error">{fit.error}</p>}
      {fit.status === 'ready' && <RegressionResult r={fit.value} />}
    </section>
  );
}

function RegressionResult({ r }: { r: Regression }) {
  const { t, lang } = useLang();
  const title = t('stats.regressionTitle', { formula: formula(r) });
  const f = (x: number) => formatStat(x, lang);
  const facts: [string, string][] = [
    [t('stats.fit.n'), String(r.n)],
    [t('stats.fit.dropped'), String(r.dropped)],
    [t('stats.fit.r2'), f(r.r2)],
    [t('stats.fit.adjR2'), f(r.adjR2)],
    [t('stats.fit.sigma'), f(r.sigma)],
    [t('stats.fit.df'), String(r.df)],
  ];
  return (
    <>
      <p className="small">{title}</p>
      <StatsTable table={regressionTable(r, lang)} label={title} />
      <FactList facts={facts} label={t('stats.regression')} />
      <SqlDetails sql={r.sql} />
    </>
  );
}
