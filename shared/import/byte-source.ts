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

