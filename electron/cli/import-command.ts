/**
 * `sgw import <file>` (flags in commands.ts): the app's import pipeline, headless. Prints what it detected and
 * the resulting schema; with --out, writes the cleaned table. The source file is only read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import { tableOfStreams } from '../../shared/import/arrow-build';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { writeFileAtomic } from '../main/atomic-write';
import { plainValue } from '../../shared/format/cell';
import { formatTable } from '../../shared/format/table-output';
import { renderTextTable } from '../../shared/format/text-table';
import type { Translate } from '../../shared/i18n';
import { delimiterName } from '../../shared/import/csv-source';
import { encodingName } from '../../shared/import/encoding';
import { describeLayout, describeTotals } from '../../shared/import/describe';
import { detectedFormat, detectedMismatch, formatName } from '../../shared/import/detected-format';
import { describeImportError, importMessage } from '../../shared/import/messages';
import { suggestTableName, type TablePreview } from '../../shared/import/pipeline';
import type { ColumnType, EncodingLabel, ImportOptions, SourceInfo } from '../../shared/import/types';
import { UsageError, type ParsedArgs } from './args';
import { nodeImportRunner } from './import-runner';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const DUCKDB_TYPES: Record<ColumnType, string> = { integer: 'INTEGER', bigint: 'BIGINT', double: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', string: 'VARCHAR' };

/** The parsed flags (checked by the parser against commands.ts) as the pipeline's options. */
function importOptions({ values, lists, switches }: ParsedArgs): ImportOptions {
  const o: ImportOptions = {};
  if (lists['--sheet']) o.sheets = lists['--sheet'];
  if (values['--encoding']) o.encoding = values['--encoding'] as EncodingLabel;
  if (values['--header-row']) o.headerRow = Number(values['--header-row']);
  if (values['--header-rows']) o.headerRows = Number(values['--header-rows']);
  const d = values['--delimiter'];
  if (d) o.delimiter = d.toLowerCase() === 'tab' || d === '\\t' ? '\t' : d;
  if (switches.has('--unpivot')) o.unpivot = true;
  // --type N=bigint: the preview's column type override, by position (the pattern checked N and the name).
  for (const spec of lists['--type'] ?? []) {
    const [n, type] = spec.split('=');
    (o.columns ??= [])[Number(n) - 1] = { type: type.toLowerCase() as ColumnType };
  }
  return o;
}

/** A table as the parsing worker hands it back: everything but the cells, and the cells as Arrow. */
interface ImportedTable {
  parsed: TablePreview;
  arrow: Table;
}

/** The pipeline in a worker with a deadline and a heap cap (./import-runner): a damaged file cannot hang sgw. */
async function importInWorker(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<{ source: SourceInfo; tables: ImportedTable[] }> {
  const { runner, close } = await nodeImportRunner(bytes.byteLength);
  try {
    runner.load('file', bytes);
    const { source, tables } = await runner.build('file', fileName, options);
    return { source, tables: tables.map((t) => ({ parsed: t.preview, arrow: tableOfStreams(t.ipc) })) };
  } finally {
    close();
  }
}

const PARQUET_TYPES: Record<ColumnType, 'INT32' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'STRING'> = { integer: 'INT32', bigint: 'INT64', double: 'DOUBLE', boolean: 'BOOLEAN', date: 'STRING', string: 'STRING' };

/** Parquet via hyparquet-writer; dates go out as ISO text (YYYY-MM-DD), which every reader shows as it is. */
function toParquet({ arrow, parsed }: ImportedTable): Uint8Array {
  const columnData = arrow.schema.fields.map((f, i) => {
    const col = arrow.getChildAt(i)!;
    const type = PARQUET_TYPES[parsed.columns[i].type];
    // INT64 is written from the column's own bigints (exact beyond 2^53); the rest as plain values.
    return { name: f.name, data: Array.from({ length: arrow.numRows }, (_, r) => (type === 'INT64' ? col.get(r) : plainValue(col.get(r), f))), type };
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
    await writeFileAtomic(target, toParquet(t));
    return;
  }
  await writeFileAtomic(target, new TextEncoder().encode(formatTable(t.arrow, 'csv')));
}

function report(source: SourceInfo, tables: ImportedTable[], written: string[], t: Translate) {
  return {
    file: source.fileName,
    format: source.format,
    formatName: formatName(source, t),
    detectedFormat: detectedFormat(source, t)?.name ?? null,
    formatMismatch: detectedMismatch(source, t),
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
    t('import.format', { format: r.formatName }),
    ...(r.detectedFormat ? [r.formatMismatch ?? t('import.detectedAs', { format: r.detectedFormat })] : []),
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

/** Runs `sgw import <file> …` (arguments already parsed); returns the exit code. */
export async function runImportCommand(parsed: ParsedArgs, io: Io, t: Translate): Promise<number> {
  const args = { file: parsed.positionals[0], options: importOptions(parsed), out: parsed.values['--out'], format: parsed.format };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(args.file));
  } catch (e) {
    io.err(`${t('cli.import.readFailed', { detail: (e as Error).message })}\n`);
    return 1;
  }
  try {
    const { source, tables } = await importInWorker(bytes, path.basename(args.file), args.options);
    const written: string[] = [];
    const out = args.out;
    const targets = out ? tables.map((tb, i) => writeTarget(out, i, tables.length, tb.parsed.sheet)) : [];
    // Checked for every target before anything is written: the source is never touched.
    const clash = targets.find((target) => path.resolve(target) === path.resolve(args.file));
    if (clash) throw new UsageError(t('cli.import.outIsSource', { file: clash }), 'import');
    for (const [i, target] of targets.entries()) {
      await writeOut(target, tables[i]);
      written.push(target);
    }
    const r = report(source, tables, written, t);
    io.out(args.format === 'json' ? `${JSON.stringify(r, null, 2)}\n` : renderText(r, t));
    return 0;
  } catch (e) {
    io.err(`${e instanceof UsageError ? e.message : describeImportError(e, t)}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}
