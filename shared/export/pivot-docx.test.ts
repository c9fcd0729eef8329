import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { ORGS_PIVOT, ORGS_SQL } from '../../tests/fixtures/export/pivot';
import { assertWellFormed } from '../../tests/fixtures/export/inspect-xlsx';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { newPivotSpec, type PivotSpec } from '../model/pivot-spec';
import { cell } from '../pivot/grid';
import { formatValue, wholeValues } from '../pivot/labels';
import { runPivot } from '../pivot/run-pivot';
import { pivotCellCount, pivotTable } from '../pivot/table';
import { tableSource } from '../sql/source';
import { DOCX_MAX_PIVOT_CELLS } from './limits';
import { pivotPageLayout, pivotToDocx } from './pivot-docx';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(ORGS_SQL);
});
afterAll(() => db.close());

const wide = ORGS_PIVOT;

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function docx(spec: PivotSpec) {
  const r = await runPivot(db, spec, tableSource((await describeTable(db, 'orgs'))!));
  if (r.status !== 'ready') throw new Error(r.status);
  const files = unzipSync(pivotToDocx(pivotTable(r.grid, spec, 'zh-CN', ['筛选：无']), { lang: 'zh-CN' }));
  const doc = strFromU8(files['word/document.xml']);
  const rows = [...doc.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, tr]) => ({
    header: tr.includes('<w:tblHeader/>'),
    cells: [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => ({
      text: unescape([...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
      span: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1),
      vMerge: /<w:vMerge w:val="restart"\/>/.test(tc) ? 'restart' : /<w:vMerge\/>/.test(tc) ? 'continue' : '',
      bold: tc.includes('<w:b/>'),
      align: /<w:jc w:val="(\w+)"\/>/.exec(tc)?.[1],
      width: Number(/<w:tcW w:w="(\d+)"/.exec(tc)![1]),
    })),
  }));
  return { files, doc, rows, grid: r.grid };
}

describe('pivotToDocx', () => {
  it('writes a real Word table: merged column keys and row labels, repeated header rows, bold totals, right-aligned formatted numbers', async () => {
    const { files, doc, rows, grid } = await docx(wide);
    for (const p of Object.keys(files).filter((f) => /\.(xml|rels)$/.test(f))) assertWellFormed(strFromU8(files[p]));
    expect(doc).toContain('>表</w:t></w:r><w:fldSimple w:instr=" SEQ 表 \\* ARABIC ">');
    expect(rows.map((r) => r.header)).toEqual([true, true, ...Array(rows.length - 2).fill(false)]);
    // Every row covers the eight grid columns (2 label columns + 3 column keys × 2 values).
    expect(doc.match(/<w:gridCol /g)).toHaveLength(8);
    rows.forEach((r, i) => expect(r.cells.reduce((n, c) => n + c.span, 0), `row ${i}`).toBe(8));
    expect(rows[0].cells.map((c) => [c.text, c.span, c.bold])).toEqual([['年份', 2, true], ['2019', 2, true], ['2020', 2, true], ['合计', 2, true]]);
    expect(rows[1].cells.map((c) => c.text)).toEqual(['地区', '类型', ...Array(3).fill(['经费 求和', '机构数 求和（占行合计）']).flat()]);
    // Each place spans its types and its subtotal (text is not neutralised: Word has no formulas): restart, then two continuing cells; then 北京 likewise.
    expect(rows.slice(2).map((r) => [r.cells[0].text, r.cells[0].vMerge])).toEqual([
      ['=HYPERLINK("x")', 'restart'], ['', 'continue'],
      ['上海', 'restart'], ['', 'continue'], ['', 'continue'],
      ['北京', 'restart'], ['', 'continue'], ['', 'continue'],
      ['合计', ''],
    ]);
    expect(rows.at(-1)!.cells[0]).toMatchObject({ span: 2, bold: true });
    // Each value cell: the grid's number in its chosen format, right-aligned, bold in totals only.
    rows.slice(2).forEach((r, i) => {
      const values = r.cells.slice(r.cells.length - 6);
      values.forEach((c, k) => {
        const x = cell(grid, i, Math.floor(k / 2), k % 2);
        expect(c.text, `row ${i} value ${k}`).toBe(Number.isNaN(x) ? '' : formatValue(x, wide.values[k % 2].format, 'zh-CN', wholeValues(grid)[k % 2]));
        expect(c.align).toBe('right');
        expect(c.bold, `row ${i} value ${k}`).toBe(grid.rows[i].depth < 2 || Math.floor(k / 2) === 2);
      });
    });
    expect(rows[5].cells.at(-6)!.text).toBe('31,000.0万');
    expect(doc).toContain('筛选：无');
  });

  it('fits the page: a narrow pivot stays portrait at its natural widths, a wide one turns landscape and is scaled to the page width', async () => {
    const narrow = await docx({ ...newPivotSpec('orgs'), rows: ['地区'], values: [{ column: '经费', agg: 'sum', show: 'value', format: 'integer' }] });
    expect(narrow.doc).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    const many = await docx({ ...wide, rows: ['地区'], cols: ['年份', '类型'] });
    expect(many.doc).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const grid = [...many.doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const width = grid.reduce((a, b) => a + b, 0);
    expect(width).toBeLessThanOrEqual(16838 - 2 * 1797);
    expect(width).toBeGreaterThan(11906 - 2 * 1797);
    expect(many.rows.filter((r) => r.header)).toHaveLength(3);
  });

  it('widens a column for its bold total: 12,002.00 in bold needs more room than the same digits in regular type', () => {
    const value = (text: string, total: boolean) => ({ kind: 'value' as const, text, value: 1, ...(total ? { total } : {}) });
    const of = (total: boolean) => ({ title: '', header: [[{ kind: 'corner' as const, text: '地区' }, { kind: 'value-name' as const, text: 'v' }]], body: [[{ kind: 'row-key' as const, text: '北京' }, value('1,066.50', false)], [{ kind: 'row-key' as const, text: '合计', total: true }, value('12,002.00', total)]], rowHeaderCols: 1, dataCols: 1, values: 1, whole: [false], notes: [] });
    expect(pivotPageLayout(of(true)).widths[1]).toBeGreaterThan(pivotPageLayout(of(false)).widths[1]);
  });

  it('refuses a table beyond the Word limit rather than writing a document Word cannot open', () => {
    const row = [{ kind: 'row-key' as const, text: 'a' }, { kind: 'value' as const, text: '1', value: 1 }];
    const big = { title: '', header: [[{ kind: 'corner' as const, text: '' }, { kind: 'value-name' as const, text: 'v' }]], body: Array.from({ length: DOCX_MAX_PIVOT_CELLS / 2 }, () => row), rowHeaderCols: 1, dataCols: 1, values: 1, whole: [true], notes: [] };
    expect(pivotCellCount(big)).toBe(DOCX_MAX_PIVOT_CELLS + 2);
    expect(() => pivotToDocx(big)).toThrow(RangeError);
    expect(pivotToDocx({ ...big, body: big.body.slice(1) }).length).toBeGreaterThan(0);
  });
});
