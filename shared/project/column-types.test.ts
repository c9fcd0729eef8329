import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Float64, Table, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { restorableColumnTypes } from './column-types';

const TYPES = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'DECIMAL(4,2)', 'DECIMAL(18,3)', 'DECIMAL(38,0)', 'DECIMAL(38,38)'];
/** Values at and around every limit, as the Arrow copy would carry them (DOUBLE). */
const EDGES = [
  0, -0, 0.5, -0.6, 2.5, 1, -1, 0.005, 0.015, 99.99, 99.994, 99.9949999, 99.995, -99.995, 100, -99.99, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536,
  2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 53, 2 ** 63 - 1024, 2 ** 63, -(2 ** 63), 2 ** 64 - 2048, 2 ** 64,
  1e15, 999999999999999.9, 1e18, 1e37, 9.999999e37, 1e38, 2 ** 127, -(2 ** 127), -(2 ** 127) + 2 ** 75, 1e-300, Number.NaN, Infinity, -Infinity,
];

describe('restorableColumnTypes', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(async () => db.close());

  it('only restores a type when the engine casts every value exactly (checked with TRY_CAST on the real engine)', async () => {
    const literal = (v: number) => (Number.isNaN(v) ? "'NaN'::DOUBLE" : v === Infinity ? "'Infinity'::DOUBLE" : v === -Infinity ? "'-Infinity'::DOUBLE" : `${v.toPrecision(17)}::DOUBLE`);
    let restored = 0;
    const wrong: string[] = [];
    for (const type of TYPES) {
      const sql = EDGES.map((v, i) => `SELECT ${i} AS i, TRY_CAST(${literal(v)} AS ${type}) IS NOT NULL AS ok, TRY_CAST(${literal(v)} AS ${type})::DOUBLE = ${literal(v)} AS exact`).join(' UNION ALL ');
      const engine = (await db.query(sql)).toArray().map((r) => [Number(r.i), r.ok === true, r.exact === true] as const);
      for (const [i, ok, exact] of engine) {
        const ours = restorableColumnTypes(tableFromArrays({ v: Float64Array.of(EDGES[i]) }), { v: type }).v === type;
        // Restoring must never fail in the engine, and for whole-number types must not round a value.
        if (ours && !(ok && (type.startsWith('DECIMAL') || exact))) wrong.push(`${type} ${EDGES[i]} ok=${ok} exact=${exact}`);
        if (ours) restored++;
      }
    }
    expect(wrong).toEqual([]);
    expect(restored).toBeGreaterThan(200);
  });

  it('keeps DOUBLE for anything not on the list, a non-DOUBLE column, a missing column or one bad value', () => {
    const t = tableFromArrays({ a: Float64Array.of(1, 2, 3), b: Int32Array.of(1, 2, 3), c: Float32Array.of(1, 2, 3) });
    expect(restorableColumnTypes(t, { a: 'BIGINT', b: 'BIGINT', c: 'BIGINT', d: 'BIGINT' })).toEqual({ a: 'BIGINT' });
    expect(restorableColumnTypes(t, { a: 'BIGINT); DROP TABLE x; --' })).toEqual({});
    expect(restorableColumnTypes(t, { a: 'VARCHAR' })).toEqual({});
    expect(restorableColumnTypes(t, { a: 'DECIMAL(40,2)' })).toEqual({});
    expect(restorableColumnTypes(t, { a: 'DECIMAL(2,3)' })).toEqual({});
    expect(restorableColumnTypes(t, { A: 'BIGINT' })).toEqual({});
    expect(restorableColumnTypes(tableFromArrays({ a: Float64Array.of(1, 2.5, 3) }), { a: 'INTEGER' })).toEqual({});
    expect(restorableColumnTypes(tableFromArrays({ a: Float64Array.of(1, 300) }), { a: 'TINYINT' })).toEqual({});
  });

  it('reads the values of a column only when its saved type could be restored (opening decodes nothing else)', () => {
    const t = tableFromArrays({ a: Float64Array.of(1, 2), b: Int32Array.of(1, 2), c: Float64Array.of(1.5, 2), d: Float64Array.of(3, 4) });
    const read: string[] = [];
    const source = { schema: t.schema, getChild: (name: string) => (read.push(name), t.getChild(name as "a")) };
    expect(restorableColumnTypes(source, { a: 'BIGINT', b: 'BIGINT', c: 'VARCHAR', d: 'DOUBLE', e: 'BIGINT' })).toEqual({ a: 'BIGINT' });
    expect(read).toEqual(['a']);
  });

  it('ignores the values behind NULLs', () => {
    const withNull = new Table({ a: vectorFromArray([1, null, 3], new Float64()) });
    expect(restorableColumnTypes(withNull, { a: 'TINYINT' })).toEqual({ a: 'TINYINT' });
  });
});
