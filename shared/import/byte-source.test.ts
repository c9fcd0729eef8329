/** Sources in memory read as views, not copies; a file's byte-order mark is skipped either way. */
import { describe, expect, it } from 'vitest';
import { memorySource, skipSource, type ByteSource } from './byte-source';

const readInPieces = (b: Uint8Array): ByteSource => ({ size: b.length, read: (from, to) => b.slice(from, Math.min(to, b.length)) });

describe('byte sources', () => {
  it('reads memory as views and skips a byte-order mark without a copy', () => {
    const b = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x62, 0x63]);
    const s = skipSource(memorySource(b), 3);
    expect(s.size).toBe(3);
    expect(s.read(0, 99).buffer).toBe(b.buffer);
    expect([...s.read(1, 3)]).toEqual([0x62, 0x63]);
    const piecewise = skipSource(readInPieces(b), 3);
    expect([...piecewise.read(0, 99)]).toEqual([0x61, 0x62, 0x63]);
    expect(piecewise.whole).toBeUndefined();
  });
});
