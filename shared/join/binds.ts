import type { JoinDef, JoinSide } from '../model/join';

/** Columns of each table a database would hold: name → its column names (any case). */
export type ColumnsOf = (table: string) => readonly string[] | undefined;

/** Every column a combined table reads, per table (names as the definition spells them). */
export function joinReads(def: Pick<JoinDef, 'left' | 'right' | 'columns'>): [string, string[]][] {
  const side = (s: JoinSide, which: 'left' | 'right') => [s.region, ...(s.year ? [s.year] : []), ...def.columns.filter((c) => c.side === which).map((c) => c.column)];
  return [
    [def.left.table, side(def.left, 'left')],
    [def.right.table, side(def.right, 'right')],
  ];
}

/**
 * Which of `joins` can be made as views over tables with these columns, in order (a combined table may read one
 * made before it), and which cannot. Decided from names alone, before any statement runs: DuckDB binds a view
 * when it is created, and a failed CREATE VIEW would abort the transaction it runs in. Names compare as the
 * engine compares identifiers, without case.
 */
export function bindableJoins(joins: readonly JoinDef[], columnsOf: ColumnsOf): { ok: JoinDef[]; broken: JoinDef[] } {
  const made = new Map<string, string[]>();
  const lookup = (t: string) => made.get(t.toLowerCase()) ?? columnsOf(t);
  const ok: JoinDef[] = [];
  const broken: JoinDef[] = [];
  for (const def of joins) {
    const binds = joinReads(def).every(([table, cols]) => {
      const have = new Set((lookup(table) ?? []).map((c) => c.toLowerCase()));
      return have.size > 0 && cols.every((c) => have.has(c.toLowerCase()));
    });
    (binds ? ok : broken).push(def);
    if (binds) made.set(def.name.toLowerCase(), def.columns.map((c) => c.name));
  }
  return { ok, broken };
}
