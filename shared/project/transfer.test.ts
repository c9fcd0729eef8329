import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../desktop-api';
import { messagesOf } from './transfer';
import { joinParts } from './zip-store';

describe('messagesOf', () => {
  const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

  it('keeps every byte in order, never more than the limit per message, pieces that fit passed as they are', () => {
    const parts = [bytes(3, 1), bytes(0, 2), bytes(10, 3), bytes(4, 4), bytes(1, 5), bytes(8, 6)];
    for (const limit of [1, 3, 4, 5, 7, 8, 26, 100]) {
      const messages = messagesOf(parts, limit);
      expect(joinParts(messages.flat()), `limit ${limit}`).toEqual(joinParts(parts));
      expect(messages.every((m) => m.reduce((n, p) => n + p.length, 0) <= limit)).toBe(true);
      // Full messages except the last: as few messages as the bytes need.
      expect(messages.length).toBe(Math.ceil(26 / limit));
      // A piece cut into messages is cut into views of its own buffer, never copied.
      for (const p of messages.flat()) expect(parts.some((q) => q.buffer === p.buffer)).toBe(true);
    }
    expect(messagesOf(parts, 100)[0]!.filter((p) => p.length > 0)).toEqual(parts.filter((p) => p.length > 0));
    expect(messagesOf(parts, 100)[0]![0]).toBe(parts[0]);
  });

  it('sends a piece bigger than one message in several, by default of MAX_MESSAGE_BYTES', () => {
    const big = new Uint8Array(MAX_MESSAGE_BYTES * 2 + 5);
    const messages = messagesOf([big]);
    expect(messages.map((m) => m.map((p) => p.length))).toEqual([[MAX_MESSAGE_BYTES], [MAX_MESSAGE_BYTES], [5]]);
    expect(messagesOf([])).toEqual([]);
  });
});
