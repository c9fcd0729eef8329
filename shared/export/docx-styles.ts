/**
 * word/styles.xml, settings.xml and the footer of our Word documents. Chinese report conventions: body in
 * 宋体 (East Asian font of every run, w:eastAsia) with Times New Roman for Latin text, headings and captions in
 * 黑体. The heading and caption styles carry Word's built-in names (heading 1, caption), so Word and WPS treat
 * them as their own: 引用 → 目录 builds a table of contents from the headings, 题注 numbers the figures.
 */
import { XML_HEAD } from './ooxml';

export const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const BODY_FONT = '宋体';
export const HEADING_FONT = '黑体';
const LATIN = 'Times New Roman';

const fonts = (eastAsia: string) => `<w:rFonts w:ascii="${LATIN}" w:hAnsi="${LATIN}" w:eastAsia="${eastAsia}" w:cs="${LATIN}"/>`;

/** One paragraph style; sizes in points. */
function style(id: string, name: string, o: { font: string; size: number; bold?: boolean; colour?: string; align?: string; before?: number; after?: number; outline?: number; keepNext?: boolean; builtIn?: boolean; single?: boolean }): string {
  const ppr =
    `<w:pPr>${o.keepNext ? '<w:keepNext/>' : ''}<w:spacing w:before="${(o.before ?? 0) * 20}" w:after="${(o.after ?? 0) * 20}"${o.single ? ' w:line="240" w:lineRule="auto"' : ''}/>` +
    `${o.align ? `<w:jc w:val="${o.align}"/>` : ''}${o.outline !== undefined ? `<w:outlineLvl w:val="${o.outline}"/>` : ''}</w:pPr>`;
  const rpr = `<w:rPr>${fonts(o.font)}${o.bold ? '<w:b/><w:bCs/>' : ''}${o.colour ? `<w:color w:val="${o.colour}"/>` : ''}<w:sz w:val="${o.size * 2}"/><w:szCs w:val="${o.size * 2}"/></w:rPr>`;
  return `<w:style w:type="paragraph"${id === 'Normal' ? ' w:default="1"' : ''} w:styleId="${id}"><w:name w:val="${name}"/>${id === 'Normal' ? '' : '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'}${o.builtIn === false ? '<w:customStyle w:val="1"/>' : ''}<w:qFormat/>${ppr}${rpr}</w:style>`;
}

export const STYLE = { title: 'Title', heading: 'Heading1', caption: 'Caption', source: 'SourceNote', table: 'TableText' } as const;

export function stylesXml(): string {
  return (
    `${XML_HEAD}<w:styles xmlns:w="${NS_W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts(BODY_FONT)}<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    style('Normal', 'Normal', { font: BODY_FONT, size: 12 }) +
    style(STYLE.title, 'Title', { font: HEADING_FONT, size: 22, bold: true, align: 'center', before: 12, after: 12 }) +
    style(STYLE.heading, 'heading 1', { font: HEADING_FONT, size: 16, bold: true, before: 18, after: 6, outline: 0, keepNext: true }) +
    style(STYLE.caption, 'caption', { font: HEADING_FONT, size: 10.5, align: 'center', before: 3, after: 3 }) +
    style(STYLE.source, 'Source Note', { font: BODY_FONT, size: 9, colour: '6B7280', after: 0, builtIn: false, single: true }) +
    style(STYLE.table, 'Table Text', { font: BODY_FONT, size: 10.5, builtIn: false, single: true }) +
    '</w:styles>'
  );
}

export function settingsXml(): string {
  return (
    `${XML_HEAD}<w:settings xmlns:w="${NS_W}"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
  );
}

/** The footer: the page number, centred (a PAGE field, so Word keeps it right). */
export function footerXml(): string {
  return `${XML_HEAD}<w:ftr xmlns:w="${NS_W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`;
}
