import type { DragEvent } from 'react';
import { moveSlide, removeSlide, updateSlide, type Deck, type Slide } from '../../../shared/cases/deck';
import { lostSavedChart } from '../../../shared/model/saved-charts';
import { lostSavedPivot } from '../../../shared/model/saved-pivots';
import { useLang } from '../../i18n/LangContext';
import { useSavedPivots } from '../analysis';
import { useSavedCharts } from '../chart-builder';

interface Props {
  slide: Slide;
  index: number;
  count: number;
  title: string;
  dragging: boolean;
  update(change: (d: Deck) => Deck): void;
  onPresent(): void;
  /** Drag and drop to reorder: this item's handlers (the list keeps which item is being dragged). */
  drag: { onDragStart(e: DragEvent): void; onDrop(e: DragEvent): void; onDragEnd(): void };
}

/** One slide in the deck editor: its kind and number, 上移/下移/从此页放映/删除, and its text and notes. */
export function SlideItem({ slide: s, index: i, count, title, dragging, update, onPresent, drag }: Props) {
  const { t } = useLang();
  const saved = useSavedCharts();
  const pivots = useSavedPivots();
  const lost = (s.kind === 'spec-chart' && lostSavedChart(s, saved)) || (s.kind === 'pivot' && lostSavedPivot(s, pivots));
  const edit = (patch: Parameters<typeof updateSlide>[2]) => update((d) => updateSlide(d, s.id, patch));
  return (
    <li
      aria-label={`${t('present.slideN', { n: i + 1 })}：${title}`}
      className={`slide-item${dragging ? ' dragging' : ''}`}
      draggable
      onDragStart={drag.onDragStart}
      onDragOver={(e) => e.preventDefault()}
      onDrop={drag.onDrop}
      onDragEnd={drag.onDragEnd}
    >
      <div className="slide-item-head">
        <span className="drag-handle" aria-hidden="true">⋮⋮</span>
        <span className="badge">{t(`present.kind.${s.kind}`)}</span>
        <strong>{t('present.slideN', { n: i + 1 })}</strong>
        {s.kind !== 'text' && <span>{title}</span>}
        <div className="spacer" />
        <button type="button" disabled={i === 0} onClick={() => update((d) => moveSlide(d, i, i - 1))}>
          {t('present.up')}
        </button>
        <button type="button" disabled={i === count - 1} onClick={() => update((d) => moveSlide(d, i, i + 1))}>
          {t('present.down')}
        </button>
        <button type="button" onClick={onPresent}>
          {t('present.fromHere')}
        </button>
        <button type="button" onClick={() => update((d) => removeSlide(d, s.id))}>
          {t('present.remove')}
        </button>
      </div>
      {lost && <p className="muted small saved-lost">{t(s.kind === 'pivot' ? 'pivot.lost' : 'saved.lost', { title })}</p>}
      {s.kind === 'text' && (
        <>
          <label className="field">
            <span>{t('present.slideTitle')}</span>
            <input value={s.title} onChange={(e) => edit({ title: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('present.slideBody')}</span>
            <textarea rows={3} value={s.body} onChange={(e) => edit({ body: e.target.value })} />
          </label>
        </>
      )}
      <label className="field">
        <span>{t('present.notes')}</span>
        <textarea rows={2} value={s.notes} onChange={(e) => edit({ notes: e.target.value })} />
      </label>
    </li>
  );
}
