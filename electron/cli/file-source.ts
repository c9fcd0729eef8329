/**
 * A file on disk as a ByteSource (shared/import/byte-source.ts): each read is one pread into new bytes, so
 * a big CSV's import holds its sample, one scan window or one engine piece at a time, never the file.
 * The file is opened read-only: the source file is never written.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from '../../shared/import/byte-source';

export interface FileSource extends ByteSource {
  close(): void;
}

export function fileSource(file: string): FileSource {
  const fd = openSync(file, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return {
    size,
    read(from, to, into) {
      const n = Math.max(0, Math.min(to, size) - from);
      const out = into && into.length >= n ? into.subarray(0, n) : new Uint8Array(n);
      for (let at = 0; at < out.length; ) {
        const n = readSync(fd, out, at, out.length - at, from + at);
        if (n === 0) throw new Error(`${file} shrank while being read`);
        at += n;
      }
      return out;
    },
    close: () => closeSync(fd),
  };
}
