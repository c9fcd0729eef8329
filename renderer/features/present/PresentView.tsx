import { useCallback, useMemo, useState } from 'react';
import { starterChartSpec } from '../../../shared/charts/starter-chart';
import { addSlide, addSlides, moveSlide, type Slide } from '../../../shared/cases/deck';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { useDocument } from '../../workspace';
import { useCases } from '../cases';
import { ChartSlidePicker } from './ChartSlidePicker';
import { Presentation } from './Presentation';
import { SlideItem } from './SlideItem';
import { SlideView } from './SlideView';
import { useDeckExport, usePrintDeck } from './use-deck-output';

/** The deck editor: add, edit, reorder (drag or 上移/下移), present, export to pptx or print to PDF. */
export function PresentView() {
  const { t, lang } = useLang();
  const { db } = useWorkbench();
  // The deck is a workspace document (an unreadable one is kept aside by the store).
  const [deck, setDeck] = useDocument('deck');
  const loaded = useCases(db);
  const cases = useMemo(() => new Map((loaded.status === 'ready' ? loaded.value : []).map((c) => [c.id, c])), [loaded]);
  const [presenting, setPresenting] = useState<number | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const { status, exportPptx, canExport } = useDeckExport(deck, cases);
  const { printing, print } = usePrintDeck();
  const stop = useCallback(() => setPresenting(null), []);
  const slideTitle = useCallback((s: Slide) => (s.kind === 'spec-chart' || s.kind === 'pivot' ? s.spec.title || t(`present.kind.${s.kind}`) : s.title || t('present.newText')), [t]);

  const empty = deck.slides.length === 0;
  return (
    <div className="present-editor">
      <div className="present-toolbar">
        <label className="field">
          <span>{t('present.deckTitle')}</span>
          <input value={deck.title} placeholder={t('present.deckTitleDefault')} onChange={(e) => setDeck((d) => ({ ...d, title: e.target.value }))} />
        </label>
        <button type="button" onClick={() => setDeck((d) => addSlide(d, { kind: 'text', title: t('present.newText'), body: '', notes: '' }))}>
          {t('present.addText')}
        </button>
        <button type="button" onClick={() => setDeck((d) => addSlide(d, { kind: 'spec-chart', spec: starterChartSpec(lang), notes: '' }))}>
          {t('present.addChart')}
        </button>
        <ChartSlidePicker onAdd={(slides) => setDeck((d) => addSlides(d, slides))} />
        <div className="spacer" />
        <button type="button" className="primary" disabled={empty} onClick={() => setPresenting(0)}>
          {t('present.start')}
        </button>
        <button type="button" disabled={empty || !canExport} onClick={exportPptx}>
          {t('present.exportPptx')}
        </button>
        <button type="button" disabled={empty} onClick={print}>
          {t('present.exportPdf')}
        </button>
      </div>
      {status && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'sql-error' : 'muted pad-x'}>
          {status.text}
        </p>
      )}
      {empty ? (
        <p className="muted pad">{t('present.empty')}</p>
      ) : (
        <>
          <p className="muted small pad-x">{t('present.dragHint')}</p>
          <ol className="slide-list" aria-label={t('present.slides')}>
            {deck.slides.map((s, i) => (
              <SlideItem
                key={s.id}
                slide={s}
                index={i}
                count={deck.slides.length}
                title={slideTitle(s)}
                dragging={dragFrom === i}
                update={setDeck}
                onPresent={() => setPresenting(i)}
                drag={{
                  onDragStart: (e) => {
                    setDragFrom(i);
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', s.id);
                  },
                  onDrop: (e) => {
                    e.preventDefault();
                    if (dragFrom !== null) setDeck((d) => moveSlide(d, dragFrom, i));
                    setDragFrom(null);
                  },
                  onDragEnd: () => setDragFrom(null),
                }}
              />
            ))}
          </ol>
        </>
      )}
      {presenting !== null && <Presentation deck={deck} cases={cases} start={presenting} onExit={stop} titleOf={slideTitle} />}
      {printing && (
        <div className="print-deck">
          {deck.slides.map((s) => (
            <div key={s.id} className="print-page">
              <SlideView slide={s} cases={cases} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
