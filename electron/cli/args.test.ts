import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import { detectLang, parseArgv, UsageError } from './args';
import { COMMANDS } from './commands';
import { sgw, tempDir } from '../../tests/fixtures/cli';

const datasets = path.resolve(__dirname, '../../tests/fixtures/datasets');
const gbk = path.resolve(__dirname, '../../tests/fixtures/import/gbk.csv');
const yearbook = path.resolve(__dirname, '../../tests/fixtures/import/yearbook.xlsx');
const HAN = /[\u3400-\u9fff]/;
const tmp = tempDir('sgw-args-');

const parse = (...argv: string[]) => parseArgv(argv, COMMANDS, translator(detectLang(argv)));
function usageError(...argv: string[]): UsageError {
  try {
    parse(...argv);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('global flags stand anywhere', () => {
  it('import: --lang and --format before or after the command, --flag=value or --flag value', async () => {
    for (const argv of [
      ['--lang', 'en', 'import', gbk, '--format', 'json'],
      ['import', gbk, '--lang', 'en', '--format=json'],
      ['--format=json', 'import', '--lang=en', gbk],
    ]) {
      const r = await sgw(...argv);
      expect([r.code, r.err], argv.join(' ')).toEqual([0, '']);
      expect(JSON.parse(r.out).tables[0].columns[0]).toEqual({ name: '地区', type: 'VARCHAR', unit: null, path: ['地区'], year: null, role: null });
    }
    // The language reaches the command's own messages too.
    expect((await sgw('--lang', 'en', 'import', path.join(tmp.path, 'missing.csv'))).err).toContain('Cannot read the file');
    expect((await sgw('import', path.join(tmp.path, 'missing.csv'), '--lang', 'en')).err).toContain('Cannot read the file');
    // Text output, English labels: the flag after the file took effect.
    expect((await sgw('import', gbk, '--lang', 'en')).out).not.toMatch(/格式|编码/);
  });

  it('tables: --format json before or after, with = or a space; --datasets anywhere', async () => {
    for (const argv of [
      ['--format', 'json', 'tables', '--datasets', datasets],
      ['tables', '--format=json', '--datasets', datasets],
      ['--datasets', datasets, 'tables', '--format', 'json'],
      ['--datasets=' + datasets, '--format=JSON', 'tables'],
    ]) {
      const r = await sgw(...argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect((JSON.parse(r.out) as { tables: { name: string }[] }).tables.map((t) => t.name)).toEqual(['demo_by_year', 'demo_orgs']);
    }
  });

  it('query: globals before the command and after the SQL; a negative number is an argument', async () => {
    const before = await sgw('--lang', 'en', '--format', 'csv', '--datasets', datasets, 'query', 'SELECT count(*)::INTEGER AS n FROM demo_orgs');
    expect(before).toEqual({ code: 0, out: 'n\n5\n', err: '' });
    const split = await sgw('query', 'SELECT', '-1', 'AS', 'x', '--format=json', '--datasets', datasets);
    expect(JSON.parse(split.out).rows).toEqual([{ x: -1 }]);
    const en = await sgw('query', 'SELEC 1', '--datasets', datasets, '--lang', 'en');
    expect([en.code, en.err.split('\n')[0]]).toEqual([1, 'SQL syntax error']);
  });

  it('export: --lang and --datasets before the command', async () => {
    const csv = path.join(tmp.path, 'e.csv');
    const r = await sgw('--lang', 'en', '--datasets', datasets, 'export', '--sql', 'SELECT 1 AS a', '--x', 'a', '--y', 'a', '--csv', csv);
    expect(r).toEqual({ code: 0, out: `Wrote ${csv}\n`, err: '' });
    expect(new TextDecoder().decode(await readFile(csv))).toBe('a\r\n1\r\n');
  });

  it('after `--` everything is an argument, even what looks like a flag', async () => {
    // The SQL becomes "SELEC 1 --lang en": --lang is SQL text (a comment), so the message stays Chinese.
    const r = await sgw('query', '--datasets', datasets, '--', 'SELEC 1', '--lang', 'en');
    expect([r.code, r.err.split('\n')[0]]).toEqual([1, 'SQL 语法错误']);
    expect(parse('query', '--', '--help').help).toBe(false);
  });
});

describe('help per command', () => {
  it.each(Object.keys(COMMANDS))('sgw %s --help names every flag of the command, in zh-CN and en, exit 0', async (name) => {
    const flags = Object.keys(COMMANDS[name as keyof typeof COMMANDS].flags);
    const zh = await sgw(name, '--help');
    const en = await sgw('--lang', 'en', name, '-h');
    for (const r of [zh, en]) {
      expect([r.code, r.err]).toEqual([0, '']);
      for (const flag of [...flags, '--lang', '--help']) expect(r.out).toContain(flag);
    }
    expect(zh.out).toContain(`用法：sgw ${name}`);
    expect(en.out).toContain(`Usage: sgw ${name}`);
    expect(en.out).not.toMatch(HAN);
    // --lang counts wherever it stands.
    expect((await sgw(name, '--help', '--lang=en')).out).toBe(en.out);
  });

  it('says which flags repeat and which formats a command takes', async () => {
    const zh = (await sgw('import', '--help')).out;
    expect(zh).toMatch(/--sheet <工作表>\s+要读取的工作表.*（可重复）/);
    expect(zh).toMatch(/--format table\|json\s/);
    expect(zh).not.toContain('--datasets');
    expect((await sgw('--lang', 'en', 'import', '--help')).out).toMatch(/--sheet <sheet>\s+sheet to read.*\(repeatable\)/);
    expect((await sgw('query', '--help')).out).toMatch(/--format table\|csv\|json\s/);
    expect((await sgw('export', '--help')).out).not.toContain('--format');
  });

  it('sgw --help lists the commands; help wins over other mistakes; no command is a usage error', async () => {
    const all = await sgw('--help');
    expect(all.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(all.out).toContain(`sgw ${name}`);
    expect(all.out).toContain('运行 sgw <命令> --help');
    expect((await sgw('--lang', 'en', '--help')).out).not.toMatch(HAN);
    const export_ = await sgw('export', '--bogus', '--help');
    expect([export_.code, export_.out]).toEqual([0, (await sgw('export', '--help')).out]);
    expect(await sgw('frobnicate', '--help')).toMatchObject({ code: 2, out: '', err: expect.stringContaining('未知命令：frobnicate') });
    const none = await sgw();
    expect([none.code, none.out]).toEqual([2, '']);
    expect(none.err).toContain('sgw query');
  });

  it('--version anywhere', async () => {
    expect(await sgw('--version')).toEqual({ code: 0, out: '9.9.9\n', err: '' });
    expect(await sgw('import', 'x.csv', '-v')).toEqual({ code: 0, out: '9.9.9\n', err: '' });
  });
});

describe('usage errors', () => {
  it('refuses a repeated single-value flag, naming it (exit 2)', async () => {
    const y = await sgw('export', '--sql', 'SELECT 1 AS a', '--x', 'a', '--y', 'a', '--y', 'b', '--csv', path.join(tmp.path, 'never.csv'));
    expect(y).toEqual({ code: 2, out: '', err: '--y 只能指定一次\n运行 sgw export --help 查看用法。\n' });
    expect((await sgw('tables', '--format', 'json', '--format=csv')).err).toContain('--format 只能指定一次');
    expect((await sgw('--lang', 'en', 'import', gbk, '--encoding', 'gbk', '--encoding', 'gbk')).err).toBe('--encoding can be given only once\nRun sgw import --help for usage.\n');
    expect((await sgw('--lang', 'en', 'tables', '--lang', 'en')).code).toBe(2);
    await expect(readFile(path.join(tmp.path, 'never.csv'))).rejects.toThrow(/ENOENT/);
  });

  it('accepts --sheet again and again, in order', async () => {
    expect(parse('import', 'f.xlsx', '--sheet', 'a', '--sheet=b', '--sheet', 'c').lists['--sheet']).toEqual(['a', 'b', 'c']);
    const r = await sgw('import', yearbook, '--sheet', '按年份', '--sheet=社会组织', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tables.map((t: { sheet: string }) => t.sheet)).toEqual(['按年份', '社会组织']);
  });

  it('says plainly what is wrong, in the chosen language, with a pointer to the help', async () => {
    const cases: [string[], string][] = [
      [['frobnicate'], '未知命令：frobnicate（可用的命令：tables、query、import、export）\n运行 sgw --help 查看用法。\n'],
      [['--lang', 'en', 'frobnicate'], 'Unknown command: frobnicate (commands: tables, query, import, export)\nRun sgw --help for usage.\n'],
      [['import', gbk, '--bogus'], '未知选项：--bogus\n运行 sgw import --help 查看用法。\n'],
      [['--sheet', 'x', 'import', gbk], '未知选项：--sheet\n运行 sgw --help 查看用法。\n'],
      [['export', '--title'], '--title 后面缺少取值\n运行 sgw export --help 查看用法。\n'],
      [['export', '--title', '--xlsx', 'a.xlsx'], '--title 后面缺少取值\n运行 sgw export --help 查看用法。\n'],
      [['import', gbk, '--unpivot=yes'], '--unpivot 不带取值\n运行 sgw import --help 查看用法。\n'],
      [['import', gbk, 'other.csv'], '多余的参数：other.csv\n运行 sgw import --help 查看用法。\n'],
      [['tables', 'extra'], '多余的参数：extra\n运行 sgw tables --help 查看用法。\n'],
      [['import', gbk, '--format', 'csv'], '不支持的输出格式：csv（sgw import 可用 table、json）\n运行 sgw import --help 查看用法。\n'],
      [['--format', 'csv', 'import', gbk, '--lang', 'en'], 'Unsupported format: csv (sgw import takes table, json)\nRun sgw import --help for usage.\n'],
      [['export', '--format', 'json'], 'sgw export 不使用 --format\n运行 sgw export --help 查看用法。\n'],
      [['import', gbk, '--project', 'p.sgwp'], 'sgw import 不使用 --project\n运行 sgw import --help 查看用法。\n'],
      [['import', gbk, '--header-row', '0'], '--header-row 需要 1 到 1048576 之间的整数，而不是“0”\n运行 sgw import --help 查看用法。\n'],
      [['import', gbk, '--header-rows', '4'], '--header-rows 需要 0 到 3 之间的整数，而不是“4”\n运行 sgw import --help 查看用法。\n'],
      [['import', gbk, '--delimiter', ';;'], '--delimiter 需要一个字符，或 tab，而不是“;;”\n运行 sgw import --help 查看用法。\n'],
      [['import', gbk, '--out', 'x.xlsx'], '--out 只支持 .csv 或 .parquet 文件\n运行 sgw import --help 查看用法。\n'],
      [['export', '--width', '12.5'], '--width 需要 100 到 8000 之间的整数，而不是“12.5”\n运行 sgw export --help 查看用法。\n'],
      [['tables', '--lang', 'fr'], '--lang 不接受“fr”（可用 zh-CN、en）\n运行 sgw tables --help 查看用法。\n'],
      [['--lang', 'en', 'export', '--sql', 'SELECT 1', '--x', 'a', '--y', ' ', '--svg', 'a.svg'], 'Give --y\nRun sgw export --help for usage.\n'],
      [['--lang', 'en', 'query'], 'Give the SQL to run, e.g. sgw query "SELECT 1"\nRun sgw query --help for usage.\n'],
      [['import'], '请提供要导入的文件，例如：sgw import 数据.csv\n运行 sgw import --help 查看用法。\n'],
    ];
    for (const [argv, err] of cases) expect(await sgw(...argv), argv.join(' ')).toEqual({ code: 2, out: '', err });
  });

  it('stores choices as declared and flags by their long name', () => {
    const a = parse('import', 'f.csv', '--encoding', 'GB18030', '--lang', 'EN', '-h');
    expect([a.values['--encoding'], a.lang, a.help]).toEqual(['gb18030', 'en', true]);
    expect(usageError('tables', '--lang=de').command).toBe('tables');
    expect(detectLang(['--lang=en'])).toBe('en');
    expect(detectLang(['--lang', 'xx', 'tables'])).toBe('zh-CN');
    expect(detectLang(['query', '--', '--lang', 'en'])).toBe('zh-CN');
  });
});
