import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * What the language scan may find on screen that is not UI text: bundled data values (every CSV cell of
 * datasets/, the catalog's names and its non-Chinese text) and a few names that are the same in every
 * language. The scan removes these from each visible text; what is left must be in the UI language.
 */
const DATASETS = path.resolve(import.meta.dirname, '../../datasets');

function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === '\n' || ch === '\r')) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function catalogStrings(v: unknown, lang: 'zh' | 'en', key = ''): string[] {
  if (typeof v === 'string') return key === (lang === 'en' ? 'zh' : 'en') ? [] : [v];
  if (Array.isArray(v)) return v.flatMap((x) => catalogStrings(x, lang));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => catalogStrings(x, lang, k));
  return [];
}

/** Data strings allowed on screen in `lang` (longest first, so a long value is removed before its parts). */
export function dataStrings(lang: 'zh' | 'en'): string[] {
  const files = readdirSync(DATASETS).filter((f) => f.endsWith('.csv'));
  const all = new Set<string>();
  for (const f of files) for (const c of csvCells(readFileSync(path.join(DATASETS, f), 'utf8'))) if (c.trim().length > 0) all.add(c.trim());
  for (const s of catalogStrings(JSON.parse(readFileSync(path.join(DATASETS, 'catalog.json'), 'utf8')), lang)) all.add(s);
  // The bundled views' names and columns (datasets/views.sql) are identifiers, shown as they are.
  for (const id of readFileSync(path.join(DATASETS, 'views.sql'), 'utf8').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) if (id.length > 1) all.add(id);
  return [...all].sort((a, b) => b.length - a.length);
}

/**
 * Every visible text of the page and its accessible names, titles and placeholders — outside the user's own
 * documents (the SQL editor) and outside elements marked as another language (the 中文 / English switch).
 */
export const pageTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    // Code (SQL text, identifiers) is the same in every language.
    const skip = (el: Element | null) => !el || el.closest('.cm-editor, pre, code, [lang]:not(html)') !== null;
    const out: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const s = n.textContent?.trim();
      if (s && !skip(n.parentElement) && n.parentElement?.closest('script, style') === null) out.push(s);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]')))
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a)?.trim();
        if (v && !skip(el)) out.push(v);
      }
    return [...new Set(out)];
  });

/** What is left of `text` once every data string in it is taken out. */
export function withoutData(text: string, data: string[]): string {
  let rest = text;
  for (const d of data) if (rest.includes(d)) rest = rest.split(d).join(' ');
  return rest;
}
