import type { Db } from '../../shared/db';
import { loadBundledDatasets, type LoadedDatasets } from '../../shared/datasets/load';
import { openWorkerDb } from './worker-db';

export interface Engine {
  db: Db;
  datasets: LoadedDatasets;
}

/** Bundled files are served by our own origin (vite preview, or app:// in Electron): never the network. */
async function readBundled(relativePath: string): Promise<Uint8Array> {
  const res = await fetch(new URL(`datasets/${relativePath}`, document.baseURI));
  if (!res.ok) throw new Error(`datasets/${relativePath}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function startEngine(): Promise<Engine> {
  const db = await openWorkerDb();
  const datasets = await loadBundledDatasets(db, readBundled);
  return { db, datasets };
}
