/**
 * Formula starters (计算字段 editor): a template per common calculation, written with placeholder column
 * names in the UI language. The editor inserts one at the caret and selects its first placeholder; Tab
 * selects the next. A placeholder is a quoted column name, so a formula whose placeholders were replaced by
 * real columns is checked by the engine like any other (and one left in place says which column is missing).
 */
import type { Translate } from '../i18n';
import { columnRef, formulaTemplates, perTenThousandExpr } from '../sql/calc-sql';

export const STARTERS = ['ratio', 'perTenK', 'round', 'case', 'concat', 'year'] as const;
export type StarterId = (typeof STARTERS)[number];

/** Each starter: its placeholders (message keys under calcUi.slot.) and the formula over them (shared/sql). */
const TEMPLATES: Record<StarterId, { slots: readonly string[]; build(names: string[], t: Translate): string }> = {
  ratio: { slots: ['numerator', 'denominator'], build: ([a, b]) => formulaTemplates.ratio(a, b) },
  perTenK: { slots: ['count', 'population'], build: ([a, b]) => perTenThousandExpr(a, b, '人') },
  round: { slots: ['number'], build: ([a]) => formulaTemplates.round(a, 2) },
  case: { slots: ['number'], build: ([a], t) => formulaTemplates.ifThen(a, 100, t('calcUi.slot.high'), t('calcUi.slot.low')) },
  concat: { slots: ['text1', 'text2'], build: ([a, b]) => formulaTemplates.join(a, b, '·') },
  year: { slots: ['date'], build: ([a]) => formulaTemplates.year(a) },
};
const slotName = (k: string, t: Translate) => t(`calcUi.slot.${k}` as Parameters<Translate>[0]);

export interface Template {
  text: string;
  /** Where each placeholder is in `text`: [start, end), in order. */
  slots: [number, number][];
}

/** The template in the UI language, with its placeholders' positions. */
export function starterTemplate(id: StarterId, t: Translate): Template {
  const def = TEMPLATES[id];
  const names = def.slots.map((k) => slotName(k, t));
  const text = def.build(names, t);
  const slots: [number, number][] = [];
  let from = 0;
  for (const n of names) {
    const ref = columnRef(n);
    const at = text.indexOf(ref, from);
    slots.push([at, at + ref.length]);
    from = at + ref.length;
  }
  return { text, slots };
}

/** `template` put in place of text[from, to), with the first placeholder's range in the new text. */
export function insertTemplate(text: string, from: number, to: number, template: Template): { text: string; select: [number, number] } {
  const next = text.slice(0, from) + template.text + text.slice(to);
  const [s, e] = template.slots[0] ?? [template.text.length, template.text.length];
  return { text: next, select: [from + s, from + e] };
}

/** The next placeholder (any of `names`, quoted) at or after `caret`, wrapping to the start; null when none is left. */
export function nextSlot(text: string, caret: number, names: readonly string[]): [number, number] | null {
  const refs = names.map(columnRef);
  const find = (from: number) =>
    refs
      .map((r) => [text.indexOf(r, from), r.length] as const)
      .filter(([i]) => i >= 0)
      .sort((a, b) => a[0] - b[0])[0];
  const hit = find(caret) ?? find(0);
  return hit ? [hit[0], hit[0] + hit[1]] : null;
}

/** Every placeholder name in the UI language (for Tab). */
export function slotNames(t: Translate): string[] {
  return [...new Set(Object.values(TEMPLATES).flatMap((d) => d.slots.map((k) => slotName(k, t))))];
}
