import { useMemo, useState } from 'react';
import type { Slide } from '../../../shared/cases/deck';
import { pickKpis } from '../../../shared/cases/kpi';
import { caseSourceLine } from '../../../shared/cases/source';
import type { CaseRecord } from '../../../shared/cases/model';
import { useLang } from '../../i18n/LangContext';
import { SpecChartSlide } from './SpecChartSlide';
import { PivotView } from '../analysis';
import { useWorkbench } from '../../workbench-context';
import { caseMetaLine, ComparisonChart, KpiTiles, useCaseDetail } from '../cases';

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
  if (slide.kind === 'spec-chart') return <SpecChartSlide spec={slide.spec} />;
  if (slide.kind === 'pivot') {
    return (
      <div className="slide slide-pivot">
        <h2 className="slide-title">{slide.spec.title || t('present.kind.pivot')}</h2>
        <PivotView spec={slide.spec} mode="slide" />
      </div>
    );
  }
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
  const { db, catalog } = useWorkbench();
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
      {/* The document's title, never its file name. */}
      <p className="slide-source">{caseSourceLine(c.source, catalog, lang)}</p>
    </div>
  );
}

