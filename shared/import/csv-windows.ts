/**
 * The byte scan (./csv-scan) of a file read in windows (./byte-source) rather than held whole: the same
 * result as one scanCsv over the whole file, with about one window in memory.
 * Each window starts where a piece may start (a record start after a multiple of `pieceRows` records) and
 * ends after the last line break outside quotes, so it holds whole records. scanCsv over it with
 * pieceBytes 0 marks every multiple of `pieceRows` records; the next window starts at the last mark, so the
 * records after it are scanned twice. That is harmless: what a scan collects — missing marks, trimming,
 * the longest record, totals in order of first appearance — comes out the same when a stretch is seen
 * twice, and rows are counted by whole marks (k marks = k × pieceRows records) until the last window.
 * The pieces are the marks the whole-file scan would keep (≥ pieceBytes apart), and onPiece hears them.
 */
import type { ByteSource } from './byte-source';
import { QUOTE, LF } from './csv-bytes';
import { scanCsv, type CsvScan, type ScanColumn } from './csv-scan';

/** Windows of 4 pieces' worth (32 MB for the engine's 8 MB pieces): the rescanned tail, under one piece, stays a small share. */
export const windowBytes = (pieceBytes: number) => Math.max(4 * pieceBytes, 65_536);

/** Just after the last line break outside quotes (quotes counted from a record start), or 0. */
export function lastRecordEnd(b: Uint8Array): number {
  let quotes = 0;
  for (let q = b.indexOf(QUOTE); q >= 0; q = b.indexOf(QUOTE, q + 1)) quotes++;
  for (let i = b.length - 1; i >= 0; i--) {
    const c = b[i];
    if (c === QUOTE) quotes--;
    else if (c === LF && quotes % 2 === 0) return i + 1;
  }
  return 0;
}

export function scanWindows(src: ByteSource, start: number, delimiter: string, cols: readonly ScanColumn[], pieceBytes: number, pieceRows: number, onPiece?: (end: number) => void): CsvScan | null {
  const n = src.size;
  const seen = cols.map(() => ({ missing: false, trim: false, totals: new Set<string>() }));
  const pieces = [start];
  let pieceEnd = start + pieceBytes;
  let pos = start;
  let rows = 0;
  let longest = 0;
  let want = windowBytes(pieceBytes);
  // One buffer for every window (a file source reads into it): windows left to the collector piled up.
  let buffer = new Uint8Array(0);
  for (;;) {
    if (!src.whole && buffer.length < Math.min(want, n - pos)) buffer = new Uint8Array(Math.min(want, n - pos));
    const chunk = src.read(pos, Math.min(n, pos + want), buffer);
    const last = pos + chunk.length >= n;
    const end = last ? chunk.length : lastRecordEnd(chunk);
    const marks: number[] = [];
    const r = end > 0 ? scanCsv(chunk.subarray(0, end), 0, delimiter, cols.length, cols, 0, pieceRows, (m) => marks.push(m)) : null;
    if (!r) {
      // No whole record in the window (a record longer than it): try again with a larger one.
      if (end === 0 && !last) {
        want *= 2;
        continue;
      }
      return null;
    }
    r.columns.forEach((c, k) => {
      seen[k].missing ||= c.missing;
      seen[k].trim ||= c.trim;
      for (const t of c.totals) seen[k].totals.add(t);
    });
    longest = Math.max(longest, r.longestRecord);
    if (!last && marks.length === 0) {
      want *= 2;
      continue;
    }
    for (const m of marks) {
      const at = pos + m;
      if (at >= pieceEnd) {
        pieces.push(at);
        onPiece?.(at);
        pieceEnd = at + pieceBytes;
      }
    }
    if (last) {
      pieces.push(n);
      return { rows: rows + r.rows, columns: seen.map((c) => ({ missing: c.missing, trim: c.trim, totals: [...c.totals] })), longestRecord: longest, lastRow: r.lastRow, pieces };
    }
    rows += marks.length * pieceRows;
    pos += marks[marks.length - 1];
  }
}
