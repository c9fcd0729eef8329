/**
 * Cells → Arrow with explicit types, written straight into typed buffers (no per-value builders): this is
 * the hot path of a million-row import. The stream goes to Db.insertArrow in the app, `sgw` and the bench.
 */
import { Bool, DateDay, Field, Float64, Int32, Int64, RecordBatch, Schema, Struct, Table, Utf8, makeData, makeVector, tableFromIPC, tableToIPC, type Vector, type DataType } from 'apache-arrow';
import { Kind, cellString, classifiedColumn, classifyCell, parsedValue } from './values';
import type { Cell, ColumnSpec, ColumnType } from './types';

const encoder = new TextEncoder();

function bitmap(n: number): Uint8Array {
  return new Uint8Array((n + 7) >> 3);
}

function numericVector(cells: readonly Cell[], type: 'integer' | 'double' | 'boolean' | 'date'): Vector {
  const n = cells.length;
  const valid = bitmap(n);
  const values = type === 'double' ? new Float64Array(n) : new Int32Array(n);
  let nulls = 0;
  const cached = classifiedColumn(cells);
  for (let i = 0; i < n; i++) {
    const kind = cached ? cached.kinds[i] : classifyCell(cells[i]);
    const v = cached ? cached.values[i] : parsedValue();
    const ok = type === 'date' ? kind === Kind.Date : type === 'boolean' ? kind === Kind.Boolean : kind === Kind.Integer || kind === Kind.Double;
    if (ok && (type !== 'integer' || (Number.isInteger(v) && Math.abs(v) < 2 ** 31))) {
      values[i] = v;
      valid[i >> 3] |= 1 << (i & 7);
    } else nulls++;
  }
  if (type === 'boolean') {
    const bits = bitmap(n);
    for (let i = 0; i < n; i++) if (values[i]) bits[i >> 3] |= 1 << (i & 7);
    return makeVector(makeData({ type: new Bool(), length: n, nullCount: nulls, nullBitmap: valid, data: bits }));
  }
  const arrowType: DataType = type === 'double' ? new Float64() : type === 'date' ? new DateDay() : new Int32();
  return makeVector(makeData({ type: arrowType as Int32, length: n, nullCount: nulls, nullBitmap: valid, data: values as Int32Array }));
}

/** UTF-8 length of a string as TextEncoder writes it (lone surrogates become U+FFFD, 3 bytes). */
function utf8Length(s: string): number {
  let len = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) len += 1;
    else if (c < 0x800) len += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      len += 4;
      i++;
    } else len += 3;
  }
  return len;
}

/**
 * Strings are encoded in one TextEncoder call over their concatenation (per-string encoding is ~5× slower);
 * offsets come from utf8Length. Should a surrogate pair form across two neighbours, the lengths disagree and
 * the per-string path runs instead.
 */
function stringVector(cells: readonly Cell[]): Vector {
  const n = cells.length;
  const valid = bitmap(n);
  const offsets = new Int32Array(n + 1);
  const parts: string[] = [];
  let pos = 0;
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const s = cellString(cells[i]);
    if (s === null) nulls++;
    else {
      valid[i >> 3] |= 1 << (i & 7);
      parts.push(s);
      pos += utf8Length(s);
    }
    offsets[i + 1] = pos;
  }
  let bytes = encoder.encode(parts.join(''));
  if (bytes.length !== pos) {
    bytes = new Uint8Array(pos);
    let at = 0;
    for (const part of parts) at += encoder.encodeInto(part, bytes.subarray(at)).written;
  }
  return makeVector(makeData({ type: new Utf8(), length: n, nullCount: nulls, nullBitmap: valid, valueOffsets: offsets, data: bytes }));
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * BIGINT cells: integers exactly, a text of digits (a Parquet/Arrow int64 beyond 2^53 read as a cell, a CSV
 * id) by its digits, not by the double it parses to; anything else, or outside 64 bits, is missing.
 */
function bigintVector(cells: readonly Cell[]): Vector {
  const n = cells.length;
  const valid = bitmap(n);
  const values = new BigInt64Array(n);
  let nulls = 0;
  const cached = classifiedColumn(cells);
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    const digits = typeof cell === 'string' ? cell.trim() : '';
    let v: bigint | undefined;
    if (/^[+-]?\d{1,19}$/.test(digits)) v = BigInt(digits);
    else {
      const kind = cached ? cached.kinds[i] : classifyCell(cell);
      const x = cached ? cached.values[i] : parsedValue();
      if ((kind === Kind.Integer || kind === Kind.Double) && Number.isInteger(x)) v = BigInt(x);
    }
    if (v !== undefined && v >= INT64_MIN && v <= INT64_MAX) {
      values[i] = v;
      valid[i >> 3] |= 1 << (i & 7);
    } else nulls++;
  }
  return makeVector(makeData({ type: new Int64(), length: n, nullCount: nulls, nullBitmap: valid, data: values }));
}

export function columnVector(cells: readonly Cell[], type: ColumnType): Vector {
  return type === 'string' ? stringVector(cells) : type === 'bigint' ? bigintVector(cells) : numericVector(cells, type);
}

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  integer: () => new Int32(),
  bigint: () => new Int64(),
  double: () => new Float64(),
  boolean: () => new Bool(),
  date: () => new DateDay(),
  string: () => new Utf8(),
};

/** Builds the table; each field carries its unit (when known) in its metadata under "unit". */
export function buildArrowTable(columns: readonly ColumnSpec[], data: readonly (readonly Cell[])[]): Table {
  const fields = columns.map((c) => new Field(c.name, ARROW_TYPES[c.type](), true, c.unit ? new Map([['unit', c.unit]]) : undefined));
  const vectors = columns.map((c, i) => columnVector(data[i], c.type));
  const schema = new Schema(fields);
  const length = data[0]?.length ?? 0;
  const batch = makeData({ type: new Struct(fields), length, nullCount: 0, children: vectors.map((v) => v.data[0]) });
  return new Table(schema, [new RecordBatch(schema, batch)]);
}

export function toIpcStream(table: Table): Uint8Array {
  return tableToIPC(table, 'stream');
}

/** Complete IPC streams of one schema (Db.insertArrow's list) read as one table, without copying their buffers. */
export function tableOfStreams(streams: readonly Uint8Array[]): Table {
  const [first, ...rest] = streams.map((s) => tableFromIPC(s));
  return first.concat(...rest);
}
