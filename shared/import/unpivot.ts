/**
 * Years as columns → long format: the other columns, then (when the year columns sit under different
 * parents, e.g. 社会团体 › 2012年 and 基金会 › 2012年) 指标, then 年份 (integer) and 数值, one row per year
 * column; when the year columns' units differ, a 单位 column says each row's unit.
 */
import { headerYear, pathGroup } from './header';
import { guessColumn } from './values';
import { ImportError, type Cell, type ColumnSpec, type ParsedTable } from './types';

function uniqueName(name: string, taken: Set<string>): string {
  let out = name;
  for (let k = 2; taken.has(out); k++) out = `${name}_${k}`;
  taken.add(out);
  return out;
}

/** Group paths without the parents every one of them shares (社会组织单位数 › 社会团体 / › 基金会 → 社会团体 / 基金会). */
function distinctGroups(paths: string[][]): string[] {
  let common = 0;
  while (paths.every((p) => p.length > common + 1 && p[common] === paths[0][common])) common++;
  return paths.map((p) => p.slice(common).join('_'));
}

export function unpivotYears(table: ParsedTable): ParsedTable {
  const found = table.columns
    .map((c, i) => ({ i, year: c.year ?? headerYear(c.name), path: pathGroup(c.path ?? []), unit: c.unit }))
    .filter((y): y is { i: number; year: number; path: string[]; unit: string | undefined } => y.year !== undefined);
  if (found.length === 0) throw new ImportError('import.err.noYearColumns');
  const groupNames = distinctGroups(found.map((y) => y.path));
  const yearCols = found.map((y, k) => ({ ...y, group: groupNames[k] }));
  const idCols = table.columns.map((_, i) => i).filter((i) => !yearCols.some((y) => y.i === i));
  // One group for all year columns says nothing per row (it is what the table counts): no column for it.
  const withGroup = new Set(yearCols.map((y) => y.group)).size > 1;
  const rowUnits = !table.columns.some((c) => c.role === 'unit') && new Set(yearCols.map((y) => y.unit)).size > 1;

  const ids: Cell[][] = idCols.map(() => []);
  const groups: Cell[] = [];
  const years: Cell[] = [];
  const values: Cell[] = [];
  const units: Cell[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    for (const y of yearCols) {
      idCols.forEach((ic, k) => ids[k].push(table.data[ic][r]));
      if (withGroup) groups.push(y.group || null);
      years.push(y.year);
      values.push(table.data[y.i][r]);
      if (rowUnits) units.push(y.unit ?? null);
    }
  }
  const taken = new Set(idCols.map((i) => table.columns[i].name));
  const guess = guessColumn(values, '数值');
  const unit = rowUnits ? undefined : yearCols[0].unit;
  const columns: ColumnSpec[] = [
    ...idCols.map((i) => table.columns[i]),
    ...(withGroup ? [{ name: uniqueName('指标', taken), type: 'string' as const }] : []),
    { name: uniqueName('年份', taken), type: 'integer' },
    { name: uniqueName('数值', taken), type: guess.type, ...(unit ? { unit } : {}) },
    ...(rowUnits ? [{ name: uniqueName('单位', taken), type: 'string' as const, role: 'unit' as const }] : []),
  ];
  const data = [...ids, ...(withGroup ? [groups] : []), years, values, ...(rowUnits ? [units] : [])];
  return { ...table, columns, data, rowCount: years.length, yearColumns: 0 };
}
