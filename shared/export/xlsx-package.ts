/**
 * A whole .xlsx package from sheet models: workbook (sheets, print areas and print titles as defined names),
 * worksheets, shared strings, styles, drawings with their charts or pictures, relationships and content
 * types. We write it ourselves because SheetJS CE writes neither styles, page setup nor drawings.
 */
import { quoteSheet, REL_TYPE, relsXml, XML_HEAD, NS_REL, zipPackage, xmlText, type Relationship } from './ooxml';
import { drawingParts, type Anchor, type DrawingContent } from './xlsx-parts';
import { SharedStrings, sheetXml, type SheetModel } from './xlsx-sheet';
import type { StyleSheet } from './xlsx-styles';

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export interface WorkbookSheet {
  model: SheetModel;
  drawing?: { content: DrawingContent; anchor: Anchor };
}

function definedNames(sheets: WorkbookSheet[]): string {
  const names = sheets.flatMap(({ model }, i) => [
    `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlText(`${quoteSheet(model.name)}!${model.printArea}`)}</definedName>`,
    ...(model.printTitles ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quoteSheet(model.name)}!${model.printTitles}`)}</definedName>`] : []),
  ]);
  return names.length ? `<definedNames>${names.join('')}</definedNames>` : '';
}

/** The workbook's bytes. The first sheet is the one shown when it opens. */
export function writeWorkbook(sheets: WorkbookSheet[], styles: StyleSheet, title: string): Uint8Array {
  const strings = new SharedStrings();
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: Record<string, string> = {
    '/xl/workbook.xml': `${CT}.sheet.main+xml`,
    '/xl/styles.xml': `${CT}.styles+xml`,
    '/xl/sharedStrings.xml': `${CT}.sharedStrings+xml`,
  };
  let png = false;
  let drawings = 0;
  sheets.forEach(({ model, drawing }, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    overrides[`/${path}`] = `${CT}.worksheet+xml`;
    if (drawing) {
      const d = drawingParts(++drawings, drawing.content, drawing.anchor);
      Object.assign(parts, d.parts);
      Object.assign(overrides, d.overrides);
      png ||= d.png;
      parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = relsXml([{ id: 'rId1', type: REL_TYPE.drawing, target: `../drawings/drawing${drawings}.xml` }]);
    }
    parts[path] = sheetXml({ ...model, ...(drawing ? { drawing: 'rId1' } : {}) }, strings, i === 0);
  });
  const rels: Relationship[] = sheets.map((_, i) => ({ id: `rId${i + 1}`, type: REL_TYPE.worksheet, target: `worksheets/sheet${i + 1}.xml` }));
  rels.push({ id: `rId${sheets.length + 1}`, type: REL_TYPE.styles, target: 'styles.xml' }, { id: `rId${sheets.length + 2}`, type: REL_TYPE.sharedStrings, target: 'sharedStrings.xml' });
  parts['xl/workbook.xml'] =
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${sheets.map(({ model }, i) => `<sheet name="${xmlText(model.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${definedNames(sheets)}<calcPr calcId="191029"/></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = relsXml(rels);
  parts['xl/styles.xml'] = styles.xml();
  // Last: the strings are collected while the sheets are written.
  parts['xl/sharedStrings.xml'] = strings.xml();
  return zipPackage(parts, { defaults: png ? { png: 'image/png' } : {}, overrides }, 'xl/workbook.xml', title);
}
