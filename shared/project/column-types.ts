/**
 * Which saved column types can be given back on open. The engines hand BIGINT, HUGEINT and DECIMAL to JS
 * (and so to the saved Arrow copy) as DOUBLE; the manifest records the SQL type. The decision is made here,
 * in JS, before the engine is touched: a failing ALTER would abort the open's transaction, so only casts
 * that cannot fail are issued. A type name from the file reaches SQL only if it is on the list below.
 */
import { Precision, Type, type Float, type Schema } from 'apache-arrow';

/** What the check reads: the schema, and a column's values only for a column that may be restored (an Arrow Table is one). */
export interface ColumnSource {
  schema: Schema;
  getChild(name: string): Iterable<unknown> | null;
}

/** Whole-number types and the range a DOUBLE must lie in to cast exactly (upper bounds exclusive). */
const INTEGER_RANGES: Record<string, [number, number]> = {
  TINYINT: [-128, 128],
  SMALLINT: [-32768, 32768],
  INTEGER: [-(2 ** 31), 2 ** 31],
  BIGINT: [-(2 ** 63), 2 ** 63],
  // DuckDB refuses the double -2^127 itself, though HUGEINT holds it: leave that one value as DOUBLE.
  HUGEINT: [-(2 ** 127) + 2 ** 75, 2 ** 127],
  UTINYINT: [0, 256],
  USMALLINT: [0, 65536],
  UINTEGER: [0, 2 ** 32],
  UBIGINT: [0, 2 ** 64],
};
const DECIMAL = /^DECIMAL\((\d{1,2}),(\d{1,2})\)$/;
/** DuckDB's widest DECIMAL. */
const MAX_DECIMAL_WIDTH = 38;

type Fits = (v: number) => boolean;

function fitsType(type: string): Fits | null {
  const range = INTEGER_RANGES[type];
  if (range) return (v) => Number.isInteger(v) && v >= range[0] && v < range[1];
  const m = DECIMAL.exec(type);
  if (!m) return null;
  const [width, scale] = [Number(m[1]), Number(m[2])];
  if (width < 1 || width > MAX_DECIMAL_WIDTH || scale > width) return null;
  // The engine rounds to the scale, so 99.995 overflows DECIMAL(4,2): allow for half a unit, plus a
  // relative margin of 1e-9 for the double's own error; values that close to the limit stay DOUBLE.
  const units = 10 ** scale;
  const limit = 10 ** width * (1 - 1e-9);
  return (v) => Number.isFinite(v) && Math.abs(v) * units + 0.5 < limit;
}

/**
 * Column → SQL type for every DOUBLE column of `table` whose declared type is restorable and whose every
 * value fits it. Anything else stays DOUBLE with its values (e.g. a BIGINT near 2^63 saved as 2^63).
 */
export function restorableColumnTypes(table: ColumnSource, declared: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!declared) return out;
  const fields = table.schema.fields;
  for (const [column, type] of Object.entries(declared)) {
    const matches = fields.filter((f) => f.name.toLowerCase() === column.toLowerCase());
    const field = matches.length === 1 && matches[0].name === column ? matches[0] : null;
    if (!field || field.type.typeId !== Type.Float || (field.type as Float).precision !== Precision.DOUBLE) continue;
    const fits = fitsType(type);
    // Only now are values read: opening a project decodes no column that cannot be restored.
    const vector = fits && table.getChild(column);
    if (!fits || !vector) continue;
    let ok = true;
    for (const v of vector as Iterable<number | null>) {
      if (v !== null && !fits(v)) {
        ok = false;
        break;
      }
    }
    if (ok) out[column] = type;
  }
  return out;
}
