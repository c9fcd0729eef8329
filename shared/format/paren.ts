import type { Lang } from '../model/catalog';

/**
 * A parenthetical after a label: full-width brackets in Chinese text ("数量（家）"), a space and ASCII
 * brackets in English ("Count (orgs)"), so English labels carry no Chinese punctuation.
 */
export function paren(text: string, lang: Lang): string {
  return lang === 'en' ? ` (${text})` : `（${text}）`;
}
