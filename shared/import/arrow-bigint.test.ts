/**
 * Arrow files keep 64-bit integers as Parquet does: BIGINT in the engine, exact beyond 2^53 and at −2^63,
 * NULL kept, the preview showing the digits. The expected texts are the engine's own read of the same Arrow
 * (the stream inserted straight into duckdb-wasm, bypassing our pipeline) and the literals written.
 */
import { Bool, Float64, Int32, Int64, Table, tableToIPC, TimestampMillisecond, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { importIntoDb } from './commit';
import { analyzeFile, toPreview } from './pipeline';
import { COLUMN_TYPES } from './types';
import { translator } from '../i18n';

const [zh, en] = [translator('zh-CN'), translator('en')];

const BIG = ['9007199254740993', '-9223372036854775808', '9223372036854775807', null, '42', '-4611686018427387903'];
const source = new Table({
  id: vectorFromArray([1, 2, 3, 4, 5, 6], new Int32()),
  大数: vectorFromArray(BIG.map((x) => (x === null ? null : BigInt(x))), new Int64()),
  地区: vectorFromArray(['北京市', '上海市', null, '合计', '𠀀', '新疆'], new Utf8()),
  比率: vectorFromArray([0.1, null, -0, 2.5, 1e300, 3], new Float64()),
  真: vectorFromArray([true, false, null, true, false, true], new Bool()),
});

let db: Db;
let engine: { type: string; text: string[] };
beforeAll(async () => {
  db = await openNodeDb();
  await db.insertArrow('engine_read', tableToIPC(source, 'stream'));
  engine = await read('engine_read');
});
afterAll(() => db.close());

async function read(table: string) {
  const type = (await db.query(`SELECT typeof(大数) AS t FROM ${table} LIMIT 1`)).toArray()[0].t as string;
  const text = (await db.query(`SELECT coalesce(大数::VARCHAR, 'NULL') AS v FROM ${table} ORDER BY id`)).toArray().map((r) => String(r.v));
  return { type, text };
}

describe('Arrow import of 64-bit integers', () => {
  it('the engine itself reads the Arrow as BIGINT with every digit', () => {
    expect(engine).toEqual({ type: 'BIGINT', text: BIG.map((x) => x ?? 'NULL') });
  });

  for (const [name, kind] of [['big.arrow', 'file'], ['big.feather', 'file'], ['big.arrows', 'stream']] as const) {
    it(`${name} (${kind}): a BIGINT column in the table and exact digits in the preview, as the engine reads it`, async () => {
      const bytes = tableToIPC(source, kind);
      const { tables } = await analyzeFile(bytes, name);
      const rows = toPreview(tables[0]).rows;
      expect(rows.map((r) => r[1])).toEqual(BIG.map((x) => x ?? ''));
      expect(rows.map((r) => r[2])).toEqual(['北京市', '上海市', '', '合计', '𠀀', '新疆']);
      const table = `t_${kind}_${name.split('.')[1]}`;
      await importIntoDb(db, bytes, name, { tableNames: [table] });
      expect(await read(table)).toEqual(engine);
      const other = (await db.query(`SELECT typeof(id) AS a, typeof(比率) AS b, typeof(真) AS c, typeof(地区) AS d FROM ${table} LIMIT 1`)).toArray()[0];
      expect({ ...other }).toEqual({ a: 'INTEGER', b: 'DOUBLE', c: 'BOOLEAN', d: 'VARCHAR' });
      const ratios = (await db.query(`SELECT 比率 AS r FROM ${table} ORDER BY id`)).toArray().map((r) => r.r as number | null);
      expect(ratios).toEqual([0.1, null, -0, 2.5, 1e300, 3]);
    });
  }

  it('a column the engine cannot take as it is (a timestamp) sends the file the general way, which still imports BIGINT with every digit', async () => {
    const mixed = new Table({ id: source.getChild('id')!, 大数: source.getChild('大数')!, 时刻: vectorFromArray([0, 1, 2, 3, 4, 5].map((d) => d * 86_400_000), new TimestampMillisecond()) });
    const bytes = tableToIPC(mixed, 'file');
    const { tables } = await analyzeFile(bytes, 'mixed.arrow');
    expect(tables[0].native).toBeUndefined();
    expect(tables[0].rowCount).toBe(6);
    expect(tables[0].columns.map((c) => c.type)).toEqual(['integer', 'bigint', 'string']);
    expect(toPreview(tables[0]).rows.map((r) => r[1])).toEqual(BIG.map((x) => x ?? ''));
    await importIntoDb(db, bytes, 'mixed.arrow', { tableNames: ['t_mixed'] });
    expect(await read('t_mixed')).toEqual(engine);
  });

  it('the preview\'s type says BIGINT (大整数, not 小数), and the user may keep it or change it', async () => {
    const bytes = tableToIPC(source, 'file');
    const { tables } = await analyzeFile(bytes, 'big.arrow');
    expect(tables[0].columns.map((c) => c.type)).toEqual(['integer', 'bigint', 'string', 'double', 'boolean']);
    expect(COLUMN_TYPES).toContain('bigint');
    expect([zh('import.type.bigint'), en('import.type.bigint')]).toEqual(['大整数', 'Big integer']);
    // Changed to 小数: DOUBLE; and the 32-bit id changed to 大整数: BIGINT, its values as they were.
    await importIntoDb(db, bytes, 'big.arrow', { tableNames: ['t_retyped'], columns: [{ type: 'bigint' }, { type: 'double' }] });
    const types = (await db.query(`SELECT typeof(id) AS a, typeof(大数) AS b FROM t_retyped LIMIT 1`)).toArray()[0];
    expect({ ...types }).toEqual({ a: 'BIGINT', b: 'DOUBLE' });
    const ids = (await db.query('SELECT id::VARCHAR AS v FROM t_retyped ORDER BY id')).toArray().map((r) => String(r.v));
    expect(ids).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('a CSV column chosen as 大整数 keeps every digit beyond 2^53 (the guess is 小数), text and out-of-range cells missing', async () => {
    const csv = new TextEncoder().encode(['编号,名称', ...['9007199254740993', '-9223372036854775808', '12', ' 7 ', '9223372036854775808', '1.5', '—'].map((v, i) => `${v},第${i}`)].join('\n'));
    const { tables } = await analyzeFile(csv, 'ids.csv');
    expect(tables[0].columns[0].type).toBe('double');
    const { tables: chosen } = await analyzeFile(csv, 'ids.csv', { columns: [{ type: 'bigint' }] });
    expect(toPreview(chosen[0]).rows.map((r) => r[0])).toEqual(['9007199254740993', '-9223372036854775808', '12', '7', '', '', '']);
    await importIntoDb(db, csv, 'ids.csv', { tableNames: ['t_ids'], columns: [{ type: 'bigint' }] });
    const rows = (await db.query(`SELECT typeof(编号) AS t, coalesce(编号::VARCHAR, 'NULL') AS v FROM t_ids ORDER BY 名称`)).toArray().map((r) => `${r.t} ${r.v}`);
    expect(rows).toEqual(['BIGINT 9007199254740993', 'BIGINT -9223372036854775808', 'BIGINT 12', 'BIGINT 7', 'BIGINT NULL', 'BIGINT NULL', 'BIGINT NULL']);
  });

  it('a CSV column of integers past 2^53 is guessed 大整数 and imported with every digit; past BIGINT or below 2^53 it stays 小数', async () => {
    // 9007199254740993 parses as …992 in a double: as 小数 the preview and the table would show a number the file does not hold.
    const ids = ['9007199254740993', '-9007199254740995', '12', '9223372036854775807', '', '110101199003077777'];
    const csv = new TextEncoder().encode(['编号,名称,人口,代码', ...ids.map((v, i) => `${v},第${i},${3_000_000_000 + i},${i === 0 ? '12345678901234567890' : i}`)].join('\n'));
    const { tables } = await analyzeFile(csv, 'ids.csv');
    expect(tables[0].columns.map((c) => c.type)).toEqual(['bigint', 'string', 'double', 'double']);
    expect(toPreview(tables[0]).rows.map((r) => r[0])).toEqual([...ids]);
    await importIntoDb(db, csv, 'ids.csv', { tableNames: ['t_guessed'] });
    const rows = (await db.query(`SELECT typeof(编号) AS t, coalesce(编号::VARCHAR, 'NULL') AS v FROM t_guessed ORDER BY 名称`)).toArray().map((r) => `${r.t} ${r.v}`);
    expect(rows).toEqual(ids.map((v) => `BIGINT ${v || 'NULL'}`));
  });

  it('bytes that are not Arrow get the clear message, not the reader’s error', async () => {
    await expect(analyzeFile(new TextEncoder().encode('ARROW1 not really'), 'bad.arrow')).rejects.toMatchObject({ key: 'import.err.badArrow' });
  });
});
