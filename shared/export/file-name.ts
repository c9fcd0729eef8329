import { isSafeFileName } from '../desktop-api';

// Control characters are exactly what must go.
// eslint-disable-next-line no-control-regex
const BAD = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name every OS accepts, built from a chart title or query: reserved characters become "_", leading
 * and trailing dots and spaces go, Windows device names get a "_" prefix, and the name is cut so that
 * `name.ext` stays within the limit the save dialog accepts. Always passes isSafeFileName.
 */
export function safeFileName(wanted: string, ext: string, fallback = 'export'): string {
  const suffix = `.${ext.replace(/[^A-Za-z0-9]/g, '')}`;
  let base = wanted.replace(BAD, '_').replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');
  if (!base) base = fallback.replace(BAD, '_') || 'export';
  if (RESERVED.test(base)) base = `_${base}`;
  base = [...base].slice(0, 200 - suffix.length).join('').replace(/[\s.]+$/, '') || 'export';
  const name = base + suffix;
  if (!isSafeFileName(name)) throw new Error(`unexpected unsafe file name ${name}`);
  return name;
}
