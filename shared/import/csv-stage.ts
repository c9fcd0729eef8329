/**
 * The engine's read of a planned CSV (./csv-engine) into a staging table, in pieces of whole row groups
 * registered, read and dropped one at a time (the engine's heap never shrinks). Two ways in:
 * - stageCsvPlan: the plan is proven already (the app's import worker scanned while the preview was built);
 * - stageWhileScanning: the byte scan runs elsewhere (another thread) and the engine reads each piece as soon
 *   as the scan has passed it, so the wall time is about the longer of the two instead of their sum. The
 *   pieces are read with the cleaning the sample's own records need; only the finished scan proves the file.
 *   A scan that fails drops whatever was read (nothing is left; the JS pipeline reads the file); a scan that
 *   asks for more cleaning than the sample did, or a piece the engine refused, has the file read again the
 *   proven way. Either way the table is the one the JS pipeline would give.
 */
import type { Db } from '../db';
import type { PieceSource } from './byte-source';
import { appendFromCsvSql, createFromCsvSql, countRowsSql, type EngineColumn } from '../sql/csv-import-sql';
import { dropTableSql } from '../sql/import-sql';
import { REGISTERED_FILES } from '../sql/offline';
import { finishPlan, samplePlan, scanSample, type CsvPlan, type CsvSample } from './csv-engine';
import type { CsvScan } from './csv-scan';

/** A plan whose pieces may be read with a wait: the page reads a planned CSV's from the picked File (./byte-source blobPieces). */
export type StagedPlan = Omit<CsvPlan, 'utf8'> & { utf8: PieceSource };

/** The byte scan of a sample's file run elsewhere: it reports each piece's end as found, then the scan. */
export type ScanElsewhere = (s: CsvSample, onPiece: (end: number) => void) => Promise<CsvScan | null>;

interface Reader {
  db: Db;
  tmp: string;
  utf8: PieceSource;
  columns: EngineColumn[];
  delimiter: string;
  longestRecord: number;
  crlf: boolean;
  /** Pieces read so far. */
  read: number;
  /** The buffer a file source reads each piece into (the engine copies it): pieces left to the collector piled up. */
  buffer: Uint8Array;
}

/** Reads utf8[from, to) into `tmp` (created by the first piece); throws when the engine refuses it. Only this piece is read from the file. */
async function readPiece(r: Reader, from: number, to: number): Promise<void> {
  // The app's engine reads registered files under REGISTERED_FILES only (its file system is closed).
  const file = `${REGISTERED_FILES}${r.tmp}.${r.read}.csv`;
  // No heap reservation first (Db.insertArrow's 3× the bytes): for pieces of whole row groups the heap's
  // growth steps cost little (Node, 5 cold 80 MB imports each: 884 ms with 3× the file reserved, 937 ms
  // without), while the reservation cost the app ≈50 MB at the peak (Chromium: 203 → 152 MB above idle).
  const into = !r.utf8.whole && !r.utf8.fresh;
  if (into && r.buffer.length < to - from) r.buffer = new Uint8Array(Math.ceil((to - from) * 1.25));
  const picked = r.utf8.file;
  // The app's engine reads a picked File's piece on its own thread (Db.registerSlice: no piece left to a collector).
  if (picked && r.db.registerSlice) await r.db.registerSlice(file, picked.blob, from + picked.skip, Math.min(to, r.utf8.size) + picked.skip);
  else await r.db.registerFile(file, await r.utf8.read(from, to, into ? r.buffer : undefined));
  try {
    const o = { file, delimiter: r.delimiter, maxLineSize: r.longestRecord, crlf: r.crlf };
    await r.db.exec(r.read === 0 ? createFromCsvSql(r.tmp, r.columns, o) : appendFromCsvSql(r.tmp, r.columns, o));
    r.read++;
  } finally {
    await r.db.dropFile(file).catch(() => undefined);
  }
}

const reader = (db: Db, plan: StagedPlan, tmp: string): Reader => ({ db, tmp, utf8: plan.utf8, columns: plan.columns, delimiter: plan.delimiter, longestRecord: plan.longestRecord, crlf: plan.crlf, read: 0, buffer: new Uint8Array(0) });

async function rowsMatch(db: Db, tmp: string, rows: number): Promise<boolean> {
  return Number((await db.query(countRowsSql(tmp))).get(0)?.n) === rows;
}

const drop = (db: Db, tmp: string) => db.exec(dropTableSql(tmp)).catch(() => undefined);

/**
 * Fills staging table `tmp` from the plan; false (and nothing left behind) when the engine does not read
 * the file as planned — then the JS pipeline imports it — or when `stopped` says so between two pieces.
 */
export async function stageCsvPlan(db: Db, plan: StagedPlan, tmp: string, stopped = () => false): Promise<boolean> {
  const r = reader(db, plan, tmp);
  try {
    for (let j = 0; j + 1 < plan.pieces.length && !stopped(); j++) await readPiece(r, plan.pieces[j], plan.pieces[j + 1]);
    if (stopped()) throw new Error('stopped');
    if (await rowsMatch(db, tmp, plan.parsed.rowCount)) return true;
  } catch {
    // Not UTF-8 after all, or a record the engine reads otherwise: the JS pipeline decides.
  }
  await drop(db, tmp);
  return false;
}

const sameCleaning = (a: readonly EngineColumn[], b: readonly EngineColumn[]) => a.every((c, i) => c.missing === b[i].missing && c.trim === b[i].trim);

/**
 * Stages the sample's file while `scan` proves it elsewhere; the proven plan, or null (nothing left behind)
 * when the JS pipeline must read the file.
 */
export async function stageWhileScanning(db: Db, s: CsvSample, tmp: string, scan: ScanElsewhere): Promise<CsvPlan | null> {
  const ends: number[] = [];
  let wake = () => {};
  let finished = false;
  const scanned = scan(s, (end) => {
    ends.push(end);
    wake();
  })
    .catch(() => scanSample(s))
    .finally(() => {
      finished = true;
      wake();
    });
  // The sample's records scanned here (512 KB), once the scan elsewhere has started: the cleaning and record
  // length the early pieces are read with.
  const guess = samplePlan(s);
  const r = guess && reader(db, guess, tmp);
  const cutsRead: number[] = [];
  let refused = !r;
  while (r && !refused) {
    const end = ends.shift();
    if (end !== undefined) {
      await readPiece(r, cutsRead.at(-1) ?? s.start, end).then(() => cutsRead.push(end), () => (refused = true));
    } else if (finished) break;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
  const plan = finishPlan(s, await scanned);
  if (!plan) {
    await drop(db, tmp);
    return null;
  }
  // The engine refuses a record longer than it was told (max_line_size), so a longer one than guessed was read right.
  const cuts = plan.pieces.slice(1, -1);
  const asRead = r && !refused && sameCleaning(r.columns, plan.columns) && cuts.length === cutsRead.length && cuts.every((c, j) => c === cutsRead[j]);
  if (!asRead) {
    // Read with less cleaning than the file needs (or refused): again, the proven way.
    await drop(db, tmp);
    return (await stageCsvPlan(db, plan, tmp)) ? plan : null;
  }
  try {
    await readPiece(r, cutsRead.at(-1) ?? s.start, plan.utf8.size);
    if (await rowsMatch(db, tmp, plan.parsed.rowCount)) return plan;
  } catch {
    // As in stageCsvPlan.
  }
  await drop(db, tmp);
  return null;
}
