import { describe, expect, it } from 'vitest';
import { newPivotSpec, parsePivotSpec, type PivotSpec } from '../../../shared/model/pivot-spec';
import { addToZone, editValue, removeFromZone, rowOrder, sortByColumn, withRowOrder } from './pivot-edits';

const num = (name: string) => ({ name, type: 'DOUBLE' });
const text = (name: string) => ({ name, type: 'VARCHAR' });
const base = (): PivotSpec => ({ ...newPivotSpec('t'), rows: ['地区'], cols: ['年份'] });

describe('pivot form edits', () => {
  it('moves a field between rows and columns, sums numbers and counts text, and every result parses', () => {
    let s = addToZone(base(), 'rows', text('年份'));
    expect([s.rows, s.cols]).toEqual([['地区', '年份'], []]);
    s = addToZone(s, 'values', num('数值'));
    s = addToZone(s, 'values', text('类型'));
    expect(s.values.map((v) => [v.column, v.agg])).toEqual([[null, 'count'], ['数值', 'sum'], ['类型', 'count']]);
    expect(addToZone(s, 'rows', text('地区'))).toBe(s);
    expect(parsePivotSpec(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('keeps shares to sum and count, switches shares to percent and back', () => {
    let s = addToZone(base(), 'values', num('数值'));
    s = editValue(s, 1, { show: 'row_share' });
    expect(s.values[1]).toMatchObject({ show: 'row_share', format: 'percent' });
    expect(editValue(s, 1, { agg: 'avg' }).values[1].show).toBe('value');
    expect(editValue(s, 1, { show: 'value' }).values[1].format).toBe('auto');
    expect(() => parsePivotSpec(editValue(s, 1, { agg: 'max' }))).not.toThrow();
  });

  it('keeps a value sort while it points at the same value, and drops top-N without row fields', () => {
    let s = addToZone(base(), 'values', num('数值'));
    s = withRowOrder(s, 'valueDesc');
    expect(rowOrder(s)).toBe('valueDesc');
    expect(addToZone(s, 'rows', text('类型')).sort).toEqual(s.sort);
    const byColumn = sortByColumn(s, 1, ['2019']);
    expect(byColumn.sort).toEqual({ by: 'value', value: 1, col: ['2019'], dir: 'desc' });
    expect(sortByColumn(byColumn, 1, ['2019']).sort).toMatchObject({ dir: 'asc' });
    expect(removeFromZone(byColumn, 'cols', 0).sort).toEqual({ by: 'label', dir: 'asc' });
    expect(removeFromZone(byColumn, 'values', 0).sort).toEqual({ by: 'value', value: 0, col: ['2019'], dir: 'desc' });
    expect(removeFromZone(byColumn, 'values', 1).sort).toEqual({ by: 'label', dir: 'asc' });
    expect(removeFromZone({ ...s, topN: 3 }, 'rows', 0).topN).toBeUndefined();
    expect(removeFromZone(newPivotSpec('t'), 'values', 0).values).toHaveLength(1);
  });
});
