/**
 * The statistics as the 统计 panel and `sgw stats` show them: the same rows and headers (i18n), numbers to six
 * significant digits (tiny ones in exponent form); JSON (`sgw stats --format json`) carries the full doubles.
 */
import { renderTextTable } from '../format/text-table';
import { translator, type Translate } from '../i18n';
import { languageTag, type Lang } from '../model/catalog';
import type { CorrelationMatrix } from './correlation';
import { INTERCEPT, type Regression } from './regression';
import type { ColumnSummary } from './summary';

const significant = new Map<Lang, Intl.NumberFormat>();

/** A statistic as text: six significant digits, grouped; below 10⁻⁴ in exponent form; '' for none. */
export function formatStat(x: number | null, lang: Lang): string {
  if (x === null || Number.isNaN(x)) return '';
  if (x !== 0 && Math.abs(x) < 1e-4) return x.toExponential(3);
  let f = significant.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(languageTag(lang), { maximumSignificantDigits: 6 });
    significant.set(lang, f);
  }
  return f.format(x);
}

export const SUMMARY_FIELDS = ['count', 'missing', 'distinct', 'mean', 'sd', 'min', 'q1', 'median', 'q3', 'max'] as const;

export interface TextTable {
  headers: string[];
  rows: string[][];
  /** Right-aligned columns. */
  numeric: boolean[];
}

export function summaryTable(columns: readonly ColumnSummary[], lang: Lang): TextTable {
  const t = translator(lang);
  return {
    headers: [t('stats.col.column'), t('stats.col.type'), ...SUMMARY_FIELDS.map((f) => t(`stats.col.${f}`))],
    rows: columns.map((c) => [c.column, c.type, ...SUMMARY_FIELDS.map((f) => formatStat(c[f], lang))]),
    numeric: [false, false, ...SUMMARY_FIELDS.map(() => true)],
  };
}

export function correlationTable(m: CorrelationMatrix): TextTable {
  return {
    headers: ['', ...m.columns],
    rows: m.columns.map((c, i) => [c, ...m.r[i].map((r) => (r === null ? '' : r.toFixed(4)))]),
    numeric: ['', ...m.columns].map((_, i) => i > 0),
  };
}

export const termLabel = (term: string, t: Translate) => (term === INTERCEPT ? t('stats.intercept') : term);

export function regressionTable(r: Regression, lang: Lang): TextTable {
  const t = translator(lang);
  return {
    headers: [t('stats.col.term'), t('stats.col.estimate'), t('stats.col.se'), t('stats.col.t'), t('stats.col.p')],
    rows: r.coefficients.map((c) => [termLabel(c.term, t), formatStat(c.estimate, lang), formatStat(c.se, lang), formatStat(c.t, lang), formatStat(c.p, lang)]),
    numeric: [false, true, true, true, true],
  };
}

export function regressionFit(r: Regression, lang: Lang): string {
  const t = translator(lang);
  const f = (x: number) => formatStat(x, lang);
  return t('stats.regressionFit', { n: r.n, dropped: r.dropped, r2: f(r.r2), adjR2: f(r.adjR2), sigma: f(r.sigma), df: r.df });
}

export const formula = (r: Pick<Regression, 'y' | 'xs'>) => `${r.y} ~ ${r.xs.join(' + ')}`;

export interface StatsReport {
  summary?: ColumnSummary[];
  correlation?: CorrelationMatrix;
  regression?: Regression;
}

const text = (table: TextTable) => renderTextTable(table.headers, table.rows, table.numeric);

/** `sgw stats` as text: one titled block per statistic asked for. */
export function statsText(report: StatsReport, lang: Lang): string {
  const t = translator(lang);
  const blocks: string[] = [];
  if (report.summary) blocks.push(`${t('stats.summaryTitle')}\n${text(summaryTable(report.summary, lang))}`);
  if (report.correlation) blocks.push(`${t(`stats.corrTitle.${report.correlation.method}`)}\n${text(correlationTable(report.correlation))}`);
  if (report.regression) blocks.push(`${t('stats.regressionTitle', { formula: formula(report.regression) })}\n${regressionFit(report.regression, lang)}\n${text(regressionTable(report.regression, lang))}`);
  return `${blocks.join('\n\n')}\n`;
}

/** The JSON contract of `sgw stats --format json`. */
export function statsJson(report: StatsReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
