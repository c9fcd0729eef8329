import type { DesktopApi, FileFilter } from '../../../shared/desktop-api';
import { safeFileName } from '../../../shared/export/file-name';
import type { Translate } from '../../../shared/i18n';

const FILTERS: Record<string, FileFilter> = {
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  docx: { name: 'Word', extensions: ['docx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  png: { name: 'PNG', extensions: ['png'] },
  svg: { name: 'SVG', extensions: ['svg'] },
};

/**
 * Hands the bytes to the desktop shell: Electron asks where to save (the OS dialog confirms replacing a file)
 * and writes atomically; a browser downloads. Returns the message to show. Callers pass getDesktop().
 */
export async function saveExport(
  desktop: Pick<DesktopApi, 'saveFile'>,
  title: string,
  ext: keyof typeof FILTERS,
  bytes: Uint8Array,
  t: Translate,
): Promise<string> {
  const suggestedName = safeFileName(title, ext, t('export.defaultName'));
  const result = await desktop.saveFile({ suggestedName, bytes, filters: [FILTERS[ext]] });
  return result.saved ? t('export.saved', { name: result.location ?? suggestedName }) : t('export.cancelled');
}

/** Lets React paint progress between chunks of a long export. */
export const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
