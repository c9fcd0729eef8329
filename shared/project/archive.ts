import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { tableFromIPC } from 'apache-arrow';
import { crc32 } from './crc32';
import { ProjectError, parseManifest, type ProjectManifest } from './manifest';

const MANIFEST = 'manifest.json';
/** Refuse archives that would inflate beyond what the engine can hold (wasm memory caps at 4 GB). */
export const MAX_UNPACKED_BYTES = 3 * 1024 ** 3;
const MAX_DEFLATE_RATIO = 1100;

export interface ProjectArchive {
  manifest: ProjectManifest;
  /** Arrow IPC stream per table file path. */
  tables: Map<string, Uint8Array>;
}

/** Packs a manifest and its tables' Arrow IPC streams into one zip. */
export function packProject(manifest: ProjectManifest, tables: Map<string, Uint8Array>): Uint8Array {
  const files: Zippable = { [MANIFEST]: [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }] };
  for (const t of manifest.tables) {
    const bytes = tables.get(t.file);
    if (!bytes) throw new Error(`no data for ${t.file}`);
    files[t.file] = [bytes, { level: 1 }];
  }
  return zipSync(files);
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Reads and fully validates a project file in memory: zip structure, manifest (migrated to the current
 * version), and every table stream with its row count. Throws ProjectError; never returns half a project.
 */
export function unpackProject(bytes: Uint8Array): ProjectArchive {
  if (!isZip(bytes)) throw new ProjectError('not-a-project', 'not a zip archive');
  let entries: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        // Deflate cannot expand more than ~1032:1: a larger claimed size is a damaged header, not data.
        if (f.originalSize > f.size * MAX_DEFLATE_RATIO + 65_536) throw new ProjectError('damaged', `${f.name}: impossible size`);
        unpacked += f.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new ProjectError('damaged', 'archive too large when unpacked');
        return f.name === MANIFEST || f.name.startsWith('tables/');
      },
    });
  } catch (e) {
    if (e instanceof ProjectError) throw e;
    throw new ProjectError('damaged', `zip cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const manifestBytes = entries[MANIFEST];
  if (!manifestBytes) throw new ProjectError('not-a-project', 'manifest.json is missing');
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new ProjectError('damaged', 'manifest.json is not valid JSON');
  }
  const manifest = parseManifest(json);
  const tables = new Map<string, Uint8Array>();
  for (const t of manifest.tables) {
    const data = entries[t.file];
    if (!data) throw new ProjectError('missing-table', `${t.name}: ${t.file} is missing`);
    // Arrow's reader trusts lengths in the data; damaged bytes could make it allocate without bound.
    if (t.crc32 !== undefined && crc32(data) !== t.crc32) throw new ProjectError('bad-table', `${t.name}: table data is damaged`);
    let rows: number;
    try {
      rows = tableFromIPC(data).numRows;
    } catch {
      throw new ProjectError('bad-table', `${t.name}: table data is damaged`);
    }
    if (rows !== t.rows) throw new ProjectError('bad-table', `${t.name}: ${rows} rows instead of ${t.rows}`);
    tables.set(t.file, data);
  }
  return { manifest, tables };
}
