/**
 * A dashboard's pivot card and a pivot slide in the three Office writers: the pivot is run on the real engine,
 * and each file is read back independently (SheetJS for the workbook, the XML for Word and PowerPoint).
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import type { PivotSpec } from '../model/pivot-spec';
import { cell, type PivotGrid } from '../pivot/grid';
import { runPivot } from '../pivot/run-pivot';
import { pivotTable, type PivotTable } from '../pivot/table';
import { tableSource } from '../sql/source';
import { dashboardToDocx } from './dashboard-docx';
import { buildDeckPptx } from './pptx';
import { dashboardToXlsx } from './xlsx-chart';

let db: Db;
let grid: PivotGrid;
let table: PivotTable;
// Two row levels with subtotals (row keys merged down), two values (a column key merged across), 万 and %.
const spec: PivotSpec = {
  version: 1,
  table: '卡片',
  rows: ['省', '市'],
  cols: ['年份'],
  values: [
    { column: '金额', agg: 'sum', show: 'value', format: 'wan' },
    { column: '金额', agg: 'sum', show: 'row_share', format: 'percent' },
  ],
  filters: [],
  totals: true,
  sort: { by: 'label', dir: 'asc' },
  heat: false,
  title: '各市金额',
};

beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(`CREATE TABLE 卡片 AS SELECT * FROM (VALUES
    ('江苏', '南京', 2020, 123456.5::DOUBLE), ('江苏', '苏州', 2020, 98765.25), ('江苏', '南京', 2021, 150000.0),
    ('浙江', '杭州', 2020, 222222.0), ('浙江', '杭州', 2021, NULL)) t(省, 市, 年份, 金额)`);
  const run = await runPivot(db, spec, tableSource((await describeTable(db, '卡片'))!));
  if (run.status !== 'ready') throw new Error(run.status);
  grid = run.grid;
  table = pivotTable(grid, spec, 'zh-CN');
});
afterAll(() => db.close());

const texts = (t: PivotTable) => [...t.header, ...t.body].flat().filter((c) => c.kind !== 'covered' && c.text !== '').map((c) => c.text);

describe('pivot cards and slides in Office files', () => {
  it('Word: a real table holding every text of the pivot, in order, totals bold, under its caption', () => {
    const doc = strFromU8(unzipSync(dashboardToDocx({ title: '仪表板', cards: [{ pivot: table }] }, { lang: 'zh-CN' }))['word/document.xml']);
    const tbl = /<w:tbl>.*<\/w:tbl>/s.exec(doc)![0];
    const cells = [...tbl.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''));
    expect(cells.filter((c) => c !== '')).toEqual(texts(table));
    // Merged as on screen: column keys across their values (gridSpan), row keys down their group (vMerge).
    expect(tbl).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(tbl).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(doc).toContain('<w:t xml:space="preserve">各市金额</w:t>');
    // The grand total row's key and numbers are bold.
    const lastRow = [...tbl.matchAll(/<w:tr>.*?<\/w:tr>/g)].at(-1)![0];
    const lastCells = [...lastRow.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => m[0]).filter((c) => /<w:t[^>]*>[^<]+<\/w:t>/.test(c));
    expect(lastCells.length).toBeGreaterThan(1);
    expect(lastCells.every((c) => c.includes('<w:b/>'))).toBe(true);
  });

  it('Excel: a sheet per pivot card with the exact numbers typed in their formats and its merges, beside the index', () => {
    const wb = XLSX.read(dashboardToXlsx([{ pivot: table }], { lang: 'zh-CN', title: '仪表板' }), { cellNF: true });
    expect(wb.SheetNames).toEqual(['目录', '1 各市金额']);
    const sheet = wb.Sheets['1 各市金额'];
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
    const first = 2 + table.header.length; // title, blank row, header rows
    grid.rows.forEach((_, r) => {
      grid.cols.forEach((__, c) => {
        for (let m = 0; m < grid.values; m++) {
          const x = cell(grid, r, c, m);
          const got = aoa[first + r][table.rowHeaderCols + c * grid.values + m];
          if (Number.isNaN(x)) expect(got === null || got === '').toBe(true);
          else expect(got).toBe(x);
        }
      });
    });
    const formats = Object.values(sheet).flatMap((v) => (v && typeof v === 'object' && 't' in v && v.t === 'n' ? [String((v as XLSX.CellObject).z)] : []));
    expect(formats.some((z) => z.includes('万'))).toBe(true);
    expect(formats.some((z) => z.includes('%'))).toBe(true);
    expect((sheet['!merges'] ?? []).length).toBeGreaterThan(0);
  });

  it('PowerPoint: a native table with the merges of the pivot (gridSpan across, rowSpan down)', async () => {
    const files = unzipSync(await buildDeckPptx({ title: 't', slides: [{ kind: 'pivot', title: spec.title, table, notes: '备注' }] }));
    const slide = strFromU8(files['ppt/slides/slide1.xml']);
    expect(slide).toContain('<a:tbl>');
    expect(slide).toMatch(/gridSpan="2"/);
    expect(slide).toMatch(/rowSpan="\d+"/);
    // pptxgenjs writes a text with spaces as several runs: a cell's text is its runs joined.
    const shown = [...slide.matchAll(/<a:tc[ >].*?<\/a:tc>/g)].map((m) => [...m[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((x) => x[1]).join(''));
    expect(shown.filter((x) => x !== '')).toEqual(texts(table));
  });
});
