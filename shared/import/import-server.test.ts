/**
 * The import worker's plan for a big CSV crosses to the page without a copy of the file: a UTF-8 file's
 * bytes are not posted at all (the page holds them: the runner points the plan at its own copy, after the
 * byte-order mark), decoded bytes are transferred. The page's plan then reads the same table as importIntoDb.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import type { ByteSource, FileBlob } from './byte-source';
import { commitCsvPlan, importIntoDb } from './commit';
import { importServer, type ServerOptions } from './import-server';
import { analyzeFile, toPreview, type TablePreview } from './pipeline';
import { ImportRunner, type ImportRequest, type ImportResponse } from './runner';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => {
  await db.close();
});

const REGIONS = ['北京市', '上海市', '广东省', '四川省'];
const text = (n: number) => ['地区,年份,数值', ...Array.from({ length: n }, (_, i) => `${REGIONS[i % 4]},${2004 + (i % 20)},${i}.5`)].join('\n') + '\n';
const utf8 = (s: string) => new TextEncoder().encode(s);
/** GBK for the few characters used here (the platform decodes GBK; these are its bytes). */
const GBK: Record<string, number[]> = { 北: [0xb1, 0xb1], 京: [0xbe, 0xa9], 市: [0xca, 0xd0], 上: [0xc9, 0xcf], 海: [0xba, 0xa3], 广: [0xb9, 0xe3], 东: [0xb6, 0xab], 省: [0xca, 0xa1], 四: [0xcb, 0xc4], 川: [0xb4, 0xa8], 地: [0xb5, 0xd8], 区: [0xc7, 0xf8], 年: [0xc4, 0xea], 份: [0xb7, 0xdd], 数: [0xca, 0xfd], 值: [0xd6, 0xb5] };
const gbk = (s: string) => new Uint8Array([...s].flatMap((c) => GBK[c] ?? [c.charCodeAt(0)]));

/** The server in this thread behind the runner; every message cloned as postMessage would (transfers moved). */
function inProcess(posted: { m: ImportResponse; transfer: ArrayBuffer[] }[], opts?: ServerOptions, workers: { requests: ImportRequest['type'][]; ended: boolean }[] = []) {
  return new ImportRunner((events) => {
    const life = { requests: [] as ImportRequest['type'][], ended: false };
    workers.push(life);
    const serve = importServer((m, transfer = []) => {
      posted.push({ m, transfer });
      if (!life.ended) events.message(structuredClone(m, { transfer }));
    }, opts);
    return { post: (m: ImportRequest) => void (life.requests.push(m.type), serve(structuredClone(m))), terminate: () => void (life.ended = true) };
  });
}

/** A planned CSV sends no Arrow batches. */
const noBatches = () => Promise.reject(new Error('a batch for a planned CSV'));

const differing = async (a: string, b: string) => Number((await db.query(`SELECT (SELECT count(*) FROM (SELECT * FROM "${a}" EXCEPT ALL SELECT * FROM "${b}")) + (SELECT count(*) FROM (SELECT * FROM "${b}" EXCEPT ALL SELECT * FROM "${a}"))::INTEGER AS n`)).get(0)?.n);

describe('a planned CSV from the import worker', () => {
  it.each([
    ['UTF-8', utf8(text(60_000)), { skip: 0 }],
    ['UTF-8 with a byte-order mark', utf8(`\uFEFF${text(60_000)}`), { skip: 3 }],
    ['GBK', gbk(text(60_000)), 'transferred'],
  ] as const)('%s: no copy of the file comes back, and the page reads the table importIntoDb reads', async (name, bytes, expected) => {
    const posted: { m: ImportResponse; transfer: ArrayBuffer[] }[] = [];
    const runner = inProcess(posted);
    runner.load('f', bytes);
    const built = await runner.buildStreamed('f', 'data.csv', {}, noBatches, undefined, true);
    expect(built.type).toBe('planned');
    if (built.type !== 'planned') return;
    const reply = posted.find((p) => p.m.type === 'planned')!;
    const sent = (reply.m as Extract<ImportResponse, { type: 'planned' }>).plan.utf8;
    if (expected === 'transferred') {
      expect(sent).toBeInstanceOf(Uint8Array);
      expect(reply.transfer).toEqual([(sent as Uint8Array).buffer]);
      // Handed over, not kept: the worker's copy is gone, and the next build plans again.
      expect((sent as Uint8Array).byteLength).toBe(0);
      expect((await runner.buildStreamed('f', 'data.csv', {}, noBatches, undefined, true)).type).toBe('planned');
    } else {
      expect(sent).toEqual(expected);
      expect(reply.transfer).toEqual([]);
      expect(built.plan.utf8.whole?.buffer).toBe(bytes.buffer);
    }
    expect(await commitCsvPlan(db, built.plan, 'paged', { replace: true })).toBe(true);
    await importIntoDb(db, bytes, 'data.csv', { tableNames: ['direct'], replace: true });
    expect(await differing('paged', 'direct'), name).toBe(0);
    expect(Number((await db.query('SELECT count(*)::INTEGER AS n FROM paged')).get(0)?.n)).toBe(60_000);
  }, 60_000);
});

/** Every read's [from, to) on one side. */
type Reads = [number, number][];
const largest = (r: Reads) => Math.max(...r.map(([a, b]) => b - a));
const total = (r: Reads) => r.reduce((n, [a, b]) => n + b - a, 0);

/** A File as the page holds it: a Blob whose slices are logged (what the worker is posted is a plain clone). */
function loggedBlob(bytes: Uint8Array, reads: Reads): Blob {
  return new (class extends Blob {
    override slice(from = 0, to = this.size) {
      reads.push([from, Math.min(to, this.size)]);
      return super.slice(from, to);
    }
  })([bytes as Uint8Array<ArrayBuffer>]);
}

/** The worker's reader of a posted File (renderer/workers/blob-source.ts, FileReaderSync there): new bytes per read, logged. */
const loggedReader = (bytes: Uint8Array, reads: Reads) => (blob: FileBlob): ByteSource => ({
  size: blob.size,
  read: (from, to) => (reads.push([from, Math.min(to, blob.size)]), bytes.slice(from, Math.min(to, blob.size))),
});

describe('a big CSV picked in the app (a File, not its bytes)', () => {
  it('is read by windows in the worker and by pieces in the page, never whole, and gives the table importIntoDb gives', async () => {
    const bytes = utf8(text(200_000));
    const worker: Reads = [];
    const page: Reads = [];
    // Small pieces (64 KB, whole groups of 2,000 rows) so this 4 MB file spans many scan windows (256 KB) and pieces.
    const runner = inProcess([], { openBlob: loggedReader(bytes, worker), pieceBytes: 65_536, pieceRows: 2_000 });
    runner.load('f', loggedBlob(bytes, page));
    const analyzed = await runner.analyze('f', 'data.csv', {});
    expect(analyzed.tables[0].rowCount).toBe(200_000);
    const built = await runner.buildStreamed('f', 'data.csv', {}, noBatches, undefined, true);
    expect(built.type).toBe('planned');
    if (built.type !== 'planned') return;
    expect(await commitCsvPlan(db, built.plan, 'from_file', { replace: true })).toBe(true);
    // The worker: the sample's head (1 MB) and scan windows; no read of the file whole, about one pass in all.
    expect(largest(worker)).toBeLessThanOrEqual(1024 * 1024);
    expect(total(worker)).toBeLessThan(2 * bytes.length);
    // The page: only the engine's pieces, each once, none larger than a piece and its last row group.
    expect(page.length).toBeGreaterThan(10);
    expect(largest(page)).toBeLessThan(4 * 65_536);
    expect(total(page)).toBe(bytes.length - page[0][0]);
    await importIntoDb(db, bytes, 'data.csv', { tableNames: ['direct'], replace: true });
    expect(await differing('from_file', 'direct')).toBe(0);
  }, 60_000);
  it('hands the engine its pieces as slices of the File when the Db reads slices itself (the app’s engine thread), after a byte-order mark', async () => {
    const bytes = utf8(`\uFEFF${text(200_000)}`);
    const slices: [number, number][] = [];
    const handed: string[] = [];
    // The app's Db reads each slice on the engine's thread (renderer/db/blob-piece.ts); here its bytes are read
    // from the Blob the same way and registered, each slice logged.
    const slicing: Db = {
      ...db,
      registerFile: (name, b) => (handed.push(name), db.registerFile(name, b)),
      registerSlice: async (name, file, from, to) => {
        slices.push([from, to]);
        await db.registerFile(name, new Uint8Array(await file.slice(from, to).arrayBuffer()));
      },
    };
    const runner = inProcess([], { openBlob: loggedReader(bytes, []), pieceBytes: 65_536, pieceRows: 2_000 });
    runner.load('f', new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const built = await runner.buildStreamed('f', 'data.csv', {}, noBatches, undefined, true);
    expect(built.type).toBe('planned');
    if (built.type !== 'planned') return;
    expect(await commitCsvPlan(slicing, built.plan, 'sliced', { replace: true })).toBe(true);
    // Every piece as a slice, none as bytes: back to back from the header's end (after the 3-byte mark) to the file's.
    expect(handed).toEqual([]);
    expect(slices.length).toBe(built.plan.pieces.length - 1);
    expect(slices.map(([a]) => a)).toEqual(built.plan.pieces.slice(0, -1).map((p) => p + 3));
    expect(slices.map(([, b]) => b)).toEqual(built.plan.pieces.slice(1).map((p) => p + 3));
    expect(slices.at(-1)![1]).toBe(bytes.length);
    await importIntoDb(db, bytes, 'data.csv', { tableNames: ['direct'], replace: true });
    expect(await differing('sliced', 'direct')).toBe(0);
  }, 60_000);
});

describe('the import worker once a plan is here', () => {
  it('is ended (its byte scan\'s windows go with it) and a later request starts a fresh one, sent the file again', async () => {
    const bytes = utf8(text(60_000));
    const workers: { requests: ImportRequest['type'][]; ended: boolean }[] = [];
    const runner = inProcess([], {}, workers);
    runner.load('f', bytes);
    expect((await runner.analyze('f', 'data.csv', {})).tables[0].rowCount).toBe(60_000);
    const built = await runner.buildStreamed('f', 'data.csv', {}, noBatches, undefined, true);
    expect(built.type).toBe('planned');
    expect(workers.map((w) => w.ended)).toEqual([true]);
    // The plan reads the page's own copy: the ended worker is not needed for the table.
    if (built.type === 'planned') expect(await commitCsvPlan(db, built.plan, 'after_end', { replace: true })).toBe(true);
    expect((await runner.analyze('f', 'data.csv', {})).tables[0].rowCount).toBe(60_000);
    expect(workers.map((w) => w.ended)).toEqual([true, false]);
    expect(workers[1].requests).toEqual(['load', 'analyze']);
  }, 60_000);
});

describe('the analysis of a big CSV', () => {
  it('shows the sample’s preview first, then the byte scan’s progress piece by piece, then the whole file’s', async () => {
    const posted: { m: ImportResponse; transfer: ArrayBuffer[] }[] = [];
    // Small pieces, so that the scan reports several on the way.
    const runner = inProcess(posted, { pieceBytes: 256 * 1024, pieceRows: 1000 });
    const bytes = utf8(text(200_000));
    runner.load('f', bytes);
    const heard: { sampled: number; progress: number[] }[] = [];
    const progress: number[] = [];
    const result = await runner.analyze('f', '大文件.csv', {}, (f) => progress.push(f), ({ preview }) => heard.push({ sampled: preview.rowCount, progress: [...progress] }));
    // Once, before the scan's progress: the sample's own rows (512 KB of them), its first rows shown.
    expect(heard).toHaveLength(1);
    expect(heard[0].progress).toEqual([0.05]);
    const sampleRows = heard[0].sampled;
    expect(sampleRows).toBeGreaterThan(1000);
    expect(sampleRows).toBeLessThan(200_000);
    const sampled = posted.find((p) => p.m.type === 'sampled')!.m as Extract<ImportResponse, { type: 'sampled' }>;
    expect(sampled.preview.rows.slice(0, 2)).toEqual(result.tables[0].rows.slice(0, 2));
    expect(sampled.preview.columns).toEqual(result.tables[0].columns);
    // Then the scan, rising to the end, and the proven preview of all 200,000 rows.
    const scanned = progress.slice(1);
    expect(scanned.length).toBeGreaterThan(10);
    expect(scanned.every((f, i) => f > 0.05 && f < 0.95 && (i === 0 || f > scanned[i - 1]))).toBe(true);
    expect(result.tables[0].rowCount).toBe(200_000);
    // An import right after reuses the proven plan: no sample is shown again, no second scan.
    const before = posted.length;
    const built = await runner.buildStreamed('f', '大文件.csv', {}, noBatches, undefined, true);
    expect(built.type).toBe('planned');
    expect(posted.slice(before).map((p) => p.m.type)).toEqual(['progress', 'planned']);
  }, 60_000);

  it('a GBK file’s sample is shown before the file is decoded whole (the worker has read only its head then)', async () => {
    const bytes = gbk(text(400_000));
    const reads: Reads = [];
    const runner = inProcess([], { openBlob: loggedReader(bytes, reads) });
    runner.load('g', new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const atSample: number[] = [];
    const sampled: TablePreview[] = [];
    const r = await runner.analyze('g', '地区.csv', {}, undefined, ({ preview }) => (atSample.push(total(reads)), sampled.push(preview)));
    expect(sampled).toHaveLength(1);
    expect(sampled[0].rows[0]).toEqual(['北京市', '2004', '0.5']);
    expect(sampled[0].columns.map((c) => c.name)).toEqual(['地区', '年份', '数值']);
    // Only the head (its 2 MB and the format's first bytes) had been read; the whole file is read after, for the decode and the proof.
    expect(atSample[0]).toBeLessThanOrEqual(2.1 * 1024 * 1024);
    expect(atSample[0]).toBeLessThan(bytes.length / 2);
    expect(total(reads)).toBeGreaterThanOrEqual(bytes.length);
    expect(r.source.encoding).toBe('gb18030');
    expect(r.tables[0].rowCount).toBe(400_000);
  }, 60_000);

  it('a file the scan turns away after its sample (a ragged row near the end) gets the JS pipeline’s preview after the sample’s', async () => {
    const lines = text(200_000).split('\n');
    lines.splice(199_990, 0, '北京市,2020,1,多出来的一列');
    const bytes = utf8(lines.join('\n'));
    const runner = inProcess([]);
    runner.load('r', bytes);
    const sampled: TablePreview[] = [];
    const r = await runner.analyze('r', 'ragged.csv', {}, undefined, ({ preview }) => sampled.push(preview));
    expect(sampled).toHaveLength(1);
    expect(sampled[0].rowCount).toBeLessThan(200_000);
    // The JS pipeline's own answer for the same bytes, whatever it is: the preview the card ends with.
    const { source, tables } = await analyzeFile(bytes, 'ragged.csv', {});
    expect(r.source).toEqual(source);
    expect(r.tables).toEqual(tables.map((t) => toPreview(t)));
    expect(r.tables[0].rowCount).toBe(200_001);
  }, 60_000);

  it('a small CSV or one the JS pipeline reads shows no sample: its one preview is the whole file’s', async () => {
    const posted: { m: ImportResponse; transfer: ArrayBuffer[] }[] = [];
    const runner = inProcess(posted);
    // A yearbook-style title line above the header: the engine's way does not take it.
    for (const [name, bytes] of [['small', utf8(text(100))], ['titled', utf8(`2020年各地区社会组织\n${text(60_000)}`)]] as const) {
      runner.load(name, bytes);
      const sampled: unknown[] = [];
      const r = await runner.analyze(name, `${name}.csv`, {}, undefined, (s) => sampled.push(s));
      expect(sampled, name).toEqual([]);
      expect(r.tables[0].rowCount, name).toBe(name === 'small' ? 100 : 60_000);
    }
    expect(posted.some((p) => p.m.type === 'sampled')).toBe(false);
  }, 60_000);
});
