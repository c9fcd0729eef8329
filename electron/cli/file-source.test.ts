/**
 * A big CSV imported from the file on disk (fileSource): the same table and provenance as from its bytes in
 * memory, no read holding more than a window or the sample's head, every byte after the header read by
 * the scan and again by the engine's pieces (no more), and the file left exactly as it was.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/db';
import type { ByteSource } from '../../shared/import/byte-source';
import { commitCsvPlan, getProvenance, importIntoDb } from '../../shared/import/commit';
import { planCsvImport } from '../../shared/import/csv-engine';
import { fileSource } from './file-source';
import { openNodeDb } from './node-db';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => {
  await db.close();
});

const REGIONS = ['北京市', '上海市', '广东省', '四川省'];
const row = (i: number) => `${REGIONS[i % 4]},${2004 + (i % 20)},"${REGIONS[i % 4].slice(0, 2)}第${i}社区""服务""中心${i % 9 ? '' : '\n分部'}",${i % 50 ? `${(i * 7919) % 100000}.25` : '—'}`;
function csvFile(rows: number): string {
  const lines = ['地区,年份,机构名称,数值', ...Array.from({ length: rows }, (_, i) => row(i))];
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sgw-file-source-')), '社区.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** The source, counting the bytes read and the largest single read. */
function counting(src: ByteSource) {
  const seen = { bytes: 0, largest: 0 };
  return { seen, src: { size: src.size, read: (a: number, z: number) => { const b = src.read(a, z); seen.bytes += b.length; seen.largest = Math.max(seen.largest, b.length); return b; } } satisfies ByteSource };
}

const differing = async (a: string, b: string) => Number((await db.query(`SELECT (SELECT count(*) FROM (SELECT * FROM "${a}" EXCEPT ALL SELECT * FROM "${b}")) + (SELECT count(*) FROM (SELECT * FROM "${b}" EXCEPT ALL SELECT * FROM "${a}"))::INTEGER AS n`)).get(0)?.n);

describe('a CSV imported from disk', () => {
  it('gives the table its bytes give, reading no more than a window at once, and leaves the file as it was', async () => {
    const file = csvFile(120_000);
    const before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs };
    const fromMemory = await importIntoDb(db, new Uint8Array(before.bytes), '社区.csv', { tableNames: ['in_memory'] });
    const fd = fileSource(file);
    const { src, seen } = counting(fd);
    try {
      // 64 KB pieces (256 KB windows): the file (≈8 MB) is read in many.
      const plan = planCsvImport(src, '社区.csv', {}, 0, 65_536, 100)!;
      expect(plan).not.toBeNull();
      expect(await commitCsvPlan(db, plan, 'from_disk')).toBe(true);
      // The sample's head (1 MB, read twice: raw, then as UTF-8), then every window and piece; nothing read whole.
      expect(seen.largest).toBeLessThanOrEqual(1024 * 1024);
      expect(seen.bytes).toBeLessThan(2.3 * fd.size);
      // A buffer to reuse is filled, not replaced (one window's or piece's worth held); too small, new bytes.
      const reuse = new Uint8Array(64);
      expect(fd.read(10, 50, reuse).buffer).toBe(reuse.buffer);
      expect(fd.read(10, 50, reuse)).toEqual(new Uint8Array(before.bytes.subarray(10, 50)));
      expect(fd.read(0, 100, reuse).buffer).not.toBe(reuse.buffer);
      const whole = await importIntoDb(db, fd, '社区.csv', { tableNames: ['from_disk_whole'] });
      const shape = (r: typeof whole) => r.tables.map(({ rows, parsed }) => ({ rows, parsed }));
      expect(shape(whole)).toEqual(shape(fromMemory));
      expect(whole.source).toEqual(fromMemory.source);
    } finally {
      fd.close();
    }
    expect(fromMemory.tables[0].rows).toBe(120_000);
    expect(await differing('in_memory', 'from_disk')).toBe(0);
    expect(await differing('in_memory', 'from_disk_whole')).toBe(0);
    expect({ ...(await getProvenance(db, 'from_disk_whole')), tableName: '', importedAt: '' }).toEqual({ ...(await getProvenance(db, 'in_memory')), tableName: '', importedAt: '' });
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
  }, 120_000);
});
