import { describe, expect, it } from 'vitest';
import type { ChartData } from '../../../shared/charts/chart-data';
import type { ChartKind } from '../../../shared/model/chart-spec';
import { crossFilterChoices, moveActive, typeAhead } from './cross-filter-choices';

function chart(kind: ChartKind, categories: string[], ...rows: (number | null)[][]): ChartData {
  return {
    kind,
    title: 't',
    categoryLabel: '省份',
    categories,
    keys: categories.map((c) => (/^\d+$/.test(c) ? Number(c) : c)),
    series: rows.map((values, i) => ({ name: `s${i}`, values, axis: 'left', type: 'bar' })),
    source: '',
    stack: 'none',
    annotations: [],
  };
}

describe('crossFilterChoices', () => {
  it('lists the x values a bar chart shows, raw keys kept (years stay numbers)', () => {
    const d = chart('column', ['2013', '2014', '2015'], [1, null, 3], [null, null, 2]);
    expect(crossFilterChoices(d)).toEqual([
      { key: 2013, label: '2013' },
      { key: 2015, label: '2015' },
    ]);
  });

  it('leaves out slices that are not drawn and places off the tile map', () => {
    expect(crossFilterChoices(chart('pie', ['甲', '乙', '丙'], [2, 0, null])).map((c) => c.key)).toEqual(['甲']);
    const map = chart('map', ['上海市', '（全国性）', '浙江省', '浙江省温州市'], [21, 1, 14, 3]);
    expect(crossFilterChoices(map).map((c) => c.key)).toEqual(['上海市', '浙江省']);
    const geo = { ...chart('map', ['甲区', '乙区'], [1, 2]), basemap: 'demo' };
    expect(crossFilterChoices(geo, ['甲区']).map((c) => c.key)).toEqual(['甲区']);
  });
});

describe('listbox keys', () => {
  it('moves without wrapping and jumps by page, home and end', () => {
    expect(moveActive('ArrowDown', 4, 5)).toBe(4);
    expect(moveActive('ArrowUp', 0, 5)).toBe(0);
    expect(moveActive('End', 0, 5)).toBe(4);
    expect(moveActive('PageDown', 0, 31)).toBe(10);
    expect(moveActive('Enter', 2, 5)).toBeUndefined();
  });
  it('finds the next label starting with the typed text', () => {
    const labels = ['2004', '2012', '2013', 'Beijing'];
    expect(typeAhead(labels, 0, '2')).toBe(1);
    expect(typeAhead(labels, 0, '2013')).toBe(2);
    expect(typeAhead(labels, 2, 'b')).toBe(3);
    expect(typeAhead(labels, 0, 'x')).toBe(-1);
  });
});
