import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listTables, type TableInfo } from '../../shared/db-catalog';
import type { Db } from '../../shared/db';
import type { DatasetCatalog } from '../../shared/model/catalog';
import { loadBundledDatasets } from '../../shared/datasets/load';
import { translator, type Translate } from '../../shared/i18n';
import { formatTable, type OutputFormat } from '../../shared/format/table-output';
import { renderTextTable } from '../../shared/format/text-table';
import { toCsv } from '../../shared/export/csv';
import { describeProjectError } from '../../shared/project/errors';
import { openProject } from '../../shared/project/workspace';
import type { CalcField } from '../../shared/model/calc-field';
import { openNodeDb } from './node-db';
import { useNodeParquetWasm } from './parquet-node';
import { detectLang, parseArgv, UsageError, wantsHelp, type ParsedArgs } from './args';
import { COMMANDS, type CommandName } from './commands';
import { commandHelp, generalHelp } from './help';
import { runImportCommand } from './import-command';
import { runExportCommand } from './export-command';
import { runPivotCommand } from './pivot-command';
import { runStatsCommand } from './stats-command';
import { dbFailure, runCommand, type CommandIo } from './run-command';

export type CliIo = CommandIo;

function defaultDatasetsDir(): string {
  return process.env.SGW_DATASETS ?? path.resolve(__dirname, '../../datasets');
}

function formatTables(tables: TableInfo[], format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify({ tables }, null, 2)}\n`;
  const rows = tables.map((t) => [t.name, t.kind, String(t.rows), t.columns.map((c) => `${c.name} ${c.type}`).join(', ')]);
  const headers = ['name', 'kind', 'rows', 'columns'];
  return format === 'csv' ? toCsv(headers, rows, { lineEnding: '\n' }) : `${renderTextTable(headers, rows, [false, false, true, false])}\n`;
}

async function openWithDatasets(dir: string, t: Translate, project?: string): Promise<{ db: Db; catalog: DatasetCatalog; calcFields: CalcField[] }> {
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
  let calcFields: CalcField[] = [];
  if (project) {
    try {
      const manifest = await openProject(db, new Uint8Array(await readFile(project)), { replace: [], protect: bundled });
      calcFields = manifest.documents.calcFields.flatMap((f) => f.fields);
    } catch (e) {
      await db.close();
      throw new UsageError(t('cli.projectFailed', { reason: describeProjectError(e, t) }));
    }
  }
  return { db, catalog, calcFields };
}

type Runner = (args: ParsedArgs, io: CliIo, t: Translate) => Promise<number>;

/** tables and query: open the engine with the datasets (and project), print, close. */
function withDb(run: (db: Db, args: ParsedArgs) => Promise<string>): Runner {
  return (args, io, t) =>
    runCommand(
      io,
      () => openWithDatasets(args.values['--datasets'] ?? defaultDatasetsDir(), t, args.values['--project']),
      async ({ db }) => io.out(await run(db, args)),
      (e) => dbFailure(e, t),
    );
}

/** How a command opens the engine: the datasets (--datasets or the bundled ones) and --project's tables. */
const engine = (args: ParsedArgs) => ({ openDb: (dir: string | undefined, t: Translate) => openWithDatasets(dir ?? defaultDatasetsDir(), t, args.values['--project']) });

const RUNNERS: Record<CommandName, Runner> = {
  tables: withDb(async (db, args) => formatTables(await listTables(db), args.format)),
  query: withDb(async (db, args) => formatTable(await db.query(args.positionals[0]), args.format)),
  import: (args, io, t) => runImportCommand(args, io, t),
  export: (args, io, t) => runExportCommand(args, io, t, engine(args)),
  pivot: (args, io, t) => runPivotCommand(args, io, t, engine(args)),
  stats: (args, io, t) => runStatsCommand(args, io, t, engine(args)),
};

/** Runs `sgw` with the given arguments; returns the process exit code (0 ok, 1 query failed, 2 usage). */
export async function runCli(argv: string[], io: CliIo, version = '0.0.0'): Promise<number> {
  useNodeParquetWasm();
  let t = translator(detectLang(argv));
  let args: ParsedArgs;
  try {
    args = parseArgv(argv, COMMANDS, t);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // `sgw export --bogus --help` asked for that command's help: give it rather than the error. Without a
    // known command (`sgw frobnicate --help`) the error is the useful answer.
    if (e.command && wantsHelp(argv)) {
      io.out(commandHelp(e.command, COMMANDS[e.command as CommandName], t));
      return 0;
    }
    io.err(`${e.message}\n${t('cli.seeHelp', { help: e.command ? `sgw ${e.command} --help` : 'sgw --help' })}\n`);
    return 2;
  }
  t = translator(args.lang);
  const command = args.command as CommandName | undefined;
  if (args.version) {
    io.out(`${version}\n`);
    return 0;
  }
  if (args.help || !command) {
    (args.help ? io.out : io.err)(command ? commandHelp(command, COMMANDS[command], t) : generalHelp(COMMANDS, t));
    return args.help ? 0 : 2;
  }
  return RUNNERS[command](args, io, t);
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
