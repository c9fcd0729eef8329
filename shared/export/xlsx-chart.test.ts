import { describe, expect, it } from 'vitest';
import type { ChartData } from '../charts/chart-data';
import { AREA, COLUMN, COMBO, DONUT, HEATMAP, LINE, MAP, MULTIPLES, NATIVE, PERCENT, PICTURES, PIE, SCATTER, STACKED, TREEMAP } from '../../tests/fixtures/export/charts';
import { assertWellFormed, inspectXlsx } from '../../tests/fixtures/export/inspect-xlsx';
import { chartToXlsx as writeChart, dashboardToXlsx } from './xlsx-chart';

const chartToXlsx = (data: ChartData) => writeChart({ data });

/** What a cell holds for a value of a series: percent numbers (unit %) as fractions, so Excel shows 4.4%. */
const cellOf = (chart: ChartData, i: number) => (v: number | null) => (v === null ? undefined : (chart.series[i].unit ?? chart.unit) === '%' ? v / 100 : v);

/** Every series' tx/cat/val reference must point at the cells holding that series' name, categories and numbers. */
function expectRefsMatch(x: ReturnType<typeof inspectXlsx>, chart: ChartData, chartIndex: number) {
  const part = x.charts[chartIndex];
  // A pie or doughnut draws its first series only.
  const drawn = chart.kind === 'pie' || chart.kind === 'donut' ? chart.series.slice(0, 1) : chart.series;
  expect(part.series).toHaveLength(drawn.length);
  part.series.forEach((s, i) => {
    expect(x.resolveRef(s.tx)[0]).toMatch(new RegExp(`^${chart.series[i].name}`));
    expect(x.resolveRef(s.cat)).toEqual(chart.categories);
    expect(x.resolveRef(s.val)).toEqual(chart.series[i].values.map(cellOf(chart, i)));
    expect(s.numCache).toEqual(chart.series[i].values.map((v) => cellOf(chart, i)(v) ?? null));
    const types = x.cellTypes(s.val);
    chart.series[i].values.forEach((v, r) => expect(types[r]).toBe(v === null ? undefined : 'n'));
  });
}

describe('chartToXlsx', () => {
  const bytes = chartToXlsx(COLUMN);
  const x = inspectXlsx(bytes);

  it('writes the data as typed numbers under a unit row, with the source line and notes', () => {
    expect(x.workbook.SheetNames).toEqual(['上海注册社会组织数（按类型）']);
    const ws = x.workbook.Sheets['上海注册社会组织数（按类型）'];
    expect(ws.A1.v).toBe(COLUMN.title);
    expect(ws.A2.v).toBe(COLUMN.subtitle);
    expect(ws.A3.v).toBe('单位：家');
    expect([ws.A4.v, ws.B4.v, ws.C4.v]).toEqual(['类型', '2013年末', '2014年6月末']);
    expect([ws.A5.v, ws.B5.v, ws.B5.t, ws.C7.v, ws.C7.t]).toEqual(['民办非企业单位', 6000, 'n', 300, 'n']);
    expect(ws.A9.v).toBe(COLUMN.source);
    expect(ws.A10.v).toBe('注：2014年为6月末数');
  });

  it('adds a native clustered column chart whose series reference those cells', () => {
    expect(x.charts).toHaveLength(1);
    expect(x.charts[0].series.map((s) => s.val)).toEqual(["'上海注册社会组织数（按类型）'!$B$5:$B$7", "'上海注册社会组织数（按类型）'!$C$5:$C$7"]);
    expect(x.charts[0].series[0].tx).toBe("'上海注册社会组织数（按类型）'!$B$4");
    expectRefsMatch(x, COLUMN, 0);
    const xml = x.charts[0].xml;
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(xml).toContain('<a:ea typeface="Microsoft YaHei"/>');
    expect(xml).toContain('<a:t>上海注册社会组织数（按类型）</a:t>');
    // Axes reference each other.
    expect(xml).toMatch(/<c:catAx><c:axId val="(\d+)"\/>[\s\S]*<c:crossAx val="(\d+)"\/>[\s\S]*<\/c:catAx><c:valAx><c:axId val="\2"\/>[\s\S]*<c:crossAx val="\1"\/>/);
  });

  it('declares every part, relationship and content type, with well-formed XML', () => {
    for (const p of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/worksheets/_rels/sheet1.xml.rels']) {
      expect(x.files[p], p).toBeDefined();
      assertWellFormed(x.text(p));
    }
    const ct = x.text('[Content_Types].xml');
    expect(ct).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(ct).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    const sheet = x.text('xl/worksheets/sheet1.xml');
    assertWellFormed(sheet);
    // CT_Worksheet order: … pageMargins, pageSetup, headerFooter … drawing … tableParts, extLst.
    expect(sheet.indexOf('<drawing r:id="rId1"/>')).toBeGreaterThan(sheet.indexOf('<headerFooter>'));
    expect(sheet).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    expect(x.text('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    expect(x.text('xl/drawings/drawing1.xml')).toContain('<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"');
  });
});

/** A real 1×1 PNG: the writer embeds whatever picture the app rendered. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

describe('chart kinds', () => {
  it('stacked columns overlap fully', () => {
    const x = inspectXlsx(chartToXlsx(STACKED));
    expect(x.charts[0].xml).toContain('<c:grouping val="stacked"/>');
    expect(x.charts[0].xml).toContain('<c:overlap val="100"/>');
    expectRefsMatch(x, STACKED, 0);
    // The apostrophe in the sheet name is doubled inside the quoted reference.
    expect(x.charts[0].series[0].val).toBe("'堆积 ''quoted'' 图'!$B$5:$B$7");
  });

  it('100 % stacked columns: grouping percentStacked, the value axis in %', () => {
    const xml = inspectXlsx(chartToXlsx(PERCENT)).charts[0].xml;
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="percentStacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(xml).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
  });

  it('pie: one series, a colour per slice, category and percent labels', () => {
    const x = inspectXlsx(chartToXlsx(PIE));
    const xml = x.charts[0].xml;
    expect(xml).toContain('<c:pieChart><c:varyColors val="1"/>');
    expect(xml.match(/<c:dPt>/g)).toHaveLength(3);
    expect(xml).toContain('<c:showPercent val="1"/>');
    expect(xml).not.toContain('<c:valAx>');
    expectRefsMatch(x, PIE, 0);
  });

  it('donut: a native doughnut with a hole, not a pie', () => {
    const x = inspectXlsx(chartToXlsx(DONUT));
    const xml = x.charts[0].xml;
    expect(xml).toMatch(/<c:doughnutChart><c:varyColors val="1"\/>[\s\S]*<c:holeSize val="60"\/><\/c:doughnutChart>/);
    expect(xml).not.toContain('<c:pieChart>');
    expectRefsMatch(x, DONUT, 0);
  });

  it('area: c:areaChart, stacked as on screen', () => {
    const x = inspectXlsx(chartToXlsx(AREA));
    expect(x.charts[0].xml).toContain('<c:areaChart><c:grouping val="stacked"/>');
    expect(x.charts[0].xml).not.toContain('<c:lineChart>');
    expectRefsMatch(x, AREA, 0);
    expect(inspectXlsx(chartToXlsx({ ...AREA, stack: 'none' })).charts[0].xml).toContain('<c:areaChart><c:grouping val="standard"/>');
  });

  it('scatter: x from the first measure, y from the second, two value axes', () => {
    const x = inspectXlsx(chartToXlsx(SCATTER));
    const xml = x.charts[0].xml;
    expect(xml).toContain('<c:scatterChart><c:scatterStyle val="lineMarker"/>');
    expect(xml.match(/<c:valAx>/g)).toHaveLength(2);
    expect(xml).not.toContain('<c:catAx>');
    const [ser] = x.charts[0].series;
    expect(x.resolveRef(ser.cat)).toEqual([6300, 4000, 300]);
    expect(x.resolveRef(ser.val)).toEqual([0.05, 0.0256, undefined]);
    expect(ser.numCache).toEqual([0.05, 0.0256, null]);
    expect(xml).toContain('<a:t>数量（家）</a:t>');
    expect(xml).toContain('<a:t>增长率（%）</a:t>');
    // Each axis in its measure's format: counts grouped, the growth rate in %.
    expect(xml).toMatch(/<c:valAx><c:axId val="500000004"\/>[\s\S]*?<c:numFmt formatCode="#,##0" sourceLinked="0"\/>/);
    expect(xml).toMatch(/<c:valAx><c:axId val="500000002"\/>[\s\S]*?<c:numFmt formatCode="0.0%" sourceLinked="0"\/>/);
  });

  it('combo: bars on the primary axes, the line on a secondary pair crossing at the maximum', () => {
    const x = inspectXlsx(chartToXlsx(COMBO));
    const xml = x.charts[0].xml;
    expect(xml.match(/<c:barChart>/g)).toHaveLength(1);
    expect(xml.match(/<c:lineChart>/g)).toHaveLength(1);
    expect(xml.match(/<c:valAx>/g)).toHaveLength(2);
    expect(xml.match(/<c:catAx>/g)).toHaveLength(2);
    expect(xml).toMatch(/<c:valAx><c:axId val="500000004"\/>[\s\S]*?<c:axPos val="r"\/>[\s\S]*?<c:crosses val="max"\/>/);
    expect(xml).toMatch(/<c:lineChart>[\s\S]*<c:axId val="500000003"\/><c:axId val="500000004"\/><\/c:lineChart>/);
    // The units differ: each header carries its own, and there is no unit row.
    expect(x.workbook.Sheets['数量与增长率'].C3.v).toBe('增长率（%）');
    expect(x.workbook.Sheets['数量与增长率'].B3.v).toBe('数量（家）');
    // A missing value is an empty cell and a gap in the cache, never 0.
    expect(x.workbook.Sheets['数量与增长率'].C6).toBeUndefined();
    expect(xml).toMatch(/<c:valAx><c:axId val="500000004"\/>[\s\S]*?<c:numFmt formatCode="0.0%" sourceLinked="0"\/>/);
    expect(xml).toContain('<c:formatCode>0.0%</c:formatCode>');
    expectRefsMatch(x, COMBO, 0);
  });

  it('line and horizontal bar', () => {
    const line = inspectXlsx(chartToXlsx(LINE)).charts[0].xml;
    expect(line).toContain('<c:lineChart><c:grouping val="standard"/>');
    const bar = inspectXlsx(chartToXlsx({ ...COLUMN, kind: 'bar' })).charts[0].xml;
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).toMatch(/<c:catAx>[\s\S]*?<c:orientation val="maxMin"\/>[\s\S]*?<c:axPos val="l"\/>/);
    expect(bar).toMatch(/<c:valAx>[\s\S]*?<c:axPos val="b"\/>[\s\S]*?<c:crosses val="max"\/>/);
  });

  it('starts value axes at 0 as the screen does, unless a number is negative; scatter axes fit their data', () => {
    const valAxes = (data: ChartData) => [...inspectXlsx(chartToXlsx(data)).charts[0].xml.matchAll(/<c:valAx>.*?<\/c:valAx>/g)].map((m) => m[0].includes('<c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>'));
    expect(valAxes(COLUMN)).toEqual([true]);
    expect(valAxes({ ...COLUMN, kind: 'bar' })).toEqual([true]);
    expect(valAxes(LINE)).toEqual([true]);
    expect(valAxes(COMBO)).toEqual([true, true]);
    const falling = { ...COMBO, series: [COMBO.series[0], { ...COMBO.series[1], values: [5, -2.5, null] }] };
    expect(valAxes(falling)).toEqual([true, false]);
    expect(valAxes(SCATTER)).toEqual([false, false]);
  });

  it.each([MAP, TREEMAP, MULTIPLES])('$kind: the picture below the data table, and no chart of another kind', (data) => {
    const x = inspectXlsx(writeChart({ data, picture: PNG }));
    expect(x.charts).toEqual([]);
    expect(Object.keys(x.files).filter((p) => p.startsWith('xl/charts/'))).toEqual([]);
    expect(x.pictures).toHaveLength(1);
    expect(x.pictures[0].path).toBe('xl/media/image1.png');
    expect(x.pictures[0].bytes).toEqual(PNG);
    expect(x.pictures[0].drawingXml).toContain('<xdr:pic>');
    expect(x.pictures[0].drawingXml).toContain(`descr="${data.title}"`);
    expect(x.pictures[0].drawingXml).toContain('<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/>');
    expect(x.text('[Content_Types].xml')).toContain('<Default Extension="png" ContentType="image/png"/>');
    assertWellFormed(x.pictures[0].drawingXml);
    // The numbers are still there, as typed cells.
    const ws = x.workbook.Sheets[x.workbook.SheetNames[0]];
    expect([ws.A2.v, ws.A3.v, ws.B3.v]).toEqual(['单位：个', data.categoryLabel, data.series[0].name]);
    expect([ws.B4.v, ws.B4.t]).toEqual([data.series[0].values[0], 'n']);
    // Below the table and its source line, at the first column.
    const from = /<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/.exec(x.pictures[0].drawingXml)!;
    expect([Number(from[1]), Number(from[2])]).toEqual([0, 3 + data.categories.length + 3]);
  });

  it('heatmap: the table itself, coloured by a live colour scale as on screen — no picture, no chart', () => {
    const x = inspectXlsx(chartToXlsx(HEATMAP));
    expect(x.charts).toEqual([]);
    expect(x.pictures).toEqual([]);
    const sheet = x.text(x.sheetPart(HEATMAP.title));
    // Data in B4:C6 (title, unit row, header); from the minimum (1) → lightest, halfway → mid blue, the maximum (4) → darkest.
    expect(sheet).toContain(
      '<conditionalFormatting sqref="B4:C6"><cfRule type="colorScale" priority="2"><colorScale><cfvo type="num" val="1"/><cfvo type="num" val="2.5"/><cfvo type="num" val="4"/><color rgb="FFC6DBEF"/><color rgb="FF4292C6"/><color rgb="FF08306B"/></colorScale></cfRule>',
    );
    // Dark cells get white text (dxf 0).
    expect(sheet).toContain('<cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThanOrEqual"><formula>2.5</formula></cfRule>');
    expect(x.text('xl/styles.xml')).toContain('<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font></dxf></dxfs>');
    const ws = x.workbook.Sheets[HEATMAP.title];
    expect([ws.B4.v, ws.C4.v, ws.B6, ws.C6.v]).toEqual([3, 4, undefined, 2]);
  });

  it('refuses a picture kind without its picture rather than drawing another kind', () => {
    expect(() => chartToXlsx(MAP)).toThrow(/picture/);
  });
});

describe('dashboardToXlsx', () => {
  const all = [...NATIVE, ...PICTURES];
  const x = inspectXlsx(dashboardToXlsx(all.map((data) => ({ data, picture: PNG }))));

  it('has an index sheet linking to one sheet per chart', () => {
    expect(x.workbook.SheetNames.slice(0, 4)).toEqual(['目录', '1 上海注册社会组织数（按类型）', "2 堆积 'quoted' 图", '3 构成（100%）']);
    expect(x.workbook.SheetNames).toHaveLength(all.length + 1);
    const index = x.workbook.Sheets['目录'];
    expect([index.A1.v, index.B1.v, index.C1.v]).toEqual(['序号', '图表', '工作表']);
    expect(index.B3.v).toBe("堆积 'quoted' 图");
    expect(index.B3.l.Target).toBe("#'2 堆积 ''quoted'' 图'!A1");
    expect(index.A7.t).toBe('n');
  });

  it('puts each chart on its own sheet, referencing that sheet; pictures on theirs; the heatmap is its coloured table', () => {
    expect(x.charts).toHaveLength(NATIVE.length);
    NATIVE.forEach((_, i) => assertWellFormed(x.charts[i].xml));
    // A scatter's series are x and y values, checked in its own test.
    const withCategories = NATIVE.map((chart, i) => [chart, i] as const).filter(([chart]) => chart.kind !== 'scatter');
    expect(withCategories).toHaveLength(NATIVE.length - 1);
    withCategories.forEach(([chart, i]) => expectRefsMatch(x, chart, i));
    expect(x.charts.map((c) => c.sheetPath)).toEqual(NATIVE.map((_, i) => `xl/worksheets/sheet${i + 2}.xml`));
    const pictured = PICTURES.map((chart, i) => [chart, i] as const).filter(([chart]) => chart.kind !== 'heatmap');
    expect(x.pictures.map((p) => p.sheetPath)).toEqual(pictured.map(([, i]) => `xl/worksheets/sheet${NATIVE.length + i + 2}.xml`));
    expect(new Set(x.pictures.map((p) => p.path)).size).toBe(PICTURES.length - 1);
    expect(x.text(`xl/worksheets/sheet${NATIVE.length + PICTURES.indexOf(HEATMAP) + 2}.xml`)).toContain('<cfRule type="colorScale"');
  });
});

describe('safety', () => {
  it('neutralises formula-like text in every text cell and the chart cache, and writes no formulas', () => {
    const evil: ChartData = { ...COLUMN, title: '=1+1', categoryLabel: '@SUM(A1)', categories: ['=HYPERLINK("http://x")', '-10', '+cmd'], series: [{ name: '\tname', values: [1, 2, 3], axis: 'left', type: 'bar' }], unit: undefined };
    const x = inspectXlsx(chartToXlsx(evil));
    const ws = x.workbook.Sheets[x.workbook.SheetNames[0]];
    expect(ws.A1.v).toBe("'=1+1");
    expect(ws.A3.v).toBe("'@SUM(A1)");
    expect([ws.A4.v, ws.A5.v, ws.A6.v]).toEqual(['\'=HYPERLINK("http://x")', '-10', "'+cmd"]);
    expect(Object.values(ws).some((c) => typeof c === 'object' && c !== null && 'f' in c)).toBe(false);
    expect(x.charts[0].xml).toContain(`<c:v>'=HYPERLINK(&quot;http://x&quot;)</c:v>`);
    expect(x.charts[0].series[0].tx).toBe("'=1+1'!$B$3");
    expect(x.resolveRef(x.charts[0].series[0].cat)).toEqual(['\'=HYPERLINK("http://x")', '-10', "'+cmd"]);
  });
});
