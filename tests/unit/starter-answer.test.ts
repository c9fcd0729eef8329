/// <reference types="vite/client" />
// (import.meta.env: the last test loads renderer/db/starter-answer.ts, which reads the build's engine id from it.)
// The starter chart's build-time answer (shared/charts/starter-answer.ts) against the engine's live answer,
// on the real engine: the build's step over the fast form, the app's start-up (renderer/db/engine.ts, with
// duckdb-wasm's Node build standing in for the worker) and the chart's own run through the coordinator.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { runChart, type ChartRun } from '../../shared/charts/run-chart';
import { answerDb, answerKey, earlyStarterRun, makeStarterAnswer, NoStarterAnswer, parseStarterAnswer, STARTER_ANSWER_FILE, starterInputs, type StarterAnswer } from '../../shared/charts/starter-answer';
import { starterChartSpec } from '../../shared/charts/starter-chart';
import { FAST_FORM_FILE, joined, makeFastForm } from '../../shared/datasets/fast-form';
import { loadBundledDatasets, type DatasetReader } from '../../shared/datasets/load';
import { LANGS } from '../../shared/model/catalog';
import { coordinatorFor } from '../../renderer/db/coordinator';
import { readyRollupsFor } from '../../renderer/db/rollups';
import type { Engine } from '../../renderer/db/engine';

const dir = path.resolve(__dirname, '../../datasets');
const fromDisk = async (p: string) => new Uint8Array(await readFile(path.join(dir, p)));
/** A built datasets folder: the fast form as build/scripts/bundled-fast.ts writes it beside the source files. */
const built = new Map<string, Uint8Array>();
const readBuilt: DatasetReader = async (p) => {
  if (p.endsWith('.csv')) throw new Error(`a built folder is read without ${p}`);
  return built.get(p) ?? fromDisk(p);
};
/** The same folder with some files replaced. */
const changed =
  (files: Record<string, Uint8Array>): DatasetReader =>
  (p) =>
    p in files ? Promise.resolve(files[p]) : readBuilt(p);

vi.mock('../../renderer/db/worker-db', () => ({ openWorkerDb: () => openNodeDb() }));
vi.mock('../../renderer/db/boot', () => ({ bundledFile: (p: string) => readBuilt(p) }));

/** Any engine id: the build's step and the app are given the same one (vite.config.ts). */
const ENGINE = '@duckdb/duckdb-wasm (the Node build of these tests)';
let engine: Engine;
let answer: StarterAnswer;
let answerText: string;

beforeAll(async () => {
  const csvDb = await openNodeDb();
  const { catalog } = await loadBundledDatasets(csvDb, fromDisk);
  const made = await makeFastForm(csvDb, catalog);
  await csvDb.close();
  built.set(FAST_FORM_FILE, new TextEncoder().encode(JSON.stringify(made.form)));
  for (const [name, bytes] of made.arrow) built.set(name, bytes);
  // The build's step, on an engine of its own.
  const buildDb = await openNodeDb();
  answer = await makeStarterAnswer(buildDb, readBuilt, ENGINE);
  await buildDb.close();
  answerText = JSON.stringify(answer);
  // The app's start-up, which hands the starter query to the coordinator before the other tables.
  const { startEngine } = await import('../../renderer/db/engine');
  engine = await startEngine();
  await engine.loaded;
}, 120_000);

/** The chart as the app runs it once its engine is there (features/chart-builder/use-chart-data.ts). */
function liveRun(lang: (typeof LANGS)[number]): Promise<ChartRun> {
  const table = engine.datasets.tables!.find((t) => t.name === 'sh_registrations_wide')!;
  return runChart(coordinatorFor(engine.db), starterChartSpec(lang), { table, catalog: engine.datasets.catalog, lang, rollups: readyRollupsFor(engine.db) });
}

/** Column names, Arrow types (with precision, unit, nullability) and every cell, in order. */
function contents(rows: Table) {
  const fields = rows.schema.fields.map((f) => ({ name: f.name, type: String(f.type), typeId: f.typeId, nullable: f.nullable }));
  const cells = rows.toArray().map((r) => rows.schema.fields.map((f) => (r as Record<string, unknown>)[f.name]));
  return { fields, cells };
}

describe("the starter chart's build-time answer", () => {
  it('equals the live answer over the current datasets exactly: the same SQL, types, every value, order and ChartData, in each language', async () => {
    for (const lang of LANGS) {
      const early = await earlyStarterRun(answerText, ENGINE, readBuilt, lang);
      const live = await liveRun(lang);
      expect(early?.status, lang).toBe('ready');
      expect(live.status, lang).toBe('ready');
      if (early?.status !== 'ready' || live.status !== 'ready') return;
      expect(early.query.sql).toBe(live.query.sql);
      const a = contents(early.rows);
      const b = contents(live.rows);
      expect(a.cells.length, lang).toBeGreaterThan(1);
      expect(a.fields).toEqual(b.fields);
      expect(a.cells.length).toBe(b.cells.length);
      a.cells.forEach((row, r) => row.forEach((v, c) => expect(Object.is(v, b.cells[r][c]), `${lang} row ${r} column ${c}: ${String(v)} vs ${String(b.cells[r][c])}`).toBe(true)));
      expect(early.data).toEqual(live.data);
    }
  });

  it('names the engine, the files the rows are read from (views.sql and the Arrow under the view) and every query runChart sent', async () => {
    expect(answer.engine).toBe(ENGINE);
    expect(Object.keys(answer.files).sort()).toEqual(['sh_social_org.arrow', 'views.sql']);
    const inputs = (await starterInputs(readBuilt))!;
    for (const a of answer.answers) expect(a.key).toBe(answerKey(ENGINE, inputs.files, a.sql));
    expect(parseStarterAnswer(answerText)).toEqual(answer);
    expect(STARTER_ANSWER_FILE).toBe('starter-answer.json');
  });

  it('keys by the one SHA-256 (the project seal\'s), without Web Crypto: a page outside a secure context still gets the early chart', async () => {
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    vi.stubGlobal('crypto', undefined);
    try {
      const inputs = (await starterInputs(readBuilt))!;
      for (const [name, digest] of Object.entries(inputs.files)) expect(digest, name).toBe(sha(await readBuilt(name)));
      const sorted = Object.keys(inputs.files).sort().map((n) => [n, inputs.files[n]]);
      for (const a of answer.answers) expect(a.key).toBe(sha(new TextEncoder().encode(JSON.stringify([ENGINE, sorted, a.sql]))));
      expect((await earlyStarterRun(answerText, ENGINE, readBuilt, 'zh-CN'))?.status).toBe('ready');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is not used when a file under the chart changed: a value of its table, or its view', async () => {
    // A real change of data: one value of the table under the view, written by the engine as the build writes it.
    const db = await openNodeDb();
    await loadBundledDatasets(db, readBuilt);
    await db.exec(`UPDATE sh_social_org SET value = value + 1 WHERE category = '社会团体' AND year = 2014 AND month = 6`);
    const table = joined(await db.queryArrow('SELECT * FROM sh_social_org'));
    await db.close();
    expect(table).not.toEqual(built.get('sh_social_org.arrow'));
    for (const lang of LANGS) expect(await earlyStarterRun(answerText, ENGINE, changed({ 'sh_social_org.arrow': table }), lang)).toBeNull();
    const before = new TextDecoder().decode(await readBuilt('views.sql'));
    const views = before.replace('AND month = 6) AS mid_2014', 'AND month = 5) AS mid_2014');
    expect(views).not.toBe(before);
    expect(await earlyStarterRun(answerText, ENGINE, changed({ 'views.sql': new TextEncoder().encode(views) }), 'zh-CN')).toBeNull();
    // A table the chart does not read may change: the answer still stands (the fingerprint names what it reads).
    const other = new Uint8Array(built.get('statements.arrow')!);
    other[other.length - 9] ^= 1;
    expect((await earlyStarterRun(answerText, ENGINE, changed({ 'statements.arrow': other }), 'zh-CN'))?.status).toBe('ready');
  }, 60_000);

  it('is not used when the query changed, for another engine, or from a damaged file', async () => {
    const inputs = (await starterInputs(readBuilt))!;
    // The build ran an older chart SQL: its answer is stored under that SQL's key, the app asks for another.
    const older = answer.answers.map((a) => ({ ...a, sql: `${a.sql} `, key: answerKey(ENGINE, inputs.files, `${a.sql} `) }));
    for (const lang of LANGS) expect(await earlyStarterRun(JSON.stringify({ ...answer, answers: older }), ENGINE, readBuilt, lang)).toBeNull();
    await expect(answerDb(answer, ENGINE, inputs.files).query('SELECT 1')).rejects.toBeInstanceOf(NoStarterAnswer);
    expect(await earlyStarterRun(answerText, `${ENGINE} (another)`, readBuilt, 'zh-CN')).toBeNull();
    expect(await earlyStarterRun(JSON.stringify({ ...answer, engine: 'other' }), 'other', readBuilt, 'zh-CN')).toBeNull();
    expect(await earlyStarterRun(answerText.slice(0, 100), ENGINE, readBuilt, 'zh-CN')).toBeNull();
    expect(await earlyStarterRun(JSON.stringify({ ...answer, version: 2 }), ENGINE, readBuilt, 'zh-CN')).toBeNull();
    // Without the fast form (the dev server, a CSV-only folder) there is no early chart.
    expect(await earlyStarterRun(answerText, ENGINE, changed({ [FAST_FORM_FILE]: new TextEncoder().encode('{}') }), 'zh-CN')).toBeNull();
  });

  it('says why a mismatched answer is refused (changed file, other engine, damaged file), and nothing for a query the build never ran', async () => {
    const heard: string[] = [];
    const run = (text: string, eng: string, read: DatasetReader) => earlyStarterRun(text, eng, read, 'zh-CN', (why) => heard.push(why));
    const views = new TextEncoder().encode(`${new TextDecoder().decode(await readBuilt('views.sql'))}\n-- changed after the build\n`);
    expect(await run(answerText, ENGINE, changed({ 'views.sql': views }))).toBeNull();
    expect(heard.splice(0)).toEqual(["the files under the chart differ from the build's (sh_social_org.arrow, views.sql)"]);
    expect(await run(answerText, 'another engine', readBuilt)).toBeNull();
    expect(heard.splice(0)).toEqual([`starter-answer.json was made by engine ${ENGINE}, this is another engine`]);
    expect(await run(answerText.slice(0, 100), ENGINE, readBuilt)).toBeNull();
    expect(heard.splice(0)).toEqual(['starter-answer.json is not a starter answer of version 1']);
    // The build never ran this SQL (as with a calculated field on the table): refused, and no slip to report.
    const other = { ...answer, answers: answer.answers.map((a) => ({ ...a, sql: `${a.sql} ` })) };
    expect(await run(JSON.stringify(other), ENGINE, readBuilt)).toBeNull();
    expect((await run(answerText, ENGINE, readBuilt))?.status).toBe('ready');
    expect(heard).toEqual([]);
  });

  it('is refused by the app with one console warning, however many languages ask (renderer/db/starter-answer.ts)', async () => {
    built.set(STARTER_ANSWER_FILE, new TextEncoder().encode(JSON.stringify({ ...answer, engine: 'the engine of an older build' })));
    vi.stubEnv('VITE_ENGINE_ID', ENGINE);
    vi.resetModules();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { earlyStarter } = await import('../../renderer/db/starter-answer');
      for (const lang of LANGS) expect(await earlyStarter(lang), lang).toBeNull();
      expect(warn.mock.calls).toEqual([[`[sgw] the build's starter-chart answer is not used, the chart waits for the engine: starter-answer.json was made by engine the engine of an older build, this is ${ENGINE}`]]);
    } finally {
      warn.mockRestore();
      vi.unstubAllEnvs();
      built.delete(STARTER_ANSWER_FILE);
    }
  });
});
