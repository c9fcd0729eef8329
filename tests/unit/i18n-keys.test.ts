import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../shared/i18n/messages';

/**
 * Every catalog key is used by the app: its name is written in the app's code (a quoted literal), or the
 * code builds it from a template with a fixed two-part prefix (`pivot.agg.${agg}`). Type-level templates
 * (`import.err.${string}`) use nothing. Tests do not count: a key only a test reads is not on any screen.
 */
const root = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['renderer', 'shared', 'electron', 'bench'];

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel === path.join('shared', 'i18n') ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [readFileSync(path.join(root, rel), 'utf8')] : [];
  });
}

export function unusedKeys(keys: string[], code: string): string[] {
  const prefixes = [...code.matchAll(/`([\w-]+\.[\w-]+\.)\$\{(?!string\}|number\})/g)].map((m) => m[1]);
  const quoted = (k: string) => [`'${k}'`, `"${k}"`, `\`${k}\``].some((q) => code.includes(q));
  return keys.filter((k) => !quoted(k) && !prefixes.some((p) => k.startsWith(p)));
}

describe('i18n catalogs', () => {
  const code = SCANNED.flatMap(sources).join('\n');

  it('hold no key the app never uses', () => {
    expect(unusedKeys(Object.keys(zhCN), code)).toEqual([]);
  });

  it('the scan sees literal keys and template prefixes, and not type-level templates', () => {
    const sample = "t('a.b'); t(`c.d.${x}`); type K = `e.f.${string}`;";
    expect(unusedKeys(['a.b', 'c.d.one', 'e.f.two', 'g.h'], sample)).toEqual(['e.f.two', 'g.h']);
  });

  it('English has exactly the Chinese keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });
});
