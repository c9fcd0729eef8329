import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { newPivotSpec, type PivotSpec } from '../model/pivot-spec';
import { runPivot } from '../pivot/run-pivot';
import { pivotTable } from '../pivot/table';
import { tableSource } from '../sql/source';
import { excelNumberFormat, pivotToXlsx } from './pivot-xlsx';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(`CREATE TABLE orgs AS SELECT * FROM (VALUES
    ('北京', '社会团体', 2019, 123456.0, 10), ('北京', '基金会', 2019, 98765.5, 3), ('北京', '社会团体', 2020, 130000.0, 12),
    ('上海', '社会团体', 2019, 310000000.0, 8), ('上海', '基金会', 2020, 45000.25, 5), ('=HYPERLINK("x")', '基金会', 2020, 1.0, 1)) t(地区, 类型, 年份, 经费, 机构数)`);
});
afterAll(() => db.close());

const spec: PivotSpec = {
  ...newPivotSpec('orgs'),
  title: '经费（按地区、类型和年份）',
  rows: ['地区', '类型'],
  cols: ['年份'],
  values: [
    { column: '经费', agg: 'sum', show: 'value', format: 'wan' },
    { column: '机构数', agg: 'sum', show: 'row_share', format: 'percent' },
  ],
  filters: [],
};

async function workbook() {
  const r = await runPivot(db, spec, tableSource((await describeTable(db, 'orgs'))!));
  if (r.status !== 'ready') throw new Error(r.status);
  const table = pivotTable(r.grid, spec, 'zh-CN', ['筛选：无']);
  const bytes = pivotToXlsx(table, { lang: 'zh-CN' });
  return { bytes, files: unzipSync(bytes), wb: XLSX.read(bytes, { type: 'array', cellNF: true }), table };
}

describe('pivotToXlsx', () => {
  it('writes typed numbers with 万 and % formats, merged headers and row labels, neutralised text', async () => {
    const { wb } = await workbook();
    expect(wb.SheetNames).toEqual(['数据透视表']);
    const ws = wb.Sheets['数据透视表'];
    expect(ws.A1.v).toBe('经费（按地区、类型和年份）');
    // Title, blank row, then the header: 年份 over its keys, then the value names.
    expect([ws.A3.v, ws.C3.v, ws.E3.v, ws.G3.v]).toEqual(['年份', 2019, 2020, '合计'].map(String));
    expect([ws.A4.v, ws.B4.v, ws.C4.v, ws.D4.v]).toEqual(['地区', '类型', '经费 求和', '机构数 求和（占行合计）']);
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    // Keys in Unicode order: the formula-like text, 上海 (基金会, 社会团体, 合计), 北京; each label spans its group.
    expect(merges).toEqual(['A3:B3', 'C3:D3', 'E3:F3', 'G3:H3', 'A5:A6', 'A7:A9', 'A10:A12', 'A13:B13']);
    expect(ws.A7.v).toBe('上海');
    const shanghaiShetuan = 8;
    expect(ws[`B${shanghaiShetuan}`].v).toBe('社会团体');
    expect(ws[`C${shanghaiShetuan}`]).toMatchObject({ t: 'n', v: 310000000, z: '0\\.0,"万"' });
    expect(ws[`D${shanghaiShetuan}`]).toMatchObject({ t: 'n', v: 1, z: '0.0%' });
    const texts = Object.values(ws).flatMap((c) => (typeof c === 'object' && c && 'v' in c && typeof c.v === 'string' ? [c.v] : []));
    expect(texts).toContain(`'=HYPERLINK("x")`);
    expect(texts).toContain('筛选：无');
  });

  it('bolds totals and headers, freezes the header rows and label columns', async () => {
    const { files, table } = await workbook();
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const styles = strFromU8(files['xl/styles.xml']);
    expect(sheet).toContain('<pane xSplit="2" ySplit="4" topLeftCell="C5" activePane="bottomRight" state="frozen"/>');
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    const fonts = [...styles.slice(styles.indexOf('<fonts'), styles.indexOf('</fonts>')).matchAll(/<font>.*?<\/font>/g)].map((m) => m[0]);
    const bold = (ref: string) => {
      const s = Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
      return fonts[Number(/fontId="(\d+)"/.exec(xfs[s])![1])].includes('<b/>');
    };
    const lastRow = 4 + table.body.length;
    expect(bold(`A${lastRow}`)).toBe(true); // 合计 label
    expect(bold(`C${lastRow}`)).toBe(true); // grand total
    expect(bold('G8')).toBe(true); // row total column
    expect(bold('C8')).toBe(false); // a plain cell
    expect(bold('C9')).toBe(true); // a subtotal
    expect(bold('C3')).toBe(true); // a column key
    // The styled value cells keep their number formats.
    const g8 = Number(/<c r="G8" s="(\d+)"/.exec(sheet)![1]);
    expect(styles).toContain(`numFmtId="${/numFmtId="(\d+)"/.exec(xfs[g8])![1]}" formatCode="0\\.0,&quot;万&quot;"`);
  });

  it('maps every value format to an Excel format', () => {
    expect(['auto', 'integer', 'decimal', 'wan', 'yi', 'percent'].map((f) => excelNumberFormat(f as never, 'zh-CN', false))).toEqual(['#,##0.00', '#,##0', '#,##0.00', '0\\.0,"万"', '0\\.00,,"亿"', '0.0%']);
  });
});
