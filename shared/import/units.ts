/**
 * Units in yearbook tables: in header text ("人数(万人)", "金额（亿元）"), in a units row under the header
 * ("（个）" per column), in a units line above or under the header ("单位：家、万人", "计量单位：万元"), and
 * in row labels ("社会组织总数(家)").
 */

const UNIT_WORD =
  /^(?:单位[:：]\s*)?[（(]?\s*([万亿千百十]?(?:人次|人|元|美元|个|家|户|所|张|件|次|项|平方米|平方公里|公顷|亩|吨|岁|床|名|座|辆|公里|千米|小时|天|年|册|台|套|间|起|条|份|场|宗|例|支|处|部|批|种|篇|期|千瓦时|立方米)(?:\/[^\s()（）]{1,4})?|%|‰|百分比)\s*[)）]?$/;
const IN_PARENS = /^(.*?)\s*[（(]\s*([^()（）]{1,12})\s*[)）]\s*$/;
/** "单位：个", "(计量单位：万元)", "单位:家、万人": the label and what follows it, up to a bracket or a space. */
const UNIT_LABEL = /(?:计量)?单位\s*[:：]\s*([^\s)）\]】、，,；;]+(?:\s*[、，,；;]\s*[^\s)）\]】、，,；;]+)*)/;
const UNIT_LINE_START = /^[（(【[]?\s*(?:计量)?单位\s*[:：]/;

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

/** The units a "单位：…" statement in `text` names ("单位：家、万人" → 家, 万人), or null when there is none. */
export function unitsIn(text: string): string[] | null {
  const m = UNIT_LABEL.exec(text);
  if (!m) return null;
  const units = m[1].split(/\s*[、，,；;]\s*/).filter(Boolean);
  if (units.length === 0 || units.some((u) => u.length > 8)) return null;
  return units.map((u) => unitOnly(u) ?? u);
}

/** True when `text` is a units line: it starts with 单位： or 计量单位：. */
export function isUnitLine(text: string): boolean {
  return UNIT_LINE_START.test(text.trim()) && unitsIn(text) !== null;
}

/**
 * The unit of the whole table from its title lines: the one unit a "单位：…" line names. A line naming several
 * ("单位：家、万人") gives none: the row labels then say which rows are in which unit.
 */
export function tableUnit(lines: readonly string[]): string | undefined {
  for (const t of lines) {
    const units = unitsIn(t);
    if (units) return units.length === 1 ? units[0] : undefined;
  }
  return undefined;
}
