import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { type Db } from '../db';
import { getProvenance } from '../import/commit';
import { translator } from '../i18n';
import { SAMPLE_JOIN, SAMPLE_PIVOT, sampleState, sampleStateV3, sampleStateV4 } from '../../tests/fixtures/projects/sample-workspace';
import { emptyWorkspace, packedFile, savedFile, twoEngines, workspaceSnapshot } from '../../tests/fixtures/projects/project-support';
import { unpackProject } from './archive';
import { describeProjectError } from './errors';
import { CURRENT_VERSION, ProjectError } from './manifest';
import { openProject, userTables } from './workspace';

const fixture = async (name: string) => new Uint8Array(await readFile(path.resolve(__dirname, '../../tests/fixtures/projects', name)));
const rows = async (db: Db, sql: string) => (await db.query(sql)).toArray().map((r) => r.toJSON());
const none = { replace: [], protect: [] };
/** Crafted manifests are edited at arbitrary JSON paths. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = Record<string, any>;

describe('projects', () => {
  // Two engines for the whole file: `db` saves the sample tables, `other` opens.
  const engines = twoEngines();

  it('round-trips tables (rows and types), provenance and every document', async () => {
    const bytes = await savedFile(engines.db, sampleState());
    const manifest = await openProject(engines.other, bytes, none);
    const [saved, opened] = [await workspaceSnapshot(engines.db), await workspaceSnapshot(engines.other)];
    expect(opened.tables).toEqual(saved.tables);
    expect(Object.keys(opened.tables)).toEqual(['年度_指标', '社区问卷']);
    expect(opened.tables['社区问卷'].types.map((c) => c.data_type)).toEqual(['VARCHAR', 'BIGINT', 'DOUBLE', 'DECIMAL(10,2)', 'DATE', 'BOOLEAN']);
    const state = sampleState();
    expect(manifest.sql).toEqual(state.sql);
    expect(manifest.documents).toEqual(state.documents);
    expect(manifest.settings).toEqual({ lang: 'zh-CN' });
    expect(await getProvenance(engines.other, '社区问卷')).toEqual({ tableName: '社区问卷', ...state.tables[0].provenance, sheet: null });
    expect(await getProvenance(engines.other, '年度_指标')).toMatchObject({ fileName: '年鉴.xlsx', sheet: '指标', encoding: null });
    // The combined table is made again as a view over the opened tables, with its provenance and units.
    expect(Object.keys(opened.views)).toEqual(['指标合并']);
    expect(opened.views['指标合并'].rows).toHaveLength(12);
    expect(opened.views['指标合并'].rows[0]).toMatchObject({ 年份: 2015, 地区: '区0', 值: 0, '值（年度_指标）': 0 });
    expect(await getProvenance(engines.other, '指标合并')).toMatchObject({ importedAt: '2026-01-17 10:00:00', notes: SAMPLE_JOIN.note, units: SAMPLE_JOIN.units });
  });

  it('opens a project whose combined table no longer binds (its table lost a column): tables open, the view is set aside, its definition kept', async () => {
    const gone = { ...SAMPLE_JOIN, name: '缺列合并', columns: [...SAMPLE_JOIN.columns, { name: '旧列', side: 'right' as const, column: '已删除的列' }] };
    const over = { ...SAMPLE_JOIN, name: '合并之上', left: { ...SAMPLE_JOIN.left, table: '缺列合并' }, columns: [{ name: '年份', side: 'left' as const, column: '年份' }], units: {} };
    const state = sampleState();
    state.documents = { ...state.documents, joins: [{ version: 1, joins: [SAMPLE_JOIN, gone, over] }] };
    const manifest = await openProject(engines.other, await savedFile(engines.db, state), none);
    const opened = await workspaceSnapshot(engines.other);
    expect(Object.keys(opened.tables)).toEqual(['年度_指标', '社区问卷']);
    // The good one is made; the broken one and the one over it are not (the engine would refuse them inside the transaction).
    expect(Object.keys(opened.views)).toEqual(['指标合并']);
    expect(manifest.documents.joins[0].joins.map((j) => j.name)).toEqual(['指标合并', '缺列合并', '合并之上']);
  });

  it('drops the previous project’s combined tables and their provenance with its tables, in the one transaction', async () => {
    await openProject(engines.db, await savedFile(engines.db, sampleState()), none);
    await engines.db.exec('CREATE VIEW 别人的视图 AS SELECT 1 AS a');
    const next = await savedFile(engines.db, { ...sampleStateV3(), tables: [{ name: '社区问卷' }] });
    await openProject(engines.db, next, { replace: await userTables(engines.db, []), protect: [] });
    const snap = await workspaceSnapshot(engines.db);
    // Only views the project made are dropped; a view of the user's own stays.
    expect(Object.keys(snap.views)).toEqual(['别人的视图']);
    expect(snap.provenance.map((p) => p.table_name)).toEqual([]);
  });

  it('refuses a combined table that takes a table’s or a built-in name (a failure inside the swap rolls back: transaction.test.ts)', async () => {
    const good = unpackProject(await savedFile(engines.db, sampleState()));
    const withJoin = (join: object) => packedFile({ ...good.manifest, documents: { ...good.manifest.documents, joins: [{ version: 1, joins: [join as never] }] } }, good.tables);
    expect(() => unpackProject(withJoin({ ...SAMPLE_JOIN, name: '社区问卷' }))).toThrow(expect.objectContaining({ code: 'bad-document', params: { document: 'joins' } }));
    expect(() => unpackProject(withJoin({ ...SAMPLE_JOIN, name: 'sgw_view' }))).toThrow(expect.objectContaining({ code: 'bad-document', params: { document: 'joins' } }));
    const before = await workspaceSnapshot(engines.other);
    await expect(openProject(engines.other, withJoin(SAMPLE_JOIN), { replace: [], protect: ['指标合并'] })).rejects.toMatchObject({ code: 'protected-name', params: { table: '指标合并' } });
    expect(await workspaceSnapshot(engines.other)).toEqual(before);
  });

  it('seals the manifest: a manifest.sha256 entry holds the SHA-256 of the exact manifest bytes', async () => {
    const entries = unzipSync(await savedFile(engines.db, sampleState()));
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', 'manifest.sha256', 'tables/t0.arrow', 'tables/t1.arrow']);
    const { createHash } = await import('node:crypto');
    expect(strFromU8(entries['manifest.sha256'])).toBe(createHash('sha256').update(entries['manifest.json']).digest('hex'));
    const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as { version: number; tables: { bytes: number; crc32: number }[] };
    expect(manifest.version).toBe(5);
    expect(manifest.tables.map((t) => t.bytes)).toEqual([entries['tables/t0.arrow'].length, entries['tables/t1.arrow'].length]);
  });

  it('stores every entry uncompressed with its data 8-byte aligned, and opens the same project deflated (as saved before)', async () => {
    const bytes = await savedFile(engines.db, sampleState());
    // The central directory, read by hand: method 0 for every entry; each local header's data starts aligned.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    let at = view.getUint32(end + 16, true);
    const seen: [number, boolean][] = [];
    for (let i = 0; i < view.getUint16(end + 10, true); i++) {
      const local = view.getUint32(at + 42, true);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      seen.push([view.getUint16(at + 10, true), start % 8 === 0]);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    expect(seen).toEqual([[0, true], [0, true], [0, true], [0, true]]);
    // fflate (another zip implementation) reads it whole; deflated again, as the previous version wrote it, it opens the same.
    const entries = unzipSync(bytes);
    const deflated = zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { level: 6 }]])));
    expect(deflated.length).toBeLessThan(bytes.length);
    await openProject(engines.other, deflated, none);
    const fromDeflated = await workspaceSnapshot(engines.other);
    await emptyWorkspace(engines.other);
    await openProject(engines.other, bytes, none);
    expect(await workspaceSnapshot(engines.other)).toEqual(fromDeflated);
    expect(Object.keys(fromDeflated.tables).length).toBeGreaterThan(0);
  });

  it('refuses a manifest that does not match its seal, or a version-3 manifest without one', async () => {
    const entries = unzipSync(await savedFile(engines.db, sampleState()));
    const edited = strFromU8(entries['manifest.json']).replace('各区年度指标', '各区年度指数');
    const tampered = zipSync({ ...entries, 'manifest.json': strToU8(edited) });
    expect(() => unpackProject(tampered)).toThrow(expect.objectContaining({ code: 'checksum' }));
    const { 'manifest.sha256': _seal, ...unsealed } = entries;
    expect(() => unpackProject(zipSync(unsealed))).toThrow(expect.objectContaining({ code: 'checksum' }));
    const upper = zipSync({ ...entries, 'manifest.sha256': strToU8(strFromU8(entries['manifest.sha256']).toUpperCase()) });
    expect(() => unpackProject(upper)).toThrow(expect.objectContaining({ code: 'checksum' }));
    expect(describeProjectError(new ProjectError('checksum', 'x'), translator('zh-CN'))).toBe('项目文件与保存时的内容不一致（校验和不符），可能已损坏或被改动');
  });

  it('gives integer and decimal columns their types back, deciding before the engine whether values fit', async () => {
    await engines.db.exec(`CREATE TABLE typed AS SELECT i::BIGINT AS 编号, i::INTEGER AS n, (i / 4)::DECIMAL(12,2) AS 金额, i::HUGEINT AS h, i * 0.5 AS x, DATE '2020-01-01' + i::INTEGER AS d
      FROM range(1000) t(i)`);
    await engines.db.exec('CREATE TABLE edge AS SELECT 9223372036854775807::BIGINT AS big, 7::BIGINT AS small');
    const types = (engine: Db, t: string) => rows(engine, `SELECT data_type FROM duckdb_columns() WHERE table_name = '${t}' ORDER BY column_index`);
    await openProject(engines.other, await savedFile(engines.db, { ...sampleStateV3(), tables: [{ name: 'typed' }, { name: 'edge' }] }), none);
    expect((await types(engines.other, 'typed')).map((r) => r.data_type)).toEqual(['BIGINT', 'INTEGER', 'DECIMAL(12,2)', 'HUGEINT', 'DECIMAL(21,1)', 'DATE']);
    const sums = 'SELECT sum(编号) AS a, sum(金额) AS b, max(d) AS c FROM typed';
    expect(await rows(engines.other, sums)).toEqual(await rows(engines.db, sums));
    // 2^63 - 1 reaches the Arrow copy as the double 2^63, which BIGINT cannot hold: that column stays DOUBLE.
    expect((await types(engines.other, 'edge')).map((r) => r.data_type)).toEqual(['DOUBLE', 'BIGINT']);
  });

  it('never lets a column type from the file reach SQL unless it is a plain numeric type that fits', async () => {
    await engines.db.exec('CREATE TABLE big AS SELECT range AS i, range * 0.5 AS x FROM range(50000)');
    const { manifest, tables } = unpackProject(await savedFile(engines.db, { ...sampleStateV3(), tables: [{ name: 'big' }] }));
    manifest.tables[0].columnTypes = { i: 'BIGINT); DROP TABLE 社区问卷; --', x: 'TINYINT' };
    const crafted = packedFile(manifest, new Map([[manifest.tables[0].file, tables.get(manifest.tables[0].file)!]]));
    await openProject(engines.db, crafted, none);
    expect(await userTables(engines.db, [])).toContain('社区问卷');
    expect(await rows(engines.db, "SELECT data_type FROM duckdb_columns() WHERE table_name = 'big' ORDER BY column_index")).toEqual([{ data_type: 'DOUBLE' }, { data_type: 'DOUBLE' }]);
    expect(await rows(engines.db, 'SELECT sum(x) AS s FROM big')).toEqual([{ s: 624987500 }]);
  });

  it('replaces the previous project tables and their provenance, and never touches protected ones', async () => {
    await openProject(engines.db, await savedFile(engines.db, sampleState()), none);
    const bytes = await savedFile(engines.db, { ...sampleStateV3(), tables: [{ name: '社区问卷' }] });
    await engines.db.exec('CREATE TABLE old_import AS SELECT 1 AS a');
    await openProject(engines.db, bytes, { replace: ['old_import', '年度_指标'], protect: [] });
    expect(await userTables(engines.db, [])).toEqual(['社区问卷']);
    // The new 社区问卷 has no provenance; the old rows (社区问卷.csv, 年鉴.xlsx) must not describe it or a later table.
    expect((await workspaceSnapshot(engines.db)).provenance).toEqual([]);
    await expect(openProject(engines.db, bytes, { replace: [], protect: ['社区问卷'] })).rejects.toMatchObject({ code: 'protected-name', params: { table: '社区问卷' } });
  });

  it('opens the checked-in version-4 project unchanged, with no saved pivots; a pivot card and slide survive a round trip', async () => {
    // v4-project.sgwp was written from sampleState() by the version-4 code (before pivots could be saved).
    const v4 = await openProject(engines.other, await fixture('v4-project.sgwp'), none);
    expect(v4.version).toBe(CURRENT_VERSION);
    expect(v4.documents).toEqual(sampleStateV4().documents);
    expect(v4.sql).toEqual(sampleState().sql);
    await openProject(engines.db, await savedFile(engines.db, sampleStateV4()), none);
    expect(await workspaceSnapshot(engines.other)).toEqual(await workspaceSnapshot(engines.db));
    // The current sample holds a saved pivot, a pivot card linked to it and a pivot slide: all come back equal.
    const opened = await openProject(engines.other, await savedFile(engines.db, sampleState()), { replace: await userTables(engines.other, []), protect: [] });
    expect(opened.documents.pivots).toEqual([{ version: 1, pivots: [{ id: 'p1', savedAt: '2026-01-18T10:00:00.000Z', spec: SAMPLE_PIVOT }] }]);
    expect(opened.documents.dashboards[0].dashboards[0].cards[1]).toEqual({ id: 'k2', kind: 'pivot', spec: SAMPLE_PIVOT, size: 'medium', savedId: 'p1' });
    expect(opened.documents.decks[0].slides.find((s) => s.kind === 'pivot')).toEqual({ id: 's5', kind: 'pivot', notes: '透视', spec: SAMPLE_PIVOT, savedId: 'p1' });
  });

  it('migrates the checked-in version-1, version-2 and version-3 projects', async () => {
    const v1 = await openProject(engines.other, await fixture('v1-project.sgwp'), none);
    expect(v1.version).toBe(CURRENT_VERSION);
    expect(v1.settings.lang).toBe('en');
    expect(v1.sql.history.map((h) => h.sql)).toEqual(['SELECT * FROM 社区问卷', 'SELECT avg(满意度) FROM 社区问卷']);
    expect(await rows(engines.other, 'SELECT 社区, 受访人数 FROM 社区问卷 ORDER BY 受访人数 DESC LIMIT 1')).toEqual([{ 社区: '望京', 受访人数: 143 }]);
    // v2-project.sgwp was written from sample-workspace.ts by the version-2 code: it must open as the same workspace.
    await emptyWorkspace(engines.other);
    const v2 = await openProject(engines.other, await fixture('v2-project.sgwp'), none);
    expect(v2.documents).toEqual(sampleStateV3().documents);
    expect(v2.sql).toEqual(sampleState().sql);
    await openProject(engines.db, await savedFile(engines.db, sampleStateV3()), none);
    expect(await workspaceSnapshot(engines.other)).toEqual(await workspaceSnapshot(engines.db));
    // v3-project.sgwp, written by the version-3 code, gains empty calculated fields and combined tables.
    await emptyWorkspace(engines.other);
    const v3 = await openProject(engines.other, await fixture('v3-project.sgwp'), none);
    expect(v3.version).toBe(CURRENT_VERSION);
    expect(v3.documents).toEqual(sampleStateV3().documents);
    expect(await workspaceSnapshot(engines.other)).toEqual(await workspaceSnapshot(engines.db));
  });

  it('refuses a newer version, a foreign zip, a damaged manifest and a path outside tables/ with a clear code', async () => {
    const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
    const newer = zip({ 'manifest.json': JSON.stringify({ format: 'sgw-project', version: CURRENT_VERSION + 1, tables: [] }) });
    expect(() => unpackProject(newer)).toThrow(expect.objectContaining({ code: 'newer-version', params: { version: CURRENT_VERSION + 1 } }));
    expect(() => unpackProject(zip({ 'word/document.xml': '<w/>' }))).toThrow(expect.objectContaining({ code: 'entries' }));
    expect(() => unpackProject(zip({ 'manifest.json': '{"format": "sgw-project", "vers' }))).toThrow(expect.objectContaining({ code: 'damaged' }));
    expect(() => unpackProject(strToU8('PK\u0003\u0004 not really a zip'))).toThrow(expect.objectContaining({ code: 'damaged' }));
    expect(() => unpackProject(strToU8('hello'))).toThrow(expect.objectContaining({ code: 'not-a-project' }));
    const { manifest, tables } = unpackProject(await savedFile(engines.db, sampleState()));
    manifest.tables[0].file = '../x.arrow';
    expect(() => unpackProject(packedFile(manifest, new Map([['../x.arrow', tables.get('tables/t0.arrow')!], ['tables/t1.arrow', tables.get('tables/t1.arrow')!]])))).toThrow(
      expect.objectContaining({ code: 'entries' }),
    );
  });

  it('refuses reserved table names in a project and never saves them', async () => {
    const { manifest, tables } = unpackProject(await savedFile(engines.db, { ...sampleStateV3(), tables: [{ name: '社区问卷' }] }));
    for (const name of ['_sgw_meta', '__sgw_x', 'SGW_ROLLUP', 'sgw_meta', '__SGW_open_0']) {
      const crafted = packedFile({ ...manifest, tables: [{ ...manifest.tables[0], name }] }, tables);
      expect(() => unpackProject(crafted), name).toThrow(expect.objectContaining({ code: 'reserved-name', params: { table: name } }));
    }
    await engines.db.exec('CREATE TABLE __sgw_open_7 AS SELECT 1 AS a; CREATE TABLE sgw_x AS SELECT 2 AS b');
    expect(await userTables(engines.db, [])).toEqual(['年度_指标', '社区问卷']);
    const saved = unpackProject(await savedFile(engines.db, { ...sampleStateV3(), tables: [{ name: '__sgw_open_7' }, { name: 'sgw_x' }, { name: '社区问卷' }] }));
    expect(saved.manifest.tables.map((t) => [t.name, t.file])).toEqual([['社区问卷', 'tables/t0.arrow']]);
  });

  it('refuses, before anything changes, a project whose documents do not pass their parsers', async () => {
    await openProject(engines.db, await savedFile(engines.db, sampleState()), none);
    const before = await workspaceSnapshot(engines.db);
    const good = unpackProject(await savedFile(engines.db, sampleState()));
    const state = sampleState();
    const spec = state.documents.charts[0] as { charts: { spec: Record<string, unknown> }[] };
    const broken: [string, (m: LooseJson) => void][] = [
      ['charts', (m) => (m.documents.charts[0].charts[0].spec = { ...spec.charts[0].spec, kind: 'radar' })],
      ['charts', (m) => (m.documents.charts[0].charts[0].spec = { ...spec.charts[0].spec, table: '_sgw_meta' })],
      ['dashboards', (m) => (m.documents.dashboards[0].dashboards[0].cards[0].id = '')],
      ['decks', (m) => (m.documents.decks[0].slides[0].kind = 'video')],
      ['history', (m) => m.sql.history.push({ sql: 'SELECT 1' })],
      ['snippets', (m) => (m.sql.snippets[0].sql = 42)],
      ['draft', (m) => (m.sql.draft = null)],
      ['settings', (m) => (m.settings.lang = 'fr')],
      ['charts', (m) => (m.documents.notes = [])],
      ['calcFields', (m) => (m.documents.calcFields[0].fields[0].def.expr = '1); DROP TABLE 社区问卷; --')],
      ['calcFields', (m) => (m.documents.calcFields[0].fields[1].def.kind = 'lag')],
      ['joins', (m) => (m.documents.joins[0].joins[0].how = 'cross')],
      ['joins', (m) => (m.documents.joins[0].joins[0].pairs.push({ left: '区0', right: '区1', how: 'exact' }))],
      ['pivots', (m) => (m.documents.pivots[0].pivots[0].spec.values[0].agg = 'variance')],
      ['pivots', (m) => (m.documents.pivots[0].pivots[0].spec.table = 'sgw_rollup')],
      ['pivots', (m) => m.documents.pivots[0].pivots.push(m.documents.pivots[0].pivots[0])],
      ['pivots', (m) => (m.documents.pivots = {})],
      ['dashboards', (m) => (m.documents.dashboards[0].dashboards[0].cards[1].spec.rows = ['年份', '年份'])],
      ['dashboards', (m) => (m.documents.dashboards[0].dashboards[0].cards[1].kind = 'table')],
      ['decks', (m) => (m.documents.decks[0].slides[3].spec.values = [])],
    ];
    for (const [document, mutate] of broken) {
      const manifest = structuredClone(good.manifest) as unknown as LooseJson;
      mutate(manifest);
      const crafted = packedFile(manifest as never, good.tables);
      const err = await openProject(engines.db, crafted, { replace: await userTables(engines.db, []), protect: [] }).catch((e: unknown) => e);
      expect(err, document).toMatchObject({ code: 'bad-document', params: { document } });
      expect(await workspaceSnapshot(engines.db)).toEqual(before);
    }
    expect(describeProjectError(new ProjectError('bad-document', 'x', { document: 'decks' }), translator('zh-CN'))).toBe('项目中的演示文稿无效');
    expect(describeProjectError(new ProjectError('bad-document', 'x', { document: 'decks' }), translator('en'))).toBe('Part of the project is not valid: presentations');
  });
});
