/**
 * The bench's way in (bench/browser-import-memory.ts only): with `?bench` in the page's address the window's
 * engine, untracked, is globalThis.sgwBenchDb, so the bench can time the engine's own read_csv in the same
 * browser as the app's import. The app never opens such an address (Electron loads app://…/index.html), and
 * a script on the page could reach the engine through the page anyway: nothing is opened that was closed.
 */
import type { Db } from '../../shared/db';

export function exposeForBench(db: Db): void {
  if (typeof location !== 'undefined' && new URLSearchParams(location.search).has('bench')) (globalThis as { sgwBenchDb?: Db }).sgwBenchDb = db;
}
