import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { openNodeDb } from '../../electron/cli/node-db';
import { ident, type Db } from '../db';
import { getProvenance } from '../import/commit';
import { packProject, unpackProject } from './archive';
import { CURRENT_VERSION, ProjectError } from './manifest';
import { openProject, saveProject, userTables, type WorkspaceState } from './workspace';

const state = (tables: string[]): WorkspaceState => ({
  tables: tables.map((name) => ({ name, provenance: { fileName: `${name}.csv`, encoding: 'gb18030' } })),
  sql: { draft: 'SELECT 1', history: [{ sql: 'SELECT * FROM 问卷', at: 5, ok: true, rows: 3 }], snippets: [{ name: '满意度', sql: 'SELECT avg(满意度) FROM 问卷' }] },
  documents: { charts: [{ id: 'c1', kind: 'bar', title: '登记数' }], dashboards: [], decks: [{ slides: [] }] },
  lang: 'zh-CN',
  app: { name: 'sgw', version: '0.1.0' },
});

async function rows(db: Db, sql: string) {
  return (await db.query(sql)).toArray().map((r) => r.toJSON());
}

describe('projects', () => {
  // Two engines for the whole file (each wasm instance holds its own memory); tables are reset per test.
  let db: Db;
  let other: Db;
  beforeAll(async () => {
    db = await openNodeDb();
    other = await openNodeDb();
  });
  afterAll(async () => {
    await db.close();
    await other.close();
  });
  beforeEach(async () => {
    for (const engine of [db, other]) for (const t of await userTables(engine, [])) await engine.exec(`DROP TABLE ${ident(t)}`);
    await db.exec("CREATE TABLE 问卷 AS SELECT * FROM (VALUES ('和平里', 120, 0.82, DATE '2014-06-30'), ('望京', 143, NULL, NULL)) t(社区, 人数, 满意度, 日期)");
    await db.exec('CREATE TABLE big AS SELECT range AS i, range * 0.5 AS x FROM range(50000)');
  });

  it('round-trips tables, query results, history, snippets and documents', async () => {
    const bytes = await saveProject(db, state(['问卷', 'big']));
    const manifest = await openProject(other, bytes, { replace: [], protect: [] });
    expect(await rows(other, 'SELECT * FROM 问卷 ORDER BY 人数')).toEqual(await rows(db, 'SELECT * FROM 问卷 ORDER BY 人数'));
    expect(await rows(other, 'SELECT count(*) AS n, sum(x) AS s FROM big')).toEqual([{ n: 50000, s: 624987500 }]);
    expect(manifest.sql).toEqual(state([]).sql);
    expect(manifest.documents).toEqual(state([]).documents);
    expect(manifest.tables.map((t) => [t.name, t.rows, t.provenance?.encoding])).toEqual([
      ['问卷', 2, 'gb18030'],
      ['big', 50000, 'gb18030'],
    ]);
    expect(await userTables(other, [])).toEqual(['big', '问卷']);
    // Import provenance comes back with the table, so source lines still name the original file.
    expect(await getProvenance(other, '问卷')).toMatchObject({ fileName: '问卷.csv', encoding: 'gb18030', sheet: null });
  });

  it('keeps integer and decimal column types, which the Arrow copy carries as DOUBLE', async () => {
    await db.exec(`CREATE TABLE typed AS SELECT i::BIGINT AS 编号, i::INTEGER AS n, (i / 4)::DECIMAL(12,2) AS 金额, i::HUGEINT AS h, i * 0.5 AS x, DATE '2020-01-01' + i::INTEGER AS d
      FROM range(1000) t(i)`);
    const types = (engine: Db) => rows(engine, "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'typed' ORDER BY column_index");
    const bytes = await saveProject(db, state(['typed']));
    await openProject(other, bytes, { replace: [], protect: [] });
    expect(await types(other)).toEqual(await types(db));
    expect((await types(other)).map((r) => r.data_type)).toEqual(['BIGINT', 'INTEGER', 'DECIMAL(12,2)', 'HUGEINT', 'DECIMAL(21,1)', 'DATE']);
    const sums = 'SELECT sum(编号) AS a, sum(金额) AS b, max(d) AS c FROM typed';
    expect(await rows(other, sums)).toEqual(await rows(db, sums));
  });

  it('never lets a column type from the file reach SQL unless it is a plain numeric type', async () => {
    const { manifest, tables } = unpackProject(await saveProject(db, state(['big'])));
    manifest.tables[0].columnTypes = { i: 'BIGINT); DROP TABLE 问卷; --', x: 'TINYINT' };
    const crafted = packProject(manifest, new Map([[manifest.tables[0].file, tables.get(manifest.tables[0].file)!]]));
    await openProject(db, crafted, { replace: [], protect: [] });
    expect(await userTables(db, [])).toContain('问卷');
    // x holds 0.5 steps up to 25,000: it does not fit TINYINT, so it stays DOUBLE with its values.
    expect(await rows(db, "SELECT data_type FROM duckdb_columns() WHERE table_name = 'big' ORDER BY column_index")).toEqual([{ data_type: 'DOUBLE' }, { data_type: 'DOUBLE' }]);
    expect(await rows(db, 'SELECT sum(x) AS s FROM big')).toEqual([{ s: 624987500 }]);
  });

  it('replaces the previous project tables and never touches protected ones', async () => {
    const bytes = await saveProject(db, state(['问卷']));
    await db.exec('CREATE TABLE old_import AS SELECT 1 AS a');
    await openProject(db, bytes, { replace: ['old_import', 'big'], protect: [] });
    expect(await userTables(db, [])).toEqual(['问卷']);
    await expect(openProject(db, bytes, { replace: [], protect: ['问卷'] })).rejects.toMatchObject({ code: 'bad-manifest' });
  });

  it('migrates the checked-in version-1 project', async () => {
    const bytes = new Uint8Array(await readFile(path.resolve(__dirname, '../../tests/fixtures/projects/v1-project.sgwp')));
    const manifest = await openProject(db, bytes, { replace: [], protect: [] });
    expect(manifest.version).toBe(CURRENT_VERSION);
    expect(manifest.settings.lang).toBe('en');
    expect(manifest.sql.history.map((h) => h.sql)).toEqual(['SELECT * FROM 社区问卷', 'SELECT avg(满意度) FROM 社区问卷']);
    expect(await rows(db, 'SELECT 社区, 受访人数 FROM 社区问卷 ORDER BY 受访人数 DESC LIMIT 1')).toEqual([{ 社区: '望京', 受访人数: 143 }]);
  });

  it('refuses a newer version, a foreign zip and a damaged manifest with a clear code', async () => {
    const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
    const newer = zip({ 'manifest.json': JSON.stringify({ format: 'sgw-project', version: CURRENT_VERSION + 1, tables: [] }) });
    expect(() => unpackProject(newer)).toThrow(expect.objectContaining({ code: 'newer-version' }));
    expect(() => unpackProject(zip({ 'word/document.xml': '<w/>' }))).toThrow(expect.objectContaining({ code: 'not-a-project' }));
    expect(() => unpackProject(zip({ 'manifest.json': '{"format": "sgw-project", "vers' }))).toThrow(expect.objectContaining({ code: 'damaged' }));
    const traversal = zip({ 'manifest.json': JSON.stringify({ format: 'sgw-project', version: 2, tables: [{ name: 'x', file: '../x.arrow', rows: 0 }] }) });
    expect(() => unpackProject(traversal)).toThrow(expect.objectContaining({ code: 'bad-manifest' }));
  });

  it('never half-loads: a damaged table leaves the workspace exactly as it was', async () => {
    const bytes = await saveProject(db, state(['问卷', 'big']));
    const before = await userTables(db, []);
    // Corrupt the middle of the archive (inside the second table's data).
    const broken = bytes.slice();
    for (let i = Math.floor(broken.length * 0.6); i < Math.floor(broken.length * 0.6) + 64; i++) broken[i] ^= 0xff;
    await expect(openProject(db, broken, { replace: before, protect: [] })).rejects.toBeInstanceOf(ProjectError);
    expect(await userTables(db, [])).toEqual(before);
    const tables = await rows(db, "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__sgw%'");
    expect(tables).toEqual([{ n: 0 }]);
  });

  it('fuzz: random bytes and truncation at many offsets always give a ProjectError', async () => {
    const bytes = await saveProject(db, state(['问卷']));
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cases: Uint8Array[] = [];
    for (let n = 0; n < 20; n++) cases.push(Uint8Array.from({ length: Math.floor(random() * 4000) }, () => Math.floor(random() * 256)));
    for (let cut = 0; cut < bytes.length - 1; cut += Math.max(1, Math.floor(bytes.length / 60))) cases.push(bytes.slice(0, cut));
    for (let n = 0; n < 30; n++) {
      const flipped = bytes.slice();
      flipped[Math.floor(random() * flipped.length)] ^= 1 << Math.floor(random() * 8);
      cases.push(flipped);
    }
    let opened = 0;
    for (const c of cases) {
      try {
        unpackProject(c);
        opened++; // a flipped bit in padding or compressed slack can leave a valid project
      } catch (e) {
        expect(e).toBeInstanceOf(ProjectError);
      }
    }
    expect(opened).toBeLessThan(cases.length);
  });
});

describe('crc32', () => {
  it('matches the standard check value', async () => {
    const { crc32 } = await import('./crc32');
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
