import { ident, literal } from '../db';
import type { Measure } from '../model/chart-spec';
import { needsTotals, type PivotKey, type PivotSpec, type PivotValue } from '../model/pivot-spec';
import { filterOn } from './chart-sql';
import { aggregateSql, floatJoin, numberKind, TABLE_PARTS, type AggregateParts, type NumberKind } from './aggregate';
import { rollupAggregateSql, rollupCovers, rollupDimSql, type Rollup } from './rollup';
import { NUMBER_TYPE, fromSource, type AnalysisSource } from './source';

/**
 * A pivot as one aggregate query in long form: one result row per non-empty cell (in no particular
 * order), subtotals and grand totals from GROUPING SETS, shares as window functions over those totals,
 * and the row and column positions (dense_rank of the distinct entries in label order: values ascending,
 * an empty value after them, a level's total after its members) so the grid is laid out without
 * comparing values in JS.
 *
 * Result columns: __sgw_g (GROUPING() bits: one per row then column dimension, 1 = total over it),
 * __sgw_r / __sgw_c (1-based row / column positions), __sgw_k0… (the keys as text, rows then columns; NULL
 * for an empty value or a total), __sgw_v0… (the values as DOUBLE).
 */
export interface PivotQuery {
  sql: string;
  /** The same query over the table's rollup (same figures, far fewer rows) when the rollup covers it. */
  rollupSql?: string;
  rows: number;
  cols: number;
  values: number;
}

/** Result column names (ours, under the reserved prefix: user columns are only read inside the first CTE). */
export const PIVOT_COLUMNS = {
  grouping: '__sgw_g',
  row: '__sgw_r',
  col: '__sgw_c',
  key: (i: number) => `__sgw_k${i}`,
  value: (i: number) => `__sgw_v${i}`,
} as const;

const d = (i: number) => ident(`__sgw_d${i}`);
const a = (i: number) => ident(`__sgw_a${i}`);

/** A pivot value as the chart model's measure (for the rollup's coverage and aggregate expressions). */
function asMeasure(v: PivotValue): Measure | null {
  return v.agg === 'median' ? null : { column: v.column, agg: v.agg, transform: 'none' };
}

/** The column types of a source, for the exact aggregates of aggregate.ts (which depend on how a column adds up). */
const kinds = (source: AnalysisSource) => {
  const types = new Map(source.columns.map((c) => [c.name, c.type]));
  return (column: string | null): NumberKind => numberKind(column === null ? undefined : types.get(column));
};

/** A value over the source's rows: the chart model's exact aggregate (aggregate.ts); median by the engine. */
function tableAggregate(source: AnalysisSource): (v: PivotValue) => string {
  const kindOf = kinds(source);
  return (v) => (v.agg === 'median' ? `median(${ident(v.column!)})` : aggregateSql(asMeasure(v)!, kindOf(v.column), TABLE_PARTS));
}

/**
 * Aggregates that can be computed per finest cell first and combined for every total: such a pivot
 * aggregates the source once at the finest level into the parts of aggregate.ts (rows; per column count,
 * exact sum — a float's two integer parts —, min and max), like a rollup of the source, then forms the
 * grouping sets over that small result. The parts add up exactly, so the totals equal the one-pass answer
 * bit for bit. count_distinct and median need the raw rows of every total.
 */
const DECOMPOSABLE: ReadonlySet<PivotValue['agg']> = new Set(['sum', 'count', 'avg', 'min', 'max']);

interface FinePhase {
  /** Per-row helper columns computed once below the grouping (a float's rounded value and scaled fraction). */
  helpers: string[];
  /** The parts per finest cell. */
  select: string[];
  /** A value from those parts. */
  aggregate(v: PivotValue): string;
}

/** 2^43: a float's fraction (|f| ≤ ½) times 2^86 is split into two halves that each fit a BIGINT. */
const TWO_43 = '8796093022208';
/** 2^63: whole parts at or beyond it do not fit a BIGINT. */
const TWO_63 = '9.223372036854775808e18';

/**
 * The parts per finest cell. A float's exact sum has the very value of aggregate.ts's two HUGEINT parts —
 * Σ round(v) and Σ round((v − round(v))·2^86) — but summed as BIGINTs, which the engine adds ≈2× faster
 * than values cast to HUGEINT: Σ try_cast(round(v) AS BIGINT), and the fraction as hi·2^43 + lo with
 * hi = round(q), lo = round((q − hi)·2^43), q = (v − round(v))·2^43 (both products and the difference are
 * exact in floating point; casts round half to even like the HUGEINT cast, and hi·2^43 is even, so
 * hi·2^43 + lo is the same integer even for values below 2^-34 whose scaled fraction is not whole). A whole
 * part of 2^63 or more would not fit: such a cell is refused by an error, never summed wrongly. So totals
 * and the rollup path (which stores the HUGEINT parts) stay equal bit for bit.
 */
function finePhase(spec: PivotSpec, source: AnalysisSource): FinePhase {
  const kindOf = kinds(source);
  const columns = [...new Set(spec.values.flatMap((v) => (v.column === null ? [] : [v.column])))];
  const uses = (c: string, ...aggs: PivotValue['agg'][]) => spec.values.some((v) => v.column === c && aggs.includes(v.agg));
  const summed = new Set(columns.filter((c) => uses(c, 'sum', 'avg')));
  const part = (j: number, name: string) => ident(`__sgw_p${j}_${name}`);
  const at = (c: string) => columns.indexOf(c);
  const floats = columns.filter((c) => summed.has(c) && kindOf(c) === 'float');
  const w = (j: number) => ident(`__sgw_w${j}`);
  const q = (j: number) => ident(`__sgw_q${j}`);
  const helpers = floats.flatMap((c) => {
    const j = at(c);
    const x = `${ident(c)}::DOUBLE`;
    return [`round(${x}) AS ${w(j)}`, `(${x} - round(${x})) * ${TWO_43}.0 AS ${q(j)}`];
  });
  const select = [
    `count(*) AS ${ident('__sgw_rows')}`,
    ...columns.flatMap((c, j) => {
      const col = ident(c);
      const float = kindOf(c) === 'float';
      const sums = !summed.has(c)
        ? []
        : float
          ? [`sum(try_cast(${w(j)} AS BIGINT)) AS ${part(j, 's')}`, `sum(try_cast(round(${q(j)}) AS BIGINT)) AS ${part(j, 'fh')}`, `sum(try_cast((${q(j)} - round(${q(j)})) * ${TWO_43}.0 AS BIGINT)) AS ${part(j, 'fl')}`]
          : [`sum(${col}) AS ${part(j, 's')}`];
      // Only the parts some value needs (each aggregate costs a pass over the row's state); a float sum needs
      // min and max for NaN and ±Inf.
      const count = uses(c, 'count', 'avg') ? [`count(${col}) AS ${part(j, 'n')}`] : [];
      const range = uses(c, 'min', 'max') || (float && summed.has(c)) ? [`min(${col}) AS ${part(j, 'lo')}`, `max(${col}) AS ${part(j, 'hi')}`] : [];
      return [...count, ...sums, ...range];
    }),
  ];
  const parts: AggregateParts = {
    rows: `sum(${ident('__sgw_rows')})`,
    count: (c) => `sum(${part(at(c), 'n')})`,
    sum: (c, kind) => {
      const j = at(c);
      if (kind !== 'float') return `sum(${part(j, 's')})`;
      const joined = floatJoin(`sum(${part(j, 's')})`, `(sum(${part(j, 'fh')}) * ${TWO_43} + sum(${part(j, 'fl')}))`);
      return `CASE WHEN greatest(max(${part(j, 'hi')}), -min(${part(j, 'lo')})) >= ${TWO_63} THEN error('sum of values beyond ±2^63 is not supported in a pivot') ELSE ${joined} END`;
    },
    min: (c) => `min(${part(at(c), 'lo')})`,
    max: (c) => `max(${part(at(c), 'hi')})`,
    distinct: () => {
      throw new Error('count_distinct is not decomposable');
    },
  };
  return { helpers, select, aggregate: (v) => aggregateSql(asMeasure(v)!, kindOf(v.column), parts) };
}

/** A column name → the SQL literal comparing equal to a key text of that column (numbers bare, others quoted). */
function keyLiteral(text: string, type: string | undefined): string {
  return type && NUMBER_TYPE.test(type) && /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text) ? text : literal(text);
}

/** The WHERE conditions of the pivot: its filters and its top-N (the N first-row values with the largest first value). */
function whereList(spec: PivotSpec, { from, aggregate, col }: AggSource): string[] {
  const where = spec.filters.map((f) => filterOn(f, col));
  if (spec.topN !== undefined && spec.rows.length > 0) {
    const r = col(spec.rows[0]);
    const inner = where.length ? `\n      WHERE ${where.join(' AND ')}` : '';
    where.push(`${r} IN (SELECT ${r} FROM ${from}${inner}\n      GROUP BY ${r} ORDER BY ${aggregate(spec.values[0])} DESC NULLS LAST, ${r} LIMIT ${spec.topN})`);
  }
  return where;
}

/** Every (row prefix × column prefix) when totals are needed, else the finest level only. */
function groupingSets(dims: string[], rows: number, withTotals: boolean): string[][] {
  if (!withTotals) return [dims];
  const sets: string[][] = [];
  for (let i = rows; i >= 0; i--) for (let j = dims.length; j >= rows; j--) sets.push([...dims.slice(0, i), ...dims.slice(rows, j)]);
  return sets;
}

const setsSql = (sets: string[][]) => sets.map((s) => `(${s.join(', ')})`).join(', ');

interface AggSource {
  from: string;
  /** The SQL of a dimension or filter column (a rollup stores them under its own names). */
  col(column: string): string;
  aggregate(v: PivotValue): string;
  /** Aggregating per finest cell first (absent over a rollup: it is small already). */
  fine?: FinePhase;
}

/** The agg CTE: dims as __sgw_d*, __sgw_g, one __sgw_a* per value, for every grouping set. */
function aggCte(spec: PivotSpec, src: AggSource, withTotals: boolean): string {
  const dims = [...spec.rows, ...spec.cols];
  const where = whereList(spec, src);
  const whereSql = where.length ? `\n  WHERE ${where.join('\n    AND ')}` : '';
  const grouping = dims.length ? `GROUPING(${dims.map((_, i) => d(i)).join(', ')})::INTEGER` : '0';
  const dimSel = dims.map((_, i) => `${d(i)}, `).join('');
  const { fine } = src;
  if (fine && withTotals && dims.length > 0 && spec.values.every((v) => DECOMPOSABLE.has(v.agg))) {
    const combined = spec.values.map((v, i) => `(${fine.aggregate(v)})::DOUBLE AS ${a(i)}`);
    return `fine AS (
  SELECT ${dims.map((c, i) => `${ident(c)} AS ${d(i)}`).join(', ')}, ${fine.select.join(', ')}
  FROM ${fine.helpers.length ? `(SELECT *, ${fine.helpers.join(', ')}\n  FROM ${src.from}${whereSql})` : `${src.from}${whereSql}`}
  GROUP BY ${dims.map(ident).join(', ')}
), agg AS (
  SELECT ${dimSel}${grouping} AS __sgw_g, ${combined.join(', ')}
  FROM fine
  GROUP BY GROUPING SETS (${setsSql(groupingSets(dims.map((_, i) => d(i)), spec.rows.length, true))})
)`;
  }
  const values = spec.values.map((v, i) => `(${src.aggregate(v)})::DOUBLE AS ${a(i)}`);
  const group = dims.length ? `\n  GROUP BY GROUPING SETS (${setsSql(groupingSets(dims.map(src.col), spec.rows.length, withTotals))})` : '';
  // GROUPING() takes the grouped expressions themselves; the dims are renamed in the select list only.
  const groupingRaw = dims.length ? `GROUPING(${dims.map(src.col).join(', ')})::INTEGER` : '0';
  return `agg AS (
  SELECT ${dims.map((c, i) => `${src.col(c)} AS ${d(i)}, `).join('')}${groupingRaw} AS __sgw_g, ${values.join(', ')}
  FROM ${src.from}${whereSql}${group}
)`;
}


function compose(spec: PivotSpec, src: AggSource): string {
  const withTotals = needsTotals(spec);
  const nr = spec.rows.length;
  const nc = spec.cols.length;
  const n = nr + nc;
  const colMask = (1 << nc) - 1;
  const rowBits = `(__sgw_g >> ${nc})`;
  const colBits = `(__sgw_g & ${colMask})`;
  const rowDims = spec.rows.map((_, i) => d(i));
  const colDims = spec.cols.map((_, j) => d(nr + j));
  const partition = (bits: string, dims: string[]) => `PARTITION BY ${[bits, ...dims].join(', ')}`;
  const shown = spec.values.map((v, i) => {
    const x = a(i);
    switch (v.show) {
      case 'value':
        return x;
      case 'row_share':
        return `${x} / nullif(max(CASE WHEN ${colBits} = ${colMask} THEN ${x} END) OVER (${partition(rowBits, rowDims)}), 0)`;
      case 'col_share':
        return `${x} / nullif(max(CASE WHEN ${rowBits} = ${(1 << nr) - 1} THEN ${x} END) OVER (${partition(colBits, colDims)}), 0)`;
      case 'total_share':
        return `${x} / nullif(max(CASE WHEN __sgw_g = ${(1 << n) - 1} THEN ${x} END) OVER (), 0)`;
    }
  });
  // Positions: dense_rank over the distinct row (column) entries only, joined back — a window over every
  // cell of a 10,000 × 200 result would sort two million rows twice.
  const positions = (name: string, bitsOf: string, bitsName: string, dims: number[], count: number) => {
    const order = dims.length ? dims.map((i, k) => `((${bitsName} >> ${count - 1 - k}) & 1), ${d(i)} ASC NULLS LAST`).join(', ') : '1';
    return `${name}p AS (
  SELECT *, dense_rank() OVER (ORDER BY ${order})::INTEGER AS __sgw_${name}
  FROM (SELECT DISTINCT ${[`${bitsOf} AS ${bitsName}`, ...dims.map(d)].join(', ')} FROM calc)
)`;
  };
  const rowIdx = spec.rows.map((_, i) => i);
  const colIdx = spec.cols.map((_, j) => nr + j);
  const on = (alias: string, bitsOf: string, bitsName: string, dims: number[]) => [`${bitsOf} = ${alias}.${bitsName}`, ...dims.map((i) => `calc.${d(i)} IS NOT DISTINCT FROM ${alias}.${d(i)}`)].join(' AND ');
  const keys = [...spec.rows, ...spec.cols].map((_, i) => `CAST(calc.${d(i)} AS VARCHAR) AS ${ident(PIVOT_COLUMNS.key(i))}`);
  return `WITH ${aggCte(spec, src, withTotals)}, calc AS (
  SELECT *, ${shown.map((s, i) => `${s} AS ${ident(PIVOT_COLUMNS.value(i))}`).join(', ')}
  FROM agg
), ${positions('r', rowBits, '__sgw_rb', rowIdx, nr)}, ${positions('c', colBits, '__sgw_cb', colIdx, nc)}
SELECT calc.__sgw_g, rp.__sgw_r, cp.__sgw_c${keys.map((k) => `, ${k}`).join('')}, ${spec.values.map((_, i) => `calc.${ident(PIVOT_COLUMNS.value(i))}`).join(', ')}
FROM calc
JOIN rp ON ${on('rp', rowBits.replace('__sgw_g', 'calc.__sgw_g'), '__sgw_rb', rowIdx)}
JOIN cp ON ${on('cp', colBits.replace('__sgw_g', 'calc.__sgw_g'), '__sgw_cb', colIdx)}${spec.totals || !withTotals ? '' : '\nWHERE calc.__sgw_g = 0'}`;
}

/** Whether the rollup answers this pivot exactly: every dimension and filter column grouped, every value covered. */
export function rollupCoversPivot(rollup: Rollup, spec: PivotSpec): boolean {
  return (
    [...spec.rows, ...spec.cols, ...spec.filters.map((f) => f.column)].every((c) => rollup.dims.includes(c)) &&
    spec.values.every((v) => {
      const m = asMeasure(v);
      return m !== null && rollupCovers(rollup, m);
    })
  );
}

/** The pivot's SQL over its source, and over the source table's rollup when that covers it. */
export function pivotSql(spec: PivotSpec, source: AnalysisSource, rollup?: Rollup | null): PivotQuery {
  const from = fromSource(source);
  const sql = compose(spec, { from, col: ident, aggregate: tableAggregate(source), fine: finePhase(spec, source) });
  const covered = rollup && source.table !== undefined && rollup.table === source.table && rollupCoversPivot(rollup, spec);
  const rollupSql = covered ? compose(spec, { from: rollup.relation, col: (c) => rollupDimSql(rollup, c)!, aggregate: (v) => rollupAggregateSql(rollup, asMeasure(v)!) }) : undefined;
  return { sql, ...(rollupSql ? { rollupSql } : {}), rows: spec.rows.length, cols: spec.cols.length, values: spec.values.length };
}

/** The most rows a drill-down shows. */
export const DRILL_LIMIT = 1000;

/**
 * The rows under one cell: the pivot's filters and top-N, plus one condition per dimension the cell is
 * not a total over (`rowKey`/`colKey` hold null for an empty value; `undefined` for a total level).
 */
export function pivotDrillSql(spec: PivotSpec, source: AnalysisSource, rowKey: readonly (string | null | undefined)[], colKey: readonly (string | null | undefined)[], limit = DRILL_LIMIT): string {
  const types = new Map(source.columns.map((c) => [c.name, c.type]));
  const cond = (column: string, key: string | null | undefined) =>
    key === undefined ? [] : [key === null ? `${ident(column)} IS NULL` : `${ident(column)} = ${keyLiteral(key, types.get(column))}`];
  const where = [
    ...whereList(spec, { from: fromSource(source), col: ident, aggregate: tableAggregate(source) }),
    ...spec.rows.flatMap((c, i) => cond(c, rowKey[i])),
    ...spec.cols.flatMap((c, j) => cond(c, colKey[j])),
  ];
  return `SELECT *\nFROM ${source.relation}${where.length ? `\nWHERE ${where.join('\n  AND ')}` : ''}\nLIMIT ${limit}`;
}

/** A column key of a PivotSort, for callers that build one from a grid column. */
export type { PivotKey };
