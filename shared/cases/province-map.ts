import type { EChartsOption } from 'echarts';
import { CJK_FONT_STACK } from '../charts/theme';
import { GRID_ROWS, PROVINCE_GRID, findProvince } from '../charts/province-grid';
import type { Lang } from '../model/catalog';
import { THEMES, themeColour, themeLabel, type CaseRecord } from './model';

export interface ProvinceCases {
  name: string;
  short: string;
  col: number;
  row: number;
  count: number;
  /** Cases per theme, in THEMES order, zeros included. */
  byTheme: number[];
  /** The theme with most cases (first in THEMES order on a tie); '' when there are none. */
  mainTheme: string;
}

/** Every tile of the province grid with its cases counted by theme; nationwide cases have no tile. */
export function casesByProvince(cases: CaseRecord[]): ProvinceCases[] {
  return PROVINCE_GRID.map((tile) => {
    const mine = cases.filter((c) => c.province && findProvince(c.province)?.name === tile.name);
    const byTheme = THEMES.map((th) => mine.filter((c) => c.theme === th).length);
    const max = Math.max(...byTheme);
    return { name: tile.name, short: tile.short, col: tile.col, row: tile.row, count: mine.length, byTheme, mainTheme: max > 0 ? THEMES[byTheme.indexOf(max)] : '' };
  });
}

/** Dark or white label text, whichever reads better on the tile colour (WCAG relative luminance). */
export function labelColourOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) ? '#1f2933' : '#ffffff';
}

const EMPTY_TILE = '#e5e8ec';
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Square tiles in the province grid, coloured by each province's main theme, labelled with the case
 * count. With `clickable` the tooltip holds a button with data-province to filter the library. Not a
 * ChartSpec chart (the map kind colours tiles by a value): here the colour is a category, the tooltip
 * lists every theme — the case library's own picture, drawn nowhere else and never exported.
 */
export function buildCaseMapOption(tiles: ProvinceCases[], lang: Lang, clickable = false): EChartsOption {
  const name = (t: ProvinceCases) => (lang === 'en' ? (PROVINCE_GRID.find((p) => p.name === t.name)?.en ?? t.short) : t.short);
  const tooltip = (t: ProvinceCases) => {
    const head = clickable && t.count > 0 ? `<button type="button" class="tooltip-open" data-province="${escapeHtml(t.name)}">${escapeHtml(t.name)}</button>` : escapeHtml(t.name);
    const lines = THEMES.flatMap((th, i) => (t.byTheme[i] ? [`<span style="color:${themeColour(th)}">●</span> ${escapeHtml(themeLabel(th, lang))} ${t.byTheme[i]}`] : []));
    return [head, ...lines].join('<br/>');
  };
  return {
    textStyle: { fontFamily: CJK_FONT_STACK },
    grid: { left: 4, right: 4, top: 4, bottom: 4 },
    tooltip: { trigger: 'item', enterable: clickable, formatter: (p) => tooltip((p as unknown as { data: { tile: ProvinceCases } }).data.tile) },
    xAxis: { type: 'value', show: false, min: -0.5, max: Math.max(...PROVINCE_GRID.map((p) => p.col)) + 0.5 },
    yAxis: { type: 'value', show: false, min: -0.5, max: GRID_ROWS - 0.5, inverse: true },
    series: [
      {
        type: 'scatter',
        symbol: 'roundRect',
        symbolSize: 46,
        cursor: 'pointer',
        data: tiles.map((t) => ({
          // The full province name: click events report it.
          name: t.name,
          value: [t.col, t.row],
          tile: t,
          itemStyle: { color: t.mainTheme ? themeColour(t.mainTheme) : EMPTY_TILE },
          label: {
            show: true,
            formatter: t.count ? `${name(t)}\n${t.count}` : name(t),
            color: t.count ? labelColourOn(themeColour(t.mainTheme)) : '#8a939c',
            fontSize: lang === 'en' ? 9 : 12,
            lineHeight: 15,
          },
        })),
      },
    ],
  };
}
