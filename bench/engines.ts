import { readFile } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { openNodeDb } from '../electron/cli/node-db';
import type { Db } from '../shared/db';
import { rollupEngineOf, type RollupEngine } from '../shared/sql/rollup';
import { CSV_COLUMNS } from './queries';

/** The operations both engines offer to the benchmark. */
export interface BenchEngine {
  name: 'wasm' | 'native';
  loadCsv(file: string): Promise<void>;
  loadParquet(file: string): Promise<void>;
  query(sql: string): Promise<number>;
  /** The same rollup-building steps on either engine (shared/sql/rollup.ts buildRollup). */
  rollup: RollupEngine;
  close(): Promise<void>;
}

/** Ours: duckdb-wasm, the engine the app runs (here its Node build; same wasm, same SQL). */
export async function wasmEngine(loadParquetIntoDb: (db: Db, bytes: Uint8Array) => Promise<void>): Promise<BenchEngine & { db: Db }> {
  const db = await openNodeDb();
  return {
    name: 'wasm',
    db,
    async loadCsv(file) {
      // The app's path for CSV data (shared/datasets/load.ts): register the bytes, read_csv with declared types.
      await db.registerFile('cube.csv', new Uint8Array(await readFile(file)));
      await db.exec(`CREATE OR REPLACE TABLE cube AS SELECT * FROM read_csv('cube.csv', header = true, columns = ${CSV_COLUMNS})`);
      await db.dropFile('cube.csv');
    },
    async loadParquet(file) {
      await loadParquetIntoDb(db, new Uint8Array(await readFile(file)));
    },
    async query(sql) {
      return (await db.query(sql)).numRows;
    },
    rollup: rollupEngineOf(db),
    close: () => db.close(),
  };
}

/** Native DuckDB (@duckdb/node-api) on the same machine, in the same run. */
export async function nativeEngine(): Promise<BenchEngine & { instance: DuckDBInstance }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const quote = (p: string) => `'${p.replaceAll("'", "''")}'`;
  return {
    name: 'native',
    instance,
    async loadCsv(file) {
      await conn.run(`CREATE OR REPLACE TABLE cube AS SELECT * FROM read_csv(${quote(file)}, header = true, columns = ${CSV_COLUMNS})`);
    },
    async loadParquet(file) {
      await conn.run(`CREATE OR REPLACE TABLE cube AS SELECT * FROM read_parquet(${quote(file)})`);
    },
    async query(sql) {
      return (await conn.runAndReadAll(sql)).currentRowCount;
    },
    rollup: {
      rows: async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[],
      exec: async (sql) => void (await conn.run(sql)),
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Writes a Parquet copy of a CSV with native DuckDB (only to produce input files). */
export async function csvToParquet(csv: string, parquet: string): Promise<void> {
  const native = await nativeEngine();
  try {
    await native.loadCsv(csv);
    const conn = await native.instance.connect();
    await conn.run(`COPY cube TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`);
    conn.closeSync();
  } finally {
    await native.close();
  }
}
