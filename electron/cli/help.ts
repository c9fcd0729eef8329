/** `sgw --help` and `sgw <command> --help`, written from the same command table the parser reads. */
import type { Translate } from '../../shared/i18n';
import { OUTPUT_FORMATS } from '../../shared/format/table-output';
import { displayWidth } from '../../shared/format/text-table';
import { GLOBAL_FLAGS, type CommandSpec, type FlagSpec } from './args';

function valueHint(spec: FlagSpec, t: Translate): string {
  if (spec.kind === 'boolean') return '';
  if (spec.choices) return ` ${spec.choices.join('|')}`;
  if (spec.int && !spec.arg) return ` <${spec.int[0]}-${spec.int[1]}>`;
  return ` <${spec.arg ? t(spec.arg) : 'N'}>`;
}

/** Two aligned columns; CJK counts double so the second column lines up in a terminal. */
function columns(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([a]) => displayWidth(a)));
  return rows.map(([a, b]) => `  ${a}${' '.repeat(width - displayWidth(a) + 2)}${b}`).join('\n');
}

function flagRow(name: string, spec: FlagSpec, t: Translate, choices = spec.choices): [string, string] {
  const shown = { ...spec, choices };
  return [`${name}${spec.alias ? `, ${spec.alias}` : ''}${valueHint(shown, t)}`, `${t(spec.help)}${spec.kind === 'multi' ? t('cli.help.repeatable') : ''}`];
}

/** The global flags as this command takes them: --format with its own values, --datasets/--project only with the engine. */
function globalRows(spec: CommandSpec | undefined, t: Translate): [string, string][] {
  return Object.entries(GLOBAL_FLAGS)
    .filter(([name]) => !spec || (name === '--format' ? spec.formats.length > 0 : name === '--datasets' || name === '--project' ? spec.usesDb : true))
    .map(([name, flag]) => flagRow(name, flag, t, name === '--format' ? (spec?.formats ?? OUTPUT_FORMATS) : flag.choices));
}

function synopsis(name: string, spec: CommandSpec, t: Translate): string {
  const pos = spec.positionals.map((p) => (p.missing ? `<${t(p.arg)}>` : `[${t(p.arg)}]`));
  return ['sgw', name, ...pos, ...(Object.keys(spec.flags).length || spec.formats.length ? [`[${t('cli.arg.options')}]`] : [])].join(' ');
}

export function commandHelp(name: string, spec: CommandSpec, t: Translate): string {
  const own = Object.entries(spec.flags).map(([flag, s]) => flagRow(flag, s, t));
  return [
    t('cli.help.usage', { usage: synopsis(name, spec, t) }),
    t(spec.summary),
    '',
    ...(own.length ? [t('cli.help.options'), columns(own), ''] : []),
    t('cli.help.globalOptions'),
    columns(globalRows(spec, t)),
    '',
    t(spec.exitCodes),
    '',
  ].join('\n');
}

export function generalHelp(commands: Readonly<Record<string, CommandSpec>>, t: Translate): string {
  return [
    t('cli.help.usage', { usage: `sgw <${t('cli.arg.command')}> [${t('cli.arg.options')}]` }),
    '',
    t('cli.help.commands'),
    columns(Object.entries(commands).map(([name, spec]) => [synopsis(name, spec, t), t(spec.summary)])),
    '',
    t('cli.help.globalOptions'),
    columns(globalRows(undefined, t)),
    '',
    t('cli.help.more'),
    t('cli.exit.query'),
    '',
  ].join('\n');
}
