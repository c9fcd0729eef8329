/**
 * A file read in pieces instead of held whole: the big-CSV import (./csv-engine, ./csv-stage) reads its
 * sample, its byte scan's windows and the engine's pieces from one of these, so importing an 80 MB file
 * need not hold 80 MB beside the engine's table. Node gives one over a file descriptor
 * (electron/cli/file-source.ts), the app's import worker one over the picked File (renderer/workers/blob-source.ts);
 * bytes already in memory are wrapped by memorySource, whose reads are views.
 */
import { ImportError } from './types';

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
 * What shared code needs of a browser File or Blob (shared/ has no DOM types): a handle the page posts to the
 * import worker without its bytes (structured clone copies the handle, not the file), read by slices.
 */
export interface FileBlob {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * A source only the engine's pieces are read from (./csv-stage), whose reads may wait: the page reads a
 * planned CSV's pieces from the picked File (blobPieces). A ByteSource is one.
 */
export interface PieceSource {
  readonly size: number;
  read(from: number, to: number, into?: Uint8Array): Uint8Array | Promise<Uint8Array>;
  readonly whole?: Uint8Array;
  /** Each read is new bytes of its own (nothing is read into `into`): no buffer need be kept for it. */
  readonly fresh?: boolean;
  /** The picked File these bytes are, from byte `skip` on: a Db that can read slices itself is given those (Db.registerSlice). */
  readonly file?: { blob: FileBlob; skip: number };
}

/** A File's bytes from `skip` on, one slice per read (each its own ArrayBuffer: the engine's worker takes it, not a copy). */
export function blobPieces(blob: FileBlob, skip = 0): PieceSource {
  const size = Math.max(0, blob.size - skip);
  return {
    size,
    fresh: true,
    file: { blob, skip },
    read: async (from, to) => {
      try {
        return new Uint8Array(await blob.slice(from + skip, Math.min(to, size) + skip).arrayBuffer());
      } catch {
        throw fileGone();
      }
    },
  };
}

/**
 * A File is a handle on the disk's file, not a snapshot: once it is moved, deleted or rewritten after it was
 * chosen, reading it throws the platform's NotReadableError (English text); the user gets this instead.
 */
export const fileGone = () => new ImportError('import.err.fileGone');
