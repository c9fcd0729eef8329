/**
 * A zip of STORED entries (no compression), as the file's bytes in order: each entry's header, then its data
 * in the pieces it came in (the batches the engine fetched), then the central directory. Nothing is joined or
 * copied here: the writer (a file, a Blob, IPC) takes the pieces as they are. Project tables are Arrow IPC
 * straight from the engine: deflating them in JS cost seconds per million rows, and a stored entry lets the
 * seal's CRC-32 (already computed for the manifest) serve as the zip's own. Names are ASCII (manifest.json,
 * tables/tN.arrow); sizes stay below 4 GiB (the unpacked limit is 3 GiB), so no Zip64.
 */
export interface StoredEntry {
  name: string;
  /** The entry's bytes: these pieces, one after the other. */
  parts: readonly Uint8Array[];
  crc32: number;
}

/** A file's bytes in pieces, in order (what packProject makes and the writers take). */
export type FileParts = Uint8Array[];

const sizeOf = (parts: readonly Uint8Array[]) => parts.reduce((n, p) => n + p.length, 0);

/** The pieces as one buffer: for a reader that needs the whole file (the autosave store, tests). */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(sizeOf(parts));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const LOCAL = 30;
/** Extra-field id of padding ("growth hint", as OOXML writers use it): aligns each entry's data to 8 bytes. */
const PADDING_ID = 0xa220;
const ALIGN = 8;
const CENTRAL = 46;
const END = 22;
/** 1980-01-01 00:00 in DOS time: the zip's timestamps are not part of the project (see archive.ts). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Local header: signature, version needed, flags, method (0 = stored), time, date, CRC, sizes, name and
 * extra lengths, name (+ padding). The central one adds "version made by" first and, after the lengths,
 * comment length, disk, attributes and the local header's offset. Zero fields are left as allocated.
 * Returns where the header ends.
 */
function writeHeader(view: DataView, at: number, entry: { name: Uint8Array; crc32: number; size: number }, central: number | undefined, pad = 0): number {
  const out = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  view.setUint32(at, central === undefined ? 0x04034b50 : 0x02014b50, true);
  const p = at + (central === undefined ? 4 : 6);
  if (central !== undefined) view.setUint16(at + 4, 20, true);
  view.setUint16(p, 20, true);
  view.setUint16(p + 8, DOS_DATE, true);
  view.setUint32(p + 10, entry.crc32, true);
  view.setUint32(p + 14, entry.size, true);
  view.setUint32(p + 18, entry.size, true);
  view.setUint16(p + 22, entry.name.length, true);
  view.setUint16(p + 24, pad, true);
  const nameAt = central === undefined ? p + 26 : p + 40;
  if (central !== undefined) view.setUint32(p + 36, central, true);
  out.set(entry.name, nameAt);
  const end = nameAt + entry.name.length;
  if (pad) {
    view.setUint16(end, PADDING_ID, true);
    view.setUint16(end + 2, pad - 4, true);
  }
  return end + pad;
}

export function zipStored(entries: readonly StoredEntry[]): FileParts {
  const heads = entries.map((e) => ({ name: new TextEncoder().encode(e.name), crc32: e.crc32, size: sizeOf(e.parts) }));
  const out: FileParts = [];
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    // Data aligned to 8 bytes lets readers view it in place (Arrow's typed arrays need aligned offsets).
    const gap = (ALIGN - ((at + LOCAL + heads[i].name.length) % ALIGN)) % ALIGN;
    const pad = gap === 0 ? 0 : gap < 4 ? gap + ALIGN : gap;
    const header = new Uint8Array(LOCAL + heads[i].name.length + pad);
    writeHeader(new DataView(header.buffer), 0, heads[i], undefined, pad);
    offsets.push(at);
    out.push(header, ...e.parts.filter((p) => p.length > 0));
    at += header.length + heads[i].size;
  });
  const centralSize = heads.reduce((n, h) => n + CENTRAL + h.name.length, 0);
  if (at + centralSize + END > 0xffffffff) throw new RangeError('project larger than 4 GiB');
  const tail = new Uint8Array(centralSize + END);
  const view = new DataView(tail.buffer);
  let t = 0;
  heads.forEach((h, i) => (t = writeHeader(view, t, h, offsets[i])));
  view.setUint32(t, 0x06054b50, true);
  view.setUint16(t + 8, entries.length, true);
  view.setUint16(t + 10, entries.length, true);
  view.setUint32(t + 12, centralSize, true);
  view.setUint32(t + 16, at, true);
  out.push(tail);
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
