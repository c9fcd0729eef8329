import { useEffect, useRef, type Ref } from 'react';
import { echarts } from './echarts';
import type { EChartsOption } from 'echarts';
import type { ChartData } from '../../shared/charts/chart-data';
import { fitToWidth } from '../../shared/charts/option-common';
import { ChartDataTable } from './ChartDataTable';

/** What a click on a chart element reports (a bar, slice, cell or tile). */
export interface ChartClickEvent {
  componentType?: string;
  name?: string;
  dataIndex?: number;
  seriesName?: string;
}

interface ChartProps {
  option: EChartsOption;
  /** Accessible name of the chart figure. */
  label: string;
  className?: string;
  /** Clicks on data elements, e.g. for cross-filtering a dashboard. */
  onChartClick?(e: ChartClickEvent): void;
  /** The live ECharts instance (for export: getDataURL, renderToSVGString …); null after unmount. */
  instanceRef?: Ref<echarts.ECharts | null>;
  /** The numbers drawn: also given as a visually hidden table (screen readers, tests). */
  data?: ChartData;
  /** Id of a note about the chart that screen readers read with it (e.g. the starter chart's early answer). */
  describedBy?: string;
}

function assign<T>(ref: Ref<T> | undefined, value: T) {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T }).current = value;
}

/** The only place that runs ECharts: init once, setOption on change, resize with its box, dispose on unmount. */
export function Chart({ option, label, className, onChartClick, instanceRef, data, describedBy }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onClick = useRef(onChartClick);
  const exposed = useRef(instanceRef);
  const drawn = useRef<EChartsOption>({});
  useEffect(() => {
    onClick.current = onChartClick;
    exposed.current = instanceRef;
  }, [onChartClick, instanceRef]);

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    assign(exposed.current, instance);
    instance.on('click', (p) => onClick.current?.({ componentType: p.componentType, name: p.name, dataIndex: p.dataIndex, seriesName: p.seriesName }));
    const observer = new ResizeObserver(() => {
      instance.resize();
      const fit = fitToWidth(drawn.current, instance.getWidth());
      if (fit) instance.setOption(fit);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      assign(exposed.current, null);
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption(option, { notMerge: true });
    drawn.current = option;
    // The title and the source line are cut at the box's edge, which only the screen knows.
    const fit = fitToWidth(option, instance.getWidth());
    if (fit) instance.setOption(fit);
  }, [option]);

  return (
    <>
      <div
        ref={box}
        role="img"
        aria-label={label}
        aria-describedby={describedBy}
        className={className ?? 'chart'}
        data-testid="chart"
        style={onChartClick ? { cursor: 'pointer' } : undefined}
      />
      {data && <ChartDataTable data={data} />}
    </>
  );
}
