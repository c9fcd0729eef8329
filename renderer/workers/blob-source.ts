/// <reference lib="webworker" />
/**
 * The picked File as a ByteSource (shared/import/byte-source.ts) inside the import worker: each read is one
 * FileReaderSync over a slice, so a big plain CSV's sample, scan windows and plan are read window by window
 * and the file is never held whole here; the formats that need all of it read it once (readWhole).
 * FileReaderSync exists in workers only: this module is the worker's.
 */
import { fileGone, type ByteSource } from '../../shared/import/byte-source';

export function blobSource(blob: Blob): ByteSource {
  const reader = new FileReaderSync();
  return {
    size: blob.size,
    read: (from, to) => {
      try {
        return new Uint8Array(reader.readAsArrayBuffer(blob.slice(from, Math.min(to, blob.size))));
      } catch {
        throw fileGone();
      }
    },
  };
}
