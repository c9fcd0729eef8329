/** Sources that already come as records or columns: JSON (array or NDJSON), Arrow IPC (Parquet: ./parquet-source). */
import { DataType, tableFromIPC, util, type Table } from 'apache-arrow';
import { decodeText } from './encoding';
import { guessColumn } from './values';
import { checkColumnCount, ImportError, type Cell, type ColumnSpec, type ColumnType, type ParsedTable } from './types';

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  // A 64-bit integer beyond 2^53 as its digits: a column retyped as text keeps it exactly (a DOUBLE column
  // reads the digits to the same double as Number(v)).
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
}

function emptyTable(): ParsedTable {
  return { columns: [], data: [], rowCount: 0, titles: [], notes: [], totals: { rows: [], columns: [] }, warnings: [], yearColumns: 0 };
}

/** Records → columns in first-seen key order; types guessed as for text files. */
export function recordsTable(records: readonly Record<string, unknown>[], types?: Map<string, ColumnType>): ParsedTable {
  const index = new Map<string, number>();
  const data: Cell[][] = [];
  records.forEach((rec, r) => {
    for (const key of Object.keys(rec)) {
      let c = index.get(key);
      if (c === undefined) {
        c = data.length;
        checkColumnCount(c + 1);
        index.set(key, c);
        data.push(new Array<Cell>(r).fill(null));
      }
      data[c][r] = toCell(rec[key]);
    }
    for (const col of data) if (col.length <= r) col.push(null);
  });
  const table = emptyTable();
  table.columns = [...index.keys()].map((name, c): ColumnSpec => {
    const known = types?.get(name);
    if (known) return { name, type: known };
    const guess = guessColumn(data[c], name);
    if (guess.warning) table.warnings.push(guess.warning);
    return { name, type: guess.type, ...(guess.percent ? { unit: '%' } : {}) };
  });
  table.data = data;
  table.rowCount = records.length;
  return table;
}

function asRecord(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ImportError('import.err.badJson', { detail: where });
  return v as Record<string, unknown>;
}

/** Deepest nesting a JSON table may have; deeper values would overflow the stack when turned back into text. */
export const MAX_JSON_DEPTH = 64;

/** Refuses deeper nesting, in one pass over the text outside strings (no recursion). */
function checkJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw new ImportError('import.err.jsonTooDeep', { limit: MAX_JSON_DEPTH });
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/** An array of objects, `{"anything": [objects]}`, or one object per line (NDJSON). */
export function jsonTable(bytes: Uint8Array): ParsedTable {
  const text = decodeText(bytes).text.trim();
  if (!text) throw new ImportError('import.err.empty');
  checkJsonDepth(text);
  let records: Record<string, unknown>[];
  try {
    const whole: unknown = text.startsWith('[') || !text.includes('\n') ? JSON.parse(text) : undefined;
    if (whole !== undefined) {
      const list = Array.isArray(whole) ? whole : Object.values(asRecord(whole, '1')).find(Array.isArray);
      if (!list) throw new ImportError('import.err.badJson', { detail: 'no array of objects' });
      records = (list as unknown[]).map((v, i) => asRecord(v, `#${i + 1}`));
    } else {
      records = [];
      text.split(/\r?\n/).forEach((line, i) => {
        if (line.trim()) records.push(asRecord(JSON.parse(line), `${i + 1}`));
      });
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('import.err.badJson', { detail: e instanceof Error ? e.message : String(e) });
  }
  return recordsTable(records);
}

export function arrowColumnType(t: DataType): ColumnType {
  // A 64-bit integer is BIGINT: the native path hands it to the engine as it is, the cell path exactly (toCell).
  if (DataType.isInt(t)) return t.bitWidth > 32 ? 'bigint' : 'integer';
  if (DataType.isFloat(t) || DataType.isDecimal(t)) return 'double';
  if (DataType.isBool(t)) return 'boolean';
  if (DataType.isDate(t)) return 'date';
  return 'string';
}

/** Column-major cells of an Arrow table: dates as ISO text (YYYY-MM-DD), decimals as numbers. */
export function arrowCells(t: Table, types: readonly ColumnType[]): Cell[][] {
  return t.schema.fields.map((f, i) => {
    const out: Cell[] = [];
    const scale = DataType.isDecimal(f.type) ? f.type.scale : undefined;
    for (const v of t.getChildAt(i) ?? []) {
      if (v === null) out.push(null);
      else if (scale !== undefined) out.push(util.bigNumToNumber(v as Parameters<typeof util.bigNumToNumber>[0], scale));
      else out.push(types[i] === 'date' ? new Date(Number(v)).toISOString().slice(0, 10) : toCell(v));
    }
    return out;
  });
}

/** An Arrow IPC file or stream's bytes as a table, or a clear message when they are not one. */
export function readArrowIpc(bytes: Uint8Array): Table {
  try {
    return tableFromIPC(bytes);
  } catch (e) {
    throw new ImportError('import.err.badArrow', { detail: e instanceof Error ? e.message : String(e) });
  }
}

/** The general way: every cell read into JS (a 64-bit integer beyond 2^53 as its digits, see toCell). */
export function arrowTable(bytes: Uint8Array | Table): ParsedTable {
  const t = bytes instanceof Uint8Array ? readArrowIpc(bytes) : bytes;
  checkColumnCount(t.schema.fields.length);
  const table = emptyTable();
  table.columns = t.schema.fields.map((f) => ({ name: f.name, type: arrowColumnType(f.type) }));
  table.data = arrowCells(t, table.columns.map((c) => c.type));
  table.rowCount = t.numRows;
  return table;
}
