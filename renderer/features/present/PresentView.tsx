import { useCallback, useEffect, useMemo, useState } from 'react';
import { starterChartSpec } from '../../../shared/charts/starter-chart';
import { addSlide, addSlides, moveSlide, removeSlide, updateSlide, type Slide } from '../../../shared/cases/deck';
import { useLang } from '../../i18n/LangContext';
import { getDesktop } from '../../desktop';
import { useWorkbench } from '../../workbench-context';
import { useCases } from '../cases/useCaseData';
import { deckToPptx, pptxFileName } from './export-deck';
import { ChartSlidePicker } from './ChartSlidePicker';
import { Presentation } from './Presentation';
import { SlideView } from './SlideView';
import { useDeck } from './useDeck';

/** The deck editor: add, edit, reorder (drag or 上移/下移), present, export to pptx or print to PDF. */
export function PresentView() {
  const { t, lang } = useLang();
  const { db, catalog, tables } = useWorkbench();
  const { deck, update } = useDeck();
  const loaded = useCases(db);
  const cases = useMemo(() => new Map((loaded.status === 'ready' ? loaded.value : []).map((c) => [c.id, c])), [loaded]);
  const [presenting, setPresenting] = useState<number | null>(null);
  const [printing, setPrinting] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const stop = useCallback(() => setPresenting(null), []);

  const slideTitle = useCallback(
    (s: Slide) => {
      if (s.kind === 'spec-chart') return s.spec.title || t('present.kind.spec-chart');
      return s.title || t('present.newText');
    },
    [t],
  );

  const exportPptx = async () => {
    if (!db) return;
    setStatus({ text: t('present.exporting') });
    try {
      const bytes = await deckToPptx(deck, { db, tables, cases, catalog, lang, t });
      const name = pptxFileName(deck.title || t('present.deckTitleDefault'));
      const saved = await getDesktop().saveFile({ suggestedName: name, bytes, filters: [{ name: 'PowerPoint', extensions: ['pptx'] }] });
      setStatus(saved.saved ? { text: t('present.exported', { name: saved.location ?? name }) } : null);
    } catch (e) {
      setStatus({ text: t('present.exportFailed', { detail: e instanceof Error ? e.message : String(e) }), error: true });
    }
  };

  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    // Let the charts of every slide draw before the print dialog snapshots the page.
    const timer = window.setTimeout(() => window.print(), 800);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, [printing]);

  const empty = deck.slides.length === 0;
  return (
    <div className="present-editor">
      <div className="present-toolbar">
        <label className="field">
          <span>{t('present.deckTitle')}</span>
          <input value={deck.title} placeholder={t('present.deckTitleDefault')} onChange={(e) => update((d) => ({ ...d, title: e.target.value }))} />
        </label>
        <button type="button" onClick={() => update((d) => addSlide(d, { kind: 'text', title: t('present.newText'), body: '', notes: '' }))}>
          {t('present.addText')}
        </button>
        <button type="button" onClick={() => update((d) => addSlide(d, { kind: 'spec-chart', spec: starterChartSpec(lang), notes: '' }))}>
          {t('present.addChart')}
        </button>
        <ChartSlidePicker onAdd={(slides) => update((d) => addSlides(d, slides))} />
        <div className="spacer" />
        <button type="button" className="primary" disabled={empty} onClick={() => setPresenting(0)}>
          {t('present.start')}
        </button>
        <button type="button" disabled={empty || !db} onClick={exportPptx}>
          {t('present.exportPptx')}
        </button>
        <button type="button" disabled={empty} onClick={() => setPrinting(true)}>
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
              <li
                key={s.id}
                aria-label={`${t('present.slideN', { n: i + 1 })}：${slideTitle(s)}`}
                className={`slide-item${dragFrom === i ? ' dragging' : ''}`}
                draggable
                onDragStart={(e) => {
                  setDragFrom(i);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', s.id);
                }}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragFrom !== null) update((d) => moveSlide(d, dragFrom, i));
                  setDragFrom(null);
                }}
                onDragEnd={() => setDragFrom(null)}
              >
                <div className="slide-item-head">
                  <span className="drag-handle" aria-hidden="true">⋮⋮</span>
                  <span className="badge">{t(`present.kind.${s.kind}`)}</span>
                  <strong>{t('present.slideN', { n: i + 1 })}</strong>
                  {s.kind !== 'text' && <span>{slideTitle(s)}</span>}
                  <div className="spacer" />
                  <button type="button" disabled={i === 0} onClick={() => update((d) => moveSlide(d, i, i - 1))}>
                    {t('present.up')}
                  </button>
                  <button type="button" disabled={i === deck.slides.length - 1} onClick={() => update((d) => moveSlide(d, i, i + 1))}>
                    {t('present.down')}
                  </button>
                  <button type="button" onClick={() => setPresenting(i)}>
                    {t('present.fromHere')}
                  </button>
                  <button type="button" onClick={() => update((d) => removeSlide(d, s.id))}>
                    {t('present.remove')}
                  </button>
                </div>
                {s.kind === 'text' && (
                  <>
                    <label className="field">
                      <span>{t('present.slideTitle')}</span>
                      <input value={s.title} onChange={(e) => update((d) => updateSlide(d, s.id, { title: e.target.value }))} />
                    </label>
                    <label className="field">
                      <span>{t('present.slideBody')}</span>
                      <textarea rows={3} value={s.body} onChange={(e) => update((d) => updateSlide(d, s.id, { body: e.target.value }))} />
                    </label>
                  </>
                )}
                <label className="field">
                  <span>{t('present.notes')}</span>
                  <textarea rows={2} value={s.notes} onChange={(e) => update((d) => updateSlide(d, s.id, { notes: e.target.value }))} />
                </label>
              </li>
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
