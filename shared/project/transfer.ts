/**
 * A project file through the shell in messages of at most MAX_MESSAGE_BYTES: one IPC message cannot carry
 * more than ≈ 1 GiB, and a 10M-row project is ≈ 900 MB. Saving sends the file's pieces (zip-store.ts) in
 * order, none joined or copied here (a piece bigger than a message is sent as views into it); reading fills
 * one buffer of the file's size, range by range, which unpackProject then validates whole before use.
 */
import { MAX_MESSAGE_BYTES, type DesktopApi, type OpenedProject, type SaveProjectResult } from '../desktop-api';
import { ProjectError } from './errors';
import { oversizedFile } from './save-limit';

type SaveApi = Pick<DesktopApi, 'beginProjectSave' | 'appendProjectSave' | 'finishProjectSave' | 'abortProjectSave'>;
type ReadApi = Pick<DesktopApi, 'readProject' | 'closeProject'>;

/** The pieces grouped into messages of at most `limit` bytes each, in order; big pieces are cut into views. */
export function messagesOf(parts: readonly Uint8Array[], limit = MAX_MESSAGE_BYTES): Uint8Array[][] {
  const out: Uint8Array[][] = [];
  let batch: Uint8Array[] = [];
  let room = limit;
  for (const part of parts) {
    for (let at = 0; at < part.length; ) {
      if (room === 0) {
        out.push(batch);
        batch = [];
        room = limit;
      }
      const take = Math.min(room, part.length - at);
      batch.push(at === 0 && take === part.length ? part : part.subarray(at, at + take));
      at += take;
      room -= take;
    }
  }
  if (batch.length) out.push(batch);
  return out;
}

/**
 * Saves `parts` through a save session: begin (Save As asks where; null = the user cancelled), every message,
 * finish. Any failure aborts the session, so the file on disk stays as it was and no temp file is left.
 */
export async function sendProject(
  desktop: SaveApi,
  parts: readonly Uint8Array[],
  req: { suggestedName: string; handleId?: string },
  limit = MAX_MESSAGE_BYTES,
): Promise<SaveProjectResult> {
  const size = parts.reduce((n, p) => n + p.length, 0);
  const session = await desktop.beginProjectSave({ ...req, size });
  if (!session) return { saved: false };
  try {
    for (const message of messagesOf(parts, limit)) await desktop.appendProjectSave({ ...session, parts: message });
    return await desktop.finishProjectSave(session);
  } catch (e) {
    await desktop.abortProjectSave(session).catch(() => undefined);
    throw e;
  }
}

/** The opened file's bytes, read in ranges of at most `limit`; the read session is closed in every case. */
export async function receiveProject(desktop: ReadApi, opened: OpenedProject, limit = MAX_MESSAGE_BYTES): Promise<Uint8Array> {
  const session = { sessionId: opened.sessionId };
  try {
    // Refused before a byte is read: a file bigger than a project may be (save-limit.ts).
    const over = oversizedFile(opened.size);
    if (over) throw new ProjectError('file-too-large', `${opened.name} is ${opened.size} bytes`, over);
    const bytes = new Uint8Array(opened.size);
    for (let offset = 0; offset < opened.size; ) {
      const length = Math.min(limit, opened.size - offset);
      const piece = await desktop.readProject({ ...session, offset, length });
      // A file that changed under the read: refused rather than opened half old, half new.
      if (piece.length !== length) throw new ProjectError('damaged', `read ${piece.length} of ${length} bytes at ${offset}`);
      bytes.set(piece, offset);
      offset += length;
    }
    return bytes;
  } finally {
    await desktop.closeProject(session).catch(() => undefined);
  }
}
