/**
 * `sgw export`: run an aggregate query and write it as an Excel file with a native chart, an SVG picture
 * and/or CSV, for scripted annual reports. Files are replaced atomically.
 */
import { writeFileAtomic } from '../main/atomic-write';
import type { Db } from '../../shared/db';
import { describeDbError } from '../../shared/db-errors';
import { exportChartFromTable, type ExportChartKind } from '../../shared/export/chart-data';
import { exportChartOption } from '../../shared/export/chart-option';
import { tableToCsv, type CsvEncoding } from '../../shared/export/table-export';
import { chartToXlsx } from '../../shared/export/xlsx-chart';
import type { Translate } from '../../shared/i18n';
import type { ParsedArgs } from './args';
import { renderPng, renderSvg } from './svg-chart';

export interface ExportIo {
  out(text: string): void;
  err(text: string): void;
}

export interface ExportDeps {
  /** Opens the database with the bundled (or `--datasets`) tables loaded. */
  openDb(datasets: string | undefined, t: Translate): Promise<Db>;
  writeFile?(file: string, bytes: Uint8Array): Promise<void>;
}

/** Runs `sgw export …` (arguments parsed and checked against commands.ts); returns the exit code (0 ok, 1 query or write failed, 2 usage). */
export async function runExportCommand(args: ParsedArgs, io: ExportIo, t: Translate, deps: ExportDeps): Promise<number> {
  const lang = args.lang;
  const o = args.values;

  let db: Db;
  try {
    db = await deps.openDb(o['--datasets'], t);
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  const write = deps.writeFile ?? ((file: string, bytes: Uint8Array) => writeFileAtomic(file, bytes));
  try {
    let table;
    try {
      table = await db.query(o['--sql']!);
    } catch (e) {
      const d = describeDbError(e, t);
      io.err(`${d.title}\n${d.detail}\n`);
      return 1;
    }
    if (table.numRows === 0) {
      io.err(`${t('cli.export.empty')}\n`);
      return 1;
    }
    const y = o['--y']!.split(',').map((s) => s.trim()).filter(Boolean);
    const kind = (o['--chart'] ?? 'column') as ExportChartKind;
    let chart;
    try {
      chart = exportChartFromTable(table, {
        kind,
        x: o['--x']!,
        y,
        series: o['--series'],
        title: o['--title'] ?? `${y.join('、')} · ${o['--x']}`,
        subtitle: o['--subtitle'],
        unit: o['--unit'],
        source: o['--source'],
      });
    } catch (e) {
      io.err(`${(e as Error).message}\n`);
      return 2;
    }
    const outputs: [string | undefined, () => Promise<Uint8Array>][] = [
      [o['--xlsx'], async () => chartToXlsx(chart, { lang })],
      [o['--svg'], async () => new TextEncoder().encode(renderSvg(exportChartOption(chart, lang), Number(o['--width'] ?? 960), Number(o['--height'] ?? 540)))],
      [o['--png'], async () => renderPng(exportChartOption(chart, lang), Number(o['--width'] ?? 960), Number(o['--height'] ?? 540), Number(o['--scale'] ?? 2))],
      [o['--csv'], () => tableToCsv(table, (o['--encoding']?.toLowerCase() ?? 'utf-8') as CsvEncoding)],
    ];
    for (const [file, make] of outputs) {
      if (!file) continue;
      try {
        await write(file, await make());
      } catch (e) {
        io.err(`${t('export.failed', { detail: `${file}: ${(e as Error).message}` })}\n`);
        return 1;
      }
      io.out(`${t('cli.export.wrote', { file })}\n`);
    }
    return 0;
  } finally {
    await db.close();
  }
}
