/** Small helpers shared by the Office Open XML writers. */

// XML 1.0 forbids most control characters even when escaped; drop them.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlText(s: string): string {
  return s.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A sheet name quoted for a formula or chart reference: '上海''s 数据'. Always quoted: always valid. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** 'Sheet'!$B$2:$B$5 (or a single cell when the range is one row). Rows are 1-based, columns 0-based. */
export function absRange(sheet: string, col: number, firstRow: number, lastRow = firstRow): string {
  const c = columnName(col);
  const a = `$${c}$${firstRow}`;
  return `${quoteSheet(sheet)}!${lastRow === firstRow ? a : `${a}:$${c}$${lastRow}`}`;
}

const SHEET_BAD = /[\\/?*[\]:]/g;

/**
 * A valid, unique worksheet name: no \ / ? * [ ] :, not blank, at most 31 characters, never starting or
 * ending with an apostrophe (Excel refuses those).
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(SHEET_BAD, '_').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; [...taken].some((t) => t.toLowerCase() === name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name);
  return name;
}
