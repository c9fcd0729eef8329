import { describe, expect, it } from 'vitest';
import { memorySource, type ByteSource } from './byte-source';
import { decodeText, decodeToUtf8, encodingName, looksBinary } from './encoding';
import { ImportError } from './types';

const utf8 = (s: string) => new TextEncoder().encode(s);
// 地区 in GBK: B5D8 C7F8.
const gbk = new Uint8Array([0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0x31, 0x0a]);

describe('decodeText', () => {
  it('takes strict UTF-8 when it decodes', () => {
    expect(decodeText(utf8('地区,1\n'))).toMatchObject({ text: '地区,1\n', encoding: 'utf-8', bom: false });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    expect(decodeText(gbk)).toMatchObject({ text: '地区,1\n', encoding: 'gb18030' });
  });

  it('honours a UTF-8 BOM and drops it', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b')]));
    expect(r).toEqual({ text: 'a,b', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 with either BOM, and little-endian without one', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x30, 0x57, 0x3a, 0x53, 0x2c, 0x00, 0x31, 0x00]);
    expect(decodeText(le)).toMatchObject({ text: '地区,1', encoding: 'utf-16le', bom: true });
    const be = new Uint8Array([0xfe, 0xff, 0x57, 0x30, 0x53, 0x3a, 0x00, 0x2c, 0x00, 0x31]);
    expect(decodeText(be)).toMatchObject({ text: '地区,1', encoding: 'utf-16be' });
    const bare = new Uint8Array([...'a,b\n1,2\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeText(bare)).toMatchObject({ text: 'a,b\n1,2\n', encoding: 'utf-16le', bom: false });
  });

  it('uses an override instead of detection', () => {
    // 地區 in Big5: A661 B0CF.
    expect(decodeText(new Uint8Array([0xa6, 0x61, 0xb0, 0xcf]), 'big5').text).toBe('地區');
    expect(encodingName('big5')).toBe('Big5');
    expect(encodingName('gb18030')).toBe('GB18030');
  });

  it('refuses empty and binary input', () => {
    expect(() => decodeText(new Uint8Array())).toThrow(ImportError);
    const garbage = new Uint8Array(2000).map((_, i) => (i * 7919) % 256);
    expect(looksBinary(garbage)).toBe(true);
    expect(() => decodeText(garbage)).toThrow(expect.objectContaining({ key: 'import.err.binary' }));
  });
});

describe('decodeToUtf8', () => {
  // 地区,1 then 😀 (a surrogate pair; GB18030's 4-byte form 0x9439FC36) and ASCII, in each encoding.
  const le = (s: string) => new Uint8Array(new Uint16Array([...s].flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]))).buffer);
  const be = (s: string) => le(s).map((_, i, a) => a[i ^ 1]);
  const text = '地区,1\n😀,a b\r\n社区服务中心,2.5\n';
  const files: [string, Uint8Array, Parameters<typeof decodeToUtf8>[1]][] = [
    ['GB18030', new Uint8Array([0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0x31, 0x0a, 0x94, 0x39, 0xfc, 0x36, 0x2c, 0x61, 0x0a, 0xc9, 0xe7, 0xc7, 0xf8, 0x0a]), 'gb18030'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...le(text)]), 'utf-16le'],
    ['UTF-16BE with BOM', new Uint8Array([0xfe, 0xff, ...be(text)]), 'utf-16be'],
    ['UTF-16LE without BOM', le(text), 'utf-16le'],
    // Big5's 0x8862 is two characters (U+00CA U+0304): 4 UTF-8 bytes from 2, past the buffer's first guess.
    ['Big5 growing the buffer', new Uint8Array(Array.from({ length: 600 }, (_, i) => (i % 2 ? 0x62 : 0x88))), 'big5'],
  ];
  /** The same bytes read in copies of what is asked (a file source), not views. */
  const pieces = (b: Uint8Array): ByteSource => ({ size: b.length, read: (from, to, into) => (into ? into.subarray(0, Math.min(to, b.length) - from) : new Uint8Array(Math.min(to, b.length) - from)).map((_, i) => b[from + i]) });

  it.each(files)('%s: decodeText\'s text, whatever the windows cut', (_name, bytes, encoding) => {
    const want = new TextEncoder().encode(decodeText(bytes, encoding).text);
    for (const window of [1, 2, 3, 5, 7, 4096]) {
      expect(Array.from(decodeToUtf8(memorySource(bytes), encoding, bytes.length, window))).toEqual(Array.from(want));
      expect(Array.from(decodeToUtf8(pieces(bytes), encoding, bytes.length, window))).toEqual(Array.from(want));
    }
    // A head: a prefix of the whole, without the character its end cuts.
    for (const upTo of [3, 8, 13]) {
      const head = decodeToUtf8(memorySource(bytes), encoding, upTo, 2);
      expect(Array.from(want.subarray(0, head.length))).toEqual(Array.from(head));
      expect(head.length).toBeLessThanOrEqual(want.length);
    }
  });

  /** mulberry32: the same "random" bytes every run. */
  const seeded = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  it.each(['gb18030', 'gbk', 'utf-16le', 'utf-16be', 'big5'] as const)('%s: windows give TextDecoder\'s bytes on hostile input too', (encoding) => {
    const r = seeded(7);
    for (let round = 0; round < 200; round++) {
      // ASCII, lead bytes with every kind of trail (valid, ASCII, line breaks, 4-byte forms), surrogates alone and paired, BOMs.
      const pick = [0x0a, 0x2c, 0x41, 0x80, 0x81, 0x30, 0x39, 0xfe, 0xff, 0xd8, 0xdc, 0xdf, 0xb5, 0xd8, 0xc7, 0xf8, 0x94, 0x84, 0x31, 0x95, 0x33];
      const bytes = new Uint8Array(Array.from({ length: 1 + Math.floor(r() * 300) }, () => (r() < 0.5 ? pick[Math.floor(r() * pick.length)] : Math.floor(r() * 256))));
      if (round % 5 === 0) bytes.set(encoding === 'utf-16be' ? [0xfe, 0xff] : [0xff, 0xfe]);
      const text = new TextDecoder(encoding).decode(bytes);
      const want = new TextEncoder().encode(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      for (const window of [1, 2, 3, 7, 64, 4096]) expect(Array.from(decodeToUtf8(memorySource(bytes), encoding, bytes.length, window)), `round ${round}, window ${window}`).toEqual(Array.from(want));
    }
  });

  it('gb18030: every two-byte form and a 4-byte one between ASCII, as TextDecoder reads them', () => {
    const forms: number[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) forms.push(0x41, lead, trail);
    const bytes = new Uint8Array([...forms, 0x81, 0x30, 0x81, 0x30, 0x0a]);
    const want = new TextEncoder().encode(new TextDecoder('gb18030').decode(bytes));
    expect(Array.from(decodeToUtf8(memorySource(bytes), 'gb18030', bytes.length, 1000))).toEqual(Array.from(want));
  });
});
