import { readFileSync } from 'node:fs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { listTables } from '../db-catalog';
import type { Db } from '../db';
import { translator } from '../i18n';
import { openProject } from '../project/workspace';
import { savedFile } from '../../tests/fixtures/projects/project-support';
import { commitTable, getProvenance, importIntoDb } from './commit';
import { toSaved } from './provenance';
import { describeImportError } from './messages';

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../tests/fixtures/import', name)));

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => {
  await db.close();
});

describe('importIntoDb', () => {
  it('creates typed tables with provenance, hidden from the catalog', async () => {
    const r = await importIntoDb(db, fixture('gbk.csv'), 'gbk.csv', { tableNames: ['社会组织'] });
    expect(r.tables.map((t) => [t.name, t.rows])).toEqual([['社会组织', 4]]);
    const tables = await listTables(db);
    expect(tables.map((t) => t.name)).toEqual(['社会组织']);
    expect(tables[0].columns).toEqual([
      { name: '地区', type: 'VARCHAR' },
      { name: '年份', type: 'INTEGER' },
      { name: '社会组织数', type: 'INTEGER' },
      { name: '增长率', type: 'DOUBLE' },
      { name: '备注', type: 'VARCHAR' },
    ]);
    const sum = await db.query('SELECT sum(社会组织数)::DOUBLE AS s FROM 社会组织');
    expect(sum.get(0)?.s).toBe(11924 + 9850 + 15332);
    const prov = await getProvenance(db, '社会组织');
    expect(prov).toMatchObject({ fileName: 'gbk.csv', sheet: null, encoding: 'gb18030', units: { 增长率: '%' } });
    expect(prov!.importedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await getProvenance(db, 'nothing')).toBeNull();
  });

  it('imports each chosen sheet, keeping titles and notes in the provenance', async () => {
    const r = await importIntoDb(db, fixture('yearbook.xlsx'), 'yearbook.xlsx', { sheets: ['社会组织', '按年份'] });
    expect(r.tables.map((t) => t.name)).toEqual(['yearbook_社会组织', 'yearbook_按年份']);
    const prov = await getProvenance(db, 'yearbook_社会组织');
    expect(prov).toMatchObject({ sheet: '社会组织', units: { 从业人员: '万人', 社会组织_合计: '个' } });
    expect(prov!.notes.split('\n')).toContain('注：本表数据不含港澳台地区。');
    const rows = await db.query('SELECT 地区, 社会组织_基金会 AS n FROM yearbook_社会组织 ORDER BY 地区');
    expect(rows.toArray().map((x) => [x.地区, x.n])).toEqual([
      ['上海', 300],
      ['全国', 4117],
      ['北京', null],
      ['西藏', null],
    ]);
  });

  it('leaves the workspace unchanged when a name is taken or the file is bad', async () => {
    const before = (await listTables(db)).map((t) => t.name);
    const t = translator('zh-CN');
    const taken = await importIntoDb(db, fixture('gbk.csv'), 'gbk.csv', { tableNames: ['社会组织'] }).catch((e: unknown) => e);
    expect(describeImportError(taken, t)).toBe('已有名为“社会组织”的表。请换一个表名，或勾选“覆盖同名表”。');
    const bad = await importIntoDb(db, fixture('truncated.xlsx'), 'truncated.xlsx').catch((e: unknown) => e);
    expect(describeImportError(bad, t)).toMatch(/^无法读取这个 Excel 工作簿/);
    const reserved = await importIntoDb(db, fixture('gbk.csv'), 'gbk.csv', { tableNames: ['_sgw_x'] }).catch((e: unknown) => e);
    expect(describeImportError(reserved, translator('en'))).toMatch(/^Table name “_sgw_x” cannot be used/);
    expect((await listTables(db)).map((x) => x.name)).toEqual(before);
  });

  it('leaves nothing behind when a later stream of several does not fit the first (the staging table is dropped)', async () => {
    const first = tableToIPC(tableFromArrays({ a: Int32Array.from([1, 2]) }), 'stream');
    const second = tableToIPC(tableFromArrays({ a: ['不是数字'] }), 'stream');
    const source = { fileName: 'x.parquet', format: 'parquet' as const };
    const parsed = { columns: [{ name: 'a', type: 'integer' as const }], data: [], rowCount: 3, titles: [], notes: [], totals: { rows: [], columns: [] }, warnings: [], yearColumns: 0 };
    await expect(commitTable(db, { tableName: 'two_streams', ipc: [first, second], parsed, source })).rejects.toThrow();
    const left = await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '__sgw_import_%' OR table_name = 'two_streams'`);
    expect(left.numRows).toBe(0);
    // The same streams that fit are one table of every row.
    await commitTable(db, { tableName: 'two_streams', ipc: [first, tableToIPC(tableFromArrays({ a: Int32Array.from([3]) }), 'stream')], parsed, source });
    expect((await db.query('SELECT sum(a)::INTEGER AS s, count(*)::INTEGER AS n FROM two_streams')).toArray()[0].toJSON()).toEqual({ s: 6, n: 3 });
  });

  it('replaces a table when asked', async () => {
    await importIntoDb(db, fixture('big5.csv'), 'big5.csv', { tableNames: ['社会组织'], replace: true, encoding: 'big5' });
    const n = await db.query('SELECT count(*)::INTEGER AS n FROM 社会组织');
    expect(n.get(0)?.n).toBe(2);
    expect((await getProvenance(db, '社会组织'))?.encoding).toBe('big5');
  });

  it('keeps the title, source line, totals and column roles in the provenance, and a project carries them', async () => {
    await importIntoDb(db, fixture('yearbook-shapes.xlsx'), 'yearbook-shapes.xlsx', { sheets: ['社会组织', '地区'], tableNames: ['orgs', 'regions'] });
    const orgs = await getProvenance(db, 'orgs');
    expect(orgs).toMatchObject({
      sheet: '社会组织',
      title: '表 3-2  社会组织基本情况',
      source: '民政部《2013年社会服务发展统计公报》',
      totals: { rows: [], columns: [] },
      roles: { label: '指标', parent: '上级指标', part: '其中项', unit: '单位' },
      units: { 增长: '%' },
    });
    const regions = await getProvenance(db, 'regions');
    expect(regions?.totals).toEqual({ rows: [{ column: '地区', values: ['合计'] }], columns: ['总计'] });
    expect(regions?.source).toBeUndefined();
    // The total row is data: kept in the table.
    const total = await db.query("SELECT 总计 FROM regions WHERE 地区 = '合计'");
    expect(total.get(0)?.总计).toBe(566735);

    const other = await openNodeDb();
    try {
      const bytes = await savedFile(db, { tables: [{ name: 'regions', provenance: toSaved(regions!) }], sql: { draft: '', history: [], snippets: [] }, documents: { charts: [], dashboards: [], decks: [] }, lang: 'zh-CN', app: { name: 'sgw', version: 't' } });
      await openProject(other, bytes, { replace: [], protect: [] });
      expect(await getProvenance(other, 'regions')).toEqual(regions);
    } finally {
      await other.close();
    }
  });
});
