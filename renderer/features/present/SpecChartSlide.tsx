import { useMemo } from 'react';
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from '../../../shared/model/chart-spec';
import { Chart } from '../../charts/Chart';
import { useChartData } from '../chart-builder/use-chart-data';

/** Presentation sizes: readable from the back of a classroom. */
function forClassroom(option: EChartsOption): EChartsOption {
  const title = Array.isArray(option.title) ? option.title[0] : option.title;
  return {
    ...option,
    textStyle: { ...(option.textStyle as object), fontSize: 16 },
    title: { ...title, textStyle: { fontSize: 28 }, subtextStyle: { fontSize: 18 } },
  };
}

/** A chart-builder or dashboard chart on a slide: queried live, so it stays interactive in class. */
export function SpecChartSlide({ spec }: { spec: ChartSpec }) {
  const state = useChartData(spec);
  const title = state.data?.title ?? spec.title;
  const option = useMemo(() => (state.option ? forClassroom(state.option) : null), [state.option]);
  return (
    <div className="slide slide-chart-only">
      {state.status === 'error' && <p role="alert">{state.error}</p>}
      {option && <Chart option={option} label={title} className="chart slide-chart" />}
    </div>
  );
}
