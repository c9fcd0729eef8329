import { describe, expect, it } from 'vitest';
import type { ChartData } from '../charts/chart-data';
import { COLUMN, COMBO, MAP, NATIVE } from '../../tests/fixtures/export/charts';
import { assertWellFormed, inspectXlsx } from '../../tests/fixtures/export/inspect-xlsx';
import { chartToXlsx, dashboardToXlsx } from './xlsx-chart';

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** Print area of a sheet as 0-based last column and 1-based last row. */
function printArea(x: ReturnType<typeof inspectXlsx>, sheet: string) {
  const f = x.definedNames()[`${sheet}|_xlnm.Print_Area`];
  const m = /!\$A\$1:\$([A-Z]+)\$(\d+)$/.exec(f)!;
  return { lastCol: colIndex(m[1]), lastRow: Number(m[2]) };
}

/** The drawing's anchor: from (0-based) and, for a chart, to (0-based, exclusive corner). */
function anchor(drawingXml: string) {
  const num = (tag: string, part: 'from' | 'to') => Number(new RegExp(`<xdr:${part}>[\\s\\S]*?<xdr:${tag}>(\\d+)</xdr:${tag}>`).exec(drawingXml)?.[1]);
  return { fromCol: num('col', 'from'), fromRow: num('row', 'from'), toCol: num('col', 'to'), toRow: num('row', 'to') };
}

const rows = (n: number): ChartData => ({
  ...COMBO,
  title: '各省份数量与增长率',
  categories: Array.from({ length: n }, (_, i) => `省份${i + 1}`),
  keys: Array.from({ length: n }, (_, i) => `省份${i + 1}`),
  series: [
    { ...COMBO.series[0], values: Array.from({ length: n }, (_, i) => 120000 * (i + 1)) },
    { ...COMBO.series[1], values: Array.from({ length: n }, (_, i) => i * 1.37) },
  ],
});

describe('an Excel sheet that prints', () => {
  const x = inspectXlsx(chartToXlsx({ data: COLUMN }));
  const name = COLUMN.title;
  const sheet = x.text(x.sheetPart(name));

  it('sets up A4, one page wide, with page numbers; the header row frozen and repeated on every page', () => {
    assertWellFormed(sheet);
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain('<oddFooter>&amp;L&amp;A&amp;R第 &amp;P 页，共 &amp;N 页</oddFooter>');
    expect(sheet).toContain('<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>');
    expect(x.definedNames()[`${name}|_xlnm.Print_Titles`]).toBe(`'${name}'!$4:$4`);
  });

  it('places the chart below the table and its notes, inside the print area', () => {
    const a = anchor(x.text('xl/drawings/drawing1.xml'));
    // Rows: title, subtitle, unit, header, 3 data, blank, source, note (10), then a blank row.
    expect([a.fromCol, a.fromRow]).toEqual([0, 11]);
    const area = printArea(x, name);
    expect(a.toCol - 1).toBeLessThanOrEqual(area.lastCol);
    expect(a.toRow).toBeLessThanOrEqual(area.lastRow);
    // 16:9 at 22 px a row and 7 px a digit: 680 px wide needs about 383 px = 18 rows.
    expect(a.toRow - a.fromRow).toBe(18);
  });

  it('styles the title, unit, header, numbers, source and notes rows', () => {
    expect(x.cellStyle(name, 'A1')).toMatchObject({ bold: true, fontSize: 14 });
    expect(x.cellStyle(name, 'A3')).toMatchObject({ bold: false, fontSize: 10 });
    expect(x.cellStyle(name, 'B4')).toMatchObject({ bold: true, fill: true, border: true });
    expect(x.cellStyle(name, 'B5')).toMatchObject({ numFmt: '#,##0', border: true, bold: false });
    expect(x.cellStyle(name, 'A9')).toMatchObject({ fontSize: 9 });
    expect(x.cellStyle(name, 'A10')).toMatchObject({ fontSize: 9 });
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\1" width="([\d.]+)" customWidth="1"\/>/g)].map((m) => Number(m[2]));
    expect(widths.length).toBeGreaterThanOrEqual(3);
    // The category column is wide enough for 民办非企业单位 (7 CJK characters = 14 digits).
    expect(widths[0]).toBeGreaterThanOrEqual(14);
  });

  it('writes percent numbers as fractions shown with one decimal, large numbers in 万', () => {
    const big = inspectXlsx(chartToXlsx({ data: rows(5) }));
    const ws = big.workbook.Sheets['各省份数量与增长率'];
    // No unit row (the units differ): header in row 3, data from row 4.
    expect([ws.B4.v, ws.C5.v]).toEqual([120000, 0.0137]);
    expect(big.cellStyle('各省份数量与增长率', 'B4').numFmt).toBe('0\\.0,"万"');
    expect(big.cellStyle('各省份数量与增长率', 'C5').numFmt).toBe('0.0%');
    expect(big.charts[0].xml).toContain('<c:formatCode>0\\.0,&quot;万&quot;</c:formatCode>');
  });

  it('turns a wide table to landscape', () => {
    const wide: ChartData = { ...COLUMN, series: Array.from({ length: 9 }, (_, i) => ({ ...COLUMN.series[0], name: `第${i + 1}季度的数量` })) };
    const w = inspectXlsx(chartToXlsx({ data: wide }));
    expect(w.text(w.sheetPart(wide.title))).toContain('orientation="landscape"');
  });

  it('puts the chart of a long table on a sheet of its own that prints on one landscape page', () => {
    const long = inspectXlsx(chartToXlsx({ data: rows(34) }));
    expect(long.workbook.SheetNames).toEqual(['各省份数量与增长率', '各省份数量与增长率 图']);
    expect(long.charts).toHaveLength(1);
    expect(long.charts[0].sheetPath).toBe('xl/worksheets/sheet2.xml');
    // Still drawn from the data sheet's cells.
    expect(long.charts[0].series[0].val).toBe("'各省份数量与增长率'!$B$4:$B$37");
    const chartSheet = long.text('xl/worksheets/sheet2.xml');
    expect(chartSheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="1"/>');
    const a = anchor(long.text('xl/drawings/drawing1.xml'));
    const area = printArea(long, '各省份数量与增长率 图');
    expect(a.toCol - 1).toBeLessThanOrEqual(area.lastCol);
    expect(a.toRow).toBeLessThanOrEqual(area.lastRow);
    // The data sheet has no drawing and repeats its header on every printed page.
    expect(long.text('xl/worksheets/sheet1.xml')).not.toContain('<drawing');
    expect(long.definedNames()['各省份数量与增长率|_xlnm.Print_Titles']).toBe("'各省份数量与增长率'!$3:$3");
  });

  it('keeps a picture at its own size inside the print area', () => {
    const p = inspectXlsx(chartToXlsx({ data: MAP, picture: PNG }));
    const drawing = p.pictures[0].drawingXml;
    expect(drawing).toContain('<xdr:oneCellAnchor>');
    expect(drawing).toContain(`<xdr:ext cx="${680 * 9525}" cy="${383 * 9525}"/>`);
  });
});

describe('a dashboard workbook', () => {
  const x = inspectXlsx(dashboardToXlsx(NATIVE.map((data) => ({ data })), { title: '上海社会组织', lines: ['筛选：年份 = 2013', '导出于 2025-01-01'] }));

  it('opens on an index with the dashboard title, filters and date, set up for print', () => {
    const ws = x.workbook.Sheets['目录'];
    expect([ws.A1.v, ws.A2.v, ws.A3.v]).toEqual(['上海社会组织', '筛选：年份 = 2013', '导出于 2025-01-01']);
    expect([ws.A5.v, ws.B5.v, ws.C5.v]).toEqual(['序号', '图表', '工作表']);
    expect(ws.B6.l?.Target).toBe("#'1 上海注册社会组织数（按类型）'!A1");
    expect(x.text('xl/worksheets/sheet1.xml')).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    expect(x.definedNames()['目录|_xlnm.Print_Titles']).toBe("'目录'!$5:$5");
  });

  it('gives every chart sheet a page setup and a print area holding its chart', () => {
    const names = x.workbook.SheetNames.slice(1);
    expect(names).toHaveLength(NATIVE.length);
    names.forEach((n, i) => {
      expect(x.text(x.sheetPart(n)), n).toContain('paperSize="9"');
      const a = anchor(x.text(`xl/drawings/drawing${i + 1}.xml`));
      const area = printArea(x, n);
      expect(a.toRow, n).toBeLessThanOrEqual(area.lastRow);
      expect(a.toCol - 1, n).toBeLessThanOrEqual(area.lastCol);
    });
  });
});
