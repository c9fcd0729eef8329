import { useMemo, useState } from 'react';
import type { EChartsOption } from 'echarts';
import { buildCategoryOption } from '../../../shared/charts/category';
import { sourceLine, type SavedCategoryChart } from '../../../shared/charts/starter-chart';
import type { Slide } from '../../../shared/cases/deck';
import { pickKpis } from '../../../shared/cases/kpi';
import type { CaseRecord } from '../../../shared/cases/model';
import { Chart } from '../../charts/Chart';
import { useLang } from '../../i18n/LangContext';
import { useChartTable } from '../overview/useChartTable';
import { SpecChartSlide } from './SpecChartSlide';
import { useWorkbench } from '../../workbench-context';
import { caseMetaLine, ComparisonChart, KpiTiles } from '../cases/CaseFacts';
import { useCaseDetail } from '../cases/useCaseData';

export const KPIS_PER_SLIDE = 6;

/** One slide at presentation size; charts are live ECharts (tooltips, legend toggles). */
export function SlideView({ slide, cases }: { slide: Slide; cases: Map<string, CaseRecord> }) {
  const { t } = useLang();
  if (slide.kind === 'text') {
    return (
      <div className="slide slide-text">
        <h2 className="slide-title">{slide.title}</h2>
        <p className="slide-body">{slide.body}</p>
      </div>
    );
  }
  if (slide.kind === 'chart') return <ChartSlideView chart={slide.chart} />;
  if (slide.kind === 'spec-chart') return <SpecChartSlide spec={slide.spec} />;
  const c = cases.get(slide.caseId);
  if (!c) {
    return (
      <div className="slide">
        <h2 className="slide-title">{slide.title}</h2>
        <p role="alert">{t('present.caseMissing', { id: slide.caseId })}</p>
      </div>
    );
  }
  return <CaseSlideView record={c} />;
}

function CaseSlideView({ record: c }: { record: CaseRecord }) {
  const { t, lang } = useLang();
  const { db } = useWorkbench();
  const detail = useCaseDetail(db, c);
  const kpis = useMemo(() => (detail.status === 'ready' ? pickKpis(detail.value.indicators, lang, KPIS_PER_SLIDE) : []), [detail, lang]);
  const comparisons = detail.status === 'ready' ? detail.value.comparisons : [];
  // Switchable live in class: population, area, communities …
  const [measure, setMeasure] = useState(0);
  const comparison = comparisons[measure] ?? comparisons[0];
  return (
    <div className="slide slide-case">
      <h2 className="slide-title">{c.title}</h2>
      <p className="slide-meta">{caseMetaLine(c, lang, t)}</p>
      <div className={comparison ? 'slide-columns' : undefined}>
        <div>
          <p className="slide-summary">{c.summary}</p>
          {kpis.length > 0 && <KpiTiles kpis={kpis} large />}
        </div>
        {comparison && (
          <div className="slide-compare">
            {comparisons.length > 1 && (
              <div className="segmented" role="group" aria-label={t('cases.compare')}>
                {comparisons.map((cmp, i) => (
                  <button key={cmp.key} type="button" aria-pressed={cmp === comparison} onClick={() => setMeasure(i)}>
                    {cmp.label}
                  </button>
                ))}
              </div>
            )}
            <ComparisonChart comparison={comparison} large />
          </div>
        )}
      </div>
      <p className="slide-source">
        {t('chart.source', { source: c.source })}
      </p>
    </div>
  );
}


const SLIDE_FONT = 18;
type Part = Record<string, unknown>;

/** Classroom-sized type on the builder's option: axes, legend and bar labels at SLIDE_FONT. */
function forSlide(o: EChartsOption): EChartsOption {
  const axis = (a: unknown) => ({ ...(a as Part), axisLabel: { ...((a as Part).axisLabel as Part), fontSize: SLIDE_FONT }, nameTextStyle: { fontSize: SLIDE_FONT } });
  const series = (o.series as Part[]).map((sr) => ({ ...sr, label: sr.label ? { ...(sr.label as Part), fontSize: SLIDE_FONT - 2 } : undefined }));
  return {
    ...o,
    textStyle: { ...(o.textStyle as Part), fontSize: SLIDE_FONT },
    legend: o.legend ? { ...(o.legend as Part), top: 8, textStyle: { fontSize: SLIDE_FONT } } : undefined,
    xAxis: axis(o.xAxis),
    yAxis: axis(o.yAxis),
    series,
    grid: { left: 16, right: 32, top: 104, bottom: 48, containLabel: true },
  } as EChartsOption;
}

function ChartSlideView({ chart }: { chart: SavedCategoryChart }) {
  const { t, lang } = useLang();
  const { db, catalog } = useWorkbench();
  const result = useChartTable(db, chart);
  const title = lang === 'en' ? chart.title.en : chart.title.zh;
  const option = useMemo(() => {
    if (!result || !('table' in result)) return null;
    const source = t('chart.source', { source: sourceLine(chart.tables, catalog, lang) });
    return forSlide(buildCategoryOption(result.table, chart.spec, { title: '', unit: chart.unit, source, lang }));
  }, [result, chart, catalog, lang, t]);
  return (
    <div className="slide slide-chart-only">
      <h2 className="slide-title">{title}</h2>
      {result && 'error' in result && <p role="alert">{result.error}</p>}
      {option && <Chart option={option} label={title} className="chart slide-chart" />}
    </div>
  );
}
