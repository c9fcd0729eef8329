/**
 * The palette stays readable for colour-blind readers: every pair of its colours is at least ΔE 11 apart
 * (CIEDE2000, on CIELAB D65) in normal vision and under simulated deuteranopia and protanopia (Machado,
 * Oliveira & Fernandes 2009, severity 1.0, applied in linear RGB). The colour science here is the test's
 * own, from the published formulas (Sharma, Wu & Dalal 2005 for CIEDE2000), not the code under test.
 */
import { describe, expect, it } from 'vitest';
import { buildChartOption } from './chart-option';
import type { ChartData } from './chart-data';
import { PALETTE, ROUND_DASHES, ROUND_SYMBOLS } from './theme';

type Vec = [number, number, number];
const rgb = (h: string): Vec => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as Vec;
const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const gam = (c: number) => {
  const x = Math.min(1, Math.max(0, c));
  return x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
};
const MACHADO: Record<'deuteranopia' | 'protanopia', number[][]> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
};
const simulate = (c: Vec, m: number[][]): Vec => {
  const l = c.map(lin);
  return m.map((r) => gam(r[0] * l[0] + r[1] * l[1] + r[2] * l[2])) as Vec;
};
function lab(c: Vec): Vec {
  const [r, g, b] = c.map(lin);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
function deltaE2000([l1, a1, b1]: Vec, [l2, a2, b2]: Vec): number {
  const rad = Math.PI / 180;
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const [a1p, a2p] = [(1 + g) * a1, (1 + g) * a2];
  const [c1, c2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const hue = (b: number, a: number) => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const [h1, h2] = [hue(b1, a1p), hue(b2, a2p)];
  let dh = 0;
  if (c1 * c2 !== 0) dh = h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 < -180 ? h2 - h1 + 360 : h2 - h1;
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh * rad) / 2);
  const lBar = (l1 + l2) / 2;
  const cBarP = (c1 + c2) / 2;
  let hBar = h1 + h2;
  if (c1 * c2 !== 0) hBar = Math.abs(h1 - h2) > 180 ? (h1 + h2 + (h1 + h2 < 360 ? 360 : -360)) / 2 : (h1 + h2) / 2;
  const t = 1 - 0.17 * Math.cos((hBar - 30) * rad) + 0.24 * Math.cos(2 * hBar * rad) + 0.32 * Math.cos((3 * hBar + 6) * rad) - 0.2 * Math.cos((4 * hBar - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hBar - 275) / 25) ** 2));
  const rC = 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
  const sL = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sC = 1 + 0.045 * cBarP;
  const sH = 1 + 0.015 * cBarP * t;
  const rT = -Math.sin(2 * dTheta * rad) * rC;
  const [x, y, z] = [(l2 - l1) / sL, (c2 - c1) / sC, dH / sH];
  return Math.sqrt(x * x + y * y + z * z + rT * y * z);
}

const MIN_DELTA_E = 11;

describe('the chart palette', () => {
  it('checks its own colour science against Sharma et al.’s published CIEDE2000 pairs', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, -1.3802, -84.2814], [50, 0, -82.7485])).toBeCloseTo(1.0, 4);
    expect(deltaE2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 4);
    // White is L 100; a simulated grey stays grey.
    expect(lab([1, 1, 1])[0]).toBeCloseTo(100, 3);
    const grey = simulate([0.5, 0.5, 0.5], MACHADO.deuteranopia);
    expect(Math.abs(grey[0] - grey[1])).toBeLessThan(0.01);
  });

  it(`has at least 12 colours, every pair ΔE2000 ≥ ${MIN_DELTA_E} in normal vision, deuteranopia and protanopia`, () => {
    expect(PALETTE.length).toBeGreaterThanOrEqual(12);
    expect(new Set(PALETTE.map((c) => c.toLowerCase())).size).toBe(PALETTE.length);
    const views: [string, (c: Vec) => Vec][] = [
      ['normal', (c) => c],
      ['deuteranopia', (c) => simulate(c, MACHADO.deuteranopia)],
      ['protanopia', (c) => simulate(c, MACHADO.protanopia)],
    ];
    const tooClose: string[] = [];
    for (const [view, see] of views)
      for (let i = 0; i < PALETTE.length; i++)
        for (let j = i + 1; j < PALETTE.length; j++) {
          const d = deltaE2000(lab(see(rgb(PALETTE[i]))), lab(see(rgb(PALETTE[j]))));
          if (d < MIN_DELTA_E) tooClose.push(`${view}: ${PALETTE[i]} ~ ${PALETTE[j]} (ΔE ${d.toFixed(1)})`);
        }
    expect(tooClose).toEqual([]);
  });

  it('gives a 12-region line chart 12 different colours, and series beyond them other markers and dashes', () => {
    const names = Array.from({ length: 14 }, (_, i) => `地区${i + 1}`);
    const data: ChartData = {
      kind: 'line', title: 't', categoryLabel: '年份', categories: ['2012', '2013'], keys: [2012, 2013], source: '', stack: 'none', annotations: [],
      series: names.map((name, i) => ({ name, values: [i, i + 1], axis: 'left' as const, type: 'line' as const })),
    };
    const o = buildChartOption(data, 'zh-CN');
    expect(new Set((o.color as string[]).slice(0, 12)).size).toBe(12);
    const series = o.series as { symbol?: string; lineStyle?: { type: string } }[];
    expect(series.slice(0, 12).every((s) => s.symbol === undefined && s.lineStyle === undefined)).toBe(true);
    expect(series[12]).toMatchObject({ symbol: ROUND_SYMBOLS[1], lineStyle: { type: ROUND_DASHES[1] } });
    expect(series[13]).toMatchObject({ symbol: ROUND_SYMBOLS[1], lineStyle: { type: ROUND_DASHES[1] } });
    const bars = buildChartOption({ ...data, kind: 'column', series: data.series.map((s) => ({ ...s, type: 'bar' as const })) }, 'zh-CN').series as { itemStyle?: { decal?: unknown } }[];
    expect(bars[11].itemStyle?.decal).toBeUndefined();
    expect(bars[12].itemStyle?.decal).toBeDefined();
  });
});
