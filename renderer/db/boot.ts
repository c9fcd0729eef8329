/**
 * What start-up needs first, kept out of the engine's module (duckdb-wasm's JS and Arrow) so main.tsx can
 * start it before any of that is fetched: the engine's worker, which begins compiling the wasm on its first
 * line (engine-worker.ts), and the bundled files' downloads.
 */
let started: { worker: Worker; failed: Promise<never> } | undefined;

/**
 * The engine's worker, and a promise that rejects on its first error (a failed wasm compile): listened for
 * from the start, since that error can come before the engine's module has loaded.
 */
export function engineWorker(): { worker: Worker; failed: Promise<never> } {
  if (!started) {
    const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
    const failed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => reject(new Error(e.message || 'engine worker failed')), { once: true });
    });
    // openWorkerDb races it against the start; an error after a good start is not a start failure.
    failed.catch(() => undefined);
    started = { worker, failed };
  }
  return started;
}

/** Bundled files are served by our own origin (vite preview, or app:// in Electron): never the network. */
async function readBundled(relativePath: string): Promise<Uint8Array> {
  const res = await fetch(new URL(`datasets/${relativePath}`, document.baseURI));
  if (!res.ok) throw new Error(`datasets/${relativePath}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

let files: Map<string, Promise<Uint8Array>> | undefined;

const json = async (p: string) => JSON.parse(new TextDecoder().decode(await bundledFile(p))) as Record<string, unknown>;
const names = (v: unknown): string[] => (Array.isArray(v) ? v : Object.values(v ?? {})).filter((f): f is string => typeof f === 'string');

/**
 * Reads a bundled file once. The first call starts every download start-up will need, so they arrive while
 * the engine compiles: the fast form's files when the build made one (shared/datasets/fast-form.ts), else
 * the CSVs of the catalog.
 */
export function bundledFile(relativePath: string): Promise<Uint8Array> {
  if (!files) {
    files = new Map();
    const prefetch = (list: string[]) => list.forEach((f) => bundledFile(f).catch(() => undefined));
    prefetch(['views.sql']);
    json('fast.json' /* FAST_FORM_FILE */).then(
      // The starter chart's build-time answer comes with the fast form (renderer/db/starter-answer.ts).
      (fast) => prefetch([...names(fast.files), 'starter-answer.json' /* STARTER_ANSWER_FILE */]),
      () => json('catalog.json').then((c) => prefetch(names((c.datasets as { file?: unknown }[] | undefined)?.map((d) => d.file))), () => undefined),
    );
  }
  let f = files.get(relativePath);
  if (!f) {
    f = readBundled(relativePath);
    files.set(relativePath, f);
  }
  return f;
}
