/**
 * `sgw export`: a chart as an Excel workbook or a Word document (native chart, or the picture for kinds Office
 * has no chart for), a PNG, an SVG and/or CSV, for scripted annual reports. The chart is a ChartSpec — built from --sql/--x/--y or
 * read from a saved chart's JSON (--spec) — run by runChart and drawn by buildChartOption, exactly as in the
 * app. Files are replaced atomically.
 */
import { readFile } from 'node:fs/promises';
import type { Table } from 'apache-arrow';
import { writeFileAtomic } from '../main/atomic-write';
import { buildChartOption } from '../../shared/charts/chart-option';
import type { ChartData } from '../../shared/charts/chart-data';
import { runChart } from '../../shared/charts/run-chart';
import type { Db } from '../../shared/db';
import { withCalcFields } from '../../shared/calc/check';
import { describeTable } from '../../shared/db-catalog';
import type { CalcField } from '../../shared/model/calc-field';
import { needsPicture } from '../../shared/export/chart-kinds';
import { chartsToDocx } from '../../shared/export/docx';
import { getProvenance } from '../../shared/import/commit';
import { chartToCsv, tableToCsv, type CsvEncoding } from '../../shared/export/table-export';
import { chartToXlsx } from '../../shared/export/xlsx-chart';
import { formatNumber } from '../../shared/format/number';
import type { Translate } from '../../shared/i18n';
import type { DatasetCatalog, Lang } from '../../shared/model/catalog';
import { specColumns, type ChartSpec } from '../../shared/model/chart-spec';
import { chartSpecFromFile } from '../../shared/model/dashboard';
import { createQueryViewSql } from '../../shared/sql/query-view';
import type { ParsedArgs } from './args';
import { ExportUsageError, QUERY_VIEW, inQueryOrder, specFromFlags } from './export-spec';
import { dbFailure, Failure, runCommand, type CommandIo } from './run-command';
import { renderPng, renderSvg } from './svg-chart';

export interface ExportDeps {
  /** Opens the database with the bundled (or `--datasets`) tables loaded (and `--project`'s), with their catalog. */
  openDb(datasets: string | undefined, t: Translate): Promise<Opened>;
  writeFile?(file: string, bytes: Uint8Array): Promise<void>;
  readFile?(file: string): Promise<Uint8Array>;
}

type Flags = ParsedArgs['values'];

/**
 * Runs `sgw export …` (arguments parsed and checked against commands.ts); returns the exit code (0 ok, 1 query,
 * chart or write failed, 2 usage).
 */
export async function runExportCommand(args: ParsedArgs, io: CommandIo, t: Translate, deps: ExportDeps): Promise<number> {
  const lang = args.lang;
  const o = args.values;
  let fileSpec: ChartSpec | undefined;
  const open = async () => {
    // A bad --spec file is a usage error, found before the database starts.
    if (o['--spec'] !== undefined) {
      try {
        fileSpec = chartSpecFromFile(JSON.parse(new TextDecoder().decode(await (deps.readFile ?? readFile)(o['--spec']))));
      } catch (e) {
        throw new Failure(2, t('cli.export.badSpec', { file: o['--spec'], detail: e instanceof Error ? e.message : String(e) }));
      }
    }
    return deps.openDb(o['--datasets'], t);
  };
  return runCommand(io, open, async (opened) => {
    const { data, csv } = await chartFor(opened, o, fileSpec, lang, t);
    await writeOutputs(o, data, csv, lang, t, io, deps);
  });
}

/** The engine with the datasets (and `--project`'s tables); `calcFields`: the project's calculated fields. */
interface Opened {
  db: Db;
  catalog: DatasetCatalog | null;
  calcFields?: CalcField[];
}

/** The chart's data, and the CSV bytes to write (--sql: the query's own rows, as always; --spec: the chart's data). */
async function chartFor({ db, catalog, calcFields = [] }: Opened, o: Flags, fileSpec: ChartSpec | undefined, lang: Lang, t: Translate) {
  let spec = fileSpec;
  let rows: Table | undefined;
  if (!spec) {
    try {
      rows = await db.query(o['--sql']!);
      if (rows.numRows > 0) await db.exec(createQueryViewSql(QUERY_VIEW, o['--sql']!));
    } catch (e) {
      throw dbFailure(e, t);
    }
    if (rows.numRows === 0) throw new Failure(1, t('cli.export.empty'));
    try {
      spec = specFromFlags({ chart: o['--chart'], x: o['--x']!, y: o['--y']!, series: o['--series'], title: o['--title'], subtitle: o['--subtitle'], unit: o['--unit'], source: o['--source'] }, t);
    } catch (e) {
      if (e instanceof ExportUsageError) throw new Failure(2, e.message);
      throw e;
    }
  }
  let table;
  try {
    table = await describeTable(db, spec.table);
    // The project's calculated fields of that table are its columns here too, as in the window.
    if (table && calcFields.some((f) => f.table === table!.name)) table = (await withCalcFields(db, table, calcFields)).table;
  } catch (e) {
    throw dbFailure(e, t);
  }
  if (!table) throw new Failure(1, t('cli.export.noTable', { table: spec.table }));
  const missing = specColumns(spec).filter((c) => !table.columns.some((col) => col.name === c));
  if (missing.length) throw new Failure(fileSpec ? 1 : 2, t('cli.export.missingColumns', { table: fileSpec ? spec.table : t('cli.export.queryResult'), columns: missing.join(lang === 'en' ? ', ' : '、') }));
  let run;
  try {
    // An imported table (a project's) knows its totals: the chart leaves those out, as in the app.
    run = await runChart(db, spec, { table, catalog, lang, provenance: await getProvenance(db, spec.table) });
  } catch (e) {
    throw dbFailure(e, t);
  }
  if (run.status === 'empty') throw new Failure(1, t('cli.export.empty'));
  if (run.status === 'too-many') throw new Failure(1, t('chart.tooMany', { max: formatNumber(run.max, lang) }));
  const data = rows ? inQueryOrder(run.data, rows, spec.x, spec.series) : run.data;
  const encoding = (o['--encoding']?.toLowerCase() ?? 'utf-8') as CsvEncoding;
  const csv = async () => (rows ? tableToCsv(rows, encoding) : chartToCsv(data, lang, encoding));
  return { data, csv };
}

async function writeOutputs(o: Flags, data: ChartData, csv: () => Promise<Uint8Array>, lang: Lang, t: Translate, io: CommandIo, deps: ExportDeps) {
  const pictures = o['--png'] || o['--svg'] || ((o['--xlsx'] || o['--docx']) && needsPicture(data.kind));
  // User GeoJSON basemaps live in the app's profile: the CLI has no shapes to draw them with.
  if (pictures && data.basemap) throw new Failure(1, t('cli.export.basemap', { name: data.basemap }));
  const width = Number(o['--width'] ?? 960);
  const height = Number(o['--height'] ?? 540);
  // The option the app's screen draws for this chart (the renderers add only a white background, no animation).
  const picture = () => buildChartOption(data, lang);
  // Excel and Word: native charts; the on-screen picture (2×) only for kinds Office has no chart for.
  const office = () => ({ data, ...(needsPicture(data.kind) ? { picture: renderPng(picture(), 960, 540, 2) } : {}) });
  const outputs: [string | undefined, () => Promise<Uint8Array>][] = [
    [o['--xlsx'], async () => chartToXlsx(office(), { lang })],
    [o['--docx'], async () => chartsToDocx({ title: data.title, figures: [office()] }, { lang })],
    [o['--svg'], async () => new TextEncoder().encode(renderSvg(picture(), width, height))],
    [o['--png'], async () => renderPng(picture(), width, height, Number(o['--scale'] ?? 2))],
    [o['--csv'], csv],
  ];
  const write = deps.writeFile ?? ((file: string, bytes: Uint8Array) => writeFileAtomic(file, bytes));
  for (const [file, make] of outputs) {
    if (!file) continue;
    try {
      await write(file, await make());
    } catch (e) {
      throw new Failure(1, t('export.failed', { detail: `${file}: ${(e as Error).message}` }));
    }
    io.out(`${t('cli.export.wrote', { file })}\n`);
  }
}
