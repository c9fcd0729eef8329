import type { ByteSource } from './byte-source';
import { ImportError, type EncodingLabel } from './types';

export interface DecodedText {
  text: string;
  encoding: EncodingLabel;
  /** True when the encoding came from a byte-order mark. */
  bom: boolean;
}

function bomOf(b: Uint8Array): EncodingLabel | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM: every other byte is zero in mostly-ASCII text. */
function sniffUtf16(b: Uint8Array): EncodingLabel | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.4 && evenZero < half * 0.05) return 'utf-16le';
  if (evenZero > half * 0.4 && oddZero < half * 0.05) return 'utf-16be';
  return null;
}

/** UTF-16 as decodeText tells it: by a byte-order mark, else by the zero bytes of mostly-ASCII text. */
export function utf16Of(b: Uint8Array): EncodingLabel | null {
  const bom = bomOf(b);
  return bom === 'utf-16le' || bom === 'utf-16be' ? bom : sniffUtf16(b);
}

/**
 * Bytes of the file decoded per step of decodeToUtf8: each window's string is small enough to die young (4 MB
 * windows made strings the collector kept longer, and were slower: GB18030 326 → 274 ms, UTF-16LE 279 → 188 ms
 * at 64 KB for 1M rows, same run).
 */
export const DECODE_WINDOW = 64 * 1024;

/**
 * The file's text (decodeText's, with `encoding`), or that of its first `upTo` bytes, as UTF-8 bytes without
 * a leading BOM, decoded window by window and encoded into one buffer, so that neither the whole text as a
 * string nor a second copy is ever held. (An ordinary buffer: the import worker hands it to the page by
 * transfer.) UTF-16 windows are cut anywhere and decoded with stream, which carries a cut character over. The
 * platform's GB18030/GBK/Big5 decoders (ICU in Node) throw on some invalid bytes cut by a stream's window
 * and read some invalid runs differently in pieces, so those windows end just after a line break (a byte no
 * multi-byte character of theirs holds) and each is decoded on its own, as decodeText decodes the whole.
 */
export function decodeToUtf8(src: ByteSource, encoding: EncodingLabel, upTo = src.size, window = DECODE_WINDOW): Uint8Array {
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const streamed = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  // UTF-16 and the Chinese double-byte encodings take at most 3 UTF-8 bytes per 2 (4 per 4-byte form), ASCII
  // one per one; a rarer longer output (Big5's two-character forms) grows the buffer.
  let out = new Uint8Array(Math.ceil(upTo * 1.5) + 16);
  let at = 0;
  let into = new Uint8Array(0);
  for (let from = 0, size = window; from === 0 || from < upTo; ) {
    const to = Math.min(upTo, from + size);
    if (!src.whole && into.length < to - from) into = new Uint8Array(to - from);
    let bytes = src.read(from, to, into);
    let text: string;
    if (utf16) {
      // A head (upTo short of the end) keeps a character its last window cuts: it is not the text's.
      text = streamed.decode(bytes, { stream: to < src.size });
    } else {
      const cut = to < src.size ? bytes.lastIndexOf(10) + 1 : bytes.length;
      if (cut === 0 && to < upTo) {
        // No line break in the window: a longer one.
        size *= 2;
        continue;
      }
      bytes = bytes.subarray(0, cut);
      text = new TextDecoder(encoding, { ignoreBOM: from > 0 }).decode(bytes);
    }
    for (let read = 0; read < text.length; ) {
      const r = encoder.encodeInto(read ? text.slice(read) : text, out.subarray(at));
      read += r.read;
      at += r.written;
      if (read < text.length) {
        const bigger = new Uint8Array(Math.ceil(out.length * 1.25) + (text.length - read) * 3);
        bigger.set(out.subarray(0, at));
        out = bigger;
      }
    }
    if (to >= upTo) break;
    from += bytes.length;
    size = window;
  }
  // Decoders drop their own encoding's BOM; a U+FEFF decoded from GB18030 is dropped as the CSV parser drops it.
  const bom = out[0] === 0xef && out[1] === 0xbb && out[2] === 0xbf ? 3 : 0;
  return out.subarray(bom, at);
}

/** Control bytes other than tab, CR, LF, FF in the first 64 KB of single-byte-based text mean a binary file. */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return control > n * 0.01;
}

function decode(bytes: Uint8Array, encoding: EncodingLabel, fatal = false): string {
  // TextDecoder drops the BOM of its own encoding (ignoreBOM defaults to false).
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

/**
 * Decodes file bytes: a BOM decides; then strict UTF-8; else GB18030 (a superset of GBK, what Excel and WPS
 * write on Chinese Windows). `override` skips detection. Throws ImportError for empty or binary input.
 */
export function decodeText(bytes: Uint8Array, override?: EncodingLabel): DecodedText {
  if (bytes.length === 0) throw new ImportError('import.err.empty');
  const bom = bomOf(bytes);
  const utf16 = bom === 'utf-16le' || bom === 'utf-16be' ? bom : sniffUtf16(bytes);
  if (override) {
    return { text: decode(bytes, override), encoding: override, bom: bom === override };
  }
  if (utf16) return { text: decode(bytes, utf16), encoding: utf16, bom: bom !== null };
  if (looksBinary(bytes)) throw new ImportError('import.err.binary');
  if (bom === 'utf-8') return { text: decode(bytes, 'utf-8'), encoding: 'utf-8', bom: true };
  try {
    return { text: decode(bytes, 'utf-8', true), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decode(bytes, 'gb18030'), encoding: 'gb18030', bom: false };
  }
}

/** Display name of an encoding (GB18030, UTF-8 …). */
export function encodingName(e: EncodingLabel): string {
  return e === 'big5' ? 'Big5' : e.toUpperCase();
}
