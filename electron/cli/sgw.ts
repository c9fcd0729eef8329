import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listTables, type TableInfo } from '../../shared/db-catalog';
import type { Db } from '../../shared/db';
import type { DatasetCatalog } from '../../shared/model/catalog';
import { loadBundledDatasets } from '../../shared/datasets/load';
import { describeDbError } from '../../shared/db-errors';
import { isLang, translator, type Translate } from '../../shared/i18n';
import type { Lang } from '../../shared/model/catalog';
import { OUTPUT_FORMATS, formatTable, type OutputFormat } from '../../shared/format/table-output';
import { renderTextTable } from '../../shared/format/text-table';
import { toCsv } from '../../shared/export/csv';
import { describeProjectError } from '../../shared/project/errors';
import { openProject } from '../../shared/project/workspace';
import { openNodeDb } from './node-db';
import { runImportCommand } from './import-command';
import { isExportCommand, runExportCommand } from './export-command';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliOptions {
  command?: string;
  args: string[];
  format: OutputFormat;
  datasets?: string;
  /** A saved project (.sgwp) whose tables are loaded next to the bundled datasets. */
  project?: string;
  lang: Lang;
  help: boolean;
  version: boolean;
}

class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--format', '--datasets', '--project', '--lang']);

export function parseArgs(argv: string[], t: Translate): CliOptions {
  const opts: CliOptions = { args: [], format: 'table', lang: 'zh-CN', help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(t('cli.badOption', { option: flag }));
      if (flag === '--format') {
        if (!OUTPUT_FORMATS.includes(value as OutputFormat)) throw new UsageError(t('cli.badFormat', { format: value }));
        opts.format = value as OutputFormat;
      } else if (flag === '--datasets') opts.datasets = value;
      else if (flag === '--project') opts.project = value;
      else if (isLang(value)) opts.lang = value;
      else throw new UsageError(t('cli.badOption', { option: `${flag} ${value}` }));
    } else if (a === '--help' || a === '-h') opts.help = true;
    else if (a === '--version' || a === '-v') opts.version = true;
    else if (a.startsWith('--')) throw new UsageError(t('cli.badOption', { option: a }));
    else if (opts.command === undefined) opts.command = a;
    else opts.args.push(a);
  }
  return opts;
}

function defaultDatasetsDir(): string {
  return process.env.SGW_DATASETS ?? path.resolve(__dirname, '../../datasets');
}

function formatTables(tables: TableInfo[], format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify({ tables }, null, 2)}\n`;
  const rows = tables.map((t) => [t.name, t.kind, String(t.rows), t.columns.map((c) => `${c.name} ${c.type}`).join(', ')]);
  const headers = ['name', 'kind', 'rows', 'columns'];
  return format === 'csv' ? toCsv(headers, rows, { lineEnding: '\n' }) : `${renderTextTable(headers, rows, [false, false, true, false])}\n`;
}

async function openWithDatasets(dir: string, t: Translate, project?: string): Promise<{ db: Db; catalog: DatasetCatalog }> {
  const db = await openNodeDb();
  let bundled: string[] = [];
  let catalog: DatasetCatalog;
  try {
    const loaded = await loadBundledDatasets(db, async (p) => new Uint8Array(await readFile(path.join(dir, p))));
    catalog = loaded.catalog;
    bundled = [...catalog.datasets.map((d) => d.table), ...loaded.views];
  } catch (e) {
    await db.close();
    throw new UsageError(t('cli.datasetsFailed', { detail: e instanceof Error ? e.message : String(e) }));
  }
  if (project) {
    try {
      await openProject(db, new Uint8Array(await readFile(project)), { replace: [], protect: bundled });
    } catch (e) {
      await db.close();
      throw new UsageError(t('cli.projectFailed', { reason: describeProjectError(e, t) }));
    }
  }
  return { db, catalog };
}

/** Runs `sgw` with the given arguments; returns the process exit code (0 ok, 1 query failed, 2 usage). */
export async function runCli(argv: string[], io: CliIo, version = '0.0.0'): Promise<number> {
  if (isExportCommand(argv)) return runExportCommand(argv, io, { openDb: (dir, tr, project) => openWithDatasets(dir ?? defaultDatasetsDir(), tr, project) });
  const langArg = argv.indexOf('--lang');
  let t = translator(isLang(argv[langArg + 1]) ? (argv[langArg + 1] as Lang) : 'zh-CN');
  if (argv[0] === 'import' && !argv.includes('--help')) return runImportCommand(argv.slice(1), io, t);
  let opts: CliOptions;
  try {
    opts = parseArgs(argv, t);
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${t('cli.usage')}\n`);
    return 2;
  }
  t = translator(opts.lang);
  if (opts.version) {
    io.out(`${version}\n`);
    return 0;
  }
  if (opts.help || !opts.command) {
    (opts.help ? io.out : io.err)(`${t('cli.usage')}\n`);
    return opts.help ? 0 : 2;
  }
  if (opts.command !== 'query' && opts.command !== 'tables') {
    io.err(`${t('cli.unknownCommand', { command: opts.command })}\n\n${t('cli.usage')}\n`);
    return 2;
  }
  const sql = opts.args.join(' ').trim();
  if (opts.command === 'query' && !sql) {
    io.err(`${t('cli.missingSql')}\n`);
    return 2;
  }
  let db: Db;
  try {
    ({ db } = await openWithDatasets(opts.datasets ?? defaultDatasetsDir(), t, opts.project));
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  try {
    if (opts.command === 'tables') io.out(formatTables(await listTables(db), opts.format));
    else io.out(formatTable(await db.query(sql), opts.format));
    return 0;
  } catch (e) {
    const d = describeDbError(e, t);
    io.err(`${d.title}\n${d.detail}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

/** Entry point of the built CLI (bin/sgw.cjs). */
export function main(): void {
  const pkgVersion = (() => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('../../package.json') as { version: string }).version;
    } catch {
      return '0.0.0';
    }
  })();
  const io: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
  runCli(process.argv.slice(2), io, pkgVersion).then((code) => {
    process.exitCode = code;
  });
}
