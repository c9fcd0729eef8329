import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { addSlide, emptyDeck } from '../../shared/cases/deck';
import type { Db } from '../../shared/db';
import { ProjectError } from '../../shared/project/errors';
import type { WorkspaceState } from '../../shared/project/workspace';
import { savedFile } from '../fixtures/projects/project-support';
import { joinParts } from '../../shared/project/zip-store';
import { columnValuesSql } from '../../shared/sql/browse-sql';
import { coordinatorFor } from '../../renderer/db/coordinator';
import { dataChanges, trackWrites } from '../../renderer/db/data-changes';
import { resetWorkspace, restore, snapshot } from '../../renderer/features/project/workspace-io';
import { workspace } from '../../renderer/workspace';

// The renderer's project open and save (workspace-io) on the real engine, with the window's workspace store
// (in Node it falls back to memory storage).
let app: Db;
let other: Db;
beforeAll(async () => {
  app = trackWrites(await openNodeDb());
  other = await openNodeDb();
  await app.exec(`CREATE TABLE 街道 AS SELECT * FROM (VALUES ('和平里', 1)) t(地区, n)`);
  await other.exec(`CREATE TABLE 街道 AS SELECT * FROM (VALUES ('大栅栏', 9), ('望京', 3)) t(地区, n)`);
});
afterAll(async () => {
  await app.close();
  await other.close();
});

const deck = addSlide(emptyDeck('课堂'), { kind: 'text', title: '导入', body: '', notes: '' });
const state = (decks: unknown[]): WorkspaceState => ({
  tables: [{ name: '街道' }],
  sql: { draft: 'SELECT 地区 FROM 街道', history: [{ sql: 'SELECT 1', at: 5, ok: true }], snippets: [] },
  documents: { charts: [], dashboards: [], decks },
  lang: 'en',
  app: { name: 'sgw', version: 't' },
});
const values = async () => Array.from((await coordinatorFor(app).query(columnValuesSql('街道', '地区'))).getChild('v')!, String);

describe('project open and save in the renderer (real engine)', () => {
  it('refuses a project whose documents the store cannot hold before the database is touched', async () => {
    workspace.set('sqlDraft', '我的草稿');
    expect(await values()).toEqual(['和平里']);
    const before = { epoch: dataChanges(app).epoch, version: workspace.version, snap: workspace.projectSnapshot() };
    // Two decks: a valid file for shared/project, but the workspace holds one deck.
    const bytes = await savedFile(other, state([deck, deck]));
    const refused = await restore(app, bytes, []).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProjectError);
    expect(refused).toMatchObject({ code: 'bad-document', params: { document: 'decks' } });
    expect({ epoch: dataChanges(app).epoch, version: workspace.version, snap: workspace.projectSnapshot() }).toEqual(before);
    expect(await values()).toEqual(['和平里']);
  });

  it('opens tables and documents together, drops the caches once, and saves them back equal', async () => {
    const bytes = await savedFile(other, state([deck]));
    const epoch = dataChanges(app).epoch;
    await restore(app, bytes, []);
    expect(dataChanges(app).epoch).toBeGreaterThan(epoch);
    expect(await values()).toEqual(['大栅栏', '望京']);
    expect(workspace.get('deck')).toEqual(deck);
    expect(workspace.get('sqlDraft')).toBe('SELECT 地区 FROM 街道');
    expect(workspace.get('lang')).toBe('en');
    // Taking a snapshot is not a data change (or every autosave would cause the next one).
    const at = dataChanges(app).epoch;
    const again = await snapshot(app, [], 't');
    expect(dataChanges(app).epoch).toBe(at);
    await restore(app, joinParts(again), []);
    expect(await values()).toEqual(['大栅栏', '望京']);
    expect(workspace.projectSnapshot()).toEqual({
      sql: state([deck]).sql,
      documents: { charts: [{ version: 1, charts: [] }], dashboards: [{ version: 1, dashboards: [] }], decks: [deck], calcFields: [{ version: 1, fields: [] }], joins: [{ version: 1, joins: [] }], pivots: [{ version: 1, pivots: [] }] },
      lang: 'en',
    });
  });

  it('a new project drops the user tables and resets the documents', async () => {
    await resetWorkspace(app, []);
    expect(workspace.get('deck')).toEqual(emptyDeck());
    await expect(values()).rejects.toThrow(/街道/);
  });

  it('opens calculated fields and combined tables into the store and the engine; a new project drops the views too', async () => {
    await other.exec(`CREATE OR REPLACE TABLE 街道 AS SELECT * FROM (VALUES ('大栅栏', 9), ('望京', 3)) t(地区, n)`);
    const join = {
      name: '街道合并',
      left: { table: '街道', region: '地区' },
      right: { table: '街道', region: '地区' },
      how: 'left' as const,
      pairs: [{ left: '望京', right: '望京', how: 'exact' as const }],
      noMatch: [],
      columns: [{ name: '地区', side: 'left' as const, column: '地区' }, { name: 'n2', side: 'right' as const, column: 'n' }],
      units: { n2: '件' },
      note: '街道与街道',
      createdAt: '2026-01-01 00:00:00',
    };
    const fields = { version: 1, fields: [{ name: '双倍', table: '街道', def: { kind: 'expr', expr: '"n" * 2' }, unit: '件' }] };
    const bytes = await savedFile(other, { ...state([deck]), documents: { charts: [], dashboards: [], decks: [deck], calcFields: [fields], joins: [{ version: 1, joins: [join] }] } });
    await restore(app, bytes, []);
    expect(workspace.get('calcFields')).toEqual(fields);
    expect(workspace.get('joins')).toEqual({ version: 1, joins: [join] });
    const rows = async () => (await app.query('SELECT 地区, n2 FROM 街道合并 ORDER BY 地区')).toArray().map((r) => [String(r.地区), r.n2 === null ? null : Number(r.n2)]);
    expect(await rows()).toEqual([['大栅栏', null], ['望京', 3]]);
    await resetWorkspace(app, []);
    expect(workspace.get('joins')).toEqual({ version: 1, joins: [] });
    expect(workspace.get('calcFields')).toEqual({ version: 1, fields: [] });
    await expect(rows()).rejects.toThrow(/街道合并/);
  });
});
