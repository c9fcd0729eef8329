import type { Translate } from '../i18n';
import { ProjectError } from './manifest';

/** A person-readable reason why a project could not be opened; the workspace is unchanged in every case. */
export function describeProjectError(e: unknown, t: Translate): string {
  if (e instanceof ProjectError) return `${t(`project.error.${e.code}`)}（${e.message}）`;
  return t('project.error.other', { detail: e instanceof Error ? e.message : String(e) });
}
