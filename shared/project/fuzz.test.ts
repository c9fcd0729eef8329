/**
 * Every mutation of a real project file is either refused with a ProjectError (and a translated message)
 * or opens to exactly the original content. "Opens" is checked twice: the unpacked archive (manifest with
 * every document, table bytes, column types to restore) must deep-equal the original's, and each distinct
 * archive that unpacks is opened into the real engine and compared table by table (rows, types) and
 * provenance row by row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { translator } from '../i18n';
import { createSampleTables, sampleState } from '../../tests/fixtures/projects/sample-workspace';
import { emptyWorkspace, savedFile, workspaceSnapshot, zipEntries } from '../../tests/fixtures/projects/project-support';
import { unpackProject, type ProjectArchive } from './archive';
import { describeProjectError, ProjectError } from './errors';
import { sha256Hex } from './sha256';
import { openProject } from './workspace';

const zh = translator('zh-CN');
const en = translator('en');

function plain(a: ProjectArchive) {
  return { manifest: a.manifest, tables: [...a.tables], columnTypes: [...a.columnTypes] };
}

/** A digest of everything an archive would put into the workspace. */
function keyOf(a: ProjectArchive): string {
  const parts = [strToU8(JSON.stringify([a.manifest, [...a.columnTypes]])), ...[...a.tables].flatMap(([file, data]) => [strToU8(file), data])];
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length + 4, 0));
  let at = 0;
  for (const p of parts) {
    new DataView(all.buffer).setUint32(at, p.length);
    all.set(p, at + 4);
    at += p.length + 4;
  }
  return sha256Hex(all);
}

describe('project file fuzzing', () => {
  let db: Db;
  let original: Uint8Array;
  let expected: ReturnType<typeof plain>;
  let expectedKey: string;
  let expectedWorkspace: Awaited<ReturnType<typeof workspaceSnapshot>>;
  beforeAll(async () => {
    db = await openNodeDb();
    await createSampleTables(db);
    original = await savedFile(db, sampleState());
    expected = plain(unpackProject(original));
    expectedKey = keyOf(unpackProject(original));
    await emptyWorkspace(db);
    await openProject(db, original, { replace: [], protect: [] });
    expectedWorkspace = await workspaceSnapshot(db);
  });
  afterAll(async () => db.close());

  /** Classifies one mutated file; returns a key for the content when it unpacked. */
  function judge(bytes: Uint8Array, what: string): string | null {
    let archive: ProjectArchive;
    try {
      archive = unpackProject(bytes);
    } catch (e) {
      if (!(e instanceof ProjectError)) throw new Error(`${what}: not a ProjectError: ${String(e)}`);
      for (const t of [zh, en]) {
        const text = describeProjectError(e, t);
        if (!text || /undefined|\{\w+\}/.test(text)) throw new Error(`${what}: bad message ${text}`);
      }
      return null;
    }
    const key = keyOf(archive);
    // Cheap when identical (most cases); a full deep comparison, with its diff, when not.
    if (key !== expectedKey) expect(plain(archive), what).toEqual(expected);
    return key;
  }

  /** Every distinct content that unpacked must open into the engine as the original did. */
  async function openEach(opened: Map<string, Uint8Array>) {
    for (const [key, bytes] of opened) {
      await emptyWorkspace(db);
      await openProject(db, bytes, { replace: [], protect: [] });
      expect(await workspaceSnapshot(db), key).toEqual(expectedWorkspace);
    }
  }

  // Measured at about 10 s on an idle core; the limit leaves room for a machine shared with other jobs.
  it('every single-bit flip is refused or opens identical', { timeout: 120_000 }, async () => {
    // The file under test holds a saved pivot, a pivot card and a pivot slide (format 5).
    expect(expected.manifest.documents.pivots[0].pivots.map((p) => p.spec.title)).toEqual(['各区年度指标透视']);
    expect(expected.manifest.documents.dashboards[0].dashboards[0].cards.map((c) => c.kind ?? 'chart')).toEqual(['chart', 'pivot']);
    const started = performance.now();
    const opened = new Map<string, Uint8Array>();
    let refused = 0;
    for (let i = 0; i < original.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const flipped = original.slice();
        flipped[i] ^= 1 << bit;
        const key = judge(flipped, `byte ${i} bit ${bit}`);
        if (key === null) refused++;
        else if (!opened.has(key)) opened.set(key, flipped);
      }
    }
    await openEach(opened);
    const flips = original.length * 8;
    console.log(`[fuzz] ${original.length} bytes: ${flips} flips, ${refused} refused, ${flips - refused} opened identical (${opened.size} distinct), ${Math.round(performance.now() - started)} ms`);
    // Flips in zip metadata that nothing reads (timestamps, the zip's own CRC fields …) may open; most bytes matter.
    expect(refused).toBeGreaterThan(flips * 0.8);
    expect(opened.size).toBeLessThanOrEqual(1);
  });

  it('every truncation is refused; trailing bytes are refused or change nothing', async () => {
    for (let n = 0; n < original.length; n++) expect(judge(original.slice(0, n), `cut at ${n}`), `cut at ${n}`).toBeNull();
    const opened = new Map<string, Uint8Array>();
    for (const extra of [1, 7, 100, 70_000]) {
      const longer = new Uint8Array(original.length + extra);
      longer.set(original);
      longer.fill(0x50, original.length);
      const key = judge(longer, `+${extra} bytes`);
      if (key) opened.set(key, longer);
    }
    await openEach(opened);
  });

  it('duplicated, extra, renamed, missing and misplaced entries are refused', () => {
    const entries = Object.entries(unzipSync(original));
    const byName = Object.fromEntries(entries);
    const cases: [string, Uint8Array, string][] = [
      ['two manifest.json', zipEntries([...entries, ['manifest.json', byName['manifest.json']]]), 'entries'],
      ['two manifest.json, the first empty', zipEntries([['manifest.json', '{}'], ...entries]), 'entries'],
      ['two seals', zipEntries([...entries, ['manifest.sha256', byName['manifest.sha256']]]), 'entries'],
      ['two copies of a table', zipEntries([...entries, ['tables/t1.arrow', byName['tables/t0.arrow']]]), 'entries'],
      ['an extra file', zipSync({ ...byName, 'readme.txt': strToU8('hi') }), 'entries'],
      ['an unlisted table', zipSync({ ...byName, 'tables/t9.arrow': byName['tables/t0.arrow'] }), 'entries'],
      ['a folder entry', zipEntries([...entries, ['tables/', new Uint8Array()]]), 'entries'],
      ['a table outside tables/', zipSync({ ...byName, 'data/t0.arrow': byName['tables/t0.arrow'] }), 'entries'],
      ['a path escaping the zip', zipSync({ ...byName, '../t0.arrow': byName['tables/t0.arrow'] }), 'entries'],
      ['a renamed table', zipSync({ 'manifest.json': byName['manifest.json'], 'manifest.sha256': byName['manifest.sha256'], 'tables/t0.arrow': byName['tables/t0.arrow'], 'tables/t2.arrow': byName['tables/t1.arrow'] }), 'entries'],
      ['a missing table', zipSync({ 'manifest.json': byName['manifest.json'], 'manifest.sha256': byName['manifest.sha256'], 'tables/t0.arrow': byName['tables/t0.arrow'] }), 'missing-table'],
      ['swapped tables', zipSync({ ...byName, 'tables/t0.arrow': byName['tables/t1.arrow'], 'tables/t1.arrow': byName['tables/t0.arrow'] }), 'bad-table'],
      ['a missing seal', zipSync({ 'manifest.json': byName['manifest.json'], 'tables/t0.arrow': byName['tables/t0.arrow'], 'tables/t1.arrow': byName['tables/t1.arrow'] }), 'checksum'],
      ['no manifest', zipSync({ 'tables/t0.arrow': byName['tables/t0.arrow'] }), 'not-a-project'],
    ];
    for (const [what, bytes, code] of cases) expect(() => unpackProject(bytes), what).toThrow(expect.objectContaining({ code }));
  });

  it('impossible sizes are refused before anything is inflated', () => {
    // Central directory entry of manifest.json: claim 2 GB uncompressed.
    const bytes = original.slice();
    const view = new DataView(bytes.buffer);
    for (let at = bytes.length - 22; at > 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      if (new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)) !== 'manifest.json') continue;
      view.setUint32(at + 24, 2 ** 31, true);
    }
    expect(() => unpackProject(bytes)).toThrow(expect.objectContaining({ code: 'too-large', params: { entry: 'manifest.json' } }));
  });
});
