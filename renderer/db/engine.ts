import type { Db } from '../../shared/db';
import { loadBundledDatasets, type LoadedDatasets } from '../../shared/datasets/load';
import { trackWrites } from './data-changes';
import { bundledFile } from './boot';
import { openWorkerDb } from './worker-db';

export interface Engine {
  /** The app's Db: every write through it is a data change (see data-changes.ts). */
  db: Db;
  datasets: LoadedDatasets;
  /** Milliseconds to start the engine, and to load the bundled datasets into it. */
  startMs: number;
  loadMs: number;
}

export async function startEngine(): Promise<Engine> {
  const t0 = performance.now();
  const raw = await openWorkerDb();
  const t1 = performance.now();
  // Marks for the start-up benchmark (bench/browser.ts reports the phases).
  performance.mark('sgw:engine-open');
  // The bundled tables are the starting point, not a change.
  const datasets = await loadBundledDatasets(raw, bundledFile);
  performance.mark('sgw:datasets-loaded');
  const loadMs = Math.round(performance.now() - t1);
  return { db: trackWrites(raw), datasets, startMs: Math.round(t1 - t0), loadMs };
}

let starting: Promise<Engine> | undefined;

/** The one engine of this window; main.tsx calls it before React renders so the wasm compiles meanwhile. */
export function startEngineOnce(): Promise<Engine> {
  starting ??= startEngine();
  return starting;
}
