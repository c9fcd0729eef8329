/**
 * Formula injection: every CSV the CLI writes neutralises cells a spreadsheet would run (=, +, -, @, tab, CR
 * first) exactly as the app's own CSV export does, while plain numbers stay numbers. The data comes from a
 * real CSV file (tests/fixtures/formula/formula.csv) through the real loader, import pipeline and engine.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sgw, tempDir } from '../../tests/fixtures/cli';

const datasets = path.resolve(__dirname, '../../tests/fixtures/formula');
const tmp = tempDir('sgw-formula-');

// What a spreadsheet must see: an apostrophe before each formula-like cell, quotes where RFC 4180 needs them.
const HEADER = `'=公式,数值`;
const ROWS = [
  `"'=HYPERLINK(""http://evil.example/?q=1"",""点我"")",1`,
  `'+1+1,2`,
  `'-2+3,3`,
  `'@SUM(A1),4`,
  `'\t以制表符开头,5`,
  `"'\r以回车开头",6`,
  `-3.5,-3.5`,
];

describe('CSV formula guard in every CLI writer', () => {
  it('sgw query --format csv', async () => {
    const r = await sgw('query', 'SELECT * FROM formula', '--datasets', datasets, '--format', 'csv');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe([HEADER, ...ROWS, ''].join('\n'));
  });

  it('sgw tables --format csv', async () => {
    const r = await sgw('tables', '--format', 'csv', '--datasets', datasets);
    expect(r.out).toBe(`name,kind,rows,columns\nformula,table,7,"'=公式 VARCHAR, 数值 DOUBLE"\n`);
  });

  it('sgw export --csv (UTF-8 with BOM, CRLF) and GB18030', async () => {
    const csv = path.join(tmp.path, 'export.csv');
    const gb = path.join(tmp.path, 'export-gb.csv');
    const sql = 'SELECT * FROM formula';
    expect((await sgw('export', '--datasets', datasets, '--sql', sql, '--x', '=公式', '--y', '数值', '--csv', csv)).code).toBe(0);
    const bytes = new Uint8Array(await readFile(csv));
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe([HEADER, ...ROWS, ''].join('\r\n'));
    expect((await sgw('export', '--datasets', datasets, '--sql', sql, '--x', '=公式', '--y', '数值', '--csv', gb, '--encoding', 'gb18030')).code).toBe(0);
    expect(new TextDecoder('gb18030').decode(await readFile(gb))).toBe([HEADER, ...ROWS, ''].join('\r\n'));
  });

  it('sgw import --out x.csv (the importer itself trims the tab and CR that lead a cell)', async () => {
    const out = path.join(tmp.path, 'import.csv');
    const r = await sgw('import', path.join(datasets, 'formula.csv'), '--out', out);
    expect([r.code, r.err]).toEqual([0, '']);
    const text = await readFile(out, 'utf8');
    expect(text).toBe([HEADER, ...ROWS.slice(0, 4), '以制表符开头,5', '以回车开头,6', '-3.5,-3.5', ''].join('\n'));
    // The source file is only read.
    expect(await readFile(path.join(datasets, 'formula.csv'), 'utf8')).toContain('\r\n+1+1,2\r\n');
  });
});
