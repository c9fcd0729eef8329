import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { packProject, unpackProject } from './archive';
import { ipcLayout } from './ipc-layout';
import { CURRENT_VERSION, PROJECT_FORMAT, type ProjectManifest } from './manifest';

const join = (pieces: readonly Uint8Array[]) => {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) out.set(p, (at += p.length) - p.length);
  return out;
};
/** Byte equality through a digest: vitest's deep equality walks a typed array element by element (seconds here). */
const digest = (bytes: Uint8Array | undefined) => bytes && `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`;

describe('the engine IPC stream in pieces', () => {
  let db: Db;
  let pieces: Uint8Array[];
  const ROWS = 5003;
  beforeAll(async () => {
    db = await openNodeDb();
    // More rows than one fetched batch (2048), with Chinese text, NULLs, NaN, BIGINT and DECIMAL.
    await db.exec(`CREATE TABLE t AS SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE '街道' || i::VARCHAR END AS 名称,
      CASE WHEN i % 11 = 0 THEN 'NaN'::DOUBLE ELSE i / 3 END AS v, (i * 1234567)::BIGINT AS b, (i / 100)::DECIMAL(18,3) AS d FROM range(${ROWS}) r(i)`);
    pieces = await db.queryArrow('SELECT * FROM t');
  });
  afterAll(async () => db.close());

  it('comes in pieces that join to one stream: schema and row count read from the headers of either', () => {
    expect(pieces.length).toBeGreaterThan(3);
    const whole = join(pieces);
    const table = tableFromIPC(whole);
    expect(table.numRows).toBe(ROWS);
    for (const stream of [pieces, whole]) {
      const layout = ipcLayout(stream);
      expect(layout.rows).toBe(ROWS);
      expect(layout.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`));
    }
  });

  it('reads an empty result (schema, no batch) as no rows, with its columns', async () => {
    const empty = await db.queryArrow('SELECT * FROM t WHERE i < 0');
    const layout = ipcLayout(empty);
    expect(layout.rows).toBe(0);
    expect(layout.schema.fields.map((f) => f.name)).toEqual(['i', '名称', 'v', 'b', 'd']);
  });

  it('refuses a stream cut short or without its schema', () => {
    const whole = join(pieces);
    expect(() => ipcLayout(whole.subarray(0, whole.length - 1000))).toThrow();
    expect(() => ipcLayout(pieces.slice(1))).toThrow();
  });

  it('packs the pieces into the same file as the joined stream, which opens to the same bytes', () => {
    const manifest: ProjectManifest = {
      format: PROJECT_FORMAT,
      version: CURRENT_VERSION,
      app: { name: 'sgw', version: 'test' },
      savedAt: '2026-12-01T00:00:00.000Z',
      tables: [{ name: 't', file: 'tables/t0.arrow', rows: ROWS }],
      sql: { draft: '', history: [], snippets: [] },
      documents: { charts: [], dashboards: [], decks: [], calcFields: [], joins: [], pivots: [] },
      settings: { lang: 'zh-CN' },
    };
    const fromPieces = packProject(manifest, new Map([['tables/t0.arrow', pieces]]));
    const whole = join(pieces);
    expect(digest(join(fromPieces))).toBe(digest(join(packProject(manifest, new Map([['tables/t0.arrow', whole]])))));
    expect(digest(unpackProject(join(fromPieces)).tables.get('tables/t0.arrow'))).toBe(digest(whole));
    // The file is handed to the writer in pieces that ARE the engine's pieces (no copy), in order, after their header.
    const at = fromPieces.indexOf(pieces[0]);
    expect(at).toBeGreaterThan(0);
    expect(fromPieces.slice(at, at + pieces.length)).toEqual(pieces);
    pieces.forEach((p, i) => expect(fromPieces[at + i]).toBe(p));
  });
});
