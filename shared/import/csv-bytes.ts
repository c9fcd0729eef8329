/**
 * The byte-level tests of the CSV scan (./csv-scan), on UTF-8 bytes without building strings: whitespace as
 * String.prototype.trim sees it, text that needs no second look, plain numbers, field ends, label structure.
 */
export const QUOTE = 34;
export const LF = 10;
export const CR = 13;
/** Length of the whitespace character (as String.prototype.trim removes) starting at byte i, else 0. */
export function spaceAt(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13) ? 1 : 0;
  const c1 = b[i + 1];
  const c2 = b[i + 2];
  if (c === 0xc2) return c1 === 0xa0 ? 2 : 0;
  if (c === 0xe1) return c1 === 0x9a && c2 === 0x80 ? 3 : 0;
  if (c === 0xe2) return (c1 === 0x80 && ((c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf)) || (c1 === 0x81 && c2 === 0x9f) ? 3 : 0;
  if (c === 0xe3) return c1 === 0x80 && c2 === 0x80 ? 3 : 0;
  if (c === 0xef) return c1 === 0xbb && c2 === 0xbf ? 3 : 0;
  return 0;
}

/** Does the text in [s, e) end with whitespace? */
export function endsWithSpace(b: Uint8Array, s: number, e: number): boolean {
  const c = b[e - 1];
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (e - 2 >= s && spaceAt(b, e - 2) === 2) || (e - 3 >= s && spaceAt(b, e - 3) === 3);
}

/**
 * First bytes of text that is surely text and surely untrimmed at its start: ASCII letters and signs that
 * classifyCell turns away at once (not t/f/n/N, not a total's first letter), and lead bytes of U+1000–U+2FFF
 * and U+4000–U+DFFF (most Chinese; 合总小共全 start with 0xE5/0xE6, so those two are left out).
 */
const PLAIN_TEXT_FIRST = new Uint8Array(256);
for (const c of '!$%&\'()*,/:;<=>?@[\\]^_`{|}~bcdehijklmpqruvwxyzBCDEHIJKLMPQRUVWXYZ') PLAIN_TEXT_FIRST[c.charCodeAt(0)] = 1;
for (const b of [0xe4, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed]) PLAIN_TEXT_FIRST[b] = 1;
/** Last bytes that end no whitespace character: ASCII other than spaces and controls, and UTF-8 trail bytes
 * that no whitespace ends with (whitespace ends with 0x80–0x8A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF or 0xBF). */
const PLAIN_TEXT_LAST = new Uint8Array(256);
for (let c = 33; c < 127; c++) PLAIN_TEXT_LAST[c] = 1;
for (let c = 0x8b; c <= 0xbe; c++) if (![0x9f, 0xa0, 0xa8, 0xa9, 0xaf].includes(c)) PLAIN_TEXT_LAST[c] = 1;

/**
 * plainText's common case for a cell that is not a label, inline in the scan's loop (a call per text cell
 * was a fifth of the scan's time): a 3-byte first character that no total starts with, and a last character
 * that is no whitespace. False only means "ask plainText".
 */
export function surelyPlainText(b: Uint8Array, s: number, e: number): boolean {
  const b0 = b[s];
  if (!PLAIN_TEXT_FIRST[b0] && (b0 < 0xe5 || b0 > 0xe6 || TOTAL_FIRST[codePointAt(b, s)] === 1 || codePointAt(b, s) === 0x5176)) return false;
  const last = b[e - 1];
  // A last byte ≥ 0x80 whose character starts 3 bytes back with E4–EE: a CJK character, never whitespace
  // (whitespace's lead bytes are C2, E1, E2, E3 and EF).
  return PLAIN_TEXT_LAST[last] === 1 || (last >= 0x80 && e - 3 >= s && b[e - 3] >= 0xe4 && b[e - 3] <= 0xee);
}

/**
 * Text that needs no second look: it cannot be a value, a missing mark, a total or a structured label, and
 * has nothing to trim. Decided on its first and last bytes (and, for labels, a look for U+3000 inside).
 */
export function plainText(b: Uint8Array, s: number, e: number, label: boolean): boolean {
  const b0 = b[s];
  const last = b[e - 1];
  if (label && last === 41) return false;
  // Trail bytes 0x80–0x8A end many Chinese characters as well as U+2000–U+200A and U+3000: look closer.
  if (!PLAIN_TEXT_LAST[last] && (last < 0x80 || last > 0x8a || endsWithSpace(b, s, e))) return false;
  if (!PLAIN_TEXT_FIRST[b0]) {
    if (b0 !== 0xe5 && b0 !== 0xe6) return false;
    const cp = codePointAt(b, s);
    if (TOTAL_FIRST[cp] || cp === 0x5176) return false;
  }
  if (label) for (let i = s; i < e; i++) if (b[i] === 0xe3) return false;
  return true;
}

/** First characters of total names (totals.ts FIRST), by code point. */
export const TOTAL_FIRST = new Uint8Array(65536);
for (const c of '合总小共全tTsSaAoOgG \t\u3000\u00a0') TOTAL_FIRST[c.charCodeAt(0)] = 1;

/** Code point of the UTF-8 character starting at i (1–3 byte forms; 4-byte ones are never a total's first). */
export function codePointAt(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
  return -1;
}

/** -?(0|[1-9][0-9]*)(\.[0-9]+)? with at most `maxInt` integer digits (and not "-0"); -1 when not that form. */
export function plainDigits(b: Uint8Array, s: number, e: number, decimals: boolean): number {
  let i = s;
  if (b[i] === 45) i++;
  const first = i;
  while (i < e && b[i] >= 48 && b[i] <= 57) i++;
  const intDigits = i - first;
  if (intDigits === 0 || (b[first] === 48 && intDigits > 1)) return -1;
  if (i === e) return b[s] === 45 && intDigits === 1 && b[first] === 48 ? -1 : intDigits;
  if (!decimals || b[i] !== 46 || i + 1 === e) return -1;
  for (i++; i < e; i++) if (b[i] < 48 || b[i] > 57) return -1;
  return intDigits;
}

/** End of an unquoted field: the next delimiter, line break, quote or NUL (a top-level function: its loop stays in registers). */
export function unquotedEnd(b: Uint8Array, i: number, n: number, delim: number): number {
  while (i < n) {
    const c = b[i];
    // The lead byte of a Chinese (3-byte) character: its trail bytes are never ASCII in UTF-8, so they are
    // skipped. Should they not be trail bytes, the file is not UTF-8 and the engine's read_csv refuses it.
    if (c >= 0xe0) i += 3;
    else if (c > QUOTE ? c === delim : c === LF || c === CR || c === QUOTE || c === 0 || c === delim) return i;
    else i++;
  }
  return n;
}

/** Does this label text carry row structure (row-labels.ts mayCarryStructure)? Checked on bytes. */
export function labelHasStructure(b: Uint8Array, s: number, e: number): boolean {
  const c = b[s];
  if (c === 32) return true;
  if (b[e - 1] === 41 || (b[e - 3] === 0xef && b[e - 2] === 0xbc && b[e - 1] === 0x89)) return true;
  if (c === 0xe5 && b[s + 1] === 0x85 && b[s + 2] === 0xb6) return true;
  for (let i = s; i < e; i++) if (b[i] === 0xe3 && b[i + 1] === 0x80 && b[i + 2] === 0x80) return true;
  return false;
}
