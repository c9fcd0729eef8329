import { strFromU8, unzipSync } from 'fflate';
import { scaleColour } from '../charts/colour-scale';
import { describe, expect, it } from 'vitest';
import type { ChartData } from '../charts/chart-data';
import { BAR, COLUMN, COMBO, HEATMAP, MAP, NATIVE, PIE } from '../../tests/fixtures/export/charts';
import { assertWellFormed, inspectXlsx } from '../../tests/fixtures/export/inspect-xlsx';
import { chartsToDocx } from './docx';

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

function open(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const text = (p: string) => strFromU8(files[p]);
  const doc = text('word/document.xml');
  const rels = text('word/_rels/document.xml.rels');
  const target = (rId: string) => new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  /** Every paragraph's style and plain text, in order. */
  const paragraphs = [...doc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    xml: p,
  }));
  return { files, text, doc, target, paragraphs };
}

const figures = [COLUMN, COMBO, HEATMAP, MAP, PIE, BAR];
const x = open(chartsToDocx({ title: '上海社会组织', lines: ['筛选：年份 = 2013'], figures: figures.map((data) => ({ data, picture: PNG })) }));

describe('chartsToDocx', () => {
  it('is a well-formed package with the parts Word needs', () => {
    for (const p of ['word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/footer1.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml', '_rels/.rels']) {
      expect(x.files[p], p).toBeDefined();
      assertWellFormed(x.text(p));
    }
    const ct = x.text('[Content_Types].xml');
    expect(ct).toContain('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>');
    expect(ct).toContain('<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>');
    expect(x.doc).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(x.text('word/footer1.xml')).toContain('<w:fldSimple w:instr=" PAGE ">');
  });

  it('gives each figure a heading (Word’s 标题 1), numbered captions and its source and notes', () => {
    const headings = x.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual(figures.map((f) => f.title));
    const captions = x.paragraphs.filter((p) => p.style === 'Caption');
    // Figures numbered 图1 …, tables 表1 …, each by a SEQ field holding its current number.
    expect(captions.filter((c) => c.text.startsWith('图')).map((c) => c.text)).toEqual(['图1　上海注册社会组织数（按类型）', '图2　数量与增长率', '图3　各省份案例数', '图4　2014年6月末构成', '图5　条形']);
    expect(captions.filter((c) => c.text.startsWith('表')).map((c) => c.text)).toEqual([
      '表1　上海注册社会组织数（按类型）（数据）',
      '表2　数量与增长率（数据）',
      '表3　省份 × 主题',
      '表4　各省份案例数（数据）',
      '表5　2014年6月末构成（数据）',
      '表6　条形（数据）',
    ]);
    expect(captions[0].xml).toContain('<w:fldSimple w:instr=" SEQ 图 \\* ARABIC "><w:r><w:t>1</w:t></w:r></w:fldSimple>');
    const i = x.paragraphs.findIndex((p) => p.text === '图1　上海注册社会组织数（按类型）');
    expect(x.paragraphs.slice(i + 1, i + 3).map((p) => [p.style, p.text])).toEqual([
      ['SourceNote', COLUMN.source],
      ['SourceNote', '注：2014年为6月末数'],
    ]);
  });

  it('writes heading, caption and body styles with Chinese fonts, under Word’s built-in names', () => {
    const styles = x.text('word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="宋体"/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"\/>[\s\S]*?<w:outlineLvl w:val="0"\/>[\s\S]*?w:eastAsia="黑体"[\s\S]*?<\/w:style>/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"\/>/);
    expect(styles).toContain('w:eastAsia="zh-CN"');
  });

  it('makes native kinds native Word charts whose embedded workbook holds their numbers', () => {
    const charts = [...x.doc.matchAll(/<c:chart r:id="(rId\d+)"\/>/g)].map((m) => `word/${x.target(m[1])}`);
    const native = figures.filter((f) => NATIVE.includes(f));
    expect(charts).toHaveLength(native.length);
    charts.forEach((path, k) => {
      const xml = x.text(path);
      assertWellFormed(xml);
      expect(xml).toContain('<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>');
      // No title inside the chart: the heading and the caption name it.
      expect(xml).toContain('<c:autoTitleDeleted val="1"/>');
      const rels = x.text(path.replace(/([^/]+)$/, '_rels/$1.rels'));
      const embedded = /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/package" Target="\.\.\/([^"]+)"/.exec(rels)![1];
      const book = inspectXlsx(x.files[`word/${embedded}`]);
      const chart: ChartData = native[k];
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => /<c:val><c:numRef><c:f>([^<]*)<\/c:f>/.exec(m[1])![1].replace(/&apos;/g, "'"));
      expect(series).toHaveLength(chart.kind === 'pie' ? 1 : chart.series.length);
      series.forEach((ref, i) => {
        const unit = chart.series[i].unit ?? chart.unit;
        expect(book.resolveRef(ref), `${chart.title} ${i}`).toEqual(chart.series[i].values.map((v) => (v === null ? undefined : unit === '%' ? v / 100 : v)));
      });
    });
    expect(x.text(charts[0])).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(x.text(charts[1])).toMatch(/<c:barChart>[\s\S]*<c:lineChart>/);
    expect(x.text(charts[2])).toContain('<c:pieChart>');
    expect(x.text(charts[3])).toContain('<c:barDir val="bar"/>');
  });

  it('puts a map in as its picture and a heatmap as a table shaded as on screen', () => {
    const pictures = [...x.doc.matchAll(/<a:blip r:embed="(rId\d+)"\/>/g)].map((m) => x.target(m[1]));
    expect(pictures).toEqual(['media/image3.png']);
    expect(x.files['word/media/image3.png']).toEqual(PNG);
    expect(x.doc).toContain(`descr="${MAP.title}"`);
    // HEATMAP runs 1…4, as on screen from its minimum: 4 → the darkest stop with white text, 1 → the lightest.
    const cell = (fill: string) => new RegExp(`<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>[\\s\\S]*?<w:t xml:space="preserve">([^<]*)</w:t>`).exec(x.doc)?.[1];
    expect(cell('08306B')).toBe('4');
    expect(x.doc).toMatch(/w:fill="08306B"\/>[\s\S]*?<w:color w:val="FFFFFF"\/>/);
    expect(cell('C6DBEF')).toBe('1');
    expect(cell(scaleColour(2, { min: 1, max: 4 }))).toBe('2');
  });

  it('writes data tables as real tables with a repeated header row and formatted numbers', () => {
    const tables = [...x.doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(figures.length);
    expect(tables[0]).toContain('<w:tblHeader/>');
    expect(tables[0].match(/<w:tr>/g)).toHaveLength(1 + COLUMN.categories.length);
    expect(tables[0]).toContain('>6,000<');
    // The growth rate in %, a missing value as an empty cell.
    expect(tables[1]).toContain('>5.0%<');
    expect(tables[1]).toContain('>2.6%<');
  });

  it('shows the title and the lines under it', () => {
    expect(x.paragraphs[0]).toMatchObject({ style: 'Title', text: '上海社会组织' });
    expect(x.paragraphs[1].text).toBe('筛选：年份 = 2013');
  });

  it('refuses a picture kind without its picture', () => {
    expect(() => chartsToDocx({ title: 't', figures: [{ data: MAP }] })).toThrow(/picture/);
  });
});
