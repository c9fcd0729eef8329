import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { ORGS_PIVOT, ORGS_SQL } from '../../tests/fixtures/export/pivot';
import { assertWellFormed, inspectXlsx } from '../../tests/fixtures/export/inspect-xlsx';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { newPivotSpec, type PivotSpec } from '../model/pivot-spec';
import { cell } from '../pivot/grid';
import { pivotChartData } from '../pivot/pivot-chart';
import { runPivot } from '../pivot/run-pivot';
import { pivotTable } from '../pivot/table';
import { tableSource } from '../sql/source';
import { neutraliseFormula } from './csv';
import { excelNumberFormat, pivotToXlsx } from './pivot-xlsx';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(ORGS_SQL);
});
afterAll(() => db.close());

const spec = ORGS_PIVOT;

async function workbook(withChart = false) {
  const r = await runPivot(db, spec, tableSource((await describeTable(db, 'orgs'))!));
  if (r.status !== 'ready') throw new Error(r.status);
  const table = pivotTable(r.grid, spec, 'zh-CN', ['筛选：无']);
  const chart = withChart ? pivotChartData(r.grid, spec, 'zh-CN') : null;
  const bytes = pivotToXlsx(table, { lang: 'zh-CN', chart });
  return { bytes, x: inspectXlsx(bytes), wb: XLSX.read(bytes, { type: 'array', cellNF: true }), table, grid: r.grid, chart };
}

describe('pivotToXlsx (the OOXML writer of every workbook)', () => {
  it('writes typed numbers equal to the pivot’s with 万 and % formats, merged headers and row labels, neutralised text', async () => {
    const { wb, grid, table } = await workbook();
    expect(wb.SheetNames).toEqual(['数据透视表']);
    const ws = wb.Sheets['数据透视表'];
    expect(ws.A1.v).toBe('经费（按地区、类型和年份）');
    // Title, blank row, then the header: 年份 over its keys, then the value names.
    expect([ws.A3.v, ws.C3.v, ws.E3.v, ws.G3.v]).toEqual(['年份', 2019, 2020, '合计'].map(String));
    expect([ws.A4.v, ws.B4.v, ws.C4.v, ws.D4.v]).toEqual(['地区', '类型', '经费 求和', '机构数 求和（占行合计）']);
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort();
    // Keys in Unicode order: the formula-like text, 上海 (基金会, 社会团体, 合计), 北京; each label spans its group.
    expect(merges).toEqual(['A10:A12', 'A13:B13', 'A3:B3', 'A5:A6', 'A7:A9', 'C3:D3', 'E3:F3', 'G3:H3']);
    expect(ws.A7.v).toBe('上海');
    expect(ws.B8.v).toBe('社会团体');
    expect(ws.C8).toMatchObject({ t: 'n', v: 310000000, z: '0\\.0,"万"' });
    expect(ws.D8).toMatchObject({ t: 'n', v: 1, z: '0.0%' });
    // Every value cell holds the grid's number exactly (Object.is), empty cells stay empty.
    const firstBody = 2 + table.header.length;
    grid.rows.forEach((_, r) =>
      grid.cols.forEach((_c, c) =>
        [0, 1].forEach((m) => {
          const expected = cell(grid, r, c, m);
          const got = ws[XLSX.utils.encode_cell({ r: firstBody + r, c: 2 + c * 2 + m })] as XLSX.CellObject | undefined;
          if (Number.isNaN(expected)) expect(got?.v, `r${r} c${c} m${m}`).toBeUndefined();
          else expect(Object.is(got?.v, expected), `r${r} c${c} m${m}: ${String(got?.v)} vs ${expected}`).toBe(true);
        }),
      ),
    );
    const texts = Object.values(ws).flatMap((c) => (typeof c === 'object' && c && 'v' in c && typeof c.v === 'string' ? [c.v] : []));
    expect(texts).toContain(`'=HYPERLINK("x")`);
    expect(texts).toContain('筛选：无');
  });

  it('bolds totals and headers, freezes the header rows and label columns, prints one page wide with the header rows repeated', async () => {
    const { x, table } = await workbook();
    for (const p of Object.keys(x.files).filter((f) => f.endsWith('.xml'))) assertWellFormed(x.text(p));
    const sheet = x.text('xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pane xSplit="2" ySplit="4" topLeftCell="C5" activePane="bottomRight" state="frozen"/>');
    // Eight columns (the long value names wrap onto two lines) are wider than A4 portrait: landscape.
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain('<row r="4" ht="33" customHeight="1">');
    const names = x.definedNames();
    expect(names['数据透视表|_xlnm.Print_Titles']).toBe("'数据透视表'!$3:$4");
    const lastRow = 4 + table.body.length;
    expect(names['数据透视表|_xlnm.Print_Area']).toBe(`'数据透视表'!$A$1:$H$${lastRow + 2}`);
    const style = (ref: string) => x.cellStyle('数据透视表', ref);
    expect(style(`A${lastRow}`).bold).toBe(true); // 合计 label
    expect(style(`C${lastRow}`).bold).toBe(true); // grand total
    expect(style('G8').bold).toBe(true); // row total column
    expect(style('C8').bold).toBe(false); // a plain cell
    expect(style('C9').bold).toBe(true); // a subtotal
    expect(style('C3').bold).toBe(true); // a column key
    // Bold or not, the value cells keep their number formats; covered cells of a merge keep its border.
    expect(style('G8').numFmt).toBe('0\\.0,"万"');
    expect(style('H8').numFmt).toBe('0.0%');
    expect(style('A8')).toMatchObject({ border: true, fill: true });
    expect(x.charts).toEqual([]);
  });

  it('adds a native clustered column chart of the pivot on its own sheet when asked, over cells holding its numbers', async () => {
    const { x, chart } = await workbook(true);
    expect(x.workbook.SheetNames).toEqual(['数据透视表', '透视图']);
    expect(x.charts).toHaveLength(1);
    const [c] = x.charts;
    expect(c.sheetPath).toBe('xl/worksheets/sheet2.xml');
    expect(c.xml).toContain('<c:barDir val="col"/>');
    expect(c.xml).toContain('<c:grouping val="clustered"/>');
    // One series per year of the first value, over the plain rows (no totals).
    expect(chart!.series.map((s) => s.name)).toEqual(['2019', '2020']);
    expect(c.series.map((s) => x.resolveRef(s.tx)[0])).toEqual(['2019', '2020']);
    c.series.forEach((s, i) => {
      expect(x.resolveRef(s.val)).toEqual(chart!.series[i].values.map((v) => v ?? undefined));
      expect(s.numCache).toEqual(chart!.series[i].values);
    });
    expect(x.resolveRef(c.series[0].cat)).toEqual(chart!.categories.map(neutraliseFormula));
    expect(chart!.categories[0]).toBe('=HYPERLINK("x") / 基金会');
  });

  it('offers no chart for a pivot too wide to read (more than 40 series)', async () => {
    await db.exec(`CREATE OR REPLACE TABLE wide AS SELECT 'r' || (i % 3) AS r, i % 50 AS c, 1 AS v FROM range(300) t(i)`);
    const source = tableSource((await describeTable(db, 'wide'))!);
    const chartOf = async (over: Partial<PivotSpec>) => {
      const s: PivotSpec = { ...newPivotSpec('wide'), values: [{ column: 'v', agg: 'sum', show: 'value', format: 'auto' }], ...over };
      const r = await runPivot(db, s, source);
      if (r.status !== 'ready') throw new Error(r.status);
      return pivotChartData(r.grid, s, 'zh-CN');
    };
    expect(await chartOf({ rows: ['r'], cols: ['c'] })).toBeNull();
    expect((await chartOf({ rows: ['r'], cols: ['c'], filters: [{ column: 'c', op: 'range', max: 39 }] }))?.series).toHaveLength(40);
    // Without row fields: one category named after the value.
    expect((await chartOf({ cols: ['c'], filters: [{ column: 'c', op: 'range', max: 3 }] }))?.categories).toEqual(['v 求和']);
  });

  it('maps every value format to an Excel format', () => {
    expect(['auto', 'integer', 'decimal', 'wan', 'yi', 'percent'].map((f) => excelNumberFormat(f as never, 'zh-CN', false))).toEqual(['#,##0.00', '#,##0', '#,##0.00', '0\\.0,"万"', '0\\.00,,"亿"', '0.0%']);
  });
});
