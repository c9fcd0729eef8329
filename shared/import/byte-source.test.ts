/**
 * decodeToUtf8 gives the bytes of one whole decode and encode, whatever the chunk size cuts: GB18030's 2- and
 * 4-byte sequences, Big5, invalid bytes (U+FFFD), a BOM; and sources in memory read as views, not copies.
 */
import { describe, expect, it } from 'vitest';
import { decodeToUtf8, memorySource, skipSource, type ByteSource } from './byte-source';

const readInPieces = (b: Uint8Array): ByteSource => ({ size: b.length, read: (from, to) => b.slice(from, Math.min(to, b.length)) });

/** Seeded bytes that are mostly lead/trail pairs, some 4-byte GB18030 forms (81–FE 30–39 81–FE 30–39), ASCII and junk. */
function bytes(n: number, seed: number): Uint8Array {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8) & 0xff;
  const out: number[] = [];
  while (out.length < n) {
    const k = next() % 4;
    if (k === 0) out.push(0x20 + (next() % 0x5f));
    else if (k === 1) out.push(0x81 + (next() % 0x7e), 0x30 + (next() % 10), 0x81 + (next() % 0x7e), 0x30 + (next() % 10));
    else out.push(0x81 + (next() % 0x7e), 0x40 + (next() % 0xbf));
  }
  return new Uint8Array(out);
}

describe('decodeToUtf8', () => {
  it.each(['gb18030', 'gbk', 'big5'])('%s: one decode’s bytes for every chunk size', (encoding) => {
    for (const seed of [1, 2, 3]) {
      const b = new Uint8Array([0x84, 0x31, 0x95, 0x33, ...bytes(20_000, seed), 0x81]);
      const once = new TextEncoder().encode(new TextDecoder(encoding).decode(b));
      for (const chunk of [1, 2, 3, 5, 7, 4096, 1 << 20]) expect(decodeToUtf8(readInPieces(b), encoding, chunk), `${seed} / ${chunk}`).toEqual(once);
    }
  });

  it('grows past its first guess for text that widens more than 1.5×', () => {
    // windows-1252 bytes 0x80–0x9F decode to U+20xx: 3 UTF-8 bytes each.
    const b = new Uint8Array(10_000).fill(0x80);
    expect(decodeToUtf8(memorySource(b), 'windows-1252', 333)).toEqual(new TextEncoder().encode('€'.repeat(10_000)));
  });

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
