/**
 * `sgw stats`: column summaries (--summary, the default), a correlation matrix (--corr, --method) and an OLS
 * regression (--regress "Y ~ X1 + X2") of a table or query, computed by shared/stats as in the app's 统计 panel.
 */
import type { Translate } from '../../shared/i18n';
import { correlate, numericColumns, type CorrelationMethod } from '../../shared/stats/correlation';
import { describeStatsError, StatsError } from '../../shared/stats/errors';
import { statsJson, statsText, type StatsReport } from '../../shared/stats/output';
import { parseFormula, regress } from '../../shared/stats/regression';
import { summarize } from '../../shared/stats/summary';
import type { ParsedArgs } from './args';
import { columnList, openSource } from './analysis-flags';
import type { ExportDeps } from './export-command';
import { dbFailure, Failure, runCommand, type CommandIo } from './run-command';

/** Problems with what was asked (a column, a formula) are usage errors; a design the data cannot support is not. */
const USAGE: StatsError['code'][] = ['no-column', 'not-number', 'formula', 'same-column'];

function formulaOf(args: ParsedArgs, t: Translate) {
  const text = args.values['--regress'];
  if (text === undefined) return undefined;
  try {
    return parseFormula(text);
  } catch (e) {
    if (e instanceof StatsError) throw new Failure(2, describeStatsError(e, t));
    throw e;
  }
}

export async function runStatsCommand(args: ParsedArgs, io: CommandIo, t: Translate, deps: ExportDeps): Promise<number> {
  const open = async () => {
    // Column lists and the formula are checked before the engine starts.
    const wanted = columnList(args, '--columns', t);
    const model = formulaOf(args, t);
    return { wanted, model, ...(await deps.openDb(args.values['--datasets'], t)) };
  };
  const explain = (e: unknown) => (e instanceof StatsError ? new Failure(USAGE.includes(e.code) ? 2 : 1, describeStatsError(e, t)) : dbFailure(e, t));
  return runCommand(
    io,
    open,
    async ({ db, wanted, model }) => {
      const corr = args.switches.has('--corr');
      const summary = args.switches.has('--summary') || (!corr && !model);
      const { source } = await openSource(db, args, t);
      const report: StatsReport = {};
      const names = wanted.length ? wanted : undefined;
      if (summary) report.summary = (await summarize(db, source, names)).columns;
      if (corr) report.correlation = await correlate(db, source, (args.values['--method'] ?? 'pearson') as CorrelationMethod, names ?? numericColumns(source));
      if (model) report.regression = await regress(db, source, model.y, model.xs);
      io.out(args.format === 'json' ? statsJson(report) : statsText(report, args.lang));
    },
    explain,
  );
}
