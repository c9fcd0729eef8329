/**
 * The .sgwp zip: `manifest.json`, `manifest.sha256` (the seal) and `tables/<id>.arrow`, nothing else.
 *
 * What covers what: the seal is the SHA-256 of the exact manifest bytes; the manifest records every
 * table's CRC-32 and byte length. So every byte that reaches the workspace — names, types, SQL, documents,
 * table data — is checked after inflating, whatever the zip's own headers say. Zip metadata (timestamps,
 * flags, the zip's CRC fields, padding) can change without effect: the content that opens is identical.
 * The seal detects damage and naive edits, not a forger: anyone can recompute an unkeyed digest.
 */
import { strFromU8, strToU8, unzipSync, type UnzipFileInfo } from 'fflate';
import { tableFromIPC, type Table } from 'apache-arrow';
import { restorableColumnTypes } from './column-types';
import { crc32, crc32Of } from './crc32';
import { ProjectError } from './errors';
import { ipcLayout, type IpcStream } from './ipc-layout';
import { CURRENT_VERSION, declaredVersion, parseManifest, type ProjectManifest } from './manifest';
import { sha256Hex } from './sha256';
import { storedEntries, zipStored, type FileParts, type StoredEntry } from './zip-store';
import { ZipLimitError, zipSizeGuard } from '../zip-limits';

export const MANIFEST_ENTRY = 'manifest.json';
export const SEAL_ENTRY = 'manifest.sha256';
const TABLE_ENTRY = /^tables\/[\w-]{1,64}\.arrow$/;
/** Refuse archives that would inflate beyond what the engine can hold (wasm memory caps at 4 GB). */
export const MAX_UNPACKED_BYTES = 3 * 1024 ** 3;
const MAX_MANIFEST_BYTES = 64 * 1024 ** 2;
const SEAL_BYTES = 64;

export interface ProjectArchive {
  manifest: ProjectManifest;
  /** Arrow IPC stream per table file path. */
  tables: Map<string, Uint8Array>;
  /** Per table file: the columns whose saved SQL type can be restored, decided before the engine is touched. */
  columnTypes: Map<string, Record<string, string>>;
}

/**
 * Packs a manifest and its tables' Arrow IPC streams into one sealed zip. It records each table's CRC-32
 * and length itself and does not judge the manifest (tests use it to craft sealed files with bad content).
 * Every entry is stored, not deflated (zip-store.ts): the tables' CRC-32 is computed once for both the
 * manifest and the zip. Older projects with deflated entries open all the same. The file comes back in
 * pieces (zip-store.ts): the tables' bytes are the engine's own, never joined into one buffer here.
 */
export function packProject(manifest: ProjectManifest, tables: Map<string, IpcStream>): FileParts {
  const entries: StoredEntry[] = [];
  const sealed: ProjectManifest = {
    ...manifest,
    version: CURRENT_VERSION,
    tables: manifest.tables.map((t) => {
      const data = tables.get(t.file);
      if (!data) throw new Error(`no data for ${t.file}`);
      const parts = data instanceof Uint8Array ? [data] : data;
      const entry = { name: t.file, parts, crc32: crc32Of(parts) };
      entries.push(entry);
      return { ...t, bytes: parts.reduce((n, p) => n + p.length, 0), crc32: entry.crc32 };
    }),
  };
  const manifestBytes = strToU8(JSON.stringify(sealed, null, 2));
  const seal = strToU8(sha256Hex(manifestBytes));
  return zipStored([{ name: MANIFEST_ENTRY, parts: [manifestBytes], crc32: crc32(manifestBytes) }, { name: SEAL_ENTRY, parts: [seal], crc32: crc32(seal) }, ...entries]);
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Refuses, from the central directory alone, duplicates, foreign entries and sizes that cannot be true. */
function entryGuard(fileSize: number) {
  const seen = new Set<string>();
  const sizes = zipSizeGuard(fileSize, {
    maxEntry: (name) => (name === MANIFEST_ENTRY ? MAX_MANIFEST_BYTES : name === SEAL_ENTRY ? SEAL_BYTES : MAX_UNPACKED_BYTES),
    maxTotal: MAX_UNPACKED_BYTES,
  });
  return (f: UnzipFileInfo): true => {
    if (seen.has(f.name)) throw new ProjectError('entries', `${f.name} appears twice`, { entry: f.name });
    seen.add(f.name);
    if (f.name !== MANIFEST_ENTRY && f.name !== SEAL_ENTRY && !TABLE_ENTRY.test(f.name)) throw new ProjectError('entries', `unexpected entry ${f.name}`, { entry: f.name });
    try {
      sizes(f);
    } catch (e) {
      if (!(e instanceof ZipLimitError)) throw e;
      throw new ProjectError('too-large', e.message, e.reason === 'entry' ? { entry: f.name } : {});
    }
    return true;
  };
}

/**
 * Every entry's bytes: stored ones (this version's tables) viewed in place, deflated ones (older projects)
 * inflated by fflate. Both go through the same guard first.
 */
function readEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  if (!isZip(bytes)) throw new ProjectError('not-a-project', 'not a zip archive');
  const guard = entryGuard(bytes.length);
  const listed = new Map<string, number>();
  try {
    const inflated = unzipSync(bytes, {
      filter: (f) => {
        guard(f);
        if (f.compression === 0) listed.set(f.name, f.size);
        return f.compression !== 0;
      },
    });
    const stored = storedEntries(bytes);
    // Both readings of the directory must agree: no stored entry escapes the guard above.
    if (stored.size !== listed.size || [...stored].some(([name, data]) => listed.get(name) !== data.length)) throw new Error('central directory read two ways');
    return new Map([...Object.entries(inflated), ...stored]);
  } catch (e) {
    if (e instanceof ProjectError) throw e;
    throw new ProjectError('damaged', `zip cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The manifest's JSON, after checking the seal (required from version 3 on). */
function readManifestJson(entries: Map<string, Uint8Array>): { json: unknown; sealed: boolean } {
  const manifestBytes = entries.get(MANIFEST_ENTRY);
  if (!manifestBytes) throw new ProjectError('not-a-project', 'manifest.json is missing');
  const seal = entries.get(SEAL_ENTRY);
  if (seal && strFromU8(seal, true) !== sha256Hex(manifestBytes)) throw new ProjectError('checksum', 'manifest.json does not match manifest.sha256');
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new ProjectError('damaged', 'manifest.json is not valid JSON');
  }
  if (!seal && declaredVersion(json) >= 3) throw new ProjectError('checksum', 'manifest.sha256 is missing');
  return { json, sealed: Boolean(seal) };
}

/**
 * Reads and fully validates a project file in memory: zip structure and entry list, the seal, the manifest
 * (migrated to the current version, every document through its parser), and every table stream with its
 * checksum and row count. Throws ProjectError; never returns half a project; touches no database.
 */
export function unpackProject(bytes: Uint8Array): ProjectArchive {
  const entries = readEntries(bytes);
  const { json, sealed } = readManifestJson(entries);
  const manifest = parseManifest(json);
  const listed = new Set(manifest.tables.map((t) => t.file));
  for (const name of entries.keys()) {
    if (name.startsWith('tables/') && !listed.has(name)) throw new ProjectError('entries', `${name} is not in the manifest`, { entry: name });
  }
  const tables = new Map<string, Uint8Array>();
  const columnTypes = new Map<string, Record<string, string>>();
  for (const t of manifest.tables) {
    const data = entries.get(t.file);
    if (!data) throw new ProjectError('missing-table', `${t.name}: ${t.file} is missing`, { table: t.name });
    if (sealed && (t.bytes === undefined || t.crc32 === undefined)) throw new ProjectError('bad-manifest', `${t.name}: checksum or size missing`);
    const damaged = (detail: string) => new ProjectError('bad-table', `${t.name}: ${detail}`, { table: t.name });
    if (t.bytes !== undefined && data.length !== t.bytes) throw damaged(`${data.length} bytes instead of ${t.bytes}`);
    // Arrow's reader trusts lengths in the data; damaged bytes could make it allocate without bound.
    if (t.crc32 !== undefined && crc32(data) !== t.crc32) throw damaged('checksum mismatch');
    // The headers give schema and row count; columns are decoded only if a saved type needs their values.
    let layout;
    try {
      layout = ipcLayout(data);
    } catch {
      throw damaged('Arrow stream cannot be read');
    }
    if (layout.rows !== t.rows) throw damaged(`${layout.rows} rows instead of ${t.rows}`);
    let table: Table | undefined;
    const decoded = () => {
      try {
        return (table ??= tableFromIPC(data));
      } catch {
        throw damaged('Arrow stream cannot be read');
      }
    };
    tables.set(t.file, data);
    columnTypes.set(t.file, restorableColumnTypes({ schema: layout.schema, getChild: (name) => decoded().getChild(name) }, t.columnTypes));
  }
  return { manifest, tables, columnTypes };
}
