/**
 * Before a combined table is made: which place names match on both sides (./match.ts over the names the
 * engine lists), how many keys and rows of each side find a partner, which keys of the right side repeat
 * left rows, and how many rows the view will have — all counted by the engine on the exact SQL the view uses.
 */
import type { Db } from '../db';
import { describeTable, type ColumnInfo, type TableInfo } from '../db-catalog';
import type { Translate } from '../i18n';
import { getProvenance } from '../import/commit';
import type { DatasetCatalog, Lang } from '../model/catalog';
import { validFieldName } from '../model/calc-field';
import type { JoinColumn, JoinDef, JoinSide } from '../model/join';
import { countRowsSql, distinctNamesSql, joinKeysSql, joinSelectSql, MAX_NAMES } from '../sql/join-sql';
import { tableUnits } from '../calc/units';
import { matchRegions, type Correction, type RegionMatching } from './match';

export interface JoinRequest {
  name: string;
  left: JoinSide;
  right: JoinSide;
  how: JoinDef['how'];
  corrections: Correction[];
}

export interface KeyRow {
  region: string | null;
  year: number | null;
  rows: number;
}

export interface SideCounts {
  matchedKeys: number;
  matchedRows: number;
  unmatchedKeys: number;
  unmatchedRows: number;
  /** The unmatched keys (place, and year), at most MAX_LISTED. */
  unmatched: KeyRow[];
}

export interface JoinPreview {
  matching: RegionMatching;
  left: SideCounts;
  right: SideCounts;
  /** Right keys with a partner and more than one row: each left row of that key appears once per row. */
  repeated: KeyRow[];
  resultRows: number;
  /** The join ready to be made (shared/join/commit.ts). */
  def: JoinDef;
}

export type JoinProblem =
  | { code: 'name-invalid' | 'name-taken'; name: string }
  | { code: 'no-table'; table: string }
  | { code: 'no-column'; table: string; column: string }
  | { code: 'year-one-side' }
  | { code: 'too-many-names'; table: string; max: number }
  | { code: 'engine'; error: unknown };

export class JoinPreviewError extends Error {
  constructor(readonly problem: JoinProblem) {
    super(`join preview: ${problem.code}`);
  }
}

export const MAX_LISTED = 200;

/** The view's columns: every left column, then the right's except its keys; a clash is renamed "名称（右表）". */
export function joinColumns(left: readonly ColumnInfo[], right: readonly ColumnInfo[], rightSide: JoinSide, rightLabel: string): JoinColumn[] {
  const out: JoinColumn[] = left.map((c) => ({ name: c.name, side: 'left', column: c.name }));
  const taken = new Set(out.map((c) => c.name.toLowerCase()));
  const keys = new Set([rightSide.region, rightSide.year].filter(Boolean));
  for (const c of right.filter((c) => !c.calculated && !keys.has(c.name))) {
    let name = c.name;
    for (let i = 1; taken.has(name.toLowerCase()); i++) name = `${c.name}（${rightLabel}${i > 1 ? i : ''}）`;
    taken.add(name.toLowerCase());
    out.push({ name, side: 'right', column: c.name });
  }
  return out;
}

async function sourceText(db: Db, table: string, catalog: DatasetCatalog | null, lang: Lang): Promise<string> {
  const dataset = catalog?.datasets.find((d) => d.table === table);
  if (dataset) return lang === 'en' ? dataset.title.en : dataset.title.zh;
  const p = await getProvenance(db, table);
  return p ? [p.fileName, p.sheet].filter(Boolean).join(' · ') : '';
}

const now = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

function sideCounts(rows: { k: string | null; y: number | null; n: number; matched: boolean }[]): SideCounts {
  const matched = rows.filter((r) => r.matched);
  const unmatched = rows.filter((r) => !r.matched);
  const sum = (rs: typeof rows) => rs.reduce((s, r) => s + r.n, 0);
  return {
    matchedKeys: matched.length,
    matchedRows: sum(matched),
    unmatchedKeys: unmatched.length,
    unmatchedRows: sum(unmatched),
    unmatched: unmatched.slice(0, MAX_LISTED).map((r) => ({ region: r.k, year: r.y, rows: r.n })),
  };
}

export interface PreviewContext {
  catalog: DatasetCatalog | null;
  lang: Lang;
  t: Translate;
  /** Names already used by tables and views (the join's own name is free when it is the one being edited). */
  taken: readonly string[];
  now?: Date;
}

async function table(db: Db, name: string): Promise<TableInfo> {
  const info = await describeTable(db, name);
  if (!info) throw new JoinPreviewError({ code: 'no-table', table: name });
  return info;
}

function checkSide(info: TableInfo, side: JoinSide) {
  for (const column of [side.region, side.year].filter((c): c is string => Boolean(c))) {
    if (!info.columns.some((c) => c.name === column)) throw new JoinPreviewError({ code: 'no-column', table: info.name, column });
  }
}

async function names(db: Db, side: JoinSide): Promise<string[]> {
  const values = (await db.query(distinctNamesSql(side))).toArray().map((r) => String(r.v));
  if (values.length > MAX_NAMES) throw new JoinPreviewError({ code: 'too-many-names', table: side.table, max: MAX_NAMES });
  return values;
}

/** Previews `req` on the current data; throws JoinPreviewError (a problem to put in words) when it cannot be made. */
export async function previewJoin(db: Db, req: JoinRequest, ctx: PreviewContext): Promise<JoinPreview> {
  if (!validFieldName(req.name)) throw new JoinPreviewError({ code: 'name-invalid', name: req.name });
  if (ctx.taken.some((n) => n.toLowerCase() === req.name.toLowerCase())) throw new JoinPreviewError({ code: 'name-taken', name: req.name });
  if ((req.left.year === undefined) !== (req.right.year === undefined)) throw new JoinPreviewError({ code: 'year-one-side' });
  const [left, right] = [await table(db, req.left.table), await table(db, req.right.table)];
  checkSide(left, req.left);
  checkSide(right, req.right);
  try {
    const matching = matchRegions(await names(db, req.left), await names(db, req.right), req.corrections);
    const columns = joinColumns(left.columns, right.columns, req.right, req.right.table);
    const [leftUnits, rightUnits] = [await tableUnits(db, left, ctx.catalog), await tableUnits(db, right, ctx.catalog)];
    const units = Object.fromEntries(columns.flatMap((c) => ((c.side === 'left' ? leftUnits : rightUnits)[c.column] ? [[c.name, (c.side === 'left' ? leftUnits : rightUnits)[c.column]]] : [])));
    const noMatch = req.corrections.filter((c) => c.right === null).map((c) => c.left);
    const keyNames = [req.left.region, req.left.year].filter(Boolean).join(ctx.t('calc.listSep'));
    const note = ctx.t(req.how === 'inner' ? 'join.note.inner' : 'join.note.left', {
      left: req.left.table,
      leftSource: (await sourceText(db, left.name, ctx.catalog, ctx.lang)) || left.name,
      right: req.right.table,
      rightSource: (await sourceText(db, right.name, ctx.catalog, ctx.lang)) || right.name,
      keys: keyNames,
    });
    const def: JoinDef = { name: req.name, left: req.left, right: req.right, how: req.how, pairs: matching.pairs, noMatch, columns, units, note, createdAt: now(ctx.now ?? new Date()) };
    const keys = (await db.query(joinKeysSql(def))).toArray().map((r) => ({ side: String(r.side), k: r.k == null ? null : String(r.k), y: r.y == null ? null : Number(r.y), n: Number(r.n), matched: r.matched === true }));
    const rightKeys = keys.filter((k) => k.side === 'r');
    const resultRows = Number((await db.query(countRowsSql(joinSelectSql(def)))).toArray()[0]?.n ?? 0);
    return {
      matching,
      left: sideCounts(keys.filter((k) => k.side === 'l')),
      right: sideCounts(rightKeys),
      repeated: rightKeys.filter((k) => k.matched && k.n > 1).slice(0, MAX_LISTED).map((r) => ({ region: r.k, year: r.y, rows: r.n })),
      resultRows,
      def,
    };
  } catch (e) {
    if (e instanceof JoinPreviewError) throw e;
    throw new JoinPreviewError({ code: 'engine', error: e });
  }
}
