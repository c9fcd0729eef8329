/**
 * The flags `sgw pivot` and `sgw stats` share: where the data comes from (--table or --sql), column lists
 * (comma-separated, a name with a comma in double quotes, "" for a quote), and --values.
 */
import type { Db } from '../../shared/db';
import type { Translate } from '../../shared/i18n';
import { PIVOT_AGGS, type PivotAgg, type PivotValue } from '../../shared/model/pivot-spec';
import { describeQuery, tableSource, type AnalysisSource } from '../../shared/sql/source';
import { describeTable } from '../../shared/db-catalog';
import type { ParsedArgs } from './args';
import { dbFailure, Failure } from './run-command';

/** A name as given: "…" unquoted ("" for a quote inside), else as it is. */
const unquote = (item: string) => (/^".*"$/.test(item) ? item.slice(1, -1).replaceAll('""', '"') : item);

/** Splits at commas outside double quotes and parentheses; quoted names are unquoted. Null when a quote is left open. */
export function splitList(text: string): string[] | null {
  return splitRaw(text)?.map(unquote) ?? null;
}

/** A column list flag, or a usage error. */
export function columnList(args: ParsedArgs, flag: string, t: Translate): string[] {
  const text = args.values[flag];
  if (text === undefined) return [];
  const list = splitList(text);
  if (!list) throw new Failure(2, t('cli.analysis.badList', { flag, value: text }));
  return list;
}

const ALIASES: Record<string, PivotAgg> = { mean: 'avg', distinct: 'count_distinct' };
const VALUE = /^(\w+)\s*\(\s*(.*?)\s*\)\s*(?:%\s*(row|col|total))?$/i;

/** --values "sum(X),avg(Y),count(*),sum(X)%row" as pivot values (a quoted column keeps its commas and parentheses). */
export function parseValues(text: string, t: Translate): PivotValue[] {
  const items = splitRaw(text);
  if (!items || items.length === 0) throw new Failure(2, t('cli.pivot.badValue', { value: text }));
  return items.map((item) => {
    const m = VALUE.exec(item.trim());
    const name = m?.[1].toLowerCase() ?? '';
    const agg = ALIASES[name] ?? (PIVOT_AGGS.includes(name as PivotAgg) ? (name as PivotAgg) : undefined);
    const inner = m?.[2] ?? '';
    const column = inner === '*' ? null : unquote(inner);
    if (!m || !agg || column === '' || (column === null && agg !== 'count')) throw new Failure(2, t('cli.pivot.badValue', { value: item.trim() }));
    const share = m[3]?.toLowerCase();
    return { column, agg, show: share ? (`${share}_share` as PivotValue['show']) : 'value', format: share ? 'percent' : 'auto' };
  });
}

/** Items between top-level commas, quotes kept. */
function splitRaw(text: string): string[] | null {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '(' || ch === ')')) depth += ch === '(' ? 1 : -1;
    if (!quoted && depth === 0 && ch === ',') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  if (quoted || depth !== 0) return null;
  out.push(current);
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

/** The data the command reads: a table or view (--table), or a query's result (--sql). */
export async function openSource(db: Db, args: ParsedArgs, t: Translate): Promise<{ source: AnalysisSource; name: string }> {
  const table = args.values['--table'];
  try {
    if (table !== undefined) {
      const info = await describeTable(db, table);
      if (!info) throw new Failure(1, t('cli.analysis.noTable', { table }));
      return { source: tableSource(info), name: table };
    }
    return { source: await describeQuery(db, args.values['--sql']!), name: 'query' };
  } catch (e) {
    if (e instanceof Failure) throw e;
    throw dbFailure(e, t);
  }
}
