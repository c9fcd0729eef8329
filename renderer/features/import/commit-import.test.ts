import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeImportRunner } from '../../../electron/cli/import-runner';
import { openNodeDb } from '../../../electron/cli/node-db';
import type { Db } from '../../../shared/db';
import { PIECE_BYTES, PIECE_ROWS } from '../../../shared/import/csv-engine';
import { dataChanges, trackWrites } from '../../db/data-changes';
import { commitImport } from './commit-import';

/**
 * A CSV the engine reads in three pieces or more (the worker's own piece sizes): whole multiples of PIECE_ROWS
 * records at least PIECE_BYTES apart.
 */
function bigCsv(): Uint8Array {
  const rows = ['地区,年份,机构名称,数值'];
  const n = PIECE_ROWS * 3 + 1000;
  for (let i = 0; i < n; i++) rows.push(`${['北京市', '上海市', '广东省'][i % 3]},${2004 + (i % 20)},社区综合服务中心第${i}号（示例）,${(i % 9973) / 100}`);
  const bytes = new TextEncoder().encode(`${rows.join('\n')}\n`);
  // Each piece is at least PIECE_BYTES, so a file of 3 × PIECE_ROWS records needs rows long enough.
  expect(bytes.byteLength / n).toBeGreaterThan(PIECE_BYTES / PIECE_ROWS);
  return bytes;
}

/** The app's engine is in a worker: every call is a message round trip, a turn of the event loop at least. */
function roundTrips(db: Db, onFile: () => void): Db {
  const later = <T>(f: () => Promise<T>) => new Promise<void>((r) => setTimeout(r, 0)).then(f);
  return { ...db, registerFile: (n, b) => (onFile(), later(() => db.registerFile(n, b))), dropFile: (n) => later(() => db.dropFile(n)), exec: (sql) => later(() => db.exec(sql)) };
}

describe('commitImport: the import screen’s import, one run of writes', () => {
  let raw: Db;
  beforeAll(async () => {
    raw = await openNodeDb();
  });
  afterAll(async () => {
    await raw.close();
  });

  it('a CSV read by the engine in pieces tells the table list once, after its last piece and its provenance', async () => {
    const bytes = bigCsv();
    let pieces = 0;
    const db = trackWrites(roundTrips(raw, () => pieces++));
    const heard: number[] = [];
    let committed = false;
    dataChanges(db).subscribe(() => heard.push(committed ? 1 : 0));
    const { runner, close } = await nodeImportRunner(bytes.byteLength);
    try {
      runner.load('f', bytes);
      const done: { table: string; rows: number }[] = [];
      await commitImport(db, runner, { key: 'f', name: '机构.csv' }, [{ options: {} }], () => '机构', false, () => undefined, (c) => done.push(c));
      committed = true;
      expect(done).toEqual([{ table: '机构', rows: PIECE_ROWS * 3 + 1000 }]);
      expect(pieces).toBeGreaterThanOrEqual(3);
      await new Promise((r) => setTimeout(r, 10));
      // Once, and not before the import was over (each piece is a write, with round trips between them).
      expect(heard).toEqual([1]);
      const row = (await raw.query('SELECT count(*)::INTEGER AS n, sum("数值")::DOUBLE AS s FROM "机构"')).get(0)?.toJSON();
      expect(row).toEqual({ n: PIECE_ROWS * 3 + 1000, s: expect.any(Number) });
    } finally {
      close();
    }
  });
});
