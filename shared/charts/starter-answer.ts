/**
 * The starter chart's answer made at build time (issue 18): a cache entry of the one run path, never a
 * second one. The web build runs runChart for the starter spec, in every language, on the real engine
 * loaded from the fast form exactly as the app loads it, and records each query runChart sent with the
 * engine's own Arrow answer. The app runs the same runChart over those recorded answers while its engine
 * starts, and the engine's live answer replaces the drawing as soon as it comes.
 *
 * An answer is used only under its key: sha-256 of the engine's version, of the bytes of every fast-form
 * file the rows are read from (views.sql and the Arrow of the tables under the chart's view) and of the SQL.
 * The app computes the key from the bytes it will itself insert and the SQL runChart compiles now, so any
 * changed file, engine or query finds no answer and the chart waits for the engine as before.
 */
import { tableFromIPC } from 'apache-arrow';
import type { Db } from '../db';
import type { TableInfo } from '../db-catalog';
import { LANGS, type DatasetCatalog, type Lang } from '../model/catalog';
import { joined, parseFastForm, FAST_FORM_FILE } from '../datasets/fast-form';
import { firstPart, loadBundledDatasets, splitSqlStatements, type DatasetReader } from '../datasets/load';
import { parseCatalog } from '../model/catalog';
import { sha256Hex } from '../project/sha256';
import { runChart, type ChartRun, type ChartRunDb } from './run-chart';
import { starterChartSpec } from './starter-chart';

export const STARTER_ANSWER_FILE = 'starter-answer.json';
const VIEWS_FILE = 'views.sql';

export interface StarterAnswer {
  version: 1;
  /** The engine the answers came from (duckdb-wasm's package version: the app's wasm is the same file). */
  engine: string;
  /** File name → sha-256 (hex) of the bytes the answers were read from. */
  files: Record<string, string>;
  /** Every query runChart sent for the starter chart in each language, with the engine's Arrow IPC (base64). */
  answers: { key: string; sql: string; ipc: string }[];
}

type Globals = { atob(s: string): string; btoa(s: string): string };
const g = globalThis as unknown as Globals;
const utf8 = new TextEncoder();

const toBase64 = (bytes: Uint8Array) => g.btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string) => Uint8Array.from(g.atob(text), (c) => c.charCodeAt(0));

/**
 * The key an answer is stored and found under. The project seal's SHA-256 (sha256Hex) is the one hash: it is
 * synchronous and needs no Web Crypto (absent outside a secure context), and the few KB hashed here take well
 * under a millisecond.
 */
export function answerKey(engine: string, files: Record<string, string>, sql: string): string {
  const sorted = Object.keys(files)
    .sort()
    .map((name) => [name, files[name]]);
  return sha256Hex(utf8.encode(JSON.stringify([engine, sorted, sql])));
}

/** What the starter chart is run with, read from a datasets folder that has the fast form. */
export interface StarterInputs {
  catalog: DatasetCatalog;
  table: TableInfo;
  /** The fast-form files its rows are read from, with their sha-256. */
  files: Record<string, string>;
}

/**
 * The starter chart's table (from fast.json, as the app's first table list has it), the catalog, and the
 * hashes of the files under it: views.sql and the Arrow of every table its view reads (firstPart, the very
 * rule start-up loads them by). Null without a fast form, or when the form does not list the view.
 */
export async function starterInputs(read: DatasetReader): Promise<StarterInputs | null> {
  const text = async (p: string) => new TextDecoder().decode(await read(p));
  const catalog = parseCatalog(JSON.parse(await text('catalog.json')));
  const fast = parseFastForm(await text(FAST_FORM_FILE), catalog);
  const spec = starterChartSpec('zh-CN');
  const table = fast?.tables.find((t) => t.name === spec.table);
  if (!fast || !table) return null;
  const part = firstPart(
    catalog.datasets.map((d) => d.table),
    splitSqlStatements(await text(VIEWS_FILE)),
    [spec.table],
  );
  const names = [VIEWS_FILE, ...[...part.tables].map((t) => fast.files[t])];
  const files = Object.fromEntries(await Promise.all(names.map(async (n) => [n, sha256Hex(await read(n))] as const)));
  return { catalog, table, files };
}

/** The starter chart in `lang`, run by runChart on `db` with the inputs the app's first screen has. */
export function runStarter(db: ChartRunDb, inputs: StarterInputs, lang: Lang): Promise<ChartRun> {
  return runChart(db, starterChartSpec(lang), { table: inputs.table, catalog: inputs.catalog, lang });
}

/**
 * Build time: the answer of every query the starter chart sends, in every language, from a fresh `db` into
 * which the bundled datasets are loaded from the fast form in `read` exactly as the app loads them.
 */
export async function makeStarterAnswer(db: Db, read: DatasetReader, engine: string): Promise<StarterAnswer> {
  await loadBundledDatasets(db, read);
  const inputs = await starterInputs(read);
  if (!inputs) throw new Error(`the starter chart's table is not in ${FAST_FORM_FILE}`);
  const answers = new Map<string, Uint8Array>();
  // The engine's own IPC, kept as it came; runChart reads the same bytes the app will.
  const recording: ChartRunDb = {
    async query(sql) {
      const ipc = answers.get(sql) ?? joined(await db.queryArrow(sql));
      answers.set(sql, ipc);
      return tableFromIPC(ipc);
    },
  };
  for (const lang of LANGS) await runStarter(recording, inputs, lang);
  const entries = [...answers].map(([sql, ipc]) => ({ key: answerKey(engine, inputs.files, sql), sql, ipc: toBase64(ipc) }));
  return { version: 1, engine, files: inputs.files, answers: entries };
}

/** The answer file's content when it has the expected shape, else null (no early chart). */
export function parseStarterAnswer(text: string): StarterAnswer | null {
  try {
    const a = JSON.parse(text) as Partial<StarterAnswer>;
    const isEntry = (e: unknown) => typeof e === 'object' && e !== null && ['key', 'sql', 'ipc'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string');
    const files = a.files as Record<string, unknown> | undefined;
    const filesOk = typeof files === 'object' && files !== null && Object.values(files).every((v) => typeof v === 'string');
    return a.version === 1 && typeof a.engine === 'string' && filesOk && Array.isArray(a.answers) && a.answers.every(isEntry) ? (a as StarterAnswer) : null;
  } catch {
    return null;
  }
}

/**
 * Why the build's answer cannot stand in for the engine here. `stale`: the build answered this very SQL, under
 * another key (a file under the chart or the engine changed since the build); otherwise the build never ran
 * this query (a calculated field on the table changes the chart's SQL), which is no slip to report.
 */
export class NoStarterAnswer extends Error {
  constructor(
    message: string,
    readonly stale: boolean,
  ) {
    super(message);
  }
}

/**
 * A ChartRunDb that answers only the queries the build answered for these very inputs: the key is computed
 * from this engine, the hashes of the files the app read and the SQL asked. Anything else rejects.
 */
export function answerDb(answer: StarterAnswer, engine: string, files: Record<string, string>): ChartRunDb {
  return {
    async query(sql) {
      const key = answerKey(engine, files, sql);
      const hit = answer.answers.find((a) => a.key === key && a.sql === sql);
      if (!hit) {
        const stale = answer.answers.some((a) => a.sql === sql);
        throw new NoStarterAnswer(stale ? `the files under the chart differ from the build's (${Object.keys(files).sort().join(', ')})` : `no build-time answer for ${sql}`, stale);
      }
      return tableFromIPC(fromBase64(hit.ipc));
    },
  };
}

/**
 * The starter chart drawn from the build's answer, or null when that answer does not fit these inputs.
 * `refused` hears why an answer that is there was not used (damaged, another engine, a file under the chart
 * changed): the app waits for its engine as ever, but a developer should learn that the build's answer went
 * unused. A query the build never ran (the user's calculated field) is not reported.
 */
export async function earlyStarterRun(answerText: string, engine: string, read: DatasetReader, lang: Lang, refused: (why: string) => void = () => {}): Promise<ChartRun | null> {
  const answer = parseStarterAnswer(answerText);
  if (!answer) return refuse(refused, `${STARTER_ANSWER_FILE} is not a starter answer of version 1`);
  if (answer.engine !== engine) return refuse(refused, `${STARTER_ANSWER_FILE} was made by engine ${answer.engine}, this is ${engine}`);
  try {
    const inputs = await starterInputs(read);
    // No fast form (a CSV-only folder): nothing the answer could match, so nothing to report.
    if (!inputs) return null;
    return await runStarter(answerDb(answer, engine, inputs.files), inputs, lang);
  } catch (e) {
    if (e instanceof NoStarterAnswer && !e.stale) return null;
    return refuse(refused, e instanceof Error ? e.message : String(e));
  }
}

function refuse(refused: (why: string) => void, why: string): null {
  refused(why);
  return null;
}
