/**
 * The byte scan read in windows gives exactly the one-pass scan's answer (rows, cleaning, totals in order,
 * longest record, last row, pieces, the pieces announced) for many window and piece sizes, on files whose
 * records hold quoted line breaks, doubled quotes, totals, late missing marks and a cell longer than a window.
 */
import { describe, expect, it } from 'vitest';
import type { ByteSource } from './byte-source';
import { scanCsv, type ScanColumn } from './csv-scan';
import { lastRecordEnd, scanWindows } from './csv-windows';

const enc = (s: string) => new TextEncoder().encode(s);
const readInPieces = (b: Uint8Array): ByteSource => ({ size: b.length, read: (from, to) => b.slice(from, Math.min(to, b.length)) });
const REGIONS = ['北京市', '天津市', '河北省', '上海市'];

function file(n: number, row: (i: number) => string, eol = '\n'): Uint8Array {
  const lines = ['地区,备注,数值'];
  for (let i = 0; i < n; i++) lines.push(row(i));
  return enc(lines.join(eol) + eol);
}

const cols: ScanColumn[] = [
  { type: 'string', totals: true, label: true },
  { type: 'string', totals: true, label: false },
  { type: 'double', totals: false, label: false },
];

const files: [string, Uint8Array][] = [
  ['quoted line breaks and doubled quotes', file(6000, (i) => `${REGIONS[i % 4]},${i % 5 === 0 ? '"第一行\n第二行 ""引号"", 逗号"' : i % 7 === 0 ? '""' : `"说明${i}"`},${i}.5`)],
  ['CRLF, quoted CRLF', file(6000, (i) => `${REGIONS[i % 4]},${i % 3 === 0 ? '"甲\r\n乙"' : `说明${i}`},${i}`, '\r\n')],
  ['totals and late missing marks', file(6000, (i) => (i % 700 === 0 ? `合计,${i % 1400 ? '总计' : ' 小 计 '},${i}` : i > 5990 ? `${REGIONS[i % 4]}, NA ,—` : `${REGIONS[i % 4]},备注${i},${i}`))],
  ['a cell longer than a window, no final line break', enc(`${new TextDecoder().decode(file(3000, (i) => `${REGIONS[i % 4]},${i === 1500 ? '长'.repeat(120_000) : `短${i}`},${i}`)).trimEnd()}`)],
];

describe('the byte scan in windows', () => {
  it.each(files)('%s: the same scan as one pass, for every window and piece size', (_, bytes) => {
    const start = bytes.indexOf(10) + 1;
    for (const pieceBytes of [1000, 4096, 16_384, 65_536, 100_003]) {
      for (const pieceRows of [1, 7, 100]) {
        const onePass: number[] = [];
        const windowed: number[] = [];
        const whole = scanCsv(bytes, start, ',', 3, cols, pieceBytes, pieceRows, (e) => onePass.push(e));
        expect(whole, 'the file itself scans').not.toBeNull();
        expect(scanWindows(readInPieces(bytes), start, ',', cols, pieceBytes, pieceRows, (e) => windowed.push(e)), `${pieceBytes} / ${pieceRows}`).toEqual(whole);
        expect(windowed).toEqual(onePass);
      }
    }
  });

  it('fails where the one pass fails, late in the file', () => {
    const bytes = file(6000, (i) => (i === 5900 ? `${REGIONS[0]},"a"b,1` : `${REGIONS[i % 4]},说明${i},${i}`));
    const start = bytes.indexOf(10) + 1;
    expect(scanCsv(bytes, start, ',', 3, cols, 4096, 7)).toBeNull();
    expect(scanWindows(readInPieces(bytes), start, ',', cols, 4096, 7)).toBeNull();
  });

  it('ends a window after the last line break outside quotes', () => {
    expect(lastRecordEnd(enc('a,b\nc,"d\ne'))).toBe(4);
    expect(lastRecordEnd(enc('a,"b\n""c"""\nd'))).toBe(12);
    expect(lastRecordEnd(enc('a,"b\nc'))).toBe(0);
    expect(lastRecordEnd(enc('a,b\n'))).toBe(4);
  });
});
