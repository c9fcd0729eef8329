/** Shared helpers for the dataset tests: reading catalog.json and the CSVs it lists. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../shared/import/csv-parse';
import { parseCatalog, type DatasetCatalog, type DatasetEntry } from '../shared/model/catalog';

export const datasetsDir = __dirname;
export const seedsDir = path.resolve(__dirname, '../../shared/seeds');
export const seedsPresent = existsSync(seedsDir);

export const THEMES = ['网络治理', '文化治理', '居民自治', '依法治理', '公益与社工治理', '综合治理'] as const;

export function loadCatalog(): DatasetCatalog {
  return parseCatalog(JSON.parse(readFileSync(path.join(datasetsDir, 'catalog.json'), 'utf8')));
}

export interface LoadedTable {
  entry: DatasetEntry;
  header: string[];
  /** Data rows as objects; empty cells are ''. */
  rows: Record<string, string>[];
  /** Raw records, header excluded, for shape checks. */
  records: string[][];
}

export function loadTable(entry: DatasetEntry): LoadedTable {
  const text = readFileSync(path.join(datasetsDir, entry.file), 'utf8');
  const [header, ...records] = parseCsv(text);
  const rows = records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  return { entry, header, rows, records };
}

export function loadAll(): Map<string, LoadedTable> {
  return new Map(loadCatalog().datasets.map((d) => [d.table, loadTable(d)]));
}

/** The loaded table `name`, or a clear error when catalog.json lacks it. */
export function tableFrom(tables: Map<string, LoadedTable>, name: string): LoadedTable {
  const t = tables.get(name);
  if (!t) throw new Error(`table ${name} missing from catalog.json`);
  return t;
}

/** Multiplier of a unit prefix as written: 万 = 1e4, 亿 = 1e8, 千 = 1e3, 千万 = 1e7; 1 when there is none. */
export function unitMultiplier(unit: string): number {
  if (unit.startsWith('千万')) return 1e7;
  if (unit.startsWith('亿')) return 1e8;
  if (unit.startsWith('万')) return 1e4;
  if (unit.startsWith('千')) return 1e3;
  return 1;
}

const seedCache = new Map<string, string>();
export function seedText(file: string): string {
  let t = seedCache.get(file);
  if (t === undefined) {
    t = readFileSync(path.join(seedsDir, file), 'utf8');
    seedCache.set(file, t);
  }
  return t;
}

/** A seed file name (000_4119fd236b250628.txt): it belongs in `source` columns only, never where a title does. */
export const SEED_FILE = /\d{3}_[0-9a-f]{16}\.txt/;

/** Equal up to a relative 1e-12 (fractions, ranges) — CSV numbers carry 15 significant digits. */
export const exact = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
