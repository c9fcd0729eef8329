import type { EChartsOption } from 'echarts';
import { formatNumber } from '../format/number';
import type { Lang } from '../model/catalog';
import type { ChartData } from './chart-data';
import { compact, frame, highlightIndex, tooltipHtml, topSpace, valueText, type OptionSettings } from './option-common';
import { PALETTE } from './theme';
import { paren } from '../format/paren';

function slices(data: ChartData, picked = -1) {
  const s = data.series[0];
  return data.categories
    .map((name, i) => ({ name, value: s?.values[i] ?? null, ...(picked >= 0 && i !== picked ? { itemStyle: { opacity: 0.3 } } : {}) }))
    .filter((d): d is { name: string; value: number } => d.value !== null && d.value > 0);
}

/** Pie or donut of the first series: shares of a whole. */
export function buildPieOption(data: ChartData, lang: Lang, settings: OptionSettings = {}): EChartsOption {
  const unit = data.series[0]?.unit;
  // Values already in % (stated shares) are labelled as stated, not re-normalised: sources round to 99.9–100.2 %.
  const shares = unit === '%';
  return {
    ...frame(data, false),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value, percent } = p as { name: string; value: number; percent: number };
        return tooltipHtml(name, `${valueText(value, unit, lang)}${shares ? '' : paren(`${formatNumber(percent, lang, 1)}%`, lang)}`);
      },
    },
    series: [
      {
        type: 'pie',
        radius: data.kind === 'donut' ? ['38%', '64%'] : [0, '64%'],
        center: ['50%', data.subtitle ? '58%' : '55%'],
        data: slices(data, highlightIndex(data, settings)),
        label: { formatter: shares ? '{b}\n{c}%' : '{b}\n{d}%', fontSize: 12 },
        labelLine: { length: 8, length2: 8 },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  };
}

/** Treemap of the first series: composition when there are many parts. */
export function buildTreemapOption(data: ChartData, lang: Lang): EChartsOption {
  const unit = data.series[0]?.unit;
  return {
    ...frame(data, false),
    tooltip: { trigger: 'item', formatter: (p: unknown) => tooltipHtml((p as { name: string }).name, valueText((p as { value: number }).value, unit, lang)) },
    series: [
      {
        type: 'treemap',
        top: topSpace(data, false) + 4,
        bottom: 28,
        left: 8,
        right: 8,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        data: slices(data).map((d, i) => ({ ...d, itemStyle: { color: PALETTE[i % PALETTE.length] } })),
        label: {
          formatter: (p: unknown) => `${(p as { name: string }).name}\n${compact(lang)((p as { value: number }).value)}`,
          fontSize: 12,
          color: '#fff',
          // Keeps white text readable on the light palette colours (yellow, sky blue).
          textBorderColor: 'rgba(0, 0, 0, 0.6)',
          textBorderWidth: 2,
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 },
      },
    ],
  };
}
