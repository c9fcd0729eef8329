/**
 * Runs public spreadsheet/CSV test corpora through the import pipeline exactly as `sgw import` does (the
 * parsing child process with its deadline and heap cap, electron/cli/import-runner.ts) and sorts every file:
 *   ok       read; no internal text in its warnings (and, for csv-spectrum, the values its JSON expects)
 *   refused  refused in the catalog's words
 *   wrong    refused with internal text (a JavaScript error, the engine's JSON …), or values that differ
 *   crash    the parsing process died (crashed, out of memory)
 *   hang     stopped at the deadline
 * Usage: node build/scripts/run-ts.mjs build/scripts/corpora.ts <dir>... [--limit N] [--deadline-ms N] [--json out.json]
 * Each <dir> is one corpus (for example a checkout of github:maxogden/csv-spectrum). Corpus files are
 * never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { nodeImportRunner } from '../../electron/cli/import-runner';
import { isInternalText } from '../../shared/db-errors';
import { translator } from '../../shared/i18n';
import { describeImportError, importMessage } from '../../shared/import/messages';
import { ImportError } from '../../shared/import/types';

type Outcome = 'ok' | 'refused' | 'wrong' | 'crash' | 'hang';
interface Result {
  file: string;
  outcome: Outcome;
  message?: string;
}

const zh = translator('zh-CN');
const en = translator('en');
/** Repository files that are not test data. */
const NOT_DATA = /(^|\/)(readme[^/]*|license[^/]*|changelog[^/]*|package(-lock)?\.json|[^/]*\.(md|js|mjs|ts|py|sh|yml|yaml|gitattributes|gitignore))$/i;
const DEATHS = new Set(['import.err.crashed', 'import.err.outOfMemory']);

function args(argv: string[]) {
  const dirs: string[] = [];
  const opts: { limit?: number; deadlineMs?: number; json?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--limit') opts.limit = Number(argv[++i]);
    else if (argv[i] === '--deadline-ms') opts.deadlineMs = Number(argv[++i]);
    else if (argv[i] === '--json') opts.json = argv[++i];
    else dirs.push(argv[i]);
  }
  return { dirs, opts };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!NOT_DATA.test(path.relative(dir, full))) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** csv-spectrum: csvs/x.csv is expected to read as json/x.json (an array of objects of strings). */
function expectedRows(dir: string, file: string): Record<string, string>[] | undefined {
  if (path.basename(path.dirname(file)) !== 'csvs') return undefined;
  const json = path.join(dir, 'json', `${path.basename(file, '.csv')}.json`);
  return existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined;
}

/** The values as they land in the table, as text (a missing value as ''), for comparing with strings. */
function rowsAsText(ipc: Uint8Array): Record<string, string>[] {
  const t = tableFromIPC(ipc);
  return t.toArray().map((row) => Object.fromEntries(Object.entries(row.toJSON()).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])));
}

function classifyError(e: unknown): Result['outcome'] | 'internal' {
  if (!(e instanceof ImportError)) return 'internal';
  if (e.key === 'import.err.timeout') return 'hang';
  if (DEATHS.has(e.key)) return 'crash';
  return 'refused';
}

async function runCorpus(dir: string, opts: ReturnType<typeof args>['opts']): Promise<Result[]> {
  const files = listFiles(dir).slice(0, opts.limit ?? Infinity);
  const largest = files.reduce((m, f) => Math.max(m, statSync(f).size), 0);
  const { runner, close } = await nodeImportRunner(largest, opts.deadlineMs ? () => opts.deadlineMs! : undefined);
  const results: Result[] = [];
  try {
    for (const file of files) {
      const rel = path.relative(dir, file);
      const bytes = new Uint8Array(readFileSync(file));
      runner.load(rel, bytes);
      try {
        const { tables } = await runner.build(rel, path.basename(file), {});
        const texts = tables.flatMap((t) => t.preview.warnings.flatMap((w) => [importMessage(w, zh), importMessage(w, en)]));
        const leaked = texts.find(isInternalText);
        const expected = expectedRows(dir, file);
        const got = expected && tables[0] ? rowsAsText(tables[0].ipc) : undefined;
        if (leaked) results.push({ file: rel, outcome: 'wrong', message: leaked });
        else if (expected && JSON.stringify(got) !== JSON.stringify(expected)) results.push({ file: rel, outcome: 'wrong', message: `expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}` });
        else results.push({ file: rel, outcome: 'ok', ...(expected ? { message: 'values as expected' } : {}) });
      } catch (e) {
        const kind = classifyError(e);
        const message = [zh, en].map((t) => describeImportError(e, t)).join(' / ');
        const internal = kind === 'internal' || isInternalText(message);
        results.push({ file: rel, outcome: internal ? 'wrong' : (kind as Outcome), message: internal ? String(e) : message });
      } finally {
        runner.forget(rel);
      }
    }
  } finally {
    close();
  }
  return results;
}

async function main() {
  const { dirs, opts } = args(process.argv.slice(2));
  if (dirs.length === 0) {
    process.stderr.write('usage: corpora.ts <dir>... [--limit N] [--deadline-ms N] [--json out.json]\n');
    process.exit(2);
  }

  const report: Record<string, { counts: Record<Outcome, number>; seconds: number; problems: Result[] }> = {};
  for (const dir of dirs) {
    const started = Date.now();
    const results = await runCorpus(dir, opts);
    const counts: Record<Outcome, number> = { ok: 0, refused: 0, wrong: 0, crash: 0, hang: 0 };
    for (const r of results) counts[r.outcome]++;
    const name = path.basename(path.resolve(dir));
    report[name] = { counts, seconds: Math.round((Date.now() - started) / 1000), problems: results.filter((r) => r.outcome === 'wrong' || r.outcome === 'crash' || r.outcome === 'hang') };
    process.stdout.write(`${name}: ${results.length} files — ok ${counts.ok}, refused ${counts.refused}, wrong ${counts.wrong}, crash ${counts.crash}, hang ${counts.hang} (${report[name].seconds} s)\n`);
    for (const p of report[name].problems) process.stdout.write(`  ${p.outcome.padEnd(5)} ${p.file}: ${(p.message ?? '').slice(0, 300)}\n`);
    const compared = results.filter((r) => r.message === 'values as expected').length;
    if (compared) process.stdout.write(`  ${compared} files compared with their expected values: all equal\n`);
    if (process.env.CORPORA_VERBOSE) for (const r of results.filter((x) => x.outcome === 'refused')) process.stdout.write(`  refused ${r.file}: ${r.message}\n`);
  }
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
}

void main();
