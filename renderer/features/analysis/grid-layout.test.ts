import { describe, expect, it } from 'vitest';
import { newPivotSpec, type PivotSpec } from '../../../shared/model/pivot-spec';
import type { PivotGrid } from '../../../shared/pivot/grid';
import { bodyCell, cellKeys, gridLayout, rowKeyText, visibleSpans } from './grid-layout';

// 地区 × 类型 rows (with subtotals), 年份 columns (with a total), two values: 2 + 1 + 1 rows … laid out by hand.
const spec: PivotSpec = {
  ...newPivotSpec('t'),
  rows: ['地区', '类型'],
  cols: ['年份'],
  values: [
    { column: '数值', agg: 'sum', show: 'value', format: 'wan' },
    { column: null, agg: 'count', show: 'value', format: 'auto' },
  ],
  heat: true,
};
const grid: PivotGrid = {
  rowDims: ['地区', '类型'],
  colDims: ['年份'],
  values: 2,
  rows: [
    { keys: ['上海', '基金会'], depth: 2 },
    { keys: ['上海', null], depth: 2 },
    { keys: ['上海', null], depth: 1 },
    { keys: [null, null], depth: 0 },
  ],
  cols: [
    { keys: ['2019'], depth: 1 },
    { keys: [null], depth: 0 },
  ],
  // cells[m][r * cols + c]
  cells: [Float64Array.from([10000, 10000, 30000, 30000, 40000, 40000, 40000, 40000]), Float64Array.from([1, 1, NaN, 2, 3, 3, 3, 3])],
};

describe('the screen grid layout', () => {
  const layout = gridLayout(grid, spec, 'zh-CN');

  it('reads each visible cell from the typed arrays: value x of column ⌊x / values⌋, formatted, totals marked, heat on plain cells', () => {
    expect(layout).toMatchObject({ keyCols: 2, dataCols: 4, headerRows: 2 });
    expect(bodyCell(grid, spec, layout, 0, 0, 'zh-CN')).toEqual({ text: '1.0万', total: false, empty: false, background: 'rgba(214, 72, 46, 0.060)' });
    expect(bodyCell(grid, spec, layout, 1, 0, 'zh-CN').background).toBe('rgba(214, 72, 46, 0.660)');
    expect(bodyCell(grid, spec, layout, 0, 3, 'zh-CN')).toEqual({ text: '1', total: true, empty: false });
    expect(bodyCell(grid, spec, layout, 1, 1, 'zh-CN')).toEqual({ text: '', total: false, empty: true });
    expect(bodyCell(grid, spec, layout, 3, 2, 'en')).toMatchObject({ text: '4.0×10⁴', total: true });
  });

  it('names a group once, again on the first row in view, 合计 where a total starts, （空） for an empty key', () => {
    // 上海's subtotal row still belongs to 上海 at the first level; its 合计 is at the second.
    expect([0, 1, 2, 3].map((r) => rowKeyText(grid, r, 0, 0, 'zh-CN'))).toEqual(['上海', '', '', '合计']);
    expect(rowKeyText(grid, 1, 0, 1, 'zh-CN')).toBe('上海');
    expect([0, 1, 2, 3].map((r) => rowKeyText(grid, r, 1, 0, 'zh-CN'))).toEqual(['基金会', '（空）', '合计', '']);
  });

  it('gives a drill-down key per dimension, undefined where the cell is a total, null for an empty value', () => {
    expect(cellKeys(grid, 1, 0)).toEqual({ row: ['上海', null], col: ['2019'] });
    expect(cellKeys(grid, 2, 3)).toEqual({ row: ['上海', undefined], col: [undefined] });
    expect(cellKeys(grid, 3, 2)).toEqual({ row: [undefined, undefined], col: [undefined] });
  });

  it('keeps the header spans that reach into the columns in view', () => {
    const years = layout.header[0];
    expect(years.map((s) => [s.start, s.span, s.cell.text])).toEqual([
      [0, 2, '2019'],
      [2, 2, '合计'],
    ]);
    expect(visibleSpans(years, 1, 1).map((s) => s.cell.text)).toEqual(['2019']);
    expect(visibleSpans(years, 3, 5).map((s) => s.cell.text)).toEqual(['合计']);
    expect(layout.header[1].map((s) => s.cell.text)).toEqual(['数值 求和', '行数', '数值 求和', '行数']);
  });

  it('auto: a total shows the decimals of its cells (3,077.50 under 771.63 and 2,305.87), a whole value none', () => {
    const money: PivotGrid = { ...grid, rowDims: ['地区'], rows: [{ keys: ['北京'], depth: 1 }, { keys: [null], depth: 0 }], cols: [{ keys: [null], depth: 0 }], colDims: [], cells: [Float64Array.from([771.63, 3077.5]), Float64Array.from([2, 5])] };
    const s: PivotSpec = { ...spec, rows: ['地区'], cols: [], heat: false, values: [{ column: '金额', agg: 'sum', show: 'value', format: 'auto' }, { column: null, agg: 'count', show: 'value', format: 'auto' }] };
    const l = gridLayout(money, s, 'zh-CN');
    expect([0, 1].flatMap((r) => [0, 1].map((x) => bodyCell(money, s, l, r, x, 'zh-CN').text))).toEqual(['771.63', '2', '3,077.50', '5']);
    expect(bodyCell(money, s, l, 1, 0, 'en').text).toBe('3,077.50');
  });
});
