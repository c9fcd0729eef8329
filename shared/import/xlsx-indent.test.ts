import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { cellKey } from './grid';
import { readExcelIndents } from './xlsx-indent';

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../tests/fixtures/import', name)));

describe('readExcelIndents', () => {
  it('reads the indent levels of the cells whose style indents, by sheet name', () => {
    const indents = readExcelIndents(fixture('yearbook-shapes.xlsx'));
    expect([...indents.keys()]).toEqual(['社会组织']);
    expect([...indents.get('社会组织')!]).toEqual([
      [cellKey(5, 0), 1],
      [cellKey(6, 0), 1],
      [cellKey(7, 0), 1],
      [cellKey(8, 0), 2],
    ]);
    expect(readExcelIndents(fixture('yearbook.xlsx')).size).toBe(0);
  });

  it('yields nothing for files that are not xlsx zips, and skips parts declaring more than it reads', () => {
    expect(readExcelIndents(fixture('encrypted.xlsx')).size).toBe(0);
    expect(readExcelIndents(new Uint8Array([1, 2, 3])).size).toBe(0);
    const styles = '<styleSheet><cellXfs count="2"><xf/><xf><alignment indent="1"/></xf></cellXfs></styleSheet>';
    const book = '<workbook><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const rels = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>';
    const small = '<worksheet><sheetData><row r="2"><c r="B2" s="1" t="str"><v>x</v></c></row></sheetData></worksheet>';
    const parts = (sheet: string) => zipSync({ 'xl/styles.xml': strToU8(styles), 'xl/workbook.xml': strToU8(book), 'xl/_rels/workbook.xml.rels': strToU8(rels), 'xl/worksheets/sheet1.xml': strToU8(sheet) });
    expect([...readExcelIndents(parts(small)).get('A & B')!]).toEqual([[cellKey(1, 1), 1]]);
    const huge = small.replace('<sheetData>', `<sheetData>${' '.repeat(9 * 1024 * 1024)}`);
    expect(readExcelIndents(parts(huge)).size).toBe(0);
  });
});
