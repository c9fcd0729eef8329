/** `sgw export --docx`: the same flags as --xlsx, a Word document with a native chart and its embedded workbook. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DATASETS, sgw as run, tempDir, WIDE_SQL as WIDE } from '../../tests/fixtures/cli';
import { inspectXlsx } from '../../tests/fixtures/export/inspect-xlsx';
import type { ChartSpec } from '../../shared/model/chart-spec';

const tmp = tempDir('sgw-docx-');
const outDir = () => tmp.path;
const sgw = (...argv: string[]) => run(...argv, '--datasets', FIXTURE_DATASETS);

async function openDocx(file: string) {
  const files = unzipSync(new Uint8Array(await readFile(file)));
  const text = (p: string) => strFromU8(files[p]);
  return { files, text, doc: text('word/document.xml') };
}

describe('sgw export --docx', () => {
  it('writes a Word document whose chart is native, its data in an embedded workbook with the query’s numbers', async () => {
    const docx = path.join(outDir(), '年报.docx');
    const r = await sgw('export', '--sql', WIDE, '--chart', 'column', '--x', '类型', '--y', '2013年,2014年', '--title', '社会组织数', '--unit', '个', '--source', '上海市民政局', '--docx', docx);
    expect([r.code, r.err, r.out]).toEqual([0, '', `已写入 ${docx}\n`]);
    const { files, text, doc } = await openDocx(docx);
    expect(doc).toContain('<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">社会组织数</w:t>');
    expect(doc).toContain('<w:fldSimple w:instr=" SEQ 图 \\* ARABIC "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve">　社会组织数</w:t>');
    expect(doc).toContain('来源：上海市民政局');
    const chart = text('word/charts/chart1.xml');
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain('<c:externalData r:id="rId1">');
    const book = inspectXlsx(files['word/embeddings/Microsoft_Excel_Worksheet1.xlsx']);
    const refs = [...chart.matchAll(/<c:val><c:numRef><c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
    expect(refs.map((ref) => book.resolveRef(ref))).toEqual([
      [undefined, 6000, 3900],
      [300, 6300, 4000],
    ]);
    expect(book.resolveRef(/<c:cat><c:strRef><c:f>([^<]*)<\/c:f>/.exec(chart)![1])).toEqual(['基金会', '民办非企业单位', '社会团体']);
  });

  it('takes a saved chart with --spec: a map is its picture, a heatmap its shaded table', async () => {
    const base: ChartSpec = { version: 1, table: 'demo_orgs', kind: 'map', x: '地区', measures: [{ column: '数量', agg: 'sum', transform: 'none', unit: '家' }], filters: [], sort: 'x_asc', stack: 'none', title: '各地区社会组织数', annotations: [] };
    const map = path.join(outDir(), 'map.json');
    await writeFile(map, JSON.stringify(base));
    const mapDocx = path.join(outDir(), 'map.docx');
    expect((await sgw('export', '--spec', map, '--docx', mapDocx)).code).toBe(0);
    const m = await openDocx(mapDocx);
    expect(Object.keys(m.files).filter((p) => p.startsWith('word/charts/'))).toEqual([]);
    expect(Array.from(m.files['word/media/image1.png'].slice(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
    // One map per year (two years are never summed into one tile): 上海 9,900 in 2013 and 10,300 in 2014.
    expect(m.doc).toContain('>9,900<');
    expect(m.doc).toContain('>10,300<');
    expect(m.doc).not.toContain('>20,200<');

    const heat = path.join(outDir(), 'heat.json');
    await writeFile(heat, JSON.stringify({ ...base, kind: 'heatmap', x: '地区', series: '年份', title: '地区 × 年份' }));
    const heatDocx = path.join(outDir(), 'heat.docx');
    expect((await sgw('export', '--spec', heat, '--docx', heatDocx)).code).toBe(0);
    const h = await openDocx(heatDocx);
    expect(Object.keys(h.files).filter((p) => p.startsWith('word/charts/') || p.startsWith('word/media/'))).toEqual([]);
    expect(h.doc).toMatch(/<w:shd w:val="clear" w:color="auto" w:fill="08306B"\/>/);
  });

  it('counts as an output, is in the help, and fails with exit 1 when it cannot be written', async () => {
    const none = await sgw('export', '--sql', 'SELECT 1 AS a', '--x', 'a', '--y', 'a');
    expect([none.code, none.err]).toEqual([2, expect.stringContaining('--docx')]);
    expect((await sgw('export', '--help')).out).toMatch(/--docx\s+\S+\s+写出带原生可编辑图表/);
    const bad = await sgw('export', '--sql', 'SELECT 1 AS a', '--x', 'a', '--y', 'a', '--docx', path.join(outDir(), 'no-such-dir', 'x.docx'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('导出失败');
  });
});
