import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cycles, moduleGraph, sourceFiles, type ImportEdge } from './module-graph';

const root = path.resolve(import.meta.dirname, '../..');
// Every TypeScript source of the repository: the app's three layers and the code that builds and tests it.
const SCANNED = ['shared', 'renderer', 'electron', 'bench', 'datasets', 'tests', 'build'];
const show = (found: string[][]) => found.map((c) => c.join(' → ')).join('\n');

/** renderer/features/<name>/… as the one node `feature:<name>`; everything else stays a file. */
const featureOf = (file: string) => file.match(/^renderer\/features\/([^/]+)\//)?.[1];
function featureGraph(edges: readonly ImportEdge[]) {
  return edges.flatMap((e) => {
    const [from, to] = [featureOf(e.from), featureOf(e.to)];
    return from && to && from !== to ? [{ from: `feature:${from}`, to: `feature:${to}` }] : [];
  });
}

describe('no import cycles', () => {
  const edges = moduleGraph(root, sourceFiles(root, SCANNED));

  it('reads the real graph (a broken reader would find no cycle in anything)', () => {
    expect(edges.length).toBeGreaterThan(800);
    expect(edges).toContainEqual(expect.objectContaining({ from: 'renderer/views.tsx', to: 'renderer/features/present/index.ts', kind: 'static' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'renderer/features/present/index.ts', to: 'renderer/features/present/PresentView.tsx', kind: 'dynamic' }));
    expect(edges.some((e) => e.kind === 'type')).toBe(true);
  });

  it('between modules: shared, renderer, electron, bench, datasets, tests, build (static, type and dynamic imports)', () => {
    expect(show(cycles(edges))).toBe('');
  });

  it('between feature folders: no two features need each other, even through different files', () => {
    expect(show(cycles(featureGraph(edges)))).toBe('');
  });
});

describe('the cycle check bites', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sgw-cycles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** A fresh little project of `files`, and its graph. */
  const write = (files: Record<string, string>) => {
    const at = path.join(dir, `p${++n}`);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(at, name)), { recursive: true });
      writeFileSync(path.join(at, name), text);
    }
    return moduleGraph(at, sourceFiles(at, ['src']));
  };

  it('finds a cycle of three through a folder index, a .tsx file and a re-export', () => {
    const edges = write({
      'src/a.ts': "import { b } from './lib';\nexport const a = b;\n",
      'src/lib/index.ts': "export * from './b';\n",
      'src/lib/b.tsx': "import { c } from '../c';\nexport const b = c;\n",
      'src/c.ts': "import { a } from './a.ts';\nexport const c = () => a;\n",
      'src/free.ts': "import { a } from './a';\nexport const f = a;\n",
    });
    expect(cycles(edges)).toEqual([['src/a.ts', 'src/lib/index.ts', 'src/lib/b.tsx', 'src/c.ts', 'src/a.ts']]);
  });

  it('counts type-only and dynamic imports, and a file importing itself', () => {
    const edges = write({
      'src/t1.ts': "import type { T2 } from './t2';\nexport type T1 = T2[];\n",
      'src/t2.ts': "export type T2 = import('./t1').T1 | number;\n",
      'src/lazy.ts': "export const load = () => import('./view');\n",
      'src/view.ts': "import { load } from './lazy';\nexport const v = load;\n",
      'src/self.ts': "import * as me from './self';\nexport const s = me;\n",
    });
    const found = cycles(edges).map((c) => c.join(' → '));
    expect(found).toContain('src/t1.ts → src/t2.ts → src/t1.ts');
    expect(found).toContain('src/lazy.ts → src/view.ts → src/lazy.ts');
    expect(found).toContain('src/self.ts → src/self.ts');
  });

  it('reports no cycle in a graph without one, and leaves packages and assets out', () => {
    const edges = write({
      'src/a.ts': "import { b } from './b';\nimport { c } from './c';\nexport const a = [b, c];\n",
      'src/b.ts': "import { c } from './c';\nexport const b = c;\n",
      'src/c.ts': "import React from 'react';\nimport url from './x.wasm?url';\nexport const c = [React, url];\n",
    });
    expect(edges.map((e) => `${e.from} → ${e.to}`)).toEqual(['src/a.ts → src/b.ts', 'src/a.ts → src/c.ts', 'src/b.ts → src/c.ts']);
    expect(cycles(edges)).toEqual([]);
  });

  it('finds a cycle between feature folders that no single file closes', () => {
    const edges: ImportEdge[] = [
      { from: 'renderer/features/cases/CasePage.tsx', to: 'renderer/features/present/index.ts', line: 1, kind: 'static' },
      { from: 'renderer/features/present/index.ts', to: 'renderer/features/present/deck.ts', line: 1, kind: 'static' },
      { from: 'renderer/features/present/SlideView.tsx', to: 'renderer/features/cases/index.ts', line: 1, kind: 'static' },
      { from: 'renderer/features/cases/index.ts', to: 'renderer/features/cases/facts.ts', line: 1, kind: 'static' },
    ];
    expect(cycles(edges)).toEqual([]);
    expect(cycles(featureGraph(edges))).toEqual([['feature:cases', 'feature:present', 'feature:cases']]);
  });
});
