import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { ECharts } from 'echarts';
import { clickedKey } from '../../../shared/charts/chart-option';
import type { CardSize, ChartCard as ChartCardModel } from '../../../shared/model/dashboard';
import type { FilterValue } from '../../../shared/model/chart-spec';
import type { GlobalFilters } from '../../../shared/sql/chart-sql';
import { Chart, type ChartClickEvent } from '../../charts/Chart';
import { ChartActions } from '../../charts/chart-actions';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { lostSavedChart } from '../../../shared/model/saved-charts';
import { useChartData, useSavedCharts } from '../chart-builder';
import { CardControls } from './CardControls';
import { CrossFilterPicker } from './CrossFilterPicker';
import type { DrawnCard } from './drawn-card';

interface Props {
  card: ChartCardModel;
  global: GlobalFilters;
  /** The x value this card's own click selected, if any. */
  selected?: FilterValue;
  onSelect(card: ChartCardModel, value: FilterValue): void;
  onMove(delta: number): void;
  onResize(size: CardSize): void;
  onRemove(): void;
  onDropCard(sourceId: string): void;
  /** Reports this card's current chart data and on-screen option (for exporting the whole dashboard). */
  onData?(cardId: string, drawn: DrawnCard | undefined): void;
}

/** Becomes true once the element has been on screen: off-screen cards query after visible ones. */
function useSeen<T extends Element>() {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);
  return [ref, seen] as const;
}

export function ChartCard({ card, global, selected, onSelect, onMove, onResize, onRemove, onDropCard, onData }: Props) {
  const { t } = useLang();
  const wb = useWorkbench();
  const [ref, seen] = useSeen<HTMLElement>();
  const state = useChartData(card.spec, { global, chartId: card.id, visible: seen, highlight: selected });
  const instance = useRef<ECharts | null>(null);
  const lost = lostSavedChart(card, useSavedCharts());
  useEffect(() => onData?.(card.id, state.data && state.option ? { kind: 'chart', data: state.data, option: state.option } : undefined), [onData, card.id, state.data, state.option]);
  const title = state.data?.title ?? card.spec.title;
  const target = useMemo(
    () => (state.data && state.option && state.query ? { spec: card.spec, data: state.data, option: state.option, sql: state.query.sql, getInstance: () => instance.current } : null),
    [card.spec, state.data, state.option, state.query],
  );
  const onClick = (e: ChartClickEvent) => {
    const key = state.data && clickedKey(state.data, e);
    if (key !== undefined) onSelect(card, key);
  };
  const onDrop = (e: DragEvent) => {
    const id = e.dataTransfer.getData('text/x-sgw-card');
    if (id && id !== card.id) onDropCard(id);
  };

  return (
    <article
      ref={ref}
      className={`panel dash-card size-${card.size}`}
      aria-label={title}
      data-selected={selected !== undefined || undefined}
      data-source={state.status === 'ready' ? (state.rollup ? 'rollup' : 'table') : undefined}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <header className="dash-card-header" draggable onDragStart={(e) => e.dataTransfer.setData('text/x-sgw-card', card.id)}>
        <span className="drag-handle" aria-hidden="true">
          ⠿
        </span>
        <CrossFilterPicker title={title} data={state.data} selected={selected} onPick={(value) => onSelect(card, value)} />
        <div className="spacer" />
        <CardControls title={title} size={card.size} onMove={onMove} onResize={onResize} onRemove={onRemove} onSql={() => state.query && wb.openSql(state.query.sql)}>
          <ChartActions target={target} />
        </CardControls>
      </header>
      <div className="dash-card-body">
        {lost && <p className="muted small saved-lost">{t('saved.lost', { title: card.spec.title })}</p>}
        {!state.option && <p className="dash-card-title">{title}</p>}
        {(state.status === 'loading' || state.status === 'idle') && <p className="muted">{t('dash.loading')}</p>}
        {state.status === 'empty' && <p className="muted dash-empty">{t('dash.empty')}</p>}
        {state.status === 'error' && (
          <p role="alert" className="sql-error">
            {state.error}
          </p>
        )}
        {state.option && <Chart option={state.option} label={title} data={state.data} onChartClick={onClick} instanceRef={instance} />}
      </div>
    </article>
  );
}
