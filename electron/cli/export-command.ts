/**
 * `sgw export`: run an aggregate query and write it as an Excel file with a native chart, an SVG picture
 * and/or CSV, for scripted annual reports. Files are replaced atomically.
 */
import { writeFileAtomic } from '../main/atomic-write';
import type { Db } from '../../shared/db';
import { describeDbError } from '../../shared/db-errors';
import { exportChartFromTable, type ExportChartKind } from '../../shared/export/chart-data';
import { exportChartOption } from '../../shared/export/chart-option';
import { CSV_ENCODINGS, tableToCsv, type CsvEncoding } from '../../shared/export/table-export';
import { chartToXlsx } from '../../shared/export/xlsx-chart';
import { isLang, translator, type Translate } from '../../shared/i18n';
import type { Lang } from '../../shared/model/catalog';
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

const KINDS: readonly ExportChartKind[] = ['column', 'bar', 'line', 'pie', 'combo'];
const VALUE_FLAGS = ['--sql', '--chart', '--x', '--y', '--series', '--title', '--subtitle', '--unit', '--source', '--xlsx', '--png', '--svg', '--csv', '--encoding', '--width', '--height', '--scale', '--datasets', '--lang'] as const;
type Flag = (typeof VALUE_FLAGS)[number];
const GLOBAL_VALUE_FLAGS = new Set(['--format', '--datasets', '--lang']);

class UsageError extends Error {}

/** True when the first word that is not a global option is `export`. */
export function isExportCommand(argv: string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    if (GLOBAL_VALUE_FLAGS.has(argv[i])) i++;
    else if (!argv[i].startsWith('-')) return argv[i] === 'export';
  }
  return false;
}

function parse(argv: string[], t: Translate): Partial<Record<Flag, string>> {
  const values: Partial<Record<Flag, string>> = {};
  let sawCommand = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = (eq > 0 ? a.slice(0, eq) : a) as Flag;
    if ((VALUE_FLAGS as readonly string[]).includes(flag)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(t('cli.badOption', { option: flag }));
      values[flag] = v;
    } else if (a === 'export' && !sawCommand) sawCommand = true;
    else throw new UsageError(t('cli.badOption', { option: a }));
  }
  return values;
}

/** Runs `sgw export …`; returns the exit code (0 ok, 1 query or write failed, 2 usage). */
export async function runExportCommand(argv: string[], io: ExportIo, deps: ExportDeps): Promise<number> {
  const langAt = argv.findIndex((a) => a === '--lang');
  const lang: Lang = isLang(argv[langAt + 1]) ? (argv[langAt + 1] as Lang) : 'zh-CN';
  const t = translator(lang);
  let o: Partial<Record<Flag, string>>;
  try {
    o = parse(argv, t);
    if (o['--lang'] !== undefined && !isLang(o['--lang'])) throw new UsageError(t('cli.badOption', { option: `--lang ${o['--lang']}` }));
    for (const f of ['--sql', '--x', '--y'] as const) if (!o[f]?.trim()) throw new UsageError(t('cli.export.missing', { what: f }));
    if (o['--chart'] !== undefined && !KINDS.includes(o['--chart'] as ExportChartKind)) throw new UsageError(t('cli.export.badChart', { kind: o['--chart'] }));
    if (o['--encoding'] !== undefined && !CSV_ENCODINGS.includes(o['--encoding'].toLowerCase() as CsvEncoding)) {
      throw new UsageError(t('cli.export.badEncoding', { encoding: o['--encoding'] }));
    }
    if (o['--scale'] !== undefined && !['1', '2', '3'].includes(o['--scale'])) throw new UsageError(t('cli.badOption', { option: `--scale ${o['--scale']}` }));
    if (!o['--xlsx'] && !o['--svg'] && !o['--csv'] && !o['--png']) throw new UsageError(t('cli.export.noOutput'));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n\n${t('cli.usage')}\n`);
    return 2;
  }

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
