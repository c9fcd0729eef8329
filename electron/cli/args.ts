/**
 * The one argument parser of `sgw`. Commands are declarative entries (commands.ts); this reads argv against
 * them. Global flags stand anywhere, before or after the command; `--flag value` and `--flag=value` both
 * work; `--` ends the flags. Messages come from the i18n catalogs in the language `--lang` names, wherever
 * it stands (found by `detectLang` before parsing, so even the first error speaks it).
 */
import { LANGS, type MessageKey, type Translate } from '../../shared/i18n';
import type { OutputFormat } from '../../shared/format/table-output';
import type { Lang } from '../../shared/model/catalog';

export interface FlagSpec {
  /** boolean: a switch; single: one value, a repeat is refused; multi: repeatable, values kept in order. */
  kind: 'boolean' | 'single' | 'multi';
  help: MessageKey;
  /** Placeholder for the value in help (文件 / file); not needed with `choices`. */
  arg?: MessageKey;
  /** The only values accepted, matched case-insensitively and stored as written here. */
  choices?: readonly string[];
  /** A whole number in [min, max]. */
  int?: readonly [number, number];
  pattern?: RegExp;
  /** The message for a bad value, given {flag, value, values, min, max}; default cli.badValue / cli.badInt. */
  invalid?: MessageKey;
  alias?: string;
}

export interface PositionalSpec {
  arg: MessageKey;
  /** The message when it is missing or blank; the argument is then required. */
  missing?: MessageKey;
  /** Takes every remaining positional, joined by spaces (the SQL of `sgw query`). */
  rest?: boolean;
}

export interface CommandSpec {
  summary: MessageKey;
  positionals: readonly PositionalSpec[];
  flags: Readonly<Record<string, FlagSpec>>;
  /** The values --format takes here; empty: the command has no --format. */
  formats: readonly OutputFormat[];
  /** False when the command never opens the engine: --datasets and --project are then refused. */
  usesDb: boolean;
  exitCodes: MessageKey;
  /** Rules across flags, run once everything parsed (not for --help / --version). Throws UsageError. */
  check?(args: ParsedArgs, fail: (key: MessageKey, params?: Params) => never): void;
}

type Params = Record<string, string | number>;

export const GLOBAL_FLAGS: Readonly<Record<string, FlagSpec>> = {
  // Its values differ per command (CommandSpec.formats): checked once the command is known.
  '--format': { kind: 'single', help: 'cli.flag.format' },
  '--datasets': { kind: 'single', help: 'cli.flag.datasets', arg: 'cli.arg.dir' },
  '--project': { kind: 'single', help: 'cli.flag.project', arg: 'cli.arg.file' },
  '--lang': { kind: 'single', help: 'cli.flag.lang', choices: LANGS },
  '--help': { kind: 'boolean', help: 'cli.flag.help', alias: '-h' },
  '--version': { kind: 'boolean', help: 'cli.flag.version', alias: '-v' },
};
const DB_FLAGS = ['--datasets', '--project'];

export interface ParsedArgs {
  command?: string;
  /** One entry per PositionalSpec (a `rest` one joined). */
  positionals: string[];
  /** Single-value flags, global ones included, keyed by their long name (`--sql`). */
  values: Partial<Record<string, string>>;
  /** Repeatable flags, in the order given. */
  lists: Record<string, string[]>;
  switches: ReadonlySet<string>;
  lang: Lang;
  format: OutputFormat;
  help: boolean;
  version: boolean;
}

/** The one usage error: exit code 2. `command` points the user at `sgw <command> --help`. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

const isFlagToken = (tok: string) => tok.length > 1 && tok.startsWith('-') && !/^-[\d.]/.test(tok);
const longName = (tok: string) => Object.keys(GLOBAL_FLAGS).find((k) => GLOBAL_FLAGS[k].alias === tok) ?? tok;

/** Flags before `--` only: a `--help` after it is an argument. */
function flagTokens(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

/** The language `--lang` asks for, wherever it stands; zh-CN when absent or not a language (the parser then says so). */
export function detectLang(argv: readonly string[]): Lang {
  const tokens = flagTokens(argv);
  for (let i = 0; i < tokens.length; i++) {
    const value = tokens[i] === '--lang' ? tokens[i + 1] : tokens[i].startsWith('--lang=') ? tokens[i].slice(7) : undefined;
    const lang = LANGS.find((l) => l.toLowerCase() === value?.toLowerCase());
    if (value !== undefined) return lang ?? 'zh-CN';
  }
  return 'zh-CN';
}

export const wantsHelp = (argv: readonly string[]) => flagTokens(argv).some((a) => a === '--help' || a === '-h');

/** Reads argv against the command table; throws UsageError with a message in `t`'s language. */
export function parseArgv(argv: readonly string[], commands: Readonly<Record<string, CommandSpec>>, t: Translate): ParsedArgs {
  const values: Partial<Record<string, string>> = {};
  const lists: Record<string, string[]> = {};
  const switches = new Set<string>();
  const bare: string[] = [];
  let command: string | undefined;
  const fail = (key: MessageKey, params?: Params): never => {
    throw new UsageError(t(key, params), command);
  };
  const list = (items: readonly (string | number)[]) => items.join(t('cli.sep'));

  const checkValue = (flag: string, spec: FlagSpec, value: string): string => {
    const params = { flag, value, values: list(spec.choices ?? []), min: spec.int?.[0] ?? '', max: spec.int?.[1] ?? '' };
    if (spec.choices) return spec.choices.find((c) => c.toLowerCase() === value.toLowerCase()) ?? fail(spec.invalid ?? 'cli.badValue', params);
    if (spec.int) {
      const n = Number(value);
      if (!/^\d+$/.test(value.trim()) || n < spec.int[0] || n > spec.int[1]) fail(spec.invalid ?? 'cli.badInt', params);
    }
    if (spec.pattern && !spec.pattern.test(value)) fail(spec.invalid ?? 'cli.badValue', params);
    return value;
  };

  let flagsDone = false;
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i];
    if (tok === '--' && !flagsDone) {
      flagsDone = true;
      continue;
    }
    if (flagsDone || !isFlagToken(tok)) {
      if (command !== undefined) bare.push(tok);
      else if (Object.hasOwn(commands, tok)) command = tok;
      else fail('cli.unknownCommand', { command: tok, commands: list(Object.keys(commands)) });
      continue;
    }
    const eq = tok.startsWith('--') ? tok.indexOf('=') : -1;
    const flag = longName(eq > 0 ? tok.slice(0, eq) : tok);
    const spec = GLOBAL_FLAGS[flag] ?? (command !== undefined && Object.hasOwn(commands[command].flags, flag) ? commands[command].flags[flag] : undefined);
    if (!spec) fail('cli.badOption', { option: flag });
    else if (spec.kind === 'boolean') {
      if (eq > 0) fail('cli.noValue', { flag });
      switches.add(flag);
    } else {
      const raw = eq > 0 ? tok.slice(eq + 1) : argv[i + 1];
      // `--title --xlsx a.xlsx` is a forgotten value, not a title.
      if (raw === undefined || (eq < 0 && raw.startsWith('--'))) fail('cli.missingValue', { flag });
      if (eq < 0) i++;
      const value = checkValue(flag, spec, raw!);
      if (spec.kind === 'multi') (lists[flag] ??= []).push(value);
      else if (values[flag] !== undefined) fail('cli.repeated', { flag });
      else values[flag] = value;
    }
  }

  const parsed: ParsedArgs = {
    command,
    positionals: [],
    values,
    lists,
    switches,
    lang: (values['--lang'] as Lang | undefined) ?? 'zh-CN',
    format: 'table',
    help: switches.has('--help'),
    version: switches.has('--version'),
  };
  if (command === undefined) return parsed;
  const spec = commands[command];
  // Global flags may come before the command, so whether they apply is known only now.
  const format = values['--format'];
  if (format !== undefined) {
    if (spec.formats.length === 0) fail('cli.notUsed', { command: `sgw ${command}`, flag: '--format' });
    parsed.format = spec.formats.find((f) => f.toLowerCase() === format.toLowerCase()) ?? fail('cli.badFormat', { value: format, command: `sgw ${command}`, values: list(spec.formats) });
    values['--format'] = parsed.format;
  }
  for (const flag of DB_FLAGS) if (!spec.usesDb && values[flag] !== undefined) fail('cli.notUsed', { command: `sgw ${command}`, flag });
  if (parsed.help || parsed.version) return parsed;

  spec.positionals.forEach((p, i) => {
    const value = p.rest ? bare.slice(i).join(' ') : bare[i];
    if (p.missing && !value?.trim()) fail(p.missing);
    if (value !== undefined) parsed.positionals.push(value);
  });
  const taken = spec.positionals.some((p) => p.rest) ? bare.length : spec.positionals.length;
  if (bare.length > taken) fail('cli.extraArg', { arg: bare[taken] });
  spec.check?.(parsed, fail);
  return parsed;
}
