import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { ident, type Db } from '../db';
import { listTables } from '../db-catalog';
import { loadBundledDatasets } from '../datasets/load';
import { calcRelationSql } from './calc-sql';
import { columnValuesSql, isStarterSql, previewTableSql, STARTER_SQL, starterSql, valuesAcrossSql } from './browse-sql';
import { dropTableSql } from './project-sql';
import { CATALOG_COLUMNS_SQL, createTableAsSql, rowCountsSql } from './catalog-sql';

// A table and columns named with quotes, spaces and Chinese: only ident() makes these work.
const T = `社区 "调查"; 表`;
const C = `所在 "地区"`;
const Y = 'it\'s 年份';
const OTHER = '其他"表';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(
    createTableAsSql(T, `SELECT * FROM (VALUES ('望京', 2020, 1.5), ('和平里', 2021, NULL), (NULL, 2021, 2.0), ('望京', NULL, 3.0)) t("所在 ""地区""", "it's 年份", "数 值")`),
  );
  await db.exec(createTableAsSql(OTHER, `SELECT * FROM (VALUES ('亚运村'), ('望京'), (NULL)) t("区")`));
});
afterAll(() => db.close());

const column = async (sql: string, name = 'v') => Array.from((await db.query(sql)).getChild(name)!, (v) => v as unknown);

describe('browse SQL on the real engine', () => {
  it('lists a column’s distinct non-null values in order, numbers staying numbers', async () => {
    expect(await column(columnValuesSql(T, C))).toEqual(['和平里', '望京']);
    expect(await column(columnValuesSql(T, Y))).toEqual([2020, 2021]);
    expect(await column(columnValuesSql(T, Y, 1))).toEqual([2020]);
  });

  it('lists a calculated field’s values through the relation that adds it (the builder’s filter list)', async () => {
    const relation = calcRelationSql(T, [{ name: '地区（标注）', def: { kind: 'expr', expr: `${ident(C)} || '街道'` } }]);
    expect(await column(columnValuesSql({ name: T, relation }, '地区（标注）'))).toEqual(['和平里街道', '望京街道']);
    // Without a relation it reads the table itself, as the plain name does.
    expect(columnValuesSql({ name: T }, C)).toBe(columnValuesSql(T, C));
  });

  it('merges the values of columns across tables as text, without NULL', async () => {
    const sql = valuesAcrossSql([
      { table: T, column: C },
      { table: OTHER, column: '区' },
      { table: T, column: Y },
    ])!;
    expect(await column(sql)).toEqual(['2020', '2021', '亚运村', '和平里', '望京']);
    expect(valuesAcrossSql([])).toBeNull();
  });

  it('previews a table, counts rows and lists columns for the catalog', async () => {
    const preview = await db.query(previewTableSql(T, 2));
    expect(preview.numRows).toBe(2);
    expect(preview.schema.fields.map((f) => f.name)).toEqual([C, Y, '数 值']);
    expect(previewTableSql('t')).toBe('SELECT * FROM "t" LIMIT 100;');
    const counts = (await db.query(rowCountsSql([T, OTHER]))).toArray().map((r) => [r.t, r.n]);
    expect(counts).toEqual([
      [T, 4],
      [OTHER, 3],
    ]);
    const cols = (await db.query(CATALOG_COLUMNS_SQL)).toArray().filter((r) => r.t === T).map((r) => [r.c, r.ty, r.kind]);
    expect(cols).toEqual([
      [C, 'VARCHAR', 'table'],
      [Y, 'INTEGER', 'table'],
      ['数 值', 'DECIMAL(2,1)', 'table'],
    ]);
  });

  it('drops exactly the named table', async () => {
    await db.exec(createTableAsSql(`${OTHER}2`, 'SELECT 1 AS x'));
    await db.exec(dropTableSql(OTHER));
    await db.exec(dropTableSql('never existed "x"'));
    expect((await listTables(db)).map((t) => t.name).sort()).toEqual([T, `${OTHER}2`].sort());
  });

  it('starts the console on a query that answers from the bundled tables', async () => {
    const bundled = await openNodeDb();
    await loadBundledDatasets(bundled, async (p) => new Uint8Array(await readFile(path.resolve(__dirname, '../../datasets', p))));
    const t = await bundled.query(STARTER_SQL);
    await bundled.close();
    expect(t.numRows).toBeGreaterThan(0);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['year', 'indicator', 'category', 'value', 'unit']);
  });

  it('the starter reads in the page language: the English one has no Chinese, both are recognised as untouched', () => {
    expect(starterSql('zh-CN')).toBe(STARTER_SQL);
    expect(starterSql('en')).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    expect(starterSql('en').split('\n').slice(1)).toEqual(STARTER_SQL.split('\n').slice(1));
    expect([isStarterSql(starterSql('en')), isStarterSql(STARTER_SQL), isStarterSql(`${STARTER_SQL} `)]).toEqual([true, true, false]);
  });
});
