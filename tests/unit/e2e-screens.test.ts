import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENS } from '../e2e/browser';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the e2e screen list (language scan, accessibility) covers every tab', () => {
  it('equals the ids of renderer/views.tsx in tab order', () => {
    const views = readFileSync(path.join(ROOT, 'renderer/views.tsx'), 'utf8');
    const ids = [...views.matchAll(/\{ id: '([\w-]+)', label:/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    expect([...SCREENS]).toEqual(ids);
  });
});
