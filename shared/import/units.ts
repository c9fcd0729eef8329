/** Units in yearbook headers: "人数(万人)", "金额（亿元）", a units row "（个）", or "单位：万人" above the table. */

const UNIT_WORD = /^(?:单位[:：]\s*)?[（(]?\s*([万亿千百十]?(?:人次|人|元|美元|个|家|户|所|张|件|次|项|平方米|平方公里|公顷|亩|吨|岁|床|名|座|辆|公里|千米|小时|天|年|册|台|套|间|起|条)(?:\/[^\s()（）]{1,4})?|%|‰|百分比)\s*[)）]?$/;
const IN_PARENS = /^(.*?)\s*[（(]\s*([^()（）]{1,12})\s*[)）]\s*$/;

/** The unit when `text` is nothing but a unit ("万人", "(个)", "单位：亿元"), else null. */
export function unitOnly(text: string): string | null {
  const m = UNIT_WORD.exec(text.trim());
  return m ? m[1] : null;
}

/** Splits "人数(万人)" into name and unit; text without a recognisable unit in brackets is left whole. */
export function splitUnit(text: string): { name: string; unit?: string } {
  const m = IN_PARENS.exec(text.trim());
  if (m && m[1] && UNIT_WORD.test(m[2])) return { name: m[1].trim(), unit: UNIT_WORD.exec(m[2])![1] };
  return { name: text.trim() };
}

/** "单位：万人" (or "计量单位：个") in a title line → the unit for the whole table. */
export function tableUnit(titles: readonly string[]): string | undefined {
  for (const t of titles) {
    const m = /单位[:：]\s*([^\s,，;；]{1,8})/.exec(t);
    if (m) return unitOnly(m[1]) ?? m[1];
  }
  return undefined;
}
