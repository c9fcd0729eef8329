import { describeDbError } from '../db-errors';
import type { MessageKey, Translate } from '../i18n';

/**
 * Why a project could not be opened. Each code has its own message in the i18n catalogs
 * (`project.error.<code>`, with the params below); the Error's own message is English detail for logs
 * and tests, never shown as the reason.
 */
export type ProjectErrorCode =
  | 'not-a-project'
  | 'damaged'
  | 'too-large'
  | 'file-too-large'
  | 'checksum'
  | 'entries'
  | 'newer-version'
  | 'bad-manifest'
  | 'reserved-name'
  | 'protected-name'
  | 'missing-table'
  | 'bad-table'
  | 'bad-document'
  | 'load-failed'
  | 'commit-failed';

/** The documents a project carries, as named in `project.doc.<name>`. */
export type ProjectDocumentName = 'charts' | 'dashboards' | 'decks' | 'history' | 'snippets' | 'draft' | 'settings' | 'calcFields' | 'joins' | 'pivots';

export interface ProjectErrorParams {
  table?: string;
  entry?: string;
  version?: number;
  document?: ProjectDocumentName;
  /** file-too-large: the file's size and the limit, in MB. */
  size?: number;
  limit?: number;
}

export class ProjectError extends Error {
  constructor(
    readonly code: ProjectErrorCode,
    detail: string,
    readonly params: ProjectErrorParams = {},
    /** The engine's error when the database refused a step (load-failed, commit-failed). */
    readonly engineError?: unknown,
  ) {
    super(detail);
    this.name = 'ProjectError';
  }
}

/** Entry names come from the file: keep them short and printable before they reach a message. */
export function printableName(name: string): string {
  // Control characters are exactly what must not reach the screen.
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

/** A person-readable reason why a project could not be opened; the workspace is unchanged in every case. */
export function describeProjectError(e: unknown, t: Translate): string {
  if (!(e instanceof ProjectError)) return t('project.error.other', { detail: e instanceof Error ? e.message : String(e) });
  const { table, entry, version, document, size, limit } = e.params;
  const params: Record<string, string | number> = {
    ...(table !== undefined ? { table } : {}),
    ...(entry !== undefined ? { entry: printableName(entry) } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(size !== undefined && limit !== undefined ? { size, limit } : {}),
    ...(document ? { document: t(`project.doc.${document}`) } : {}),
  };
  if (e.engineError !== undefined) {
    const d = describeDbError(e.engineError, t);
    // duckdb-wasm reports some failures as raw JSON ({"exception_type": …}): the headline alone then.
    params.detail = d.detail && !d.detail.startsWith('{') ? `${d.title}：${d.detail}` : d.title;
  }
  return t(`project.error.${e.code}` as MessageKey, params);
}
