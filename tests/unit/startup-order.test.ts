// Start-up's order on the real engine (duckdb-wasm's Node build standing in for the worker, the fast form
// the web build ships): the starter chart's tables, then its query, then the other bundled tables.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { runChart } from '../../shared/charts/run-chart';
import { starterChartSpec } from '../../shared/charts/starter-chart';
import { FAST_FORM_FILE, makeFastForm } from '../../shared/datasets/fast-form';
import { loadBundledDatasets } from '../../shared/datasets/load';
import type { Db } from '../../shared/db';
import { coordinatorFor } from '../../renderer/db/coordinator';
import type { Engine } from '../../renderer/db/engine';

const dir = path.resolve(__dirname, '../../datasets');
const fromDisk = async (p: string) => new Uint8Array(await readFile(path.join(dir, p)));
const files = new Map<string, Uint8Array>();
/** What the engine was handed, in order: `call …` when sent, `done …` when it answered. */
const log: string[] = [];

/** The real engine, every call logged by what it touches (a table, the views it creates, a query's FROM). */
function logged(db: Db): Db {
  const around =
    <R extends unknown[], T>(what: (first: string) => string, f: (first: string, ...rest: R) => Promise<T>) =>
    (first: string, ...rest: R) => {
      const w = what(first);
      log.push(`call ${w}`);
      return f(first, ...rest).finally(() => log.push(`done ${w}`));
    };
  const views = (sql: string) => [...sql.matchAll(/CREATE OR REPLACE VIEW (\w+)/g)].map((m) => m[1]).join(',');
  const from = (sql: string) => (/\bFROM\s+"?(\w+)/.exec(sql)?.[1] ?? sql.slice(0, 30));
  return {
    ...db,
    insertArrow: around((name: string) => `insert ${name}`, db.insertArrow.bind(db)),
    exec: around((sql: string) => `exec ${views(sql) || sql.slice(0, 30)}`, db.exec.bind(db)),
    query: around((sql: string) => `query ${from(sql)}`, db.query.bind(db)),
  };
}

vi.mock('../../renderer/db/worker-db', () => ({ openWorkerDb: async () => logged(await openNodeDb()) }));
vi.mock('../../renderer/db/boot', () => ({ bundledFile: async (p: string) => files.get(p) ?? fromDisk(p) }));

let engine: Engine;
let earlyCount: Promise<unknown>;

beforeAll(async () => {
  // The fast form as the web build makes it (build/scripts/bundled-fast.ts).
  const csvDb = await openNodeDb();
  const { catalog } = await loadBundledDatasets(csvDb, fromDisk);
  const made = await makeFastForm(csvDb, catalog);
  await csvDb.close();
  files.set(FAST_FORM_FILE, new TextEncoder().encode(JSON.stringify(made.form)));
  for (const [name, bytes] of made.arrow) files.set(name, bytes);
  const { startEngine } = await import('../../renderer/db/engine');
  engine = await startEngine();
  // Asked the moment the app has its engine, on a table that is not in yet: it waits for it.
  earlyCount = engine.db.query('SELECT count(*) AS n FROM statements');
  await engine.loaded;
}, 120_000);

describe('start-up order', () => {
  it("loads the starter chart's table and view first and hands its query over before any other table", () => {
    const starterDone = log.indexOf('done query sh_registrations_wide');
    expect(starterDone).toBeGreaterThan(0);
    const sent = log.slice(0, starterDone).filter((e) => e.startsWith('call '));
    expect(sent).toEqual(['call insert sh_social_org', 'call exec sh_registrations_wide', 'call query sh_registrations_wide']);
  });

  it('still loads every bundled table and view, after the starter query', async () => {
    const after = log.slice(log.indexOf('done query sh_registrations_wide'));
    for (const d of engine.datasets.catalog.datasets.filter((d) => d.table !== 'sh_social_org')) expect(after).toContain(`call insert ${d.table}`);
    const listed = await engine.db.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'");
    const names = listed.toArray().map((r) => String((r as { table_name: string }).table_name));
    for (const name of [...engine.datasets.catalog.datasets.map((d) => d.table), ...engine.datasets.views]) expect(names).toContain(name);
    expect(engine.datasets.views.length).toBeGreaterThan(5);
  });

  it('holds what the app asks meanwhile until every table is in', async () => {
    const rows = ((await earlyCount) as { toArray(): { n: number }[] }).toArray();
    expect(Number(rows[0].n)).toBeGreaterThan(100);
    expect(log.indexOf('call query statements')).toBeGreaterThan(log.lastIndexOf('done insert statements'));
  });

  it("is the very query the starter chart runs, in either language: the chart joins it, the engine runs it once", async () => {
    const table = engine.datasets.tables!.find((t) => t.name === 'sh_registrations_wide')!;
    const coordinator = coordinatorFor(engine.db);
    const before = coordinator.sent;
    for (const lang of ['zh-CN', 'en'] as const) {
      const run = await runChart(coordinator, starterChartSpec(lang), { table, catalog: engine.datasets.catalog, lang });
      expect(run.status).toBe('ready');
    }
    expect(coordinator.sent).toBe(before);
    expect(log.filter((e) => e === 'call query sh_registrations_wide')).toHaveLength(1);
  });
});
