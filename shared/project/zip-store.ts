/**
 * A zip of STORED entries (no compression), written in one allocation. Project tables are Arrow IPC straight
 * from the engine: deflating them in JS cost seconds per million rows, and a stored entry lets the seal's
 * CRC-32 (already computed for the manifest) serve as the zip's own. An entry's data may come in pieces (the
 * batches the engine fetched): each is copied once, straight to its place in the file. Names are ASCII
 * (manifest.json, tables/tN.arrow); sizes stay below 4 GiB (the unpacked limit is 3 GiB), so no Zip64.
 */
export interface StoredEntry {
  name: string;
  /** The entry's bytes: these pieces, one after the other. */
  parts: readonly Uint8Array[];
  crc32: number;
}

const sizeOf = (e: StoredEntry) => e.parts.reduce((n, p) => n + p.length, 0);

const LOCAL = 30;
/** Extra-field id of padding ("growth hint", as OOXML writers use it): aligns each entry's data to 8 bytes. */
const PADDING_ID = 0xa220;
const ALIGN = 8;
const CENTRAL = 46;
const END = 22;
/** 1980-01-01 00:00 in DOS time: the zip's timestamps are not part of the project (see archive.ts). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function zipStored(entries: readonly StoredEntry[]): Uint8Array {
  const names = entries.map((e) => new TextEncoder().encode(e.name));
  const sizes = entries.map(sizeOf);
  // Data aligned to 8 bytes lets readers view it in place (Arrow's typed arrays need aligned offsets).
  const pads: number[] = [];
  let localSize = 0;
  entries.forEach((e, i) => {
    const gap = (ALIGN - ((localSize + LOCAL + names[i].length) % ALIGN)) % ALIGN;
    pads.push(gap === 0 ? 0 : gap < 4 ? gap + ALIGN : gap);
    localSize += LOCAL + names[i].length + pads[i] + sizes[i];
  });
  const centralSize = names.reduce((n, name) => n + CENTRAL + name.length, 0);
  if (localSize + centralSize + END > 0xffffffff) throw new RangeError('project larger than 4 GiB');
  const out = new Uint8Array(localSize + centralSize + END);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  // Local header: signature, version needed, flags, method (0 = stored), time, date, CRC, sizes, name and
  // extra lengths, name. The central one adds "version made by" first and, after the lengths, comment
  // length, disk, attributes and the local header's offset. Zero fields are left as allocated.
  const header = (signature: number, i: number, central: number | undefined, pad = 0) => {
    const name = names[i];
    view.setUint32(at, signature, true);
    const p = at + (central === undefined ? 4 : 6);
    if (central !== undefined) view.setUint16(at + 4, 20, true);
    view.setUint16(p, 20, true);
    view.setUint16(p + 8, DOS_DATE, true);
    view.setUint32(p + 10, entries[i].crc32, true);
    view.setUint32(p + 14, sizes[i], true);
    view.setUint32(p + 18, sizes[i], true);
    view.setUint16(p + 22, name.length, true);
    view.setUint16(p + 24, pad, true);
    const nameAt = central === undefined ? p + 26 : p + 40;
    if (central !== undefined) view.setUint32(p + 36, central, true);
    out.set(name, nameAt);
    at = nameAt + name.length;
    if (pad) {
      view.setUint16(at, PADDING_ID, true);
      view.setUint16(at + 2, pad - 4, true);
      at += pad;
    }
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    header(0x04034b50, i, undefined, pads[i]);
    for (const part of e.parts) {
      out.set(part, at);
      at += part.length;
    }
  });
  const centralStart = at;
  entries.forEach((_, i) => header(0x02014b50, i, offsets[i]));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/**
 * Where each STORED entry's bytes lie, from the central directory and each entry's local header, so the
 * reader can use them in place instead of copying hundreds of megabytes. Throws on anything that does not
 * add up; deflated entries are left to fflate (older projects).
 */
export function storedEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  let end = bytes.length - END;
  const stop = Math.max(0, end - 65_535);
  while (end >= stop && u32(bytes, end) !== 0x06054b50) end--;
  if (end < stop) throw new RangeError('no end of central directory');
  const count = u16(bytes, end + 8);
  let at = u32(bytes, end + 16);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL > bytes.length || u32(bytes, at) !== 0x02014b50) throw new RangeError('bad central directory');
    const [method, size, nameLength] = [u16(bytes, at + 10), u32(bytes, at + 20), u16(bytes, at + 28)];
    const name = new TextDecoder().decode(bytes.subarray(at + CENTRAL, at + CENTRAL + nameLength));
    const local = u32(bytes, at + 42);
    if (method === 0) {
      if (local + LOCAL > bytes.length || u32(bytes, local) !== 0x04034b50) throw new RangeError(`bad local header of ${name}`);
      const start = local + LOCAL + u16(bytes, local + 26) + u16(bytes, local + 28);
      if (size !== u32(bytes, at + 24) || start + size > bytes.length) throw new RangeError(`bad size of ${name}`);
      out.set(name, bytes.subarray(start, start + size));
    }
    at += CENTRAL + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return out;
}
