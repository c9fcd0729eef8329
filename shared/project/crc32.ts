/**
 * CRC-32 (IEEE, as in zip and PNG), slicing-by-16: sixteen bytes per step, read as four little-endian words
 * (a DataView, whatever the platform's byte order), through sixteen tables (16 KB, in L1). A project's tables
 * are hundreds of megabytes and this runs twice per save + reopen (the seal and the zip entry share one pass
 * on save): measured on 91 MB, ≈1.5× faster than slicing-by-8 over single bytes and ≈4× the byte-at-a-time loop.
 */
const SLICES = 16;
const TABLES = (() => {
  const t = new Uint32Array(256 * SLICES);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < SLICES; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/** CRC-32 of `bytes`; given the CRC-32 of what came before, that of both together (as zlib's crc32(crc, buf)). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = TABLES;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let c = ~previous;
  let i = 0;
  const n = bytes.length;
  // Table k holds the CRC of a byte followed by k zero bytes: the first word's bytes go through the last tables.
  for (const end = n - (n % 16); i < end; i += 16) {
    const a = v.getUint32(i, true) ^ c;
    const b = v.getUint32(i + 4, true);
    const d = v.getUint32(i + 8, true);
    const e = v.getUint32(i + 12, true);
    c =
      t[3840 + (a & 0xff)] ^ t[3584 + ((a >>> 8) & 0xff)] ^ t[3328 + ((a >>> 16) & 0xff)] ^ t[3072 + (a >>> 24)] ^
      t[2816 + (b & 0xff)] ^ t[2560 + ((b >>> 8) & 0xff)] ^ t[2304 + ((b >>> 16) & 0xff)] ^ t[2048 + (b >>> 24)] ^
      t[1792 + (d & 0xff)] ^ t[1536 + ((d >>> 8) & 0xff)] ^ t[1280 + ((d >>> 16) & 0xff)] ^ t[1024 + (d >>> 24)] ^
      t[768 + (e & 0xff)] ^ t[512 + ((e >>> 8) & 0xff)] ^ t[256 + ((e >>> 16) & 0xff)] ^ t[e >>> 24];
  }
  for (; i < n; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** CRC-32 of pieces as if they were joined (a table's IPC stream as the engine fetched it). */
export const crc32Of = (pieces: readonly Uint8Array[]): number => pieces.reduce((c, p) => crc32(p, c), 0);
