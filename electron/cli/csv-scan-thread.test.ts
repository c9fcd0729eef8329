/**
 * The CSV byte scan in a real worker thread beside the real engine: the table is the one the proven way
 * gives, the pieces' ends come from the thread, and a proof that fails near the end leaves no table.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/db';
import { commitCsvPlan, commitCsvWhileScanning, tableExists } from '../../shared/import/commit';
import { planCsvImport, sampleCsv } from '../../shared/import/csv-engine';
import type { ScanElsewhere } from '../../shared/import/csv-stage';
import { openScanThread, readFileShared, type ScanThread } from './csv-scan-thread';
import { openNodeDb } from './node-db';

let db: Db;
let thread: ScanThread;
beforeAll(async () => {
  db = await openNodeDb();
  thread = await openScanThread();
});
afterAll(async () => {
  await thread.close();
  await db.close();
});

const REGIONS = ['北京市', '上海市', '广东省', '四川省'];
function csvFile(rows: number, row: (i: number) => string): string {
  const lines = ['地区,年份,机构名称,数值', ...Array.from({ length: rows }, (_, i) => row(i))];
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sgw-scan-thread-')), 'data.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
const plain = (i: number) => `${REGIONS[i % 4]},${2004 + (i % 20)},${REGIONS[i % 4].slice(0, 2)}第${i}社区服务中心,${(i * 7919) % 100000}.25`;

/** The thread's scan, counting the piece ends it reports. */
function counted(): { scan: ScanElsewhere; pieces: () => number } {
  let n = 0;
  return {
    scan: (s, onPiece) =>
      thread.scan(s, (end) => {
        n++;
        onPiece(end);
      }),
    pieces: () => n,
  };
}

const differing = async (a: string, b: string) => Number((await db.query(`SELECT (SELECT count(*) FROM (SELECT * FROM "${a}" EXCEPT ALL SELECT * FROM "${b}")) + (SELECT count(*) FROM (SELECT * FROM "${b}" EXCEPT ALL SELECT * FROM "${a}"))::INTEGER AS n`)).get(0)?.n);
const stagingTables = async () => Number((await db.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '__sgw_import_%'")).get(0)?.n);

describe('the CSV scan in a worker thread', () => {
  it('reads the file into shared bytes, exactly', () => {
    const file = csvFile(100, plain);
    const bytes = readFileShared(file);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(new TextDecoder().decode(bytes)).toBe(new TextDecoder().decode(new Uint8Array(readFileSync(file))));
  });

  it('gives the proven way’s table, the pieces announced by the thread', async () => {
    const bytes = readFileShared(csvFile(40_000, plain));
    const plan = planCsvImport(bytes, 'data.csv', {}, 0, 65_536, 100)!;
    expect(await commitCsvPlan(db, plan, 'proven', { replace: true })).toBe(true);
    const c = counted();
    const beside = await commitCsvWhileScanning(db, sampleCsv(bytes, 'data.csv', {}, 0, 65_536, 100)!, c.scan, 'beside', { replace: true });
    expect(beside?.parsed).toEqual(plan.parsed);
    expect(c.pieces()).toBe(plan.pieces.length - 2);
    expect(c.pieces()).toBeGreaterThan(10);
    expect(await differing('proven', 'beside')).toBe(0);
    expect(Number((await db.query('SELECT count(*)::INTEGER AS n FROM beside')).get(0)?.n)).toBe(40_000);
  });

  it('leaves no table when the proof fails near the end (a text cell in the number column)', async () => {
    const bytes = readFileShared(csvFile(40_000, (i) => (i === 39_990 ? `${REGIONS[0]},2004,x,不详` : plain(i))));
    const c = counted();
    expect(await commitCsvWhileScanning(db, sampleCsv(bytes, 'data.csv', {}, 0, 65_536, 100)!, c.scan, 'failed', { replace: true })).toBeNull();
    // Pieces were announced (and read) before the proof failed; all of it is gone.
    expect(c.pieces()).toBeGreaterThan(10);
    expect(await stagingTables()).toBe(0);
    expect(await tableExists(db, 'failed')).toBe(false);
  });

  it('scans bytes that are not shared on the calling thread, with the same table', async () => {
    const shared = readFileShared(csvFile(40_000, plain));
    const bytes = Uint8Array.from(shared);
    const beside = await commitCsvWhileScanning(db, sampleCsv(bytes, 'data.csv', {}, 0, 65_536, 100)!, thread.scan, 'unshared', { replace: true });
    expect(beside?.parsed.rowCount).toBe(40_000);
    expect(await differing('proven', 'unshared')).toBe(0);
  });
});
