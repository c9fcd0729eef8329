/**
 * A file read in pieces instead of held whole: the big-CSV import (./csv-engine, ./csv-stage) reads its
 * sample, its byte scan's windows and the engine's pieces from one of these, so importing an 80 MB file
 * need not hold 80 MB beside the engine's table. Node gives one over a file descriptor
 * (electron/cli/file-source.ts); bytes already in memory are wrapped by memorySource, whose reads are views.
 */
export interface ByteSource {
  readonly size: number;
  /**
   * Bytes [from, to), `to` clamped to the end. A memory source answers with a view; a file with new bytes, or
   * a view of `into` when it is large enough (a buffer the caller reuses: one window's worth held, no garbage).
   */
  read(from: number, to: number, into?: Uint8Array): Uint8Array;
  /** The whole file when it is in memory already (scanned at once, posted or shared without a read). */
  readonly whole?: Uint8Array;
}

export function memorySource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (from, to) => bytes.subarray(from, Math.min(to, bytes.length)), whole: bytes };
}

/** The source from byte `skip` on (a UTF-8 file after its byte-order mark). */
export function skipSource(src: ByteSource, skip: number): ByteSource {
  if (skip === 0) return src;
  if (src.whole) return memorySource(src.whole.subarray(skip));
  return { size: Math.max(0, src.size - skip), read: (from, to, into) => src.read(from + skip, to + skip, into) };
}

export const asSource = (b: Uint8Array | ByteSource): ByteSource => (b instanceof Uint8Array ? memorySource(b) : b);

/** The whole file as bytes (the JS pipeline reads files whole). */
export const readWhole = (src: ByteSource): Uint8Array => src.whole ?? src.read(0, src.size);

/**
 * The source decoded from `encoding` into UTF-8 bytes, read `chunk` bytes at a time: the decoder carries a
 * character cut by a chunk's end over to the next (stream), so the answer is one decode's, and neither the
 * whole file nor its text as a string is held beside the UTF-8. The buffer is sized for the worst case
 * (3 UTF-8 bytes for a 2-byte character) and cut to fit when that leaves much unused.
 */
export function decodeToUtf8(src: ByteSource, encoding: string, chunk = 1 << 20): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  let out = new Uint8Array(Math.ceil(src.size * 1.5) + 16);
  let length = 0;
  const put = (text: string) => {
    if (out.length - length < text.length * 3) {
      const bigger = new Uint8Array(Math.max(out.length * 2, length + text.length * 3));
      bigger.set(out.subarray(0, length));
      out = bigger;
    }
    length += encoder.encodeInto(text, out.subarray(length)).written;
  };
  for (let at = 0; at < src.size; at += chunk) put(decoder.decode(src.read(at, at + chunk), { stream: true }));
  put(decoder.decode());
  return out.subarray(0, length);
}
