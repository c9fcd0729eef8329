import { describe, expect, it } from 'vitest';
import { decodeText, encodingName, looksBinary } from './encoding';
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
