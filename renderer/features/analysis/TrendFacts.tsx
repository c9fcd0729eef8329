import type { ChartData } from '../../../shared/charts/chart-data';
import { formatStat } from '../../../shared/stats/output';
import { cagrProblem } from '../../../shared/stats/trend-spec';
import { useLang } from '../../i18n/LangContext';
import { FactList } from './FactList';

/**
 * The fit the chart draws (ChartData's trend, from shared/stats/trend.ts): slope with its unit per year,
 * R², and CAGR — or why there is no CAGR.
 */
export function TrendFacts({ data }: { data: ChartData }) {
  const { t, lang } = useLang();
  const series = data.series[0];
  const trend = series?.trend;
  if (!series || !trend) return <p className="muted">{t('stats.trendTooFew')}</p>;
  const f = (x: number) => formatStat(x, lang);
  const problem = cagrProblem(data.categories, series.values);
  const unit = series.unit ?? data.unit ?? '';
  const facts: [string, string][] = [
    [t('stats.trendSlope'), t(unit ? 'stats.trendPerYear' : 'stats.trendPerYearBare', { slope: `${trend.slope > 0 ? '+' : ''}${f(trend.slope)}`, unit })],
    [t('stats.fit.r2'), f(trend.r2)],
    [t('stats.trendCagr'), problem || trend.cagr === null ? t(`stats.trendNoCagr.${problem ?? 'non-positive'}`) : `${f(trend.cagr * 100)}%`],
    [t('stats.trendN'), String(trend.n)],
  ];
  return <FactList facts={facts} label={t('stats.trendFit')} />;
}
