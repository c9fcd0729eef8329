/**
 * A slice of a picked File registered with the engine by the engine's own thread (Db.registerSlice): the page
 * posts duckdb's REGISTER_FILE_BUFFER with this placeholder in place of the bytes, and engine-worker.ts reads
 * the slice into one buffer it keeps and hands that to duckdb, which copies it into the engine's heap.
 * Why: bytes that arrive by postMessage (or from FileReaderSync) are the platform's buffers, freed only when
 * V8 collects their wrappers; on the engine's thread, which allocates almost nothing in JavaScript, an 80 MB
 * CSV's ten 8 MB pieces piled up until V8's next full collection (Chromium 150: 205–240 MB above the idle app
 * at the import's peak for an 80 MB file). Read into a buffer made here, nothing is left to the collector.
 */
export interface BlobPiece {
  sgwBlob: Blob;
  from: number;
  to: number;
}

export const blobPiece = (blob: Blob, from: number, to: number): BlobPiece => ({ sgwBlob: blob, from, to });

export const isBlobPiece = (data: unknown): data is BlobPiece =>
  typeof data === 'object' && data !== null && (data as Partial<BlobPiece>).sgwBlob instanceof Blob && typeof (data as BlobPiece).from === 'number' && typeof (data as BlobPiece).to === 'number';

/**
 * Reads pieces of blobs into one buffer, grown as needed and reused for the next piece: a view of it holds
 * each piece until the next read (callers use it at once). A byte stream's BYOB reads fill the buffer in place;
 * each read hands the buffer back under a new wrapper, which is kept.
 */
export function pieceReader(): (p: BlobPiece) => Promise<Uint8Array> {
  let buffer = new ArrayBuffer(0);
  return async ({ sgwBlob, from, to }) => {
    const length = Math.max(0, Math.min(to, sgwBlob.size) - from);
    if (buffer.byteLength < length) buffer = new ArrayBuffer(Math.ceil(length * 1.25));
    const reader = sgwBlob.slice(from, from + length).stream().getReader({ mode: 'byob' });
    let at = 0;
    try {
      while (at < length) {
        const { done, value } = await reader.read(new Uint8Array(buffer, at, length - at));
        if (!value) throw new Error('the file was not readable');
        buffer = value.buffer as ArrayBuffer;
        if (done) break;
        at += value.byteLength;
      }
    } finally {
      reader.releaseLock();
    }
    // A file that shrank since it was chosen: the engine must not read a short piece as the whole one.
    if (at < length) throw new Error('the file is shorter than it was');
    return new Uint8Array(buffer, 0, length);
  };
}
