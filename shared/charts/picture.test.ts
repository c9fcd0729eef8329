import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../electron/cli/svg-chart';
import { ALL_KINDS, COLUMN, MAP, MULTIPLES } from '../../tests/fixtures/export/charts';
import { expectKindMarks, svgMarks } from '../../tests/fixtures/export/svg-marks';
import { CHART_KINDS } from '../model/chart-spec';
import { buildChartOption } from './chart-option';
import { pictureOption } from './picture';

describe('pictures are drawn from the on-screen option', () => {
  it('covers every chart kind', () => {
    expect(ALL_KINDS.map((d) => d.kind).sort()).toEqual([...CHART_KINDS].sort());
  });

  it.each(ALL_KINDS)('$kind: the picture option is the screen option itself, plus only a white background and no animation', (data) => {
    const onScreen = buildChartOption(data, 'zh-CN', { highlight: data.keys[0] });
    const picture = pictureOption(onScreen);
    for (const [key, value] of Object.entries(onScreen)) expect(picture[key as keyof typeof picture], key).toBe(value);
    const added = Object.keys(picture).filter((k) => !(k in onScreen));
    expect(added.every((k) => k === 'animation' || k === 'backgroundColor')).toBe(true);
    expect([picture.animation, picture.backgroundColor]).toEqual([false, '#fff']);
  });

  it.each(ALL_KINDS)('$kind: the exported SVG shows the marks of that kind', (data) => {
    expectKindMarks(renderSvg(buildChartOption(data, 'zh-CN')), data);
  });

  it('the marks bite: a map drawn as bars, a column chart as bars, multiples as one chart all fail', () => {
    const asBars = renderSvg(buildChartOption({ ...MAP, kind: 'bar' }, 'zh-CN'));
    expect(() => expectKindMarks(asBars, MAP)).toThrow();
    expect(() => expectKindMarks(renderSvg(buildChartOption({ ...COLUMN, kind: 'bar' }, 'zh-CN')), COLUMN)).toThrow();
    expect(() => expectKindMarks(renderSvg(buildChartOption({ ...MULTIPLES, kind: 'column' }, 'zh-CN')), MULTIPLES)).toThrow();
  });

  it('writes fonts the SVG can carry: no double quote inside a style attribute', () => {
    const svg = renderSvg(buildChartOption(COLUMN, 'zh-CN'));
    expect(svg).toContain("font-family:'Microsoft YaHei'");
    expect(svg).not.toMatch(/font-family:"/);
    expect(svgMarks(svg).texts.length).toBeGreaterThan(5);
  });
});
