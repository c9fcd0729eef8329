import { describe, expect, it } from 'vitest';
import { buildArrowTable, columnVector } from './arrow-build';

describe('buildArrowTable', () => {
  it('converts cleaned cells into typed columns with nulls', () => {
    const t = buildArrowTable(
      [
        { name: 'n', type: 'integer' },
        { name: 'x', type: 'double', unit: '%' },
        { name: 'd', type: 'date' },
        { name: 'b', type: 'boolean' },
        { name: 's', type: 'string' },
      ],
      [
        [1, '2,000', '—'],
        ['12.5%', '１２', null],
        ['2013年6月', '2014年末', 'x'],
        ['true', null, 'FALSE'],
        ['上海', ' 北京\u3000', '…'],
      ],
    );
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(['Int32', 'Float64', 'Date32<DAY>', 'Bool', 'Utf8']);
    expect(t.schema.fields[1].metadata.get('unit')).toBe('%');
    const rows = t.toArray().map((r) => r.toJSON());
    expect(rows.map((r) => r.n)).toEqual([1, 2000, null]);
    expect(rows.map((r) => r.x)).toEqual([12.5, 12, null]);
    expect(rows.map((r) => (r.d === null ? null : new Date(r.d as number).toISOString().slice(0, 10)))).toEqual(['2013-06-01', '2014-12-31', null]);
    expect(rows.map((r) => r.b)).toEqual([true, null, false]);
    expect(rows.map((r) => r.s)).toEqual(['上海', '北京', null]);
  });

  it('encodes strings exactly, even with a surrogate pair split across two cells', () => {
    const v = columnVector(['a\ud83d', '\ude00b', '😀中'], 'string');
    expect(v.toArray()).toEqual(['a\ufffd', '\ufffdb', '😀中']);
  });
});
