/**
 * Combined tables (合并表): a view joining two tables by region (and optionally year), with the name
 * pairs the user confirmed frozen in it. Plain data; `parseJoins` validates it at every boundary (the
 * workspace store, project files); shared/sql/join-sql.ts writes the view, shared/join/ previews and makes it.
 */
import type { Correction, MatchHow, RegionPair } from '../join/match';
import { validFieldName } from './calc-field';

export interface JoinSide {
  table: string;
  /** The column holding place names. */
  region: string;
  /** The column holding years (both sides or neither); compared as numbers, so 2020 = '2020' = 2020.0. */
  year?: string;
}

/** A column of the view: which side it comes from and its name there. */
export interface JoinColumn {
  name: string;
  side: 'left' | 'right';
  column: string;
}

export interface JoinDef {
  /** The view's name. */
  name: string;
  left: JoinSide;
  right: JoinSide;
  /** left: every row of the left table, with the right's values where there is a partner; inner: only rows with a partner. */
  how: 'left' | 'inner';
  /** Which left name stands for which right name, as confirmed; the view matches exactly these. */
  pairs: RegionPair[];
  /** Left names the user said stand for none (remembered when the join is edited). */
  noMatch: string[];
  columns: JoinColumn[];
  /** Unit of each view column that has one (from both sources). */
  units: Record<string, string>;
  /** Where the data comes from, in words, as written when the view was made (its provenance notes). */
  note: string;
  /** When it was made, 'YYYY-MM-DD HH:MM:SS'. */
  createdAt: string;
}

export interface JoinsFile {
  version: 1;
  joins: JoinDef[];
}

export const JOIN_HOWS = ['left', 'inner'] as const;
const MATCH_HOWS: readonly MatchHow[] = ['exact', 'normalized', 'manual'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const KEYS = ['name', 'left', 'right', 'how', 'pairs', 'noMatch', 'columns', 'units', 'note', 'createdAt'];

export class JoinError extends Error {}
function fail(msg: string): never {
  throw new JoinError(`combined table: ${msg}`);
}
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length <= max;

function parseSide(v: unknown, where: string): JoinSide {
  if (!isObj(v) || !validFieldName(v.table) || !validFieldName(v.region)) fail(`${where} needs a table and a region column`);
  const s = v as Record<string, unknown>;
  if (s.year !== undefined && !validFieldName(s.year)) fail(`${where}.year is not a column name`);
  return { table: s.table as string, region: s.region as string, ...(s.year !== undefined ? { year: s.year as string } : {}) };
}

function parseJoin(v: unknown, i: number): JoinDef {
  const where = `joins[${i}]`;
  if (!isObj(v)) fail(`${where} is not an object`);
  const j = v as Record<string, unknown>;
  const extra = Object.keys(j).find((k) => !KEYS.includes(k));
  if (extra !== undefined) fail(`${where} has an unknown field ${JSON.stringify(extra)}`);
  if (!validFieldName(j.name)) fail(`${where}.name is not a valid view name`);
  const left = parseSide(j.left, `${where}.left`);
  const right = parseSide(j.right, `${where}.right`);
  if ((left.year === undefined) !== (right.year === undefined)) fail(`${where}: a year column on both sides or on neither`);
  if (!JOIN_HOWS.includes(j.how as JoinDef['how'])) fail(`${where}.how must be left or inner`);
  if (!Array.isArray(j.pairs)) fail(`${where}.pairs must be a list`);
  const pairs = (j.pairs as unknown[]).map((p, k) => {
    if (!isObj(p) || !isText(p.left) || !isText(p.right) || !MATCH_HOWS.includes(p.how as MatchHow)) fail(`${where}.pairs[${k}] needs left, right and how`);
    return { left: (p as Record<string, string>).left, right: (p as Record<string, string>).right, how: (p as Record<string, MatchHow>).how };
  });
  if (new Set(pairs.map((p) => p.left)).size !== pairs.length) fail(`${where}.pairs names a left value twice`);
  if (!Array.isArray(j.noMatch) || !j.noMatch.every((x) => isText(x))) fail(`${where}.noMatch must be a list of names`);
  if (!Array.isArray(j.columns) || j.columns.length === 0) fail(`${where}.columns must be a non-empty list`);
  const columns = (j.columns as unknown[]).map((c, k) => {
    if (!isObj(c) || !validFieldName(c.name) || !validFieldName(c.column) || (c.side !== 'left' && c.side !== 'right')) fail(`${where}.columns[${k}] needs name, side and column`);
    const col = c as Record<string, unknown>;
    return { name: col.name as string, side: col.side as 'left' | 'right', column: col.column as string };
  });
  if (new Set(columns.map((c) => c.name.toLowerCase())).size !== columns.length) fail(`${where}.columns has a name twice`);
  if (!isObj(j.units) || !Object.entries(j.units).every(([k, u]) => columns.some((c) => c.name === k) && isText(u, 40))) fail(`${where}.units must map view columns to units`);
  if (!isText(j.note, 4000)) fail(`${where}.note must be text`);
  if (typeof j.createdAt !== 'string' || !TIMESTAMP.test(j.createdAt)) fail(`${where}.createdAt is not a time`);
  return {
    name: j.name as string,
    left,
    right,
    how: j.how as JoinDef['how'],
    pairs,
    noMatch: [...(j.noMatch as string[])],
    columns,
    units: { ...(j.units as Record<string, string>) },
    note: j.note as string,
    createdAt: j.createdAt as string,
  };
}

/** Validates untrusted JSON into the document; view names are unique (as DuckDB compares them). */
export function parseJoins(json: unknown): JoinsFile {
  if (!isObj(json) || json.version !== 1 || !Array.isArray(json.joins)) fail('not a version 1 joins document');
  const joins = (json as { joins: unknown[] }).joins.map(parseJoin);
  if (new Set(joins.map((j) => j.name.toLowerCase())).size !== joins.length) fail('two combined tables have one name');
  return { version: 1, joins };
}

export const emptyJoins = (): JoinsFile => ({ version: 1, joins: [] });

/** The corrections a saved join carries, to preview it again on today's data. */
export function joinCorrections(def: Pick<JoinDef, 'pairs' | 'noMatch'>): Correction[] {
  return [...def.pairs.filter((p) => p.how === 'manual').map((p) => ({ left: p.left, right: p.right })), ...def.noMatch.map((left) => ({ left, right: null }))];
}
