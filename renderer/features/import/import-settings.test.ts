import { describe, expect, it } from 'vitest';
import { EMPTY_SETTINGS, own, requestFor, withColumn, withLayout, withName, withSheet } from './import-settings';

describe('file card settings', () => {
  const base = withColumn(withLayout({ ...EMPTY_SETTINGS, encoding: 'gb18030', sheets: ['A', 'B'] }, 'B', { headerRow: 3 }), 'B', 0, { name: 'x' });

  it('sends each sheet only its own settings', () => {
    const s = withLayout(base, 'A', { headerRow: 4, dataStart: 6 });
    expect(requestFor(s, 'A')).toEqual({ encoding: 'gb18030', sheets: ['A'], sheetOptions: { A: { headerRow: 4, dataStart: 6 } } });
    expect(requestFor(s, 'B')).toEqual({ encoding: 'gb18030', sheets: ['B'], sheetOptions: { B: { headerRow: 3, columns: [{ name: 'x' }] } } });
    expect(requestFor({ ...EMPTY_SETTINGS, tables: { '': { headerRows: 2, unpivot: true } } }, undefined)).toEqual({ headerRows: 2, unpivot: true });
  });

  it('a layout change drops that table’s column overrides (they are by position) and no other’s', () => {
    const s = withLayout(withColumn(base, 'A', 1, { type: 'string' }), 'A', { unpivot: true });
    expect(own(s.tables, 'A')).toEqual({ unpivot: true });
    expect(own(s.tables, 'B')).toEqual({ headerRow: 3, columns: [{ name: 'x' }] });
  });

  it('keeps at least one sheet, in workbook order, and treats odd sheet names as names', () => {
    expect(withSheet(base, ['A', 'B', 'C'], 'C', true).sheets).toEqual(['A', 'B', 'C']);
    expect(withSheet({ ...base, sheets: ['A'] }, ['A', 'B'], 'A', false).sheets).toEqual(['A']);
    const odd = withName(withLayout(EMPTY_SETTINGS, '__proto__', { headerRow: 2 }), 'constructor', 't');
    expect(own(odd.tables, '__proto__')).toEqual({ headerRow: 2 });
    expect(own(odd.tables, 'toString')).toBeUndefined();
    expect(own(odd.names, 'constructor')).toBe('t');
    expect(requestFor(odd, '__proto__').sheetOptions).toEqual(Object.fromEntries([['__proto__', { headerRow: 2 }]]));
  });
});
