import { useMemo } from 'react';
import { forSlide } from '../../../shared/charts/slide-option';
import type { ChartSpec } from '../../../shared/model/chart-spec';
import { Chart } from '../../charts/Chart';
import { useLang } from '../../i18n/LangContext';
import { useChartData } from '../chart-builder';

/** A chart-builder or dashboard chart on a slide: queried live, so it stays interactive in class. */
export function SpecChartSlide({ spec }: { spec: ChartSpec }) {
  const { t } = useLang();
  const state = useChartData(spec);
  const title = state.data?.title ?? spec.title;
  const option = useMemo(() => (state.option ? forSlide(state.option) : null), [state.option]);
  return (
    <div className="slide slide-chart-only">
      {state.status === 'error' && <p role="alert">{state.error}</p>}
      {state.status === 'empty' && <p className="muted">{t('chart.empty')}</p>}
      {option && state.data && <Chart option={option} label={title} data={state.data} className="chart slide-chart" />}
    </div>
  );
}
