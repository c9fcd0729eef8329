/**
 * The payload parsers of the project sessions of DesktopApi (shared/desktop-api.ts): a save or read of a
 * project file in messages of at most MAX_MESSAGE_BYTES. Main and the browser fallback both parse with these.
 */
import {
  MAX_FILE_PARTS,
  MAX_MESSAGE_BYTES,
  MAX_PROJECT_FILE_BYTES,
  bad,
  isProjectHandleId,
  isSafeFileName,
  parseHandleId,
  type AppendProjectSaveRequest,
  type BeginProjectSaveRequest,
  type ProjectSession,
  type ReadProjectRequest,
} from './desktop-api';

/** Session ids are 128 random bits in hex, like handle ids. */
export const isSessionId = isProjectHandleId;

function record(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null) bad('request must be an object');
  return v as Record<string, unknown>;
}

function sessionIdOf(r: Record<string, unknown>): string {
  if (!isSessionId(r.sessionId)) bad('sessionId is not a session');
  return r.sessionId;
}

const isByteCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;

export function parseProjectSession(v: unknown): ProjectSession {
  return { sessionId: sessionIdOf(record(v)) };
}

export function parseBeginProjectSaveRequest(v: unknown): BeginProjectSaveRequest {
  const r = record(v);
  if (typeof r.suggestedName !== 'string' || !isSafeFileName(r.suggestedName)) bad('suggestedName must be a plain file name');
  if (!isByteCount(r.size, MAX_PROJECT_FILE_BYTES)) bad('size must be a byte count below 4 GiB');
  return { suggestedName: r.suggestedName, size: r.size, ...parseHandleId(r.handleId) };
}

export function parseAppendProjectSaveRequest(v: unknown): AppendProjectSaveRequest {
  const r = record(v);
  const sessionId = sessionIdOf(r);
  const parts = r.parts;
  if (!Array.isArray(parts) || parts.length > MAX_FILE_PARTS || !parts.every((p) => p instanceof Uint8Array)) bad('parts must be a list of Uint8Array');
  if ((parts as Uint8Array[]).reduce((n, p) => n + p.byteLength, 0) > MAX_MESSAGE_BYTES) bad('message too large');
  return { sessionId, parts: parts as Uint8Array[] };
}

export function parseReadProjectRequest(v: unknown): ReadProjectRequest {
  const r = record(v);
  const sessionId = sessionIdOf(r);
  if (!isByteCount(r.offset, MAX_PROJECT_FILE_BYTES)) bad('offset must be a byte position');
  if (!isByteCount(r.length, MAX_MESSAGE_BYTES)) bad('length must be at most one message');
  return { sessionId, offset: r.offset, length: r.length };
}
