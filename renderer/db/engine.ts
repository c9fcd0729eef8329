import type { Db } from '../../shared/db';
import { runnableChartSql } from '../../shared/sql/chart-sql';
import { chartQuery } from '../../shared/charts/run-chart';
import { starterChartSpec } from '../../shared/charts/starter-chart';
import { loadBundledDatasets, type LoadedDatasets } from '../../shared/datasets/load';
import { coordinatorFor } from './coordinator';
import { trackWrites } from './data-changes';
import { bundledFile } from './boot';
import { exposeForBench } from './bench-hook';
import { holdable } from './hold';
import { openWorkerDb } from './worker-db';

export interface Engine {
  /** The app's Db: every write through it is a data change (see data-changes.ts). */
  db: Db;
  datasets: LoadedDatasets;
  /** Milliseconds to start the engine, and to load the first chart's bundled tables into it. */
  startMs: number;
  loadMs: number;
  /** Every bundled table loaded; the app's calls wait for it (renderer/db/hold.ts). Rejects when one failed. */
  loaded: Promise<void>;
}

/**
 * The starter chart's query, handed to the engine through the app's query coordinator the moment its
 * tables are in: the chart (features/overview) asks the coordinator for the same SQL and joins it or
 * finds it cached. Synchronous up to the hand-over, so nothing is sent in between. Without a known table
 * list (the CSV form) there are no columns to build it from: the chart runs when the list is read.
 */
export function sendStarterQuery(db: Db, datasets: LoadedDatasets): Promise<unknown> | undefined {
  const spec = starterChartSpec('zh-CN');
  const table = datasets.tables?.find((t) => t.name === spec.table);
  return table && coordinatorFor(db).query(runnableChartSql(chartQuery(spec, { table })), { priority: 'high' });
}

/** The page's next idle moment (at most a second away); a turn of the event loop where there is no such thing. */
const pageIdle = () =>
  new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 0)));

export async function startEngine(): Promise<Engine> {
  const t0 = performance.now();
  const raw = await openWorkerDb();
  const t1 = performance.now();
  exposeForBench(raw);
  // Marks for the start-up benchmark (bench/browser.ts reports the phases).
  performance.mark('sgw:engine-open');
  const gate = holdable(raw);
  const db = trackWrites(gate.db);
  let firstIn!: (d: LoadedDatasets) => void;
  let failed!: (e: unknown) => void;
  const first = new Promise<LoadedDatasets>((resolve, reject) => ((firstIn = resolve), (failed = reject)));
  // The bundled tables are the starting point, not a change: loaded on the raw engine. The starter chart's
  // tables first, then its query, then the rest while the page draws it (shared/datasets/load.ts).
  const loaded = loadBundledDatasets(raw, bundledFile, {
    first: [starterChartSpec('zh-CN').table],
    onFirst(datasets) {
      performance.mark('sgw:first-tables');
      const starter = sendStarterQuery(db, datasets);
      void starter?.then(() => performance.mark('sgw:starter-answered'), () => undefined);
      gate.hold(loaded);
      firstIn(datasets);
      // The rest once the page has drawn it (idle after the answer): on two busy cores, inserting alongside
      // slowed the drawing by as much as the order saved.
      return starter?.then(pageIdle, pageIdle).then(() => void performance.mark('sgw:rest-started'));
    },
  }).then(() => void performance.mark('sgw:datasets-loaded'));
  // Before the first tables are in, a failure fails the start (a rejection after that changes nothing here).
  loaded.catch(failed);
  const datasets = await first;
  return { db, datasets, startMs: Math.round(t1 - t0), loadMs: Math.round(performance.now() - t1), loaded };
}

let starting: Promise<Engine> | undefined;

/** The one engine of this window; main.tsx calls it before React renders so the wasm compiles meanwhile. */
export function startEngineOnce(): Promise<Engine> {
  starting ??= startEngine();
  return starting;
}
