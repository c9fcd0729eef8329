// Coverage of the audit: every numeric expression the scanner finds in the five seeds is a bundled statement
// (its value, or the year, month or label of one inside its quote) or left out with a reason; AUDIT.md is current.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, renderReport, scanExpressions, statementSpans, summarise, type StatementRow } from './build/audit.mjs';
import { EXCLUSIONS, REASONS, STATEMENT_REASONS } from './build/data/audit-exclusions.mjs';
import { datasetsDir, loadAll, loadCatalog, seedText } from './test-support';

const catalog = loadCatalog();
const seeds = Object.fromEntries(Object.keys(catalog.documents ?? {}).map((f) => [f, seedText(f)]));
const num = (s: string) => (s === '' ? null : Number(s));
const statements: StatementRow[] = loadAll()
  .get('statements')!
  .rows.map((r) => ({
    id: Number(r.id), source: r.source, quote: r.quote, value_text: r.value_text, year: num(r.year), month: num(r.month),
    period_start: num(r.period_start), period_end: num(r.period_end), indicator: r.indicator, category: r.category || null, unit: r.unit || null,
  }));
const result = audit(seeds, statements, EXCLUSIONS);
const summary = summarise(result);

describe('scanExpressions', () => {
  it('finds numbers, Chinese counts, fractions, ranges and unit prefixes as written', () => {
    const text = '截至2014年6月底共有11924家,占1/5;约 2.28 万个,三分之二,五个环节,1 〜 2 次,“十三五”,第一名,过半。进一步';
    expect(scanExpressions(text).map((e) => e.text)).toEqual(['2014', '6', '11924', '1/5', '2.28 万', '三分之二', '五', '1 〜 2', '十三五', '第一名', '过半', '一']);
  });
});

describe('audit of the five seeds', () => {
  it('finds several hundred expressions in every seed', () => {
    expect(summary.found).toBeGreaterThan(900);
    for (const file of Object.keys(seeds)) expect(summary.bySeed[file]?.found, file).toBeGreaterThan(30);
  });

  it('leaves no expression unaccounted for: each is bundled or left out with a reason', () => {
    const missing = result.expressions.filter((e) => e.status === 'missing').map((e) => `${e.source} line ${e.line}: ${e.text}`);
    expect(missing).toEqual([]);
    expect(summary.bundled + summary.dated + summary.labelled + summary.excluded).toBe(summary.found);
    expect(summary.bundled).toBeGreaterThan(summary.found / 3);
  });

  it('finds the value of every statement among the expressions (no statement outside the audit)', () => {
    const spans = statementSpans(statements, seeds);
    const found = result.expressions;
    const outside = statements.filter((s) => !spans.some((sp) => sp.row === s && found.some((e) => e.source === s.source && e.start < sp.end && sp.start < e.end)));
    expect(outside.map((s) => `${s.id} ${s.value_text}`)).toEqual([]);
  });

  it('has no exclusion that excludes nothing, and every reason is explained', () => {
    expect(result.stale.map((x) => x.quote ?? String(x.re ?? x.lines))).toEqual([]);
    for (const x of EXCLUSIONS) {
      expect(Object.keys(REASONS), JSON.stringify(x)).toContain(x.reason);
      if (x.quote) expect(seeds[x.source].includes(x.quote), x.quote).toBe(true);
    }
  });

  it('notices a figure added to a seed and an exclusion that no longer applies', () => {
    const file = Object.keys(seeds)[4];
    const grown = { ...seeds, [file]: `${seeds[file]}\n另有社区 77 个，其中三分之一为新建。` };
    const after = audit(grown, statements, EXCLUSIONS).expressions.filter((e) => e.status === 'missing').map((e) => e.text);
    expect(after).toEqual(['77', '三分之一']);
    const extra = { source: file, reason: 'repeat', quote: '不存在的句子' };
    expect(audit(seeds, statements, [...EXCLUSIONS, extra]).stale).toEqual([extra]);
  });

  it('notices when the statements of a document are dropped', () => {
    const file = Object.keys(seeds)[1];
    const rest = statements.filter((s) => s.source !== file);
    const missing = audit(seeds, rest, EXCLUSIONS).expressions.filter((e) => e.status === 'missing' && e.source === file);
    expect(missing.length).toBeGreaterThan(50);
  });

  it('is written down in AUDIT.md, up to date', () => {
    const written = readFileSync(path.join(datasetsDir, 'AUDIT.md'), 'utf8');
    expect(written).toBe(renderReport(summary, result, EXCLUSIONS, { reasons: REASONS, statements: STATEMENT_REASONS }, seeds));
    expect(written).toContain(`expressions found: **${summary.found}**`);
    const readme = readFileSync(path.join(datasetsDir, 'README.md'), 'utf8');
    expect(readme, 'README.md: update the audit figures').toContain(`${summary.found} expressions; ${summary.bundled} bundled (in ${summary.statements} statements)`);
    expect(readme, 'README.md: update the row count').toContain(`| \`statements\` | \`statements.csv\` | ${statements.length} |`);
  });
});
