import { useMemo, useState } from 'react';
import { comparisonAccent, comparisonChartData, type Comparison } from '../../../shared/cases/comparison';
import { forSlide } from '../../../shared/charts/slide-option';
import { formatIndicatorValue, type Kpi } from '../../../shared/cases/kpi';
import { placeName, themeLabel, yearText, type CaseRecord } from '../../../shared/cases/model';
import type { RowProvenance } from '../../../shared/model/provenance';
import { Chart } from '../../charts/Chart';
import { screenOption } from '../../charts/screen-option';
import { useLang } from '../../i18n/LangContext';
import { ProvenanceDialog } from '../sql-console';

/** "北京市 · 海淀区 · 2012 · 网络治理": the line under a case title, on screen and in the pptx. */
export function caseMetaLine(c: CaseRecord, lang: 'zh-CN' | 'en', t: (k: 'cases.nationwide' | 'cases.undated') => string): string {
  return [placeName(c) || t('cases.nationwide'), yearText(c) || t('cases.undated'), themeLabel(c.theme, lang)].join(' · ');
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** KPI tiles: the number in 万/亿 with its unit, what the document wrote, breakdown, note, and 出处. */
export function KpiTiles({ kpis, large = false }: { kpis: Kpi[]; large?: boolean }) {
  const { t, lang } = useLang();
  const [source, setSource] = useState<RowProvenance | null>(null);
  return (
    <>
      <ul className={`kpi-tiles${large ? ' large' : ''}`}>
        {kpis.map((k) => {
          const ind = k.indicator;
          return (
            <li key={ind.id} className="kpi-tile">
              <span className="kpi-value">{k.value}</span>
              <span className="kpi-label">{k.label}</span>
              {!large && ind.valueText && squash(ind.valueText) !== squash(k.value) && <span className="kpi-written">{t('cases.written', { text: ind.valueText })}</span>}
              {!large && k.parts.length > 0 && (
                <span className="kpi-parts">
                  {t('cases.parts')}：
                  {k.parts.map((p) => `${lang === 'en' && p.categoryEn ? p.categoryEn : p.category} ${formatIndicatorValue(p, lang)}`).join('；')}
                </span>
              )}
              {!large && ind.note && <span className="kpi-note">{t('cases.note')}：{ind.note}</span>}
              <button
                type="button"
                className="link kpi-source"
                aria-label={t('cases.sourceOf', { label: k.label })}
                onClick={() => setSource({ source: ind.source, quote: ind.quote, ...(ind.note ? { note: ind.note } : {}) })}
              >
                {t('cases.source')}
              </button>
            </li>
          );
        })}
      </ul>
      {source && <ProvenanceDialog provenance={source} onClose={() => setSource(null)} />}
    </>
  );
}

/**
 * Bars of one measure across places, the case's own place in the accent colour: ChartData drawn by the
 * same option builder as every chart. `large` for slides (presentation type sizes, sized by the slide).
 */
export function ComparisonChart({ comparison, large = false }: { comparison: Comparison; large?: boolean }) {
  const { lang } = useLang();
  const data = useMemo(() => comparisonChartData(comparison, lang), [comparison, lang]);
  const option = useMemo(() => {
    const o = screenOption(data, lang, { accent: comparisonAccent(comparison) });
    return large ? forSlide(o) : o;
  }, [data, comparison, lang, large]);
  const className = large ? 'chart slide-chart' : undefined;
  const height = 80 + comparison.places.length * 34;
  return (
    <div style={className ? undefined : { height }} className="comparison-box">
      <Chart option={option} label={comparison.label} data={data} className={className ?? 'chart comparison-chart'} />
    </div>
  );
}
