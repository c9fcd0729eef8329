import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './gb18030';

const decode = (b: Uint8Array) => new TextDecoder('gb18030', { fatal: true }).decode(b);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

describe('encodeGb18030', () => {
  it('writes the standard bytes for ASCII, GBK and four-byte characters', () => {
    expect(hex(encodeGb18030('中a'))).toBe('d6 d0 61');
    expect(hex(encodeGb18030('€'))).toBe('a2 e3');
    expect(hex(encodeGb18030('\u0080'))).toBe('81 30 81 30');
    expect(hex(encodeGb18030('𠀀'))).toBe('95 32 82 36');
  });

  it('round-trips through the platform decoder', () => {
    const text = '上海市社会组织,民办非企业单位,"基金会"\r\n鄂尔多斯 ·—「」①Ⅻ㈠ 𠮷😀 é ü ñ ß ŉ 〇\n';
    expect(decode(encodeGb18030(text))).toBe(text);
  });

  it('round-trips every BMP character except a few private-use points the decoder never produces', () => {
    let all = '';
    for (let cp = 0; cp < 0x10000; cp++) if (cp < 0xd800 || cp > 0xdfff) all += String.fromCharCode(cp);
    const back = new TextDecoder('gb18030').decode(encodeGb18030(all));
    expect(back.length).toBe(all.length);
    const lost = [...all].filter((ch, i) => back[i] !== ch).map((ch) => ch.charCodeAt(0));
    expect(lost.length).toBeLessThan(25);
    for (const cp of lost) expect(cp >= 0xe000 && cp <= 0xf8ff).toBe(true);
    expect(lost).not.toContain(0xfffd);
  });
});
