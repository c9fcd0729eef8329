/**
 * `sgw pivot`: a pivot table of a table (--table) or a query (--sql), run by runPivot exactly as the app's
 * 数据透视表, printed as an aligned table, CSV (first row: the column keys; each other row starts with its row
 * keys; totals labelled 合计 / Total) or JSON, and optionally written as a formatted Excel file with its chart
 * sheet and/or a Word table (each atomically).
 */
import { writeFileAtomic } from '../main/atomic-write';
import { DOCX_MAX_PIVOT_CELLS } from '../../shared/export/limits';
import { pivotToDocx } from '../../shared/export/pivot-docx';
import { pivotToXlsx } from '../../shared/export/pivot-xlsx';
import { formatNumber } from '../../shared/format/number';
import type { Translate } from '../../shared/i18n';
import { parsePivotSpec, type PivotSpec } from '../../shared/model/pivot-spec';
import { checkPivot } from '../../shared/pivot/labels';
import { pivotCsv, pivotJson, pivotText } from '../../shared/pivot/output';
import { pivotChartData } from '../../shared/pivot/pivot-chart';
import { runPivot } from '../../shared/pivot/run-pivot';
import { pivotCellCount, pivotTable } from '../../shared/pivot/table';
import type { ParsedArgs } from './args';
import { columnList, openSource, parseValues } from './analysis-flags';
import type { ExportDeps } from './export-command';
import { dbFailure, Failure, runCommand, type CommandIo } from './run-command';

function specFromFlags(args: ParsedArgs, table: string, t: Translate): PivotSpec {
  const json = {
    version: 1,
    table,
    rows: columnList(args, '--rows', t),
    cols: columnList(args, '--cols', t),
    values: parseValues(args.values['--values'] ?? '', t),
    filters: [],
    totals: args.switches.has('--totals'),
    title: '',
  };
  try {
    return parsePivotSpec(json);
  } catch (e) {
    throw new Failure(2, t('cli.pivot.badSpec', { detail: (e as Error).message.replace(/^pivot spec: /, '') }));
  }
}

export async function runPivotCommand(args: ParsedArgs, io: CommandIo, t: Translate, deps: ExportDeps): Promise<number> {
  const open = () => {
    // Flags that cannot work are found before the engine starts.
    specFromFlags(args, 'query', t);
    return deps.openDb(args.values['--datasets'], t);
  };
  return runCommand(io, open, async ({ db }) => {
    const { source, name } = await openSource(db, args, t);
    const spec = specFromFlags(args, name, t);
    const problem = checkPivot(spec, source, t, name);
    if (problem) throw new Failure(2, problem);
    let run;
    try {
      run = await runPivot(db, spec, source);
    } catch (e) {
      throw dbFailure(e, t);
    }
    if (run.status === 'empty') throw new Failure(1, t('pivot.error.empty'));
    if (run.status === 'too-many') throw new Failure(1, t('pivot.error.tooMany', { max: formatNumber(run.max, args.lang) }));
    const { grid } = run;
    const table = pivotTable(grid, spec, args.lang);
    const cells = pivotCellCount(table);
    if (args.values['--docx'] && cells > DOCX_MAX_PIVOT_CELLS) throw new Failure(1, t('pivot.docxTooBig', { cells: formatNumber(cells, args.lang), max: formatNumber(DOCX_MAX_PIVOT_CELLS, args.lang) }));
    const outputs: [string | undefined, () => Uint8Array][] = [
      [args.values['--xlsx'], () => pivotToXlsx(table, { lang: args.lang, chart: pivotChartData(grid, spec, args.lang) })],
      [args.values['--docx'], () => pivotToDocx(table, { lang: args.lang })],
    ];
    for (const [file, bytes] of outputs) {
      if (!file) continue;
      try {
        await (deps.writeFile ?? ((f: string, b: Uint8Array) => writeFileAtomic(f, b)))(file, bytes());
      } catch (e) {
        throw new Failure(1, t('export.failed', { detail: `${file}: ${(e as Error).message}` }));
      }
      io.err(`${t('cli.export.wrote', { file })}\n`);
    }
    const out = args.format === 'csv' ? pivotCsv(grid, spec, args.lang) : args.format === 'json' ? pivotJson(grid, spec, args.lang, run.query.sql) : pivotText(grid, spec, args.lang);
    io.out(out);
  });
}
