import { MAX_UNPACKED_BYTES } from './archive';

/** The one size limit left for a project file, in bytes: what opening accepts (archive.ts), so every saved project opens. */
export const MAX_PROJECT_BYTES = MAX_UNPACKED_BYTES;

const mb = (n: number) => Math.ceil(n / (1024 * 1024));

/**
 * A project file bigger than a project may be (MAX_PROJECT_BYTES: the engine's wasm memory caps at 4 GB, and
 * opening refuses more) is refused before anything is written, in words with sizes in MB. The IPC limit of
 * ≈ 1 GiB per message no longer applies: the shell takes the file in messages (transfer.ts). Nothing is
 * written: the file on disk and the workspace stay as they were.
 */
export function oversizedSave(parts: readonly Uint8Array[]): { size: number; limit: number } | undefined {
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  return total <= MAX_PROJECT_BYTES ? undefined : { size: mb(total), limit: mb(MAX_PROJECT_BYTES) };
}

/** The same limit when opening: the file's size, before a byte of it is read. */
export function oversizedFile(size: number): { size: number; limit: number } | undefined {
  return size <= MAX_PROJECT_BYTES ? undefined : { size: mb(size), limit: mb(MAX_PROJECT_BYTES) };
}
