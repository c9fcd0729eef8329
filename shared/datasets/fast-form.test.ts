// The fast form the web build ships (Arrow + table list) against the CSV path, on the real engine.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { ident, type Db } from '../db';
import { listTables, type TableInfo } from '../db-catalog';
import { FAST_FORM_FILE, makeFastForm, parseFastForm, type FastForm } from './fast-form';
import { loadBundledDatasets, type DatasetReader, type LoadedDatasets } from './load';

const dir = path.resolve(__dirname, '../../datasets');
const fromDisk: DatasetReader = async (p) => new Uint8Array(await readFile(path.join(dir, p)));
const text = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

let csvDb: Db;
let fastDb: Db;
let csv: LoadedDatasets;
let fast: LoadedDatasets;
let form: FastForm;
let csvTables: TableInfo[];
const csvRead: string[] = [];

beforeAll(async () => {
  csvDb = await openNodeDb();
  csv = await loadBundledDatasets(csvDb, fromDisk);
  const made = await makeFastForm(csvDb, csv.catalog);
  form = made.form;
  csvTables = await listTables(csvDb);
  fastDb = await openNodeDb();
  // What the app reads from a built folder: the fast form, and never a CSV when it is there.
  fast = await loadBundledDatasets(fastDb, async (p) => {
    if (p === FAST_FORM_FILE) return text(form);
    const arrow = made.arrow.get(p);
    if (arrow) return arrow;
    if (p.endsWith('.csv')) csvRead.push(p);
    return fromDisk(p);
  });
}, 120_000);
afterAll(async () => {
  await csvDb.close();
  await fastDb.close();
});

/** Every value as the engine writes it (exact for DOUBLE, NULL kept apart from text), in one order. */
async function contents(db: Db, name: string): Promise<unknown[]> {
  const rows = await db.query(`SELECT COLUMNS(*)::VARCHAR FROM ${ident(name)} ORDER BY ALL`);
  return rows.toArray().map((r) => Object.values(r.toJSON() as Record<string, unknown>));
}

describe('the bundled datasets’ fast form', () => {
  it('is loaded instead of the CSVs when present', () => {
    expect(csvRead).toEqual([]);
    expect(fast.tables).toBeDefined();
    expect(csv.tables).toBeUndefined();
    expect(fast.views).toEqual(csv.views);
  });

  it('gives the same tables and views with the same columns, types and row counts, listed as the engine lists them', async () => {
    expect(await listTables(fastDb)).toEqual(csvTables);
    // The list the first screen shows without asking the engine is the engine's list.
    expect(fast.tables).toEqual(csvTables);
    expect(csvTables.filter((t) => t.kind === 'table').map((t) => t.name)).toEqual(csv.catalog.datasets.map((d) => d.table).sort());
    expect(csvTables.some((t) => t.columns.some((c) => c.type === 'DOUBLE')) && csvTables.some((t) => t.columns.some((c) => c.type === 'INTEGER'))).toBe(true);
  });

  it('holds every value of every table and view, quotes and sources included', async () => {
    for (const t of csvTables) {
      const expected = await contents(csvDb, t.name);
      expect(expected.length, t.name).toBe(t.rows);
      expect(await contents(fastDb, t.name), t.name).toEqual(expected);
    }
    // Chinese text and NULLs made it through (a sample the comparison above would also catch).
    const quotes = await fastDb.query(`SELECT count(*)::INTEGER AS n FROM cases WHERE quote LIKE '%社区%'`);
    expect(Number(quotes.toArray()[0].n)).toBeGreaterThan(0);
  }, 60_000);

  it('is ignored when it does not describe exactly the catalog’s tables, and the CSVs load instead', async () => {
    const catalog = csv.catalog;
    const { [catalog.datasets[0].table]: _dropped, ...fewer } = form.files;
    expect(parseFastForm(JSON.stringify({ ...form, files: fewer }), catalog)).toBeNull();
    expect(parseFastForm(JSON.stringify({ ...form, version: 2 }), catalog)).toBeNull();
    expect(parseFastForm(JSON.stringify({ ...form, tables: [{ name: 'x', kind: 'table', rows: '1', columns: [] }] }), catalog)).toBeNull();
    expect(parseFastForm('{"version":', catalog)).toBeNull();
    expect(parseFastForm(JSON.stringify(form), catalog)).toEqual(form);
    const db = await openNodeDb();
    try {
      const loaded = await loadBundledDatasets(db, async (p) => (p === FAST_FORM_FILE ? text({ ...form, version: 2 }) : fromDisk(p)));
      expect(loaded.tables).toBeUndefined();
      expect(await listTables(db)).toEqual(csvTables);
    } finally {
      await db.close();
    }
  }, 60_000);
});
