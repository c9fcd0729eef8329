import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Deck, Slide } from '../../../shared/cases/deck';
import type { CaseRecord } from '../../../shared/cases/model';
import { useLang } from '../../i18n/LangContext';
import { SlideFrame } from './SlideFrame';
import { SlideView } from './SlideView';
import { openSpeakerWindow, speakerChannel, type SpeakerMessage } from './speaker-link';

interface Props {
  deck: Deck;
  cases: Map<string, CaseRecord>;
  start: number;
  onExit(): void;
  /** The title of a slide as the slide list shows it (for the speaker window). */
  titleOf(slide: Slide): string;
}

/**
 * Full screen when the browser allows it, else a fixed full-window overlay. ←/→/Space/PageUp/PageDown move,
 * Esc leaves. The presenter view adds the speaker notes and a preview of the next slide.
 */
export function Presentation({ deck, cases, start, onExit, titleOf }: Props) {
  const { t } = useLang();
  const root = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(start);
  const [presenter, setPresenter] = useState(false);
  const total = deck.slides.length;
  const go = useCallback((step: number) => setIndex((i) => Math.max(0, Math.min(total - 1, i + step))), [total]);

  const exit = useCallback(() => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    onExit();
  }, [onExit]);

  useEffect(() => {
    const el = root.current!;
    el.focus();
    el.requestFullscreen?.().catch(() => undefined);
    // Leaving full screen with the browser's own Esc also ends the presentation.
    const onFs = () => !document.fullscreenElement && onExit();
    document.addEventListener('fullscreenchange', onFs);
    return () => document.removeEventListener('fullscreenchange', onFs);
  }, [onExit]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      // Keys belong to form fields and to an open 出处 dialog (its Esc closes only the dialog).
      if (target.closest('textarea, input, select') || document.querySelector('.dialog-backdrop')) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') go(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
      else if (e.key === 'Home') setIndex(0);
      else if (e.key === 'End') setIndex(total - 1);
      else if (e.key === 'Escape') exit();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, exit, total]);

  const speakerBlocked = useSpeakerLink(deck, index, titleOf, setIndex);
  const slide = deck.slides[index];
  const next = deck.slides[index + 1];
  return (
    <div ref={root} className={`presentation${presenter ? ' with-presenter' : ''}`} role="dialog" aria-modal="true" aria-label={deck.title || t('present.deckTitleDefault')} tabIndex={-1}>
      <div className="presentation-stage" aria-live="polite" aria-label={t('present.slideOf', { n: index + 1, total })} role="region">
        <SlideFrame>{slide ? <SlideView key={slide.id} slide={slide} cases={cases} /> : <p className="slide-title">{t('present.end')}</p>}</SlideFrame>
      </div>
      {presenter && (
        <aside className="presenter-panel" aria-label={t('present.presenterView')}>
          <h3>{t('present.notes')}</h3>
          <p className="presenter-notes">{slide?.notes || t('present.noNotes')}</p>
          <h3>{t('present.nextSlide')}</h3>
          <div className="presenter-next" inert>
            <SlideFrame>{next ? <SlideView key={next.id} slide={next} cases={cases} /> : <p className="slide-title">{t('present.end')}</p>}</SlideFrame>
          </div>
        </aside>
      )}
      <div className="presentation-bar">
        <button type="button" onClick={() => go(-1)} disabled={index === 0}>
          ‹ {t('present.prev')}
        </button>
        <span className="slide-counter" data-testid="slide-counter">
          {index + 1} / {total}
        </span>
        <button type="button" onClick={() => go(1)} disabled={index >= total - 1}>
          {t('present.next')} ›
        </button>
        <button type="button" aria-pressed={presenter} onClick={() => setPresenter((p) => !p)}>
          {t('present.presenterView')}
        </button>
        <button type="button" onClick={() => speakerBlocked.set(!openSpeakerWindow())}>
          {t('present.speakerWindow')}
        </button>
        {speakerBlocked.value && (
          <span role="alert" className="small">
            {t('present.speakerBlocked')}
          </span>
        )}
        <span className="muted small">{t('present.keys')}</span>
        <div className="spacer" />
        <button type="button" onClick={exit}>
          {t('present.exit')}
        </button>
      </div>
    </div>
  );
}

/** Keeps the speaker window (if open) in step: it gets the state on every change and may turn the page. */
function useSpeakerLink(deck: Deck, index: number, titleOf: (s: Slide) => string, setIndex: (i: number) => void) {
  const { t } = useLang();
  const [blocked, setBlocked] = useState(false);
  const startedAt = useRef(0);
  const link = useRef<ReturnType<typeof speakerChannel> | null>(null);
  const latest = useRef<SpeakerMessage | null>(null);
  const snapshot = useMemo(
    () => ({ deckTitle: deck.title || t('present.deckTitleDefault'), index, slides: deck.slides.map((s) => ({ title: titleOf(s), notes: s.notes })) }),
    [deck, index, titleOf, t],
  );
  useEffect(() => {
    startedAt.current = Date.now();
    const total = deck.slides.length;
    const l = speakerChannel((m) => {
      if (m.type === 'hello' && latest.current) l.post(latest.current);
      else if (m.type === 'go') setIndex(Math.max(0, Math.min(total - 1, m.to)));
    });
    link.current = l;
    return () => {
      l.post({ type: 'ended' });
      l.close();
      link.current = null;
    };
  }, [deck.slides.length, setIndex]);
  useEffect(() => {
    latest.current = { type: 'state', ...snapshot, startedAt: startedAt.current };
    link.current?.post(latest.current);
  }, [snapshot]);
  return { value: blocked, set: setBlocked };
}
