import { useEffect, useRef, useState } from 'react';
import { useLang } from '../../i18n/LangContext';
import { speakerChannel, type SpeakerMessage } from './speaker-link';

type State = Extract<SpeakerMessage, { type: 'state' }>;

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** The whole page of the speaker window: notes of the current slide, the next slide's title, a timer, ←/→. */
export function SpeakerWindow() {
  const { t } = useLang();
  const [state, setState] = useState<State | null>(null);
  const [ended, setEnded] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const link = useRef<ReturnType<typeof speakerChannel> | null>(null);

  useEffect(() => {
    const l = speakerChannel((m) => {
      if (m.type === 'state') {
        setState(m);
        setEnded(false);
      } else if (m.type === 'ended') setEnded(true);
    });
    link.current = l;
    l.post({ type: 'hello' });
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(timer);
      l.close();
    };
  }, []);

  const go = (step: number) => state && link.current?.post({ type: 'go', to: Math.max(0, Math.min(state.slides.length - 1, state.index + step)) });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') go(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    document.title = t('present.speakerWindow');
  }, [t]);

  if (!state || ended) {
    return (
      <main className="speaker-window">
        <p className="muted">{t(ended ? 'present.speakerEnded' : 'present.speakerWaiting')}</p>
      </main>
    );
  }
  const slide = state.slides[state.index];
  const next = state.slides[state.index + 1];
  return (
    <main className="speaker-window" aria-label={t('present.speakerWindow')}>
      <header>
        <h1>{state.deckTitle}</h1>
        <span data-testid="speaker-counter">{t('present.slideOf', { n: state.index + 1, total: state.slides.length })}</span>
        <span className="speaker-timer" role="timer" aria-label={t('present.elapsed')}>
          {clock(now - state.startedAt)}
        </span>
      </header>
      <h2>{slide?.title}</h2>
      <section aria-label={t('present.notes')}>
        <p className="speaker-notes">{slide?.notes || t('present.noNotes')}</p>
      </section>
      <p className="muted">
        {t('present.nextSlide')}：{next ? next.title : t('present.end')}
      </p>
      <nav>
        <button type="button" onClick={() => go(-1)} disabled={state.index === 0}>
          ‹ {t('present.prev')}
        </button>
        <button type="button" onClick={() => go(1)} disabled={state.index >= state.slides.length - 1}>
          {t('present.next')} ›
        </button>
      </nav>
    </main>
  );
}
