import { MAX_IPC_FILE_BYTES } from '../desktop-api';

/**
 * A project file bigger than the desktop shell takes in one save (MAX_IPC_FILE_BYTES) is refused before it
 * is handed over, so the user reads why in words (sizes in MB, as the import messages give them) instead of
 * the payload parser's English refusal. Nothing is written: the file on disk and the workspace stay as they were.
 */
export function oversizedSave(parts: readonly Uint8Array[]): { size: number; limit: number } | undefined {
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  if (total <= MAX_IPC_FILE_BYTES) return undefined;
  const mb = (n: number) => Math.ceil(n / (1024 * 1024));
  return { size: mb(total), limit: mb(MAX_IPC_FILE_BYTES) };
}
