import { Field, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { hasProvenance, rowProvenance } from './provenance';

describe('row provenance', () => {
  it('needs both source and quote columns', () => {
    const f = (n: string) => new Field(n, new Utf8());
    expect(hasProvenance([f('source'), f('quote'), f('value')])).toBe(true);
    expect(hasProvenance([f('source'), f('value')])).toBe(false);
  });
  it('reads source, quote and an optional note', () => {
    const row: Record<string, unknown> = { source: '003.txt', quote: '共有 11924 家', note: null };
    expect(rowProvenance((c) => row[c])).toEqual({ source: '003.txt', quote: '共有 11924 家' });
    expect(rowProvenance((c) => ({ ...row, note: '原文为…' })[c])).toEqual({ source: '003.txt', quote: '共有 11924 家', note: '原文为…' });
    expect(rowProvenance((c) => ({ ...row, quote: null })[c])).toBeNull();
  });
});
