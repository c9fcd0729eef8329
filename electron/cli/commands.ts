/**
 * Every `sgw` command as data: positional arguments, flags (boolean / single / multi), value checks and
 * help texts (i18n keys). The parser (args.ts) and the help (help.ts) read this table; sgw.ts maps each name
 * to the function that runs it. A new command is one entry here plus its runner.
 */
import { CSV_ENCODINGS } from '../../shared/export/table-export';
import { CHART_KINDS } from '../../shared/model/chart-spec';
import { OUTPUT_FORMATS } from '../../shared/format/table-output';
import { COLUMN_TYPES, ENCODINGS } from '../../shared/import/types';
import type { CommandSpec, ParsedArgs } from './args';

/** Every kind the app draws (the chart is a ChartSpec run as in the app). */
export const EXPORT_KINDS = CHART_KINDS;
const EXPORT_OUTPUTS = ['--xlsx', '--docx', '--png', '--svg', '--csv'];
/** What a --spec file already says: giving these too would be ambiguous. */
const CHART_FLAGS = ['--sql', '--chart', '--x', '--y', '--series', '--title', '--subtitle', '--unit', '--source'];
const PIXELS = [100, 8000] as const;

/** sgw pivot / stats read --table or --sql, exactly one. */
function checkSource(values: ParsedArgs['values'], fail: (key: 'cli.analysis.source') => never): void {
  if ((values['--table'] === undefined) === (values['--sql'] === undefined)) fail('cli.analysis.source');
}

export const COMMANDS = {
  tables: {
    summary: 'cli.tables.summary',
    positionals: [],
    flags: {},
    formats: OUTPUT_FORMATS,
    usesDb: true,
    exitCodes: 'cli.exit.query',
  },
  query: {
    summary: 'cli.query.summary',
    positionals: [{ arg: 'cli.arg.sql', missing: 'cli.missingSql', rest: true }],
    flags: {},
    formats: OUTPUT_FORMATS,
    usesDb: true,
    exitCodes: 'cli.exit.query',
  },
  import: {
    summary: 'cli.import.summary',
    positionals: [{ arg: 'cli.arg.file', missing: 'cli.import.missingFile' }],
    flags: {
      '--sheet': { kind: 'multi', help: 'cli.flag.sheet', arg: 'cli.arg.sheet' },
      '--encoding': { kind: 'single', help: 'cli.flag.encoding', choices: ENCODINGS, invalid: 'cli.import.badEncoding' },
      '--header-row': { kind: 'single', help: 'cli.flag.headerRow', arg: 'cli.arg.n', int: [1, 1_048_576] },
      '--header-rows': { kind: 'single', help: 'cli.flag.headerRows', int: [0, 3], invalid: 'cli.import.badHeaderRows' },
      '--delimiter': { kind: 'single', help: 'cli.flag.delimiter', arg: 'cli.arg.char', pattern: /^(?:tab|\\t|[^\r\n])$/iu, invalid: 'cli.import.badDelimiter' },
      '--unpivot': { kind: 'boolean', help: 'cli.flag.unpivot' },
      '--type': { kind: 'multi', help: 'cli.flag.type', arg: 'cli.arg.columnType', pattern: new RegExp(`^[1-9]\\d{0,4}=(?:${COLUMN_TYPES.join('|')})$`, 'i'), invalid: 'cli.import.badType' },
      '--out': { kind: 'single', help: 'cli.flag.out', arg: 'cli.arg.file', pattern: /\.(csv|parquet)$/i, invalid: 'cli.import.badOut' },
    },
    formats: ['table', 'json'],
    usesDb: false,
    exitCodes: 'cli.exit.import',
  },
  export: {
    summary: 'cli.export.summary',
    positionals: [],
    flags: {
      '--sql': { kind: 'single', help: 'cli.flag.sql', arg: 'cli.arg.sql' },
      '--spec': { kind: 'single', help: 'cli.flag.spec', arg: 'cli.arg.file' },
      '--chart': { kind: 'single', help: 'cli.flag.chart', choices: EXPORT_KINDS, invalid: 'cli.export.badChart' },
      '--x': { kind: 'single', help: 'cli.flag.x', arg: 'cli.arg.column' },
      '--y': { kind: 'single', help: 'cli.flag.y', arg: 'cli.arg.columns' },
      '--series': { kind: 'single', help: 'cli.flag.series', arg: 'cli.arg.column' },
      '--title': { kind: 'single', help: 'cli.flag.title', arg: 'cli.arg.text' },
      '--subtitle': { kind: 'single', help: 'cli.flag.subtitle', arg: 'cli.arg.text' },
      '--unit': { kind: 'single', help: 'cli.flag.unit', arg: 'cli.arg.text' },
      '--source': { kind: 'single', help: 'cli.flag.source', arg: 'cli.arg.text' },
      '--width': { kind: 'single', help: 'cli.flag.width', arg: 'cli.arg.pixels', int: PIXELS },
      '--height': { kind: 'single', help: 'cli.flag.height', arg: 'cli.arg.pixels', int: PIXELS },
      '--xlsx': { kind: 'single', help: 'cli.flag.xlsx', arg: 'cli.arg.file' },
      '--docx': { kind: 'single', help: 'cli.flag.docx', arg: 'cli.arg.file' },
      '--png': { kind: 'single', help: 'cli.flag.png', arg: 'cli.arg.file' },
      '--scale': { kind: 'single', help: 'cli.flag.scale', choices: ['1', '2', '3'] },
      '--svg': { kind: 'single', help: 'cli.flag.svg', arg: 'cli.arg.file' },
      '--csv': { kind: 'single', help: 'cli.flag.csv', arg: 'cli.arg.file' },
      '--encoding': { kind: 'single', help: 'cli.flag.csvEncoding', choices: CSV_ENCODINGS, invalid: 'cli.export.badEncoding' },
    },
    formats: [],
    usesDb: true,
    exitCodes: 'cli.exit.export',
    check({ values }, fail) {
      if (values['--spec'] !== undefined) {
        const clash = CHART_FLAGS.filter((f) => values[f] !== undefined);
        if (clash.length) fail('cli.export.specConflict', { flags: clash.join(' ') });
      } else for (const flag of ['--sql', '--x', '--y']) if (!values[flag]?.trim()) fail('cli.missingFlag', { flag });
      if (!EXPORT_OUTPUTS.some((f) => values[f] !== undefined)) fail('cli.export.noOutput');
    },
  },
  pivot: {
    summary: 'cli.pivot.summary',
    positionals: [],
    flags: {
      '--table': { kind: 'single', help: 'cli.flag.table', arg: 'cli.arg.table' },
      '--sql': { kind: 'single', help: 'cli.flag.analysisSql', arg: 'cli.arg.sql' },
      '--rows': { kind: 'single', help: 'cli.flag.rows', arg: 'cli.arg.columns' },
      '--cols': { kind: 'single', help: 'cli.flag.cols', arg: 'cli.arg.columns' },
      '--values': { kind: 'single', help: 'cli.flag.values', arg: 'cli.arg.values' },
      '--totals': { kind: 'boolean', help: 'cli.flag.totals' },
      '--xlsx': { kind: 'single', help: 'cli.flag.pivotXlsx', arg: 'cli.arg.file' },
      '--docx': { kind: 'single', help: 'cli.flag.pivotDocx', arg: 'cli.arg.file' },
    },
    formats: OUTPUT_FORMATS,
    usesDb: true,
    exitCodes: 'cli.exit.pivot',
    check({ values }, fail) {
      checkSource(values, fail);
      if (!values['--values']?.trim()) fail('cli.missingFlag', { flag: '--values' });
    },
  },
  stats: {
    summary: 'cli.stats.summary',
    positionals: [],
    flags: {
      '--table': { kind: 'single', help: 'cli.flag.table', arg: 'cli.arg.table' },
      '--sql': { kind: 'single', help: 'cli.flag.analysisSql', arg: 'cli.arg.sql' },
      '--summary': { kind: 'boolean', help: 'cli.flag.statsSummary' },
      '--corr': { kind: 'boolean', help: 'cli.flag.corr' },
      '--method': { kind: 'single', help: 'cli.flag.method', choices: ['pearson', 'spearman'] },
      '--regress': { kind: 'single', help: 'cli.flag.regress', arg: 'cli.arg.formula' },
      '--columns': { kind: 'single', help: 'cli.flag.columns', arg: 'cli.arg.columns' },
    },
    formats: ['table', 'json'],
    usesDb: true,
    exitCodes: 'cli.exit.stats',
    check({ values }, fail) {
      checkSource(values, fail);
    },
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;
