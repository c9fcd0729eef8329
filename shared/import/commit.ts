/**
 * Puts imported tables into the database so that a failure leaves the workspace unchanged: the Arrow stream
 * goes into a temporary table first; rename (and replace, if asked) and the provenance row happen in one
 * transaction. Provenance (./provenance) lives in sgw_meta.provenance, exactly as long as the in-memory
 * database and its tables; projects save and restore it with their tables.
 */
import { releaseBuffer, type Db } from '../db';
import { isReservedName } from '../reserved-names';
import { asSource, readWhole, type ByteSource } from './byte-source';
import { PROVENANCE_SETUP_SQL, TRANSACTION_SQL, dropTableSql, readProvenanceSql, renameImportSql, tableExistsSql, writeProvenanceSql } from '../sql/import-sql';
import { finishPlan, sampleCsv, scanSample, type CsvPlan, type CsvSample } from './csv-engine';
import { stageCsvPlan, stageWhileScanning, type ScanElsewhere, type StagedPlan } from './csv-stage';
import { importFile, suggestTableName } from './pipeline';
import type { OnBatch, Streamed } from './runner';
import { sniffFormat } from './sniff';
import { importProvenance, parseSavedProvenance, parseTotals, type Provenance } from './provenance';
import { ImportError, type ImportOptions, type ParsedTable, type SourceInfo } from './types';

import { IMPORT_STAGING_PREFIX } from '../sql/catalog-sql';

export { PROVENANCE_TABLE } from '../sql/import-sql';
export type { Provenance } from './provenance';

async function ensureProvenanceTable(db: Db): Promise<void> {
  for (const sql of PROVENANCE_SETUP_SQL) await db.exec(sql);
}

export function validTableName(name: string): boolean {
  // Control characters are exactly what must be refused here.
  // eslint-disable-next-line no-control-regex
  return name.trim().length > 0 && name.length <= 63 && !isReservedName(name) && !/["\u0000-\u001f]/.test(name);
}

export async function tableExists(db: Db, name: string): Promise<boolean> {
  const r = await db.query(tableExistsSql(name));
  return r.toArray().some((row) => Number(row.n) > 0);
}

export interface CommitRequest {
  tableName: string;
  /** Complete Arrow IPC streams of one schema (Db.insertArrow). */
  ipc: Uint8Array[];
  parsed: ParsedTable;
  source: SourceInfo;
  replace?: boolean;
  now?: Date;
}

/** Refuses a bad or taken name before anything is written. */
async function checkTarget(db: Db, name: string, replace: boolean): Promise<void> {
  if (!validTableName(name)) throw new ImportError('import.err.badTableName', { name });
  if (!replace && (await tableExists(db, name))) throw new ImportError('import.err.tableExists', { name });
  await ensureProvenanceTable(db);
}

const stagingName = () => `${IMPORT_STAGING_PREFIX}${Math.random().toString(36).slice(2, 10)}`;

/** Gives the staging table its name (replacing, if asked) and writes its provenance, in one transaction. */
async function publish(db: Db, tmp: string, name: string, req: Omit<CommitRequest, 'ipc' | 'tableName'>): Promise<void> {
  const provenance = importProvenance(name, req.parsed, req.source, req.now);
  try {
    await db.exec(TRANSACTION_SQL.begin);
    for (const sql of renameImportSql(tmp, name, req.replace ?? false)) await db.exec(sql);
    for (const sql of writeProvenanceSql(provenance)) await db.exec(sql);
    await db.exec(TRANSACTION_SQL.commit);
  } catch (e) {
    await db.exec(TRANSACTION_SQL.rollback).catch(() => undefined);
    await db.exec(dropTableSql(tmp)).catch(() => undefined);
    throw e;
  }
}

/** Inserts one imported table; throws ImportError('import.err.tableExists') unless `replace`. */
export async function commitTable(db: Db, req: CommitRequest): Promise<void> {
  const name = req.tableName.trim();
  await checkTarget(db, name, req.replace ?? false);
  const tmp = stagingName();
  try {
    await db.insertArrow(tmp, req.ipc);
  } catch (e) {
    // A failed append leaves the streams before it in the staging table.
    await db.exec(dropTableSql(tmp)).catch(() => undefined);
    throw e;
  }
  await publish(db, tmp, name, req);
}

/** A build elsewhere (ImportRunner.buildStreamed) whose table's streams are handed over as they are made. */
export type StreamedBuild = (onBatch: OnBatch) => Promise<Streamed>;

/**
 * A table whose streams arrive while it is built (a Parquet file's row groups as they are read): each goes
 * into the staging table as it comes — the engine inserts one while the worker reads the next — and the
 * table is published once the last is in. A damaged row group, cancel or a failed insert drops the staging
 * table. A plan for the engine's read_csv (the worker's other answer) is returned with nothing staged.
 */
export async function commitStreamed(db: Db, tableName: string, build: StreamedBuild, opts: { replace?: boolean; now?: Date } = {}): Promise<Streamed> {
  const name = tableName.trim();
  await checkTarget(db, name, opts.replace ?? false);
  const tmp = stagingName();
  let batches = 0;
  let inserting: Promise<void> = Promise.resolve();
  let r: Streamed;
  try {
    // Each batch is ours (handed over by the worker) and copied by the engine: let go of it at once.
    r = await build((ipc) => (inserting = db.insertArrow(tmp, ipc, batches++ > 0).then(() => releaseBuffer(ipc))));
  } catch (e) {
    await inserting.catch(() => undefined);
    if (batches > 0) await db.exec(dropTableSql(tmp)).catch(() => undefined);
    throw e;
  }
  if (r.type === 'streamed') await publish(db, tmp, name, { parsed: { ...r.preview, data: [] }, source: r.source, ...opts });
  return r;
}

/**
 * The engine's way for a planned CSV (./csv-engine): false, with nothing changed, when the engine did not
 * read the file as planned.
 */
export async function commitCsvPlan(db: Db, plan: StagedPlan, tableName: string, opts: { replace?: boolean; now?: Date } = {}): Promise<boolean> {
  const name = tableName.trim();
  await checkTarget(db, name, opts.replace ?? false);
  const tmp = stagingName();
  if (!(await stageCsvPlan(db, plan, tmp))) return false;
  await publish(db, tmp, name, { parsed: plan.parsed, source: plan.source, ...opts });
  return true;
}

/** A planned CSV read into a staging table ahead of its import (renderer/features/import/prestage.ts). */
export interface StagedCsv {
  tmp: string;
  plan: StagedPlan;
}

/** Reads `plan` into a new staging table (no target yet: the name is given at publishStagedCsv); null, nothing left, as stageCsvPlan. */
export async function stageCsvAhead(db: Db, plan: StagedPlan, stopped?: () => boolean): Promise<StagedCsv | null> {
  const tmp = stagingName();
  return (await stageCsvPlan(db, plan, tmp, stopped)) ? { tmp, plan } : null;
}

/** The import of a staged CSV: checks the name (throws as commitCsvPlan, the staging table kept), then renames it and writes its provenance in one transaction. */
export async function publishStagedCsv(db: Db, staged: StagedCsv, tableName: string, opts: { replace?: boolean; now?: Date } = {}): Promise<void> {
  const name = tableName.trim();
  await checkTarget(db, name, opts.replace ?? false);
  await publish(db, staged.tmp, name, { parsed: staged.plan.parsed, source: staged.plan.source, ...opts });
}

/**
 * The engine's way for a sampled CSV whose byte scan runs elsewhere at the same time (./csv-stage): the
 * proven plan, or null, with nothing changed, when the JS pipeline must read the file.
 */
export async function commitCsvWhileScanning(db: Db, s: CsvSample, scan: ScanElsewhere, tableName: string, opts: { replace?: boolean; now?: Date } = {}): Promise<CsvPlan | null> {
  const name = tableName.trim();
  await checkTarget(db, name, opts.replace ?? false);
  const tmp = stagingName();
  const plan = await stageWhileScanning(db, s, tmp, scan);
  if (plan) await publish(db, tmp, name, { parsed: plan.parsed, source: plan.source, ...opts });
  return plan;
}

/** Records where a table came from (used when a project brings imported tables back). */
export async function recordProvenance(db: Db, p: Provenance): Promise<void> {
  await ensureProvenanceTable(db);
  for (const sql of writeProvenanceSql(p)) await db.exec(sql);
}

function json(v: unknown): unknown {
  try {
    return v == null ? undefined : (JSON.parse(String(v)) as unknown);
  } catch {
    return undefined;
  }
}

/** Where an imported table came from, or null for tables that were not imported. */
export async function getProvenance(db: Db, tableName: string): Promise<Provenance | null> {
  await ensureProvenanceTable(db);
  const row = (await db.query(readProvenanceSql(tableName))).toArray()[0];
  if (!row) return null;
  const roles = parseSavedProvenance({ roles: json(row.roles) })?.roles;
  const totals = parseTotals(json(row.totals));
  return {
    tableName,
    fileName: String(row.file_name),
    sheet: row.sheet == null ? null : String(row.sheet),
    encoding: row.encoding == null ? null : String(row.encoding),
    importedAt: String(row.at),
    notes: String(row.notes ?? ''),
    units: JSON.parse(String(row.units ?? '{}')) as Record<string, string>,
    ...(row.title != null ? { title: String(row.title) } : {}),
    ...(row.source != null ? { source: String(row.source) } : {}),
    ...(totals ? { totals } : {}),
    ...(roles ? { roles } : {}),
  };
}

export interface ImportIntoDbOptions extends ImportOptions {
  /** Table name for a single table, or a prefix-free name per sheet (default: from the file and sheet names). */
  tableNames?: string[];
  replace?: boolean;
  /** Runs a big CSV's byte scan in another thread while the engine reads it (Node: electron/cli/csv-scan-thread.ts). */
  scanElsewhere?: ScanElsewhere;
  /** Reads a Parquet file in another thread while the engine inserts its row groups (Node: electron/cli/import-thread.ts). */
  buildElsewhere?: (bytes: Uint8Array, fileName: string, opts: ImportOptions) => StreamedBuild;
}

function isParquet(bytes: Uint8Array, fileName: string, opts: ImportOptions): boolean {
  try {
    return (opts.format ?? sniffFormat(bytes, fileName).format) === 'parquet';
  } catch {
    return false;
  }
}

/**
 * The whole way from a file to tables in `db` with provenance (bench hook: `importIntoDb(db, bytes,
 * 'data.csv', { tableNames: ['t'] })`). A big plain CSV from a ByteSource (Node: electron/cli/file-source.ts)
 * is never held whole; anything the JS pipeline reads is. Returns the names and shapes it created.
 */
export async function importIntoDb(db: Db, file: Uint8Array | ByteSource, fileName: string, opts: ImportIntoDbOptions = {}) {
  const planned = opts.tableNames?.[0] ?? suggestTableName(fileName);
  const src = asSource(file);
  const sample = sampleCsv(src, fileName, opts);
  const o = { replace: opts.replace };
  let plan: CsvPlan | null = null;
  // With another thread the byte scan runs beside the engine's read; without, before it.
  if (sample && opts.scanElsewhere) plan = await commitCsvWhileScanning(db, sample, opts.scanElsewhere, planned, o);
  else if (sample) {
    const p = finishPlan(sample, scanSample(sample));
    if (p && (await commitCsvPlan(db, p, planned, o))) plan = p;
  }
  if (plan) return { source: plan.source, tables: [{ name: planned, rows: plan.parsed.rowCount, parsed: plan.parsed }] };
  const bytes = readWhole(src);
  if (opts.buildElsewhere && isParquet(bytes, fileName, opts)) {
    const { tableNames: _n, replace: _r, scanElsewhere: _s, buildElsewhere, ...options } = opts;
    const r = await commitStreamed(db, planned, buildElsewhere(bytes, fileName, options), o);
    if (r.type !== 'streamed') throw new Error('unexpected worker reply');
    return { source: r.source, tables: [{ name: planned, rows: r.preview.rowCount, parsed: { ...r.preview, data: [] } }] };
  }
  const { source, tables } = await importFile(bytes, fileName, opts);
  const created: { name: string; rows: number; parsed: ParsedTable }[] = [];
  for (const [i, t] of tables.entries()) {
    const tableName = opts.tableNames?.[i] ?? suggestTableName(fileName, tables.length > 1 ? t.parsed.sheet : undefined);
    await commitTable(db, { tableName, ipc: t.ipc, parsed: t.parsed, source, replace: opts.replace });
    created.push({ name: tableName, rows: t.parsed.rowCount, parsed: t.parsed });
  }
  return { source, tables: created };
}
