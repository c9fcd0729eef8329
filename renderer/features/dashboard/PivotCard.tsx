import { useCallback, useMemo, useState, type DragEvent } from 'react';
import type { CardSize, PivotCard as PivotCardModel } from '../../../shared/model/dashboard';
import { lostSavedPivot } from '../../../shared/model/saved-pivots';
import { pivotUnderFilters, type DashboardFilters } from '../../../shared/pivot/dashboard-filters';
import type { PivotTable } from '../../../shared/pivot/table';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { PivotView, useSavedPivots } from '../analysis';
import { CardControls } from './CardControls';
import type { DrawnCard } from './drawn-card';

interface Props {
  card: PivotCardModel;
  /** The dashboard's region and year filters and the clicks on the charts of the card's group. */
  global: DashboardFilters;
  onMove(delta: number): void;
  onResize(size: CardSize): void;
  onRemove(): void;
  onDropCard(sourceId: string): void;
  onData?(cardId: string, drawn: DrawnCard | undefined): void;
}

/**
 * A pivot table on a dashboard: the 分析 screen's virtual grid, read-only and compact, run live (it refreshes
 * when data changes), under the dashboard's region and year filters and chart clicks as the chart cards are.
 */
export function PivotCard({ card, global, onMove, onResize, onRemove, onDropCard, onData }: Props) {
  const { t } = useLang();
  const wb = useWorkbench();
  const [sql, setSql] = useState<string>();
  const lost = lostSavedPivot(card, useSavedPivots());
  const columns = wb.tables.find((x) => x.name === card.spec.table)?.columns.map((c) => c.name);
  const filterKey = JSON.stringify([columns, global]);
  // Keyed on the filters' content: a new spec object on every render would run the pivot again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const spec = useMemo(() => pivotUnderFilters(card.spec, columns, global), [card.spec, filterKey]);
  const title = card.spec.title || t('pivot.sheet');
  const onTable = useCallback((table: PivotTable | undefined) => onData?.(card.id, table ? { kind: 'pivot', table } : undefined), [onData, card.id]);
  const onDrop = (e: DragEvent) => {
    const id = e.dataTransfer.getData('text/x-sgw-card');
    if (id && id !== card.id) onDropCard(id);
  };
  return (
    <article className={`panel dash-card dash-pivot size-${card.size}`} aria-label={t('pivot.cardLabel', { title })} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <header className="dash-card-header" draggable onDragStart={(e) => e.dataTransfer.setData('text/x-sgw-card', card.id)}>
        <span className="drag-handle" aria-hidden="true">
          ⠿
        </span>
        <span className="dash-pivot-title">{title}</span>
        <div className="spacer" />
        <CardControls title={title} size={card.size} onMove={onMove} onResize={onResize} onRemove={onRemove} onSql={() => sql && wb.openSql(sql)} />
      </header>
      <div className="dash-card-body">
        {lost && <p className="muted small saved-lost">{t('pivot.lost', { title })}</p>}
        <PivotView spec={spec} mode="card" onTable={onTable} onSql={setSql} />
      </div>
    </article>
  );
}
