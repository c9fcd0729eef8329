/**
 * Bundled by chart-layout.spec.ts (esbuild) into a blank page: draws every chart kind with the app's own
 * option builder and ECharts in Chromium at a given size, and reports the boxes of what it drew — title,
 * subtitle, legend, axis names and labels, colour scale, source line, and the plot (the series) — so the
 * spec can prove nothing overlaps. Component boxes come from ECharts' own element tree: each component's
 * group carries `__ecComponentInfo` ({mainType, index}); elements under no component belong to a series.
 */
import * as echarts from 'echarts';
import { buildChartOption } from '../../../shared/charts/chart-option';
import { fitToWidth } from '../../../shared/charts/option-common';
import type { ChartData } from '../../../shared/charts/chart-data';
import { layoutCases } from './cases';

export interface Box {
  role: string;
  text?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ZrEl {
  type?: string;
  parent?: ZrEl;
  ignore?: boolean;
  invisible?: boolean;
  style?: { text?: string; opacity?: number; fill?: string };
  __ecComponentInfo?: { mainType: string; index: number };
  getBoundingRect(): { clone(): { applyTransform(m: unknown): void; x: number; y: number; width: number; height: number } };
  getComputedTransform(): unknown;
}

function owner(el: ZrEl): { mainType: string; index: number } | null {
  for (let e: ZrEl | undefined = el; e; e = e.parent) if (e.__ecComponentInfo) return e.__ecComponentInfo;
  return null;
}

function hidden(el: ZrEl): boolean {
  for (let e: ZrEl | undefined = el; e; e = e.parent) if (e.ignore || e.invisible) return true;
  return false;
}

export function draw(data: ChartData, width: number, height: number): Box[] {
  const box = document.createElement('div');
  box.style.cssText = `width:${width}px;height:${height}px;position:relative`;
  document.getElementById('stage')!.replaceChildren(box);
  const chart = echarts.init(box, undefined, { renderer: 'canvas', width, height });
  const option = { ...buildChartOption(data, 'zh-CN'), animation: false };
  chart.setOption(option);
  // As renderer/charts/Chart.tsx does once it knows its box.
  const fit = fitToWidth(option, width);
  if (!fit) throw new Error(`${data.kind}: no source line to fit`);
  chart.setOption(fit);
  const zr = chart.getZr() as unknown as { storage: { getDisplayList(update: boolean): ZrEl[] } };
  const out: Box[] = [];
  for (const el of zr.storage.getDisplayList(true)) {
    if (hidden(el)) continue;
    const r = el.getBoundingRect().clone();
    const m = el.getComputedTransform();
    if (m) r.applyTransform(m);
    if (r.width <= 0 || r.height <= 0) continue;
    const info = owner(el);
    // Texts are drawn as tspans; a transparent one (inner labels of dense small multiples) is not seen.
    const text = el.type === 'tspan' ? String(el.style?.text ?? '') : undefined;
    if (text === '' || el.style?.fill === 'transparent') continue;
    const role = info ? `${info.mainType}${info.mainType === 'title' ? `#${info.index}` : ''}${text !== undefined ? ':text' : ''}` : text !== undefined ? 'series:text' : 'series';
    out.push({ role, ...(text !== undefined ? { text } : {}), x: r.x, y: r.y, width: r.width, height: r.height });
  }
  (window as unknown as { lastChart?: echarts.ECharts }).lastChart?.dispose();
  (window as unknown as { lastChart?: echarts.ECharts }).lastChart = chart;
  return out;
}

Object.assign(window, { layoutCases, drawCase: (name: string, width: number, height: number) => draw(layoutCases().find((c) => c.name === name)!.data, width, height) });
