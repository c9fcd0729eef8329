/**
 * SQL of the engine's CSV import (shared/import/csv-engine.ts): read_csv with the dialect we sniffed and an
 * explicit column list (no detection by the engine), and per column the least cleaning the scan found
 * necessary. Columns whose cells are all plain are read typed; a column with missing marks or untrimmed text
 * is read as VARCHAR and cleaned here exactly as shared/import/values.ts cleans (trim as JavaScript trims,
 * the same missing marks).
 */
import { ident, literal } from '../db';
import { MISSING_MARKS } from '../import/values';

export type EngineColumnType = 'integer' | 'double' | 'string';

export interface EngineColumn {
  name: string;
  type: EngineColumnType;
  /** Missing marks ("—", "NA" …) to turn into NULL. */
  missing: boolean;
  /** Whitespace to trim (text columns). */
  trim: boolean;
}

export interface ReadCsvOptions {
  file: string;
  delimiter: string;
  maxLineSize: number;
  /**
   * The header record ends with CRLF. Else the engine is told '\n': it would guess each piece's line ending
   * from its first record, and a quoted CRLF there makes it guess wrong. (new_line = '\r\n' given outright
   * fails on this engine, so CRLF files keep the guess; should a piece be guessed wrong, read_csv fails and
   * the JS pipeline imports the file.)
   */
  crlf: boolean;
}

const SQL_TYPES: Record<EngineColumnType, string> = { integer: 'INTEGER', double: 'DOUBLE', string: 'VARCHAR' };

/** The characters String.prototype.trim removes, as an SQL expression (the wasm parser has no \u escapes). */
const JS_SPACE = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
const SPACE_SQL = `(${JS_SPACE.map((c) => `chr(${c})`).join(' || ')})`;
const MISSING_SQL = `(${MISSING_MARKS.map(literal).join(', ')})`;

const raw = (i: number) => ident(`c${i}`);

/** Cleaning of one column, reading `c<i>`. */
function columnExpr(c: EngineColumn, i: number): string {
  const v = raw(i);
  if (!c.missing && !c.trim) return v;
  if (c.type === 'integer') return `TRY_CAST(${v} AS INTEGER)`;
  // The scan let through plain numbers and missing marks only; of the marks, only NaN reads as a number.
  if (c.type === 'double') return `CASE WHEN isnan(TRY_CAST(${v} AS DOUBLE)) THEN NULL ELSE TRY_CAST(${v} AS DOUBLE) END`;
  const t = c.trim ? `trim(${v}, ${SPACE_SQL})` : v;
  return `CASE WHEN ${t} IN ${MISSING_SQL} THEN NULL ELSE ${t} END`;
}

/** The records of one registered piece of the UTF-8 file (no header: the pieces start after it), cleaned. */
function readCsvSelect(columns: readonly EngineColumn[], o: ReadCsvOptions): string {
  const types = columns.map((c, i) => `${literal(`c${i}`)}: ${literal(c.missing || c.trim ? 'VARCHAR' : SQL_TYPES[c.type])}`).join(', ');
  const select = columns.map((c, i) => `${columnExpr(c, i)} AS ${ident(c.name)}`).join(', ');
  const read = `read_csv(${literal(o.file)}, delim = ${literal(o.delimiter)}, quote = '"', escape = '"', header = false, auto_detect = false,
    ${o.crlf ? '' : "new_line = '\\n', "}
    strict_mode = true, null_padding = false, max_line_size = ${Math.max(2_097_152, o.maxLineSize + 1)}, columns = {${types}})`;
  return `SELECT ${select} FROM ${read}`;
}

/** Creates `table` from the first piece, every record read as written. */
export function createFromCsvSql(table: string, columns: readonly EngineColumn[], o: ReadCsvOptions): string {
  return `CREATE TABLE ${ident(table)} AS ${readCsvSelect(columns, o)}`;
}

/** Appends a further piece to `table` (insertion order is kept: the rows stay in file order). */
export function appendFromCsvSql(table: string, columns: readonly EngineColumn[], o: ReadCsvOptions): string {
  return `INSERT INTO ${ident(table)} ${readCsvSelect(columns, o)}`;
}

export const countRowsSql = (table: string) => `SELECT count(*)::BIGINT AS n FROM ${ident(table)}`;
