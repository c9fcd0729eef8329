import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { inspectXlsx } from '../../tests/fixtures/export/inspect-xlsx';
import { chartToCsv, encodeCsv, tableToCsv, tableToXlsx } from './table-export';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => {
  await db?.close();
});

const SQL = `SELECT * FROM (VALUES ('社会团体', 4000, 1.5, DATE '2014-06-30'), ('=HYPERLINK("x")', NULL, -2.25, NULL), ('民办,非企业', 6300, 0, DATE '2013-12-31'))
  t(类型, 数量, 增长, 日期)`;

describe('tableToCsv', () => {
  it('writes UTF-8 with a BOM, CRLF, neutralised formulas', async () => {
    const bytes = await tableToCsv(await db.query(SQL));
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toBe('类型,数量,增长,日期\r\n社会团体,4000,1.5,2014-06-30\r\n"\'=HYPERLINK(""x"")",,-2.25,\r\n"民办,非企业",6300,0,2013-12-31\r\n');
  });

  it('writes GB18030 that decodes to the same text, with progress', async () => {
    const table = await db.query('SELECT range AS 序号, \'社会组织\' || range AS 名称 FROM range(25)');
    const progress: number[] = [];
    let pauses = 0;
    const bytes = await tableToCsv(table, 'gb18030', { chunkRows: 10, onProgress: (p) => progress.push(p), pause: async () => void pauses++ });
    expect(progress).toEqual([0.4, 0.8, 1]);
    expect(pauses).toBe(2);
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(text.split('\r\n')[25]).toBe('24,社会组织24');
    expect(bytes[0]).not.toBe(0xef);
    // Two bytes per Chinese character instead of UTF-8's three.
    expect((await tableToCsv(table)).length).toBeGreaterThan(bytes.length);
  });

  it('puts a BOM before UTF-8 text', async () => {
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(encodeCsv('a\r\n'))).toBe('\ufeffa\r\n');
  });
});

describe('tableToXlsx', () => {
  it('types numbers as numbers and keeps text as neutralised text', async () => {
    const bytes = await tableToXlsx(await db.query(SQL), '查询结果');
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['查询结果']);
    const ws = wb.Sheets['查询结果'];
    expect([ws.A1.v, ws.B1.v, ws.C1.v, ws.D1.v]).toEqual(['类型', '数量', '增长', '日期']);
    expect([ws.B2.t, ws.B2.v, ws.C3.t, ws.C3.v]).toEqual(['n', 4000, 'n', -2.25]);
    expect(ws.A3).toMatchObject({ t: 's', v: '\'=HYPERLINK("x")' });
    expect(ws.A3.f).toBeUndefined();
    expect(ws.B3).toBeUndefined();
    expect(ws.D2.v).toBe('2014-06-30');
  });

  it('is written by our OOXML writer (the only xlsx writer): booleans typed, NaN and ±Inf as text, header frozen and repeated when printed', async () => {
    const bytes = await tableToXlsx(await db.query(`SELECT * FROM (VALUES (true, 'nan'::DOUBLE, 1), (false, 'inf'::DOUBLE, 2), (NULL, '-inf'::DOUBLE, 3)) t(是否, 比率, 序号)`), '结果');
    const x = inspectXlsx(bytes);
    const ws = x.workbook.Sheets['结果'];
    expect([ws.A2, ws.A3].map((c) => [c.t, c.v])).toEqual([['b', true], ['b', false]]);
    expect(ws.A4).toBeUndefined();
    expect([ws.B2.v, ws.B3.v, ws.B4.v]).toEqual(['NaN', 'Infinity', '-Infinity']);
    expect(x.cellStyle('结果', 'A1').bold).toBe(true);
    expect(x.text('xl/worksheets/sheet1.xml')).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(x.definedNames()['结果|_xlnm.Print_Titles']).toBe("'结果'!$1:$1");
    // Not SheetJS's output: no docProps/app.xml naming SheetJS.
    expect(Object.keys(x.files).some((f) => x.text(f).includes('SheetJS'))).toBe(false);
  });
});

describe('chartToCsv', () => {
  it('writes the chart data with unit headers, gaps for missing values', async () => {
    const { COMBO } = await import('../../tests/fixtures/export/charts');
    const text = new TextDecoder().decode(chartToCsv(COMBO, 'zh-CN'));
    expect(text).toBe('类型,数量（家）,增长率（%）\r\n民办非企业单位,6300,5\r\n社会团体,4000,2.56\r\n基金会,300,\r\n');
  });
});
