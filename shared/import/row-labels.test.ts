import { describe, expect, it } from 'vitest';
import { MAX_SPACE_INDENT_ROWS, readLabels } from './row-labels';
import type { Cell } from './types';

const read = (cells: Cell[], values = cells.map(() => true), excel?: number[]) => readLabels(cells, (i) => values[i], excel);

describe('readLabels', () => {
  it('leaves plain labels alone and derives nothing', () => {
    const r = read(['北京', '上海', 12]);
    expect(r).toEqual({ labels: ['北京', '上海', 12], parents: null, parts: null, units: null, drop: null });
  });

  it('nests rows by indentation: spaces, full-width spaces and Excel indents rank the same way', () => {
    const spaces = read(['东部', '  北京', '    海淀', '  上海', '西部']);
    const wide = read(['东部', '\u3000北京', '\u3000\u3000海淀', '\u3000上海', '西部']);
    const excel = read(['东部', '北京', '海淀', '上海', '西部'], undefined, [0, 1, 2, 1, 0]);
    for (const r of [spaces, wide, excel]) {
      expect(r.labels).toEqual(['东部', '北京', '海淀', '上海', '西部']);
      expect(r.parents).toEqual([null, '东部', '北京', '东部', null]);
      expect(r.parts).toBeNull();
    }
    expect([spaces.indent, wide.indent, excel.indent]).toEqual(['spaces', 'spaces', 'excel']);
  });

  it('marks 其中 rows as parts of the row above, with or without indentation', () => {
    const flat = read(['社会组织总数', '其中：社会团体', '其中：基金会', '从业人员']);
    expect(flat.labels).toEqual(['社会组织总数', '社会团体', '基金会', '从业人员']);
    expect(flat.parents).toEqual([null, '社会组织总数', '社会组织总数', null]);
    expect(flat.parts).toEqual([false, true, true, false]);
    // After "其中：公募", a row aligned under 公募's text (or indented like it) is the next part.
    const nested = read(['基金会', '  其中：公募', '        非公募', '社会团体']);
    expect(nested.parents).toEqual([null, '基金会', '基金会', null]);
    expect(nested.parts).toEqual([false, true, true, false]);
    const listed = read(['基金会', '  其中：公募', '  非公募', '社会团体']);
    expect(listed.parts).toEqual([false, true, true, false]);
  });

  it('drops a bare 其中 line and makes the rows under it parts', () => {
    const r = read(['四川', '  其中：', '    成都', '    绵阳', '重庆'], [true, false, true, true, true]);
    expect(r.drop).toEqual([false, true, false, false, false]);
    expect(r.parents?.filter((_, i) => !r.drop![i])).toEqual([null, '四川', '四川', null]);
    expect(r.parts?.filter((_, i) => !r.drop![i])).toEqual([false, true, true, false]);
    // Without indentation, only the next row is taken as the part.
    const flat = read(['四川', '其中：', '成都', '重庆'], [true, false, true, true]);
    expect(flat.parts).toEqual([false, false, true, false]);
    // A 其中 row that holds values is a row, not a bare line.
    expect(read(['四川', '其中：'], [true, true]).drop).toBeNull();
  });

  it('takes units from labels and hands them down to the rows under them', () => {
    const r = read(['社会组织总数(家)', '  社会团体', '从业人员（万人）', '  女性', '比重']);
    expect(r.labels).toEqual(['社会组织总数', '社会团体', '从业人员', '女性', '比重']);
    expect(r.units).toEqual(['家', '家', '万人', '万人', null]);
  });

  it('removes padding between CJK characters', () => {
    expect(read(['合\u3000计', '北\u3000\u3000京', 'New  York']).labels).toEqual(['合计', '北京', 'New York']);
  });

  it('takes leading spaces for indentation only in tables of at most MAX_SPACE_INDENT_ROWS rows', () => {
    const labels = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? ` 区${i}` : `市${i}`));
    expect(read(labels(MAX_SPACE_INDENT_ROWS)).parents?.[1]).toBe('市0');
    const big = read(labels(MAX_SPACE_INDENT_ROWS + 1));
    expect(big.parents).toBeNull();
    expect(big.labels[1]).toBe('区1');
  });

  it('does not take a tab or a single stray space for a hierarchy', () => {
    expect(read(['甲', '\t乙', '丙']).parents).toBeNull();
    expect(read(['甲', ' 乙', '丙', '丁']).parents).toBeNull();
    expect(read(['甲', ' 乙', ' 丙', '丁']).parents).toEqual([null, '甲', '甲', null]);
  });
});
