/**
 * Row labels of a statistical table carry structure. Indentation (leading spaces, full-width spaces, or
 * Excel's indent in the cell style) puts a row under the nearest row above it that is indented less;
 * "其中：社会团体" marks a part ("of which") of the row above; "社会组织总数(家)" gives the row's unit, which
 * the rows under it share. A bare "其中：" line introduces the parts below it and is dropped.
 *
 * Parts and children alike get their parent in the parent column; the part flag says a row was introduced by
 * 其中 (a partial breakdown: the parts need not add up to the parent).
 */
import { tidyName } from './header';
import { splitUnit } from './units';
import type { Cell } from './types';

export interface LabelStructure {
  /** Labels without indentation, 其中 prefix and unit. */
  labels: Cell[];
  /** Each row's parent label, or null when no row has one. */
  parents: (string | null)[] | null;
  /** Rows introduced by 其中, or null when there are none. */
  parts: boolean[] | null;
  /** Each row's unit from its label (or its parent's), or null when no label names a unit. */
  units: (string | null)[] | null;
  /** Rows to leave out (bare 其中 lines), or null. */
  drop: boolean[] | null;
  indent?: 'spaces' | 'excel';
}

const PART = /^其中\s*[:：]?\s*/;
/**
 * Leading spaces are indentation only in tables this small (yearbook tables are; in a big data export a stray
 * space before a name is noise, not a hierarchy) and when at least two rows have them. Excel's indent is always
 * meant.
 */
export const MAX_SPACE_INDENT_ROWS = 1000;

/** Indent width in half-width spaces; tabs do not count (no yearbook cell indents with one: it is noise). */
function leadingWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (ch === ' ') w += 1;
    else if (ch === '\u3000') w += 2;
    else break;
  }
  return w;
}

/** A cheap first look: most tables' labels carry no structure, and then nothing else runs (1M-row CSVs). */
function mayCarryStructure(cells: readonly Cell[], excel?: readonly (number | undefined)[]): boolean {
  if (excel?.some((x) => (x ?? 0) > 0)) return true;
  for (const c of cells) {
    if (typeof c !== 'string' || c.length === 0) continue;
    const first = c.charCodeAt(0);
    const last = c.charCodeAt(c.length - 1);
    if (first === 32 || first === 0x3000 || first === 0x5176 || last === 41 || last === 0xff09 || c.includes('\u3000')) return true;
  }
  return false;
}

/** Distinct indent widths ranked: 0 for the least indented rows, 1 for the next, … */
function levels(widths: readonly number[]): number[] {
  const ranks = new Map([...new Set(widths)].sort((a, b) => a - b).map((w, i) => [w, i]));
  return widths.map((w) => ranks.get(w)!);
}

interface Group {
  parent: number;
  level: number;
  /** Opened by a bare 其中 line (its parts follow) rather than by a 其中 row. */
  bare: boolean;
  count: number;
}

/** `hasValues(i)`: does row i hold anything besides its label? `excel`: each row's Excel indent level. */
export function readLabels(cells: readonly Cell[], hasValues: (i: number) => boolean, excel?: readonly (number | undefined)[]): LabelStructure {
  if (!mayCarryStructure(cells, excel)) return { labels: cells as Cell[], parents: null, parts: null, units: null, drop: null };
  const n = cells.length;
  const raw = cells.map((c) => (typeof c === 'string' ? c : ''));
  // One stray leading space is not a hierarchy: spaces count when at least two rows are indented with them.
  const spaced = raw.map(leadingWidth);
  const spaces = n <= MAX_SPACE_INDENT_ROWS && spaced.filter((w) => w > 0).length >= 2;
  const widths = raw.map((_, i) => (excel?.[i] ?? 0) * 4 + (spaces ? spaced[i] : 0));
  const level = levels(widths);
  const indented = new Set(widths).size > 1;
  const labels: Cell[] = new Array<Cell>(n);
  const labelUnit: (string | undefined)[] = new Array<string | undefined>(n);
  const isPart: boolean[] = new Array<boolean>(n).fill(false);
  const parent: number[] = new Array<number>(n).fill(-1);
  const drop: boolean[] = new Array<boolean>(n).fill(false);
  const kept: number[] = [];
  /** The nearest kept row above that `test` accepts. */
  const nearest = (test: (j: number) => boolean) => {
    for (let k = kept.length - 1; k >= 0; k--) if (test(kept[k])) return kept[k];
    return -1;
  };
  let group: Group | null = null;

  for (let i = 0; i < n; i++) {
    if (typeof cells[i] !== 'string') {
      labels[i] = cells[i];
      kept.push(i);
      group = null;
      continue;
    }
    let text = raw[i].trim();
    const part = PART.test(text);
    if (part) text = text.replace(PART, '');
    const { name, unit } = splitUnit(text);
    labels[i] = tidyName(name);
    labelUnit[i] = unit;
    const L = level[i];
    if (part && labels[i] === '' && !hasValues(i)) {
      drop[i] = true;
      group = { parent: nearest((j) => !isPart[j] && level[j] <= L), level: L, bare: true, count: 0 };
      continue;
    }
    const byIndent = L > 0 ? nearest((j) => level[j] < L) : -1;
    if (part) {
      parent[i] = nearest((j) => !isPart[j] && level[j] <= L);
      isPart[i] = parent[i] >= 0;
      group = { parent: parent[i], level: L, bare: false, count: 1 };
    } else if (group && continues(group, L, level, indented)) {
      parent[i] = group.parent;
      isPart[i] = group.parent >= 0;
      group.count++;
    } else {
      group = null;
      parent[i] = byIndent;
    }
    kept.push(i);
  }

  const anyParent = parent.some((p) => p >= 0);
  const anyUnit = labelUnit.some((u) => u !== undefined);
  const units = anyUnit ? inheritedUnits(labelUnit, parent) : null;
  return {
    labels,
    parents: anyParent ? parent.map((p) => (p >= 0 ? String(labels[p] ?? '') : null)) : null,
    parts: isPart.some(Boolean) ? isPart : null,
    units,
    drop: drop.some(Boolean) ? drop : null,
    ...(indented ? { indent: excel?.some((x) => (x ?? 0) > 0) ? ('excel' as const) : ('spaces' as const) } : {}),
  };
}

/**
 * Does a row at `level` continue the parts a 其中 line opened? After "其中：A" the next parts are indented like
 * A or aligned under A's text (deeper); without any indentation in the table, a row after it is not a part.
 */
function continues(g: Group, level: number, levelOf: readonly number[], indented: boolean): boolean {
  if (g.bare) return indented ? level >= g.level && level > (g.parent >= 0 ? levelOf[g.parent] : -1) : g.count === 0;
  return indented && level >= g.level && level > 0;
}

/** A label's own unit, else its parent's (社会团体 under 社会组织总数(家) counts 家). */
function inheritedUnits(own: readonly (string | undefined)[], parent: readonly number[]): (string | null)[] {
  const out: (string | null)[] = new Array<string | null>(own.length).fill(null);
  for (let i = 0; i < own.length; i++) out[i] = own[i] ?? (parent[i] >= 0 ? out[parent[i]] : null);
  return out;
}
