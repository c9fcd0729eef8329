/**
 * The speaker window (讲者窗口): a second window showing notes, the next slide and a timer while the
 * slides run full screen on the projector. Both windows are the same origin; they talk over a
 * BroadcastChannel, so the speaker window needs neither the database nor the deck's charts.
 */
export const SPEAKER_HASH = '#speaker';
const CHANNEL = 'sgw-speaker';

export interface SpeakerSlide {
  title: string;
  notes: string;
}

export type SpeakerMessage =
  | { type: 'state'; deckTitle: string; index: number; slides: SpeakerSlide[]; startedAt: number }
  | { type: 'hello' }
  | { type: 'go'; to: number }
  | { type: 'ended' };

export function speakerChannel(onMessage: (m: SpeakerMessage) => void): { post(m: SpeakerMessage): void; close(): void } {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<SpeakerMessage>) => onMessage(e.data);
  return { post: (m) => channel.postMessage(m), close: () => channel.close() };
}

/** Opens (or brings forward) the speaker window; false when the browser blocked it. */
export function openSpeakerWindow(): boolean {
  const url = `${location.pathname}${location.search}${SPEAKER_HASH}`;
  const w = window.open(url, 'sgw-speaker', 'popup=yes,width=960,height=640');
  w?.focus();
  return w !== null;
}

export function isSpeakerWindow(): boolean {
  return location.hash === SPEAKER_HASH;
}
