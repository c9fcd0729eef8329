import type { Db } from '../../shared/db';
import { loadBundledDatasets, type LoadedDatasets } from '../../shared/datasets/load';
import { openWorkerDb } from './worker-db';

export interface Engine {
  db: Db;
  datasets: LoadedDatasets;
  /** Milliseconds to start the engine, and to load the bundled datasets into it. */
  startMs: number;
  loadMs: number;
}

/** Bundled files are served by our own origin (vite preview, or app:// in Electron): never the network. */
async function readBundled(relativePath: string): Promise<Uint8Array> {
  const res = await fetch(new URL(`datasets/${relativePath}`, document.baseURI));
  if (!res.ok) throw new Error(`datasets/${relativePath}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function startEngine(): Promise<Engine> {
  const t0 = performance.now();
  const db = await openWorkerDb();
  const t1 = performance.now();
  const datasets = await loadBundledDatasets(db, readBundled);
  const loadMs = Math.round(performance.now() - t1);
  return { db, datasets, startMs: Math.round(t1 - t0), loadMs };
}
