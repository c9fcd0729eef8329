import { useMemo, type MouseEvent } from 'react';
import type { CaseRecord } from '../../../shared/cases/model';
import { buildCaseMapOption, casesByProvince } from '../../../shared/cases/province-map';
import { buildTimelineOption, timelinePoints } from '../../../shared/cases/timeline';
import { Chart } from '../../charts/Chart';
import { useLang } from '../../i18n/LangContext';

interface Props {
  cases: CaseRecord[];
  onOpen(id: string): void;
  onProvince(province: string): void;
}

/**
 * The filtered cases on the province tile map and on the 2004–2020 timeline, coloured by theme.
 * A click on a point opens its case (a tile filters by its province); the tooltips also carry buttons
 * (data-case-id / data-province), picked up as their clicks bubble out. The cards stay the keyboard path.
 */
export function CaseOverview({ cases, onOpen, onProvince }: Props) {
  const { t, lang } = useLang();
  const { points, undated } = useMemo(() => timelinePoints(cases), [cases]);
  const timeline = useMemo(() => buildTimelineOption(points, lang, true), [points, lang]);
  const tiles = useMemo(() => casesByProvince(cases), [cases]);
  const map = useMemo(() => buildCaseMapOption(tiles, lang, true), [tiles, lang]);
  const hasCases = (province: string) => tiles.some((tile) => tile.name === province && tile.count > 0);
  const onClick = (e: MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-case-id], [data-province]');
    if (el?.dataset.caseId) onOpen(el.dataset.caseId);
    else if (el?.dataset.province) onProvince(el.dataset.province);
  };
  return (
    <details className="case-overview" open>
      <summary>{t('cases.overview')}</summary>
      <div className="case-overview-body" onClick={onClick}>
        <figure className="overview-figure map-figure">
          <figcaption>{t('cases.map')}</figcaption>
          <Chart option={map} label={t('cases.map')} className="chart map-chart" onChartClick={(e) => e.name && hasCases(e.name) && onProvince(e.name)} />
        </figure>
        <figure className="overview-figure">
          <figcaption>{t('cases.timeline')}</figcaption>
          <Chart option={timeline} label={t('cases.timeline')} className="chart timeline-chart" onChartClick={(e) => e.name && onOpen(e.name)} />
          {undated > 0 && <p className="muted small">{t('cases.timelineUndated', { count: undated })}</p>}
        </figure>
      </div>
    </details>
  );
}
