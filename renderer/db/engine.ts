import type { Db } from '../../shared/db';
import { loadBundledDatasets, type LoadedDatasets } from '../../shared/datasets/load';
import { trackWrites } from './data-changes';
import { openWorkerDb } from './worker-db';

export interface Engine {
  /** The app's Db: every write through it is a data change (see data-changes.ts). */
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

/** Starts the bundled files' downloads at once, so they arrive while the engine compiles. */
function prefetchBundled(): (relativePath: string) => Promise<Uint8Array> {
  const files = new Map<string, Promise<Uint8Array>>();
  const read = (p: string) => {
    let f = files.get(p);
    if (!f) {
      f = readBundled(p);
      files.set(p, f);
    }
    return f;
  };
  read('views.sql').catch(() => undefined);
  read('catalog.json')
    .then((bytes) => {
      const catalog = JSON.parse(new TextDecoder().decode(bytes)) as { datasets?: { file?: unknown }[] };
      for (const d of catalog.datasets ?? []) if (typeof d.file === 'string') read(d.file).catch(() => undefined);
    })
    .catch(() => undefined);
  return read;
}

export async function startEngine(): Promise<Engine> {
  const read = prefetchBundled();
  const t0 = performance.now();
  const raw = await openWorkerDb();
  const t1 = performance.now();
  // Marks for the start-up benchmark (bench/browser.ts reports the phases).
  performance.mark('sgw:engine-open');
  // The bundled tables are the starting point, not a change.
  const datasets = await loadBundledDatasets(raw, read);
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
