import { DataType, type Table } from 'apache-arrow';
import { toCsv } from '../export/csv';
import { cellText, tableRows } from './cell';
import { renderTextTable } from './text-table';

export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

function stringRows(table: Table): string[][] {
  const fields = table.schema.fields;
  const columns = fields.map((_, i) => table.getChildAt(i));
  const rows: string[][] = [];
  for (let r = 0; r < table.numRows; r++) rows.push(fields.map((f, i) => cellText(columns[i]?.get(r), f)));
  return rows;
}

/**
 * A query result as text. The JSON shape is part of the `sgw` contract:
 * `{ "columns": [{ "name", "type" }], "rows": [{ column: value }], "rowCount": n }`.
 */
export function formatTable(table: Table, format: OutputFormat): string {
  const fields = table.schema.fields;
  const headers = fields.map((f) => f.name);
  switch (format) {
    case 'csv':
      return toCsv(headers, stringRows(table), { lineEnding: '\n' });
    case 'json':
      return `${JSON.stringify(
        { columns: fields.map((f) => ({ name: f.name, type: String(f.type) })), rows: tableRows(table), rowCount: table.numRows },
        null,
        2,
      )}\n`;
    case 'table':
      return `${renderTextTable(headers, stringRows(table), fields.map((f) => DataType.isInt(f.type) || DataType.isFloat(f.type) || DataType.isDecimal(f.type)))}\n`;
  }
}
