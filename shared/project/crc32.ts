/**
 * CRC-32 (IEEE, as in zip and PNG), slicing-by-8: eight bytes per step through eight tables. A project's
 * tables are hundreds of megabytes and this runs twice per save + reopen (the seal and the zip entry share
 * one pass on save), so the byte-at-a-time loop (≈3× slower) would be a visible part of both.
 */
const TABLES = (() => {
  const t = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/** CRC-32 of `bytes`; given the CRC-32 of what came before, that of both together (as zlib's crc32(crc, buf)). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = TABLES;
  let c = ~previous;
  let i = 0;
  const n = bytes.length;
  for (const end = n - (n % 8); i < end; i += 8) {
    const lo = (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) ^ c;
    c =
      t[1792 + (lo & 0xff)] ^ t[1536 + ((lo >>> 8) & 0xff)] ^ t[1280 + ((lo >>> 16) & 0xff)] ^ t[1024 + (lo >>> 24)] ^
      t[768 + bytes[i + 4]] ^ t[512 + bytes[i + 5]] ^ t[256 + bytes[i + 6]] ^ t[bytes[i + 7]];
  }
  for (; i < n; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** CRC-32 of pieces as if they were joined (a table's IPC stream as the engine fetched it). */
export const crc32Of = (pieces: readonly Uint8Array[]): number => pieces.reduce((c, p) => crc32(p, c), 0);
