import { DataType, type Field, type Table } from 'apache-arrow';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function isoTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${isoDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Converts one Arrow cell to a JSON-safe value: dates as ISO text, BigInt as number (or text when unsafe). */
export function plainValue(value: unknown, field?: Field): PlainValue {
  if (value === null || value === undefined) return null;
  if (field && DataType.isDate(field.type) && typeof value === 'number') return isoDate(value);
  if (field && DataType.isTimestamp(field.type) && typeof value === 'number') return isoTimestamp(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return isoTimestamp(value.getTime());
  if (typeof value === 'object' && value !== null && 'toJSON' in value && typeof (value as { toJSON: unknown }).toJSON === 'function') {
    return plainValue((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map((v) => plainValue(v));
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plainValue(v)]));
  }
  return String(value);
}

/** Display text of a cell ('' for null); numbers unformatted so columns stay exact. */
export function cellText(value: unknown, field?: Field): string {
  const v = plainValue(value, field);
  if (v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** All rows of a table as plain objects (for JSON output). */
export function tableRows(table: Table): Record<string, PlainValue>[] {
  const fields = table.schema.fields;
  const columns = fields.map((f, i) => table.getChildAt(i));
  const rows: Record<string, PlainValue>[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, PlainValue> = {};
    fields.forEach((f, i) => {
      row[f.name] = plainValue(columns[i]?.get(r), f);
    });
    rows.push(row);
  }
  return rows;
}
