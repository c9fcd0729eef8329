/**
 * SQL of combined tables (shared/model/join.ts): the view's SELECT, the distinct place names of a side,
 * and the preview's key counts. Names are compared as text, years as numbers (TRY_CAST … AS DOUBLE, so
 * 2020, '2020' and 2020.0 are one year and '2020年' is none).
 */
import { ident, literal } from '../db';
import type { JoinDef, JoinSide } from '../model/join';
import type { RegionPair } from '../join/match';

const L = ident('__sgw_l');
const R = ident('__sgw_r');
const M = ident('__sgw_m');
const FROM = ident('__sgw_from');
const TO = ident('__sgw_to');

const regionText = (alias: string, side: JoinSide) => `CAST(${alias}.${ident(side.region)} AS VARCHAR)`;
const yearNumber = (alias: string, year: string) => `TRY_CAST(${alias}.${ident(year)} AS DOUBLE)`;

/** The confirmed pairs as a relation (left name → right name). */
function mappingSql(pairs: readonly RegionPair[]): string {
  if (pairs.length === 0) return `(SELECT NULL::VARCHAR AS ${FROM}, NULL::VARCHAR AS ${TO} WHERE false)`;
  return `(SELECT * FROM (VALUES ${pairs.map((p) => `(${literal(p.left)}, ${literal(p.right)})`).join(', ')}) AS v(${FROM}, ${TO}))`;
}

/** The view's query: every left row (or only matched ones), the right's columns beside it. */
export function joinSelectSql(def: Pick<JoinDef, 'left' | 'right' | 'how' | 'pairs' | 'columns'>): string {
  const join = def.how === 'inner' ? 'JOIN' : 'LEFT JOIN';
  const cols = def.columns.map((c) => `${c.side === 'left' ? L : R}.${ident(c.column)} AS ${ident(c.name)}`);
  const years = def.left.year && def.right.year ? ` AND ${yearNumber(L, def.left.year)} = ${yearNumber(R, def.right.year)}` : '';
  return `SELECT ${cols.join(', ')}
FROM ${ident(def.left.table)} AS ${L}
${join} ${mappingSql(def.pairs)} AS ${M} ON ${regionText(L, def.left)} = ${M}.${FROM}
${join} ${ident(def.right.table)} AS ${R} ON ${regionText(R, def.right)} = ${M}.${TO}${years}`;
}

export const createViewSql = (name: string, select: string): string => `CREATE VIEW ${ident(name)} AS\n${select}`;
export const dropViewSql = (name: string): string => `DROP VIEW IF EXISTS ${ident(name)}`;
/** Binds the view and reads no row: fails when a table or column it reads is gone. */
export const probeViewSql = (name: string): string => `SELECT * FROM ${ident(name)} LIMIT 0`;

/** At most this many distinct names of a side are matched (a region column has a few thousand at most). */
export const MAX_NAMES = 20_000;

/** The distinct place names of one side as text, in the engine's order; one more than MAX_NAMES tells "too many". */
export function distinctNamesSql(side: JoinSide): string {
  const c = ident(side.region);
  return `SELECT DISTINCT CAST(${c} AS VARCHAR) AS v FROM ${ident(side.table)} WHERE ${c} IS NOT NULL ORDER BY v LIMIT ${MAX_NAMES + 1}`;
}

/**
 * One row per distinct key (place, and year) of each side: side 'l' or 'r', the key as text (and year as a
 * number), its row count, and whether a key of the other side stands for it through the pairs.
 */
export function joinKeysSql(def: Pick<JoinDef, 'left' | 'right' | 'pairs'>): string {
  const withYear = Boolean(def.left.year && def.right.year);
  const keys = (side: JoinSide, alias: string) =>
    `SELECT ${regionText(alias, side)} AS k, ${withYear ? yearNumber(alias, side.year!) : 'NULL::DOUBLE'} AS y, count(*)::DOUBLE AS n FROM ${ident(side.table)} AS ${alias} GROUP BY ALL`;
  const sameYear = (a: string, b: string) => (withYear ? ` AND ${a}.y = ${b}.y` : '');
  return `WITH ${M} AS ${mappingSql(def.pairs)},
kl AS (${keys(def.left, L)}),
kr AS (${keys(def.right, R)})
SELECT 'l' AS side, kl.k, kl.y, kl.n, EXISTS (SELECT 1 FROM ${M} JOIN kr ON kr.k = ${M}.${TO}${sameYear('kr', 'kl')} WHERE ${M}.${FROM} = kl.k) AS matched FROM kl
UNION ALL
SELECT 'r', kr.k, kr.y, kr.n, EXISTS (SELECT 1 FROM ${M} JOIN kl ON kl.k = ${M}.${FROM}${sameYear('kl', 'kr')} WHERE ${M}.${TO} = kr.k) FROM kr
ORDER BY side, k, y`;
}

export const countRowsSql = (select: string): string => `SELECT count(*)::DOUBLE AS n FROM (${select})`;
