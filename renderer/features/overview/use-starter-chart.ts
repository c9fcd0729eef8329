import { useEffect, useMemo, useState } from 'react';
import type { ChartData } from '../../../shared/charts/chart-data';
import type { ChartRun } from '../../../shared/charts/run-chart';
import type { ChartSpec } from '../../../shared/model/chart-spec';
import { screenOption } from '../../charts/screen-option';
import { startEngineOnce } from '../../db/engine';
import { earlyStarter } from '../../db/starter-answer';
import { useLang } from '../../i18n/LangContext';
import { useDocument } from '../../workspace';
import { useChartData, type ChartState } from '../chart-builder';

/**
 * Where the drawn answer comes from: the build's (the engine still starting) or the engine's; 'checking'
 * while the build's is being looked at, 'waiting' when there is none for these inputs and the engine has not answered.
 */
export type StarterAnswerState = 'checking' | 'early' | 'live' | 'waiting';

/** Every drawn value, with NaN, ±Infinity, -0 and BigInt kept apart from null (JSON would merge them). */
const canonical = (d: ChartData) =>
  JSON.stringify(d, (_k, v: unknown) => (typeof v === 'bigint' || (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) ? `${typeof v}:${Object.is(v, -0) ? '-0' : String(v)}` : v));

/**
 * The starter chart: drawn from the build's answer while the engine starts (renderer/db/starter-answer.ts),
 * then the live run's state, which replaces it the moment it comes. An equal live answer keeps the drawn
 * objects (no redraw); a different one is drawn and logged. The build's answer is used only while the
 * workspace leaves the starter untouched: a calculated field on its table changes its query.
 */
export function useStarterChart(spec: ChartSpec): ChartState & { answer: StarterAnswerState } {
  const { lang } = useLang();
  const live = useChartData(spec);
  const [calc] = useDocument('calcFields');
  const untouched = !calc.fields.some((f) => f.table === spec.table);
  const [early, setEarly] = useState<{ spec: ChartSpec; run: ChartRun | null }>();
  const [engineFailed, setEngineFailed] = useState(false);
  // Once the engine has answered, the build's answer is never shown again (a later reload shows the live one).
  const [retired, setRetired] = useState(false);
  const settled = live.status === 'ready' || live.status === 'empty' || live.status === 'error';
  if (settled && !retired) setRetired(true);
  useEffect(() => void startEngineOnce().catch(() => setEngineFailed(true)), []);
  useEffect(() => {
    let current = true;
    if (untouched) void earlyStarter(lang).then((run) => current && setEarly({ spec, run }));
    return () => void (current = false);
  }, [spec, lang, untouched]);

  const run = untouched && early?.spec === spec && early.run?.status === 'ready' ? early.run : null;
  const option = useMemo(() => (run ? screenOption(run.data, lang) : undefined), [run, lang]);
  const same = Boolean(run && live.data && canonical(run.data) === canonical(live.data));
  useEffect(() => {
    // For us: the build's answer and the engine's disagree (a stale build, an engine that computes otherwise).
    if (run && settled && !same) console.warn("sgw: the starter chart's build-time answer differs from the engine's live answer", { early: run.data, live: live.data ?? live.status });
  }, [run, settled, same, live.data, live.status]);

  return useMemo(() => {
    if (run && option && !settled && !retired && !engineFailed) return { query: run.query, status: 'ready', data: run.data, option, answer: 'early' };
    // An equal live answer keeps the drawn objects: the chart is not drawn twice.
    if (run && option && same) return { ...live, data: run.data, option, answer: 'live' };
    const checking = untouched && !engineFailed && early?.spec !== spec;
    return { ...live, answer: settled ? 'live' : checking ? 'checking' : 'waiting' };
  }, [run, option, live, settled, retired, engineFailed, same, untouched, early, spec]);
}
