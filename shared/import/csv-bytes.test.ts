/**
 * The scan's inline shortcut for text cells (surelyPlainText) may only pass cells that need no second look:
 * text to classifyCell, nothing to trim, no missing mark, no total name. Checked over every BMP character
 * first (with endings of every kind) and every BMP character last (with beginnings of every kind).
 */
import { describe, expect, it } from 'vitest';
import { plainText, surelyPlainText } from './csv-bytes';
import { isTotalName } from './totals';
import { Kind, cellString, classifyCell } from './values';

const enc = new TextEncoder();
const bmp = Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => c < 0xd800 || c > 0xdfff);
const chr = (c: number) => String.fromCharCode(c);
/** Middles and ends of every kind: ASCII, digits, CJK, whitespace (JS trim's and others), fullwidth signs, units. */
const OTHERS = ['1', '心', '万', ' ', '\u3000', '\u00a0', '\u2028', '\ufeff', '）', '𠀀'];

/** What the scan may skip for a text cell: exactly what checkCell would have let through untouched. */
function needsNoLook(text: string): boolean {
  return classifyCell(text) === Kind.Text && cellString(text) !== null && text.trim() === text && !isTotalName(text);
}

function check(text: string): void {
  const b = enc.encode(text);
  if (surelyPlainText(b, 0, b.length) && !needsNoLook(text)) throw new Error(`surelyPlainText passed ${JSON.stringify(text)}`);
}

describe('surelyPlainText', () => {
  it('passes no cell that needs a second look, whatever its first character', () => {
    for (const c of bmp) {
      check(chr(c));
      for (const o of OTHERS) for (const t of [chr(c) + o, chr(c) + '社区' + o]) check(t);
    }
  });

  it('passes no cell that needs a second look, whatever its last character', () => {
    for (const c of bmp) for (const o of OTHERS) for (const t of [o + chr(c), '西藏' + o + chr(c)]) check(t);
  });

  it('takes the bench data’s common cells, and leaves totals and spaced text to the full look', () => {
    for (const t of ['西藏自治区', '社会团体', '年度支出', '广东第1社区服务中心', '北京市', '机构数']) expect(surelyPlainText(enc.encode(t), 0, enc.encode(t).length), t).toBe(true);
    for (const t of ['合计', '总计', '其中：社会团体', '社区\u3000', '社区 ', '社区\u00a0', '社区\u2028', 'NA', '12', 'true']) expect(surelyPlainText(enc.encode(t), 0, enc.encode(t).length), t).toBe(false);
    // The full test agrees on the common cells.
    for (const t of ['西藏自治区', '社会团体']) expect(plainText(enc.encode(t), 0, enc.encode(t).length, false)).toBe(true);
  });
});
