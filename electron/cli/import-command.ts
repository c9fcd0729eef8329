/**
 * `sgw import <file> [--sheet S]… [--encoding E] [--header-row N] [--header-rows N] [--delimiter D] [--unpivot]
 * [--out table.csv|table.parquet] [--format table|json]`: the app's import pipeline, headless. Prints what
 * it detected and the resulting schema; with --out, writes the cleaned table. The source file is only read.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { toCsv } from '../../shared/export/csv';
import { cellText, plainValue } from '../../shared/format/cell';
import { renderTextTable } from '../../shared/format/text-table';
import type { Translate } from '../../shared/i18n';
import { delimiterName } from '../../shared/import/csv-source';
import { encodingName } from '../../shared/import/encoding';
import { describeLayout, describeTotals } from '../../shared/import/describe';
import { describeImportError, importMessage } from '../../shared/import/messages';
import { importFile, suggestTableName, type ImportedTable } from '../../shared/import/pipeline';
import { ENCODINGS, type ColumnType, type EncodingLabel, type ImportOptions, type SourceInfo } from '../../shared/import/types';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const DUCKDB_TYPES: Record<ColumnType, string> = { integer: 'INTEGER', double: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', string: 'VARCHAR' };
const VALUE_FLAGS = new Set(['--sheet', '--encoding', '--header-row', '--header-rows', '--delimiter', '--out', '--format', '--lang', '--datasets']);

class UsageError extends Error {}

interface ImportArgs {
  file?: string;
  options: ImportOptions;
  out?: string;
  format: 'table' | 'json';
}

function parseImportArgs(argv: string[], t: Translate): ImportArgs {
  const a: ImportArgs = { options: {}, format: 'table' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--unpivot') {
      a.options.unpivot = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) {
      if (arg.startsWith('--')) throw new UsageError(t('cli.badOption', { option: arg }));
      if (a.file !== undefined) throw new UsageError(t('cli.badOption', { option: arg }));
      a.file = arg;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(t('cli.badOption', { option: flag }));
    if (flag === '--sheet') a.options.sheets = [...(a.options.sheets ?? []), value];
    else if (flag === '--encoding') {
      const e = value.toLowerCase() as EncodingLabel;
      if (!ENCODINGS.includes(e)) throw new UsageError(t('cli.import.badEncoding', { encoding: value }));
      a.options.encoding = e;
    } else if (flag === '--header-rows' || flag === '--header-row') {
      const n = Number(value);
      const ok = Number.isInteger(n) && (flag === '--header-row' ? n >= 1 : n >= 0 && n <= 3);
      if (!ok) throw new UsageError(t('cli.import.badHeaderRows'));
      if (flag === '--header-row') a.options.headerRow = n;
      else a.options.headerRows = n;
    } else if (flag === '--delimiter') a.options.delimiter = value === 'tab' || value === '\\t' ? '\t' : value.slice(0, 1);
    else if (flag === '--out') {
      if (!/\.(csv|parquet)$/i.test(value)) throw new UsageError(t('cli.import.badOut'));
      a.out = value;
    } else if (flag === '--format') {
      if (value !== 'table' && value !== 'json') throw new UsageError(t('cli.badFormat', { format: value }));
      a.format = value;
    }
    // --lang and --datasets are read by sgw itself.
  }
  return a;
}

const PARQUET_TYPES: Record<ColumnType, 'INT32' | 'DOUBLE' | 'BOOLEAN' | 'STRING'> = { integer: 'INT32', double: 'DOUBLE', boolean: 'BOOLEAN', date: 'STRING', string: 'STRING' };

/** Parquet via hyparquet-writer; dates go out as ISO text (YYYY-MM-DD), which every reader shows as it is. */
function toParquet({ arrow, parsed }: ImportedTable): Uint8Array {
  const columnData = arrow.schema.fields.map((f, i) => {
    const col = arrow.getChildAt(i)!;
    return { name: f.name, data: Array.from({ length: arrow.numRows }, (_, r) => plainValue(col.get(r), f)), type: PARQUET_TYPES[parsed.columns[i].type] };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData: columnData as Parameters<typeof parquetWriteBuffer>[0]['columnData'] }));
}

function writeTarget(out: string, index: number, count: number, sheet?: string): string {
  if (count === 1) return out;
  const ext = path.extname(out);
  return `${out.slice(0, -ext.length)}_${sheet ?? index + 1}${ext}`;
}

async function writeOut(target: string, t: ImportedTable): Promise<void> {
  if (/\.parquet$/i.test(target)) {
    await writeFile(target, toParquet(t));
    return;
  }
  const fields = t.arrow.schema.fields;
  const cols = fields.map((_, i) => t.arrow.getChildAt(i)!);
  const rows = Array.from({ length: t.arrow.numRows }, (_, r) => fields.map((f, i) => cellText(cols[i].get(r), f)));
  await writeFile(target, toCsv(fields.map((f) => f.name), rows, { lineEnding: '\n' }));
}

function report(source: SourceInfo, tables: ImportedTable[], written: string[], t: Translate) {
  return {
    file: source.fileName,
    format: source.format,
    encoding: source.encoding ?? null,
    delimiter: source.delimiter ?? null,
    ...(source.sheets ? { sheets: source.sheets } : {}),
    tables: tables.map(({ parsed }) => ({
      name: suggestTableName(source.fileName, tables.length > 1 ? parsed.sheet : undefined),
      sheet: parsed.sheet ?? null,
      rows: parsed.rowCount,
      headerRow: parsed.headerRow ?? null,
      headerRows: parsed.headerRows ?? null,
      columns: parsed.columns.map((c) => ({ name: c.name, type: DUCKDB_TYPES[c.type], unit: c.unit ?? null, path: c.path ?? [c.name], year: c.year ?? null, role: c.role ?? null })),
      titles: parsed.titles,
      notes: parsed.notes,
      title: parsed.title ?? null,
      source: parsed.source ?? null,
      layout: parsed.layout ?? null,
      totals: parsed.totals,
      detected: describeLayout(parsed, t),
      warnings: parsed.warnings.map((w) => importMessage(w, t)),
    })),
    written,
  };
}

function renderText(r: ReturnType<typeof report>, t: Translate): string {
  const head = [
    t('import.format', { format: r.format }),
    ...(r.encoding ? [`${t('import.encoding')}: ${encodingName(r.encoding as EncodingLabel)}`] : []),
    ...(r.delimiter ? [`${t('import.delimiter')}: ${delimiterName(r.delimiter)}`] : []),
    ...(r.sheets ? [`${t('import.sheets')}: ${r.sheets.map((s) => s.name).join(', ')}`] : []),
  ];
  const blocks = r.tables.map((tb) => {
    const lines = [`\n${tb.name}${tb.sheet ? ` (${t('import.sheet')} ${tb.sheet})` : ''}: ${t('import.rows', { rows: tb.rows })}`];
    if (tb.headerRow) lines.push(`${t('import.headerRow')}: ${tb.headerRow} (${t('import.headerRows')} ${tb.headerRows})`);
    for (const x of tb.detected) lines.push(`${t('import.layout')}: ${x}`);
    lines.push(renderTextTable(['column', 'type', 'unit', 'header'], tb.columns.map((c) => [c.name, c.type, c.unit ?? '', c.path.length > 1 ? c.path.join(' › ') : ''])));
    for (const x of describeTotals(tb, t)) lines.push(`${t('import.totals')}: ${x}`);
    for (const x of tb.titles) lines.push(`${t('import.titles')}: ${x}`);
    for (const x of tb.notes) lines.push(`${t('import.notes')}: ${x}`);
    for (const x of tb.warnings) lines.push(`${t('import.warnings')}: ${x}`);
    return lines.join('\n');
  });
  return `${[...head, ...blocks, ...r.written.map((w) => `\n${t('cli.import.wrote', { file: w })}`)].join('\n')}\n`;
}

/** Runs `sgw import …` (argv without the command word); returns the exit code. */
export async function runImportCommand(argv: string[], io: Io, t: Translate): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv, t);
    if (!args.file) throw new UsageError(t('cli.import.missingFile'));
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${t('cli.usage')}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(args.file));
  } catch (e) {
    io.err(`${t('cli.import.readFailed', { detail: (e as Error).message })}\n`);
    return 1;
  }
  try {
    const { source, tables } = await importFile(bytes, path.basename(args.file), args.options);
    const written: string[] = [];
    if (args.out) {
      for (const [i, tb] of tables.entries()) {
        const target = writeTarget(args.out, i, tables.length, tb.parsed.sheet);
        if (path.resolve(target) === path.resolve(args.file)) throw new UsageError(t('cli.import.badOut'));
        await writeOut(target, tb);
        written.push(target);
      }
    }
    const r = report(source, tables, written, t);
    io.out(args.format === 'json' ? `${JSON.stringify(r, null, 2)}\n` : renderText(r, t));
    return 0;
  } catch (e) {
    io.err(`${e instanceof UsageError ? e.message : describeImportError(e, t)}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}
