import { describe, expect, it } from 'vitest';
import { findTotals, isTotalColumn, isTotalName, totalValues } from './totals';

describe('totals', () => {
  it('knows total names, with spaces inside, in Chinese and English', () => {
    for (const name of ['合计', '总计', '总数', '全国', '全省', '全市', '全区', '小计', '总体', '合\u3000计', ' 合 计 ', '全国合计', '全省总计', 'Total', 'GRAND TOTAL', 'Subtotal', 'All', '合计：']) {
      expect(isTotalName(name), name).toBe(true);
    }
    for (const name of ['北京', '全国人大', '社会组织总数', '合计数量说明', '总部', 'Totally', '', null, 12, '全']) {
      expect(isTotalName(name), String(name)).toBe(false);
    }
  });

  it('finds total rows in text columns (not in parent or unit columns) and total columns by header path', () => {
    const t = findTotals(
      [
        { name: '地区', type: 'string' },
        { name: '上级地区', type: 'string', role: 'parent' },
        { name: '社会组织_合计', type: 'integer', path: ['社会组织', '合计'] },
        { name: '总计', type: 'integer' },
        { name: 'n', type: 'integer' },
      ],
      [['全国', '北京', '合\u3000计'], ['合计', '全国', null], [1, 2, 3], [1, 2, 3], [1, 2, 3]],
    );
    expect(t).toEqual({ rows: [{ column: '地区', values: ['全国', '合\u3000计'] }], columns: ['社会组织_合计', '总计'] });
  });

  it('answers from provenance when there is one, and by name otherwise', () => {
    const prov = { totals: { rows: [{ column: '地区', values: ['全省'] }], columns: ['合计'] } };
    expect(totalValues(prov, '地区', ['全国', '北京'])).toEqual(['全省']);
    expect(totalValues(prov, '类型', ['合计'])).toEqual([]);
    expect(totalValues(null, '地区', ['北京', '全国', '全国', ' 合计 ', 3])).toEqual(['全国', '合计']);
    expect(isTotalColumn(prov, '合计')).toBe(true);
    expect(isTotalColumn(prov, '总计')).toBe(false);
    expect(isTotalColumn(undefined, '社会组织_合计')).toBe(true);
    expect(isTotalColumn(undefined, '社会团体')).toBe(false);
  });
});
