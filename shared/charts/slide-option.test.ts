import { describe, expect, it } from 'vitest';
import { COLUMN, MULTIPLES } from '../../tests/fixtures/export/charts';
import { buildChartOption } from './chart-option';
import { BAR_LABEL_ROOM, forSlide } from './slide-option';

describe('forSlide', () => {
  it('grows the title and moves the legend and plot down by the room it takes', () => {
    const o = buildChartOption(COLUMN, 'zh-CN');
    const s = forSlide(o);
    expect(s.title).toMatchObject({ text: COLUMN.title, textStyle: { fontSize: 28 }, subtextStyle: { fontSize: 18 } });
    expect((s.legend as { top: number }).top).toBe((o.legend as { top: number }).top + 28);
    expect((s.grid as { top: number }).top).toBe((o.grid as { top: number }).top + 28);
    expect((s.xAxis as { axisLabel: { fontSize: number } }).axisLabel.fontSize).toBe(16);
    expect((s.series as { type: string; label?: { fontSize: number } }[]).map((x) => [x.type, x.label?.fontSize])).toEqual([
      ['bar', undefined],
      ['bar', undefined],
    ]);
  });

  it('enlarges the value labels of a single series (the case comparison on a slide)', () => {
    const one = { ...COLUMN, series: [COLUMN.series[0]] };
    const s = forSlide(buildChartOption(one, 'zh-CN'));
    expect((s.series as { label: { fontSize: number; show: boolean } }[])[0].label).toMatchObject({ fontSize: 14, show: true });
  });

  it('leaves horizontal bars room on the right for their value labels, and columns as they were', () => {
    const bars = forSlide(buildChartOption({ ...COLUMN, kind: 'bar', series: [COLUMN.series[0]] }, 'zh-CN'));
    expect((bars.grid as { right: number }).right).toBe(BAR_LABEL_ROOM);
    const o = buildChartOption(COLUMN, 'zh-CN');
    expect((forSlide(o).grid as { right: number }).right).toBe((o.grid as { right: number }).right);
  });

  it('keeps every panel title of small multiples', () => {
    const o = buildChartOption(MULTIPLES, 'zh-CN');
    const titles = forSlide(o).title as { text: string }[];
    expect(titles.map((t) => t.text)).toEqual([MULTIPLES.title, ...MULTIPLES.series.map((s) => s.name)]);
    expect(forSlide(o).grid).toBe(o.grid);
    // Panels keep their small axes.
    expect(forSlide(o).xAxis).toBe(o.xAxis);
  });
});
