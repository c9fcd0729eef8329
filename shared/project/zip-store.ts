/**
 * A zip of STORED entries (no compression), written in one allocation. Project tables are Arrow IPC straight
 * from the engine: deflating them in JS cost seconds per million rows, and a stored entry lets the seal's
 * CRC-32 (already computed for the manifest) serve as the zip's own. Names are ASCII (manifest.json,
 * tables/tN.arrow); sizes stay below 4 GiB (the unpacked limit is 3 GiB), so no Zip64.
 */
export interface StoredEntry {
  name: string;
  data: Uint8Array;
  crc32: number;
}

const LOCAL = 30;
const CENTRAL = 46;
const END = 22;
/** 1980-01-01 00:00 in DOS time: the zip's timestamps are not part of the project (see archive.ts). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function zipStored(entries: readonly StoredEntry[]): Uint8Array {
  const names = entries.map((e) => new TextEncoder().encode(e.name));
  const localSize = entries.reduce((n, e, i) => n + LOCAL + names[i].length + e.data.length, 0);
  const centralSize = names.reduce((n, name) => n + CENTRAL + name.length, 0);
  if (localSize + centralSize + END > 0xffffffff) throw new RangeError('project larger than 4 GiB');
  const out = new Uint8Array(localSize + centralSize + END);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  // Local header: signature, version needed, flags, method (0 = stored), time, date, CRC, sizes, name and
  // extra lengths, name. The central one adds "version made by" first and, after the lengths, comment
  // length, disk, attributes and the local header's offset. Zero fields are left as allocated.
  const header = (signature: number, e: StoredEntry, name: Uint8Array, central: number | undefined) => {
    view.setUint32(at, signature, true);
    const p = at + (central === undefined ? 4 : 6);
    if (central !== undefined) view.setUint16(at + 4, 20, true);
    view.setUint16(p, 20, true);
    view.setUint16(p + 8, DOS_DATE, true);
    view.setUint32(p + 10, e.crc32, true);
    view.setUint32(p + 14, e.data.length, true);
    view.setUint32(p + 18, e.data.length, true);
    view.setUint16(p + 22, name.length, true);
    const nameAt = central === undefined ? p + 26 : p + 40;
    if (central !== undefined) view.setUint32(p + 36, central, true);
    out.set(name, nameAt);
    at = nameAt + name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    header(0x04034b50, e, names[i], undefined);
    out.set(e.data, at);
    at += e.data.length;
  });
  const centralStart = at;
  entries.forEach((e, i) => header(0x02014b50, e, names[i], offsets[i]));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
