/**
 * Layout detection over a grid of cells: title rows, the header block, a units line, the data rows, footnotes
 * and the source line, the row-label column and blank spacer columns. It reads the top and the bottom of the
 * grid and a sample of the data rows, never the cells' meaning beyond that: a separate step from parsing, so
 * any reader (our CSV parser, SheetJS, or a sample of a file the engine parses) can feed it.
 */
import { cellText, detectHeaderRows, headerColumns, isBlank, isUnitLineRow, isUnitsRow, type HeaderColumn } from './header';
import { fillMerges, type Grid } from './grid';
import { isUnitLine, tableUnit } from './units';
import { Kind, parseCell } from './values';
import type { Cell, DetectedLayout, LayoutOverrides } from './types';

export interface Layout extends DetectedLayout {
  /** 0-based first header row and its row count (0 = no header). */
  headerRow: number;
  headerRows: number;
  titles: string[];
  notes: string[];
  title?: string;
  source?: string;
  /** The one unit a units line names, for numeric columns without their own. */
  tableUnit?: string;
  /** Source width: the header's, and in a sheet the data's where it reaches further. */
  width: number;
  /** Sheet columns (0-based) with data but no header cell: kept, with generated names. */
  beyondHeader: number[];
  /** Source columns kept (0-based), with their headers; spacer columns are left out. */
  columns: { col: number; header: HeaderColumn }[];
}

const NOTE_START = /^\s*(?:注|说明|备注|附注|资料来源|数据来源|来源|source|note)s?\s*[:：\d１-９一二三四五六七八九①-⑩]|^\s*[*※#]/i;
const SOURCE_LINE = /^\s*(?:资料来源|数据来源|来源|sources?)\s*[:：]\s*(.+)$/i;
const MAX_TITLE_ROWS = 6;
/** Rows sampled to find the label column. */
const SAMPLE_ROWS = 200;

const rowEmpty = (row: readonly Cell[] | undefined) => !row || row.every(isBlank);
const distinctValues = (row: readonly Cell[]) => [...new Set(row.filter((c) => !isBlank(c)).map(cellText))];

function lastFilled(row: readonly Cell[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i;
  return -1;
}

/** One text across the table (a title), or a title and a units line side by side. */
function isTitleRow(row: readonly Cell[], widest: number): boolean {
  if (widest < 3) return false;
  const values = distinctValues(row);
  return values.length <= 1 || (values.length === 2 && values.some(isUnitLine));
}

export function isNoteRow(row: readonly Cell[], width: number): boolean {
  const values = distinctValues(row);
  if (values.length === 0) return false;
  if (NOTE_START.test(values[0])) return true;
  return values.length === 1 && width >= 3 && values[0].length >= 8 && parseCell(values[0]).kind === Kind.Text;
}

/** The first column (of the first three kept) whose sampled data are mostly text; -1 when none. */
function findLabelColumn(rows: readonly Cell[][], cols: readonly number[], start: number, end: number): number {
  const sample: Cell[][] = [];
  for (let r = start; r < end && sample.length < SAMPLE_ROWS; r++) if (!rowEmpty(rows[r])) sample.push(rows[r]);
  let numericColumns = 0;
  let label = -1;
  for (const c of cols) {
    let texts = 0;
    let values = 0;
    for (const row of sample) {
      const k = parseCell(row[c] ?? null).kind;
      if (k === Kind.Missing) continue;
      values++;
      if (k === Kind.Text) texts++;
    }
    if (values > 0 && texts >= values / 2) {
      if (label < 0 && cols.indexOf(c) < 3) label = c;
    } else if (values > 0) numericColumns++;
  }
  // Labels matter in statistical tables: a table without numbers has no row hierarchy to read.
  return numericColumns > 0 ? label : -1;
}

export function detectLayout(grid: Grid, ov: LayoutOverrides = {}): Layout {
  const rows = grid.rows;
  if (grid.merges?.length) fillMerges(rows, grid.merges);
  const merges = grid.merges ?? [];
  const widest = rows.slice(0, SAMPLE_ROWS).reduce((w, row) => Math.max(w, distinctValues(row).length), 0);

  let h = 0;
  const titles: string[] = [];
  if (ov.headerRow !== undefined) {
    h = Math.max(0, ov.headerRow - 1);
    for (let r = 0; r < h; r++) if (!rowEmpty(rows[r])) titles.push(distinctValues(rows[r]).join(' '));
  } else {
    while (h < rows.length && (rowEmpty(rows[h]) || (isTitleRow(rows[h], widest) && titles.length < MAX_TITLE_ROWS))) {
      if (!rowEmpty(rows[h])) titles.push(distinctValues(rows[h]).join(' '));
      h++;
    }
  }
  const titleRows = titles.length;
  const k = Math.max(0, Math.min(3, ov.headerRows ?? (h < rows.length ? detectHeaderRows(rows, h, merges) : 1)));
  const headerBlock = k > 0 ? rows.slice(h, h + k) : rows.slice(h);
  const width = headerBlock.reduce((w, row) => Math.max(w, lastFilled(row) + 1), 0);

  // A units line right under the header ("单位：家、万人") is metadata, not a data row.
  let start = h + k;
  const unitsInHeader = k > 1 ? headerBlock.findIndex((row, i) => i > 0 && isUnitsRow(row)) : -1;
  let unitRow = unitsInHeader > 0 ? h + unitsInHeader + 1 : undefined;
  const unitLines: string[] = [];
  const firstData = ov.dataStart !== undefined ? Math.max(start, ov.dataStart - 1) : undefined;
  while (start < rows.length && (firstData !== undefined ? start < firstData : rowEmpty(rows[start]) || isUnitLineRow(rows[start]))) {
    if (isUnitLineRow(rows[start])) {
      unitLines.push(distinctValues(rows[start])[0]);
      unitRow = start + 1;
    }
    start++;
  }

  let end = rows.length;
  const notes: string[] = [];
  while (end > start && (rowEmpty(rows[end - 1]) || isNoteRow(rows[end - 1], width))) {
    end--;
    if (!rowEmpty(rows[end])) notes.unshift(distinctValues(rows[end]).join(' '));
  }

  // In a sheet, values right of the header are data without a name (some .xlsb writers leave the header
  // short): kept under generated names. In CSV extra fields are reported as ragged rows.
  let dataWidth = width;
  if (!grid.strictWidth) for (let r = start; r < end; r++) if (rows[r] && rows[r].length > dataWidth) dataWidth = Math.max(dataWidth, lastFilled(rows[r]) + 1);
  const headers: HeaderColumn[] = [...(k > 0 ? headerColumns(rows, h, k, width) : Array.from({ length: width }, () => ({ path: [] }))), ...Array.from({ length: dataWidth - width }, () => ({ path: [] }))];
  const spacer = (c: number) => {
    if (headers[c].path.length > 0) return false;
    for (let r = start; r < end; r++) if (!isBlank(rows[r]?.[c])) return false;
    return true;
  };
  const spacerColumns = headers.map((_, c) => c).filter(spacer);
  const columns = headers.map((header, col) => ({ col, header })).filter(({ col }) => !spacerColumns.includes(col));
  const label = ov.labelColumn !== undefined ? ov.labelColumn - 1 : findLabelColumn(rows, columns.map((c) => c.col), start, end);

  const allTitles = [...titles, ...unitLines];
  const sourceLine = [...notes, ...titles].map((n) => SOURCE_LINE.exec(n)?.[1]?.trim()).find(Boolean);
  const title = titles.find((x) => !isUnitLine(x));
  const unit = tableUnit(allTitles);
  return {
    headerRow: h,
    headerRows: k,
    titleRows,
    ...(unitRow !== undefined ? { unitRow } : {}),
    dataStart: start + 1,
    dataEnd: Math.max(start, end),
    ...(label >= 0 && label < width ? { labelColumn: label + 1 } : {}),
    spacerColumns: spacerColumns.map((c) => c + 1),
    titles: allTitles,
    notes,
    ...(title ? { title } : {}),
    ...(sourceLine ? { source: sourceLine } : {}),
    ...(unit ? { tableUnit: unit } : {}),
    width: dataWidth,
    beyondHeader: Array.from({ length: dataWidth - width }, (_, i) => width + i).filter((c) => !spacerColumns.includes(c)),
    columns,
  };
}

