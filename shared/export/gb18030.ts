/**
 * GB18030 encoder in plain TypeScript. TextEncoder only writes UTF-8, but every runtime we target has a
 * GB18030 *decoder*: the tables are built once, on first use, by decoding every two-byte sequence and every
 * four-byte BMP sequence (about 63,000 characters, a few milliseconds), so they can never disagree with the
 * decoder Excel-compatible readers and our own tests use.
 */
const TWO_BYTE_COUNT = 126 * 190;
const FOUR_BYTE_BMP_COUNT = 39420;
const SUPPLEMENTARY_BASE = 189000;

let twoByte: Uint16Array | undefined; // code unit → lead << 8 | trail (0 = none)
let fourByte: Int32Array | undefined; // code unit → four-byte pointer (-1 = none)

const trailOf = (i: number) => (i < 63 ? 0x40 + i : 0x41 + i); // skips 0x7F

function buildTables(): void {
  const decoder = new TextDecoder('gb18030');
  const pairs = new Uint8Array(TWO_BYTE_COUNT * 2);
  for (let p = 0; p < TWO_BYTE_COUNT; p++) {
    pairs[2 * p] = 0x81 + Math.floor(p / 190);
    pairs[2 * p + 1] = trailOf(p % 190);
  }
  const two = decoder.decode(pairs);
  const quads = new Uint8Array(FOUR_BYTE_BMP_COUNT * 4);
  for (let p = 0; p < FOUR_BYTE_BMP_COUNT; p++) quads.set(fourBytes(p), 4 * p);
  const four = decoder.decode(quads);
  // Every sequence above decodes to exactly one BMP code unit; anything else means an unexpected decoder.
  if (two.length !== TWO_BYTE_COUNT || four.length !== FOUR_BYTE_BMP_COUNT) throw new Error('this runtime has no usable GB18030 decoder');
  const t2 = new Uint16Array(0x10000);
  for (let p = 0; p < TWO_BYTE_COUNT; p++) {
    const u = two.charCodeAt(p);
    if (u !== 0xfffd && t2[u] === 0) t2[u] = (pairs[2 * p] << 8) | pairs[2 * p + 1];
  }
  const t4 = new Int32Array(0x10000).fill(-1);
  for (let p = 0; p < FOUR_BYTE_BMP_COUNT; p++) {
    const u = four.charCodeAt(p);
    // No four-byte BMP sequence is invalid, so U+FFFD here is the real mapping of U+FFFD itself.
    if (t2[u] === 0 && t4[u] < 0) t4[u] = p;
  }
  twoByte = t2;
  fourByte = t4;
}

function fourBytes(pointer: number): number[] {
  return [
    0x81 + Math.floor(pointer / 12600),
    0x30 + (Math.floor(pointer / 1260) % 10),
    0x81 + (Math.floor(pointer / 10) % 126),
    0x30 + (pointer % 10),
  ];
}

/** Encodes text as GB18030 bytes (the national standard encoding older Excel and WPS setups expect). */
export function encodeGb18030(text: string): Uint8Array {
  if (!twoByte) buildTables();
  const t2 = twoByte!;
  const t4 = fourByte!;
  const out = new Uint8Array(text.length * 4);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out[n++] = cp;
    else if (cp > 0xffff) {
      out.set(fourBytes(SUPPLEMENTARY_BASE + cp - 0x10000), n);
      n += 4;
    } else if (t2[cp]) {
      out[n++] = t2[cp] >> 8;
      out[n++] = t2[cp] & 0xff;
    } else if (t4[cp] >= 0) {
      out.set(fourBytes(t4[cp]), n);
      n += 4;
    } else out[n++] = 0x3f; // "?": a lone surrogate, or one of the few private-use points GB18030-2022 no longer maps
  }
  return out.slice(0, n);
}
