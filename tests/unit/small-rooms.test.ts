import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './module-graph';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const RULES = ['sgw/feature-index', 'sgw/max-component-lines', 'max-lines'];

/** The small-rooms messages eslint.config.js gives `code` as if it were the file `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(fatal.map((m) => m.message).join('; '));
  return result.messages.filter((m) => RULES.includes(m.ruleId ?? '')).map((m) => `${m.ruleId}: ${m.message}`);
}

const lines = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join('\n') + '\n';

describe('features meet only through their index.ts (sgw/feature-index)', () => {
  const present = 'renderer/features/present/x.ts';

  it('refuses a deep import of another feature, in every import form', async () => {
    expect(await lint(present, "import { useSavedCharts } from '../chart-builder/saved-charts';\nexport const a = useSavedCharts;\n")).toEqual([
      "sgw/feature-index: Import feature 'chart-builder' through its index ('../chart-builder'), not '../chart-builder/saved-charts': renderer/features/chart-builder/index.ts says what other parts may use.",
    ]);
    expect(await lint(present, "export { useCases } from '../cases/useCaseData';\n")).toHaveLength(1);
    expect(await lint(present, "export * from '../cases/useCaseData';\n")).toHaveLength(1);
    expect(await lint(present, "import type { ChartState } from '../chart-builder/use-chart-data';\nexport type S = ChartState;\n")).toHaveLength(1);
    expect(await lint(present, "export const load = () => import('../cases/CaseLibraryView');\n")).toHaveLength(1);
    expect(await lint(present, "import { x } from '../cases/sub/deeper';\nexport const a = x;\n")).toHaveLength(1);
  });

  it('refuses deep imports from the app shell too', async () => {
    expect(await lint('renderer/views.tsx', "import { PresentView } from './features/present/PresentView';\nexport const a = PresentView;\n")).toEqual([
      "sgw/feature-index: Import feature 'present' through its index ('./features/present'), not './features/present/PresentView': renderer/features/present/index.ts says what other parts may use.",
    ]);
    expect(await lint('renderer/charts/x.ts', "import { saveExport } from '../features/export/save';\nexport const a = saveExport;\n")).toHaveLength(1);
  });

  it('allows the index, the own feature, and everything outside features', async () => {
    const ok = [
      "import { useSavedCharts } from '../chart-builder';",
      "import { useCases } from '../cases/index';",
      "import { SlideView } from './SlideView';",
      "import { useDocument } from '../../workspace';",
      "import { ident } from '../../../shared/db';",
      "import React from 'react';",
    ];
    expect(await lint(present, `${ok.join('\n')}\nexport const a = [useSavedCharts, useCases, SlideView, useDocument, ident, React];\n`)).toEqual([]);
    expect(await lint('renderer/App.tsx', "import { useProject } from './features/project';\nexport const a = useProject;\n")).toEqual([]);
  });

  it('every feature folder has an index.ts', () => {
    const features = readdirSync(path.join(root, 'renderer/features'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(features.length).toBeGreaterThan(5);
    expect(features.filter((f) => !existsSync(path.join(root, 'renderer/features', f.name, 'index.ts'))).map((f) => f.name)).toEqual([]);
  });
});

describe('no source file over 300 lines (max-lines; tests 500)', () => {
  it('counts code lines, not blank lines or comments', async () => {
    const code = (n: number) => lines(n, (i) => `export const v${i} = ${i};`);
    expect(await lint('shared/x.ts', code(300))).toEqual([]);
    expect(await lint('shared/x.ts', code(301))).toEqual(['max-lines: File has too many lines (301). Maximum allowed is 300.']);
    expect(await lint('electron/main/x.ts', code(301))).toHaveLength(1);
    expect(await lint('renderer/x.tsx', code(301))).toHaveLength(1);
    const padded = lines(300, (i) => `// why ${i}\n\nexport const v${i} = ${i};`);
    expect(await lint('shared/x.ts', padded)).toEqual([]);
  });

  it('lets tests run to 500 lines', async () => {
    const code = (n: number) => lines(n, (i) => `export const v${i} = ${i};`);
    expect(await lint('shared/x.test.ts', code(500))).toEqual([]);
    expect(await lint('tests/e2e/x.spec.ts', code(500))).toEqual([]);
    expect(await lint('shared/x.test.ts', code(501))).toHaveLength(1);
  });
});

describe('no React component over 150 lines (sgw/max-component-lines)', () => {
  /** A component whose declaration spans exactly `n` lines. */
  const component = (head: string, n: number, tail = '}') => `${head}\n${lines(n - 3, (i) => `  const v${i} = ${i};`)}  return <p>{v0}</p>;\n${tail}\n`;

  it('measures function declarations, arrow and memo components from declaration to end', async () => {
    expect(await lint('renderer/x.tsx', component('export function Big() {', 150))).toEqual([]);
    expect(await lint('renderer/x.tsx', component('export function Big() {', 151))).toEqual([
      "sgw/max-component-lines: Component 'Big' has 151 lines (at most 150): split it into smaller components or hooks.",
    ]);
    expect(await lint('renderer/x.tsx', component('export const Big = () => {', 151, '};'))).toHaveLength(1);
    expect(await lint('renderer/x.tsx', component("import { memo } from 'react';\nexport const Big = memo(function Big() {", 151, '});'))).toHaveLength(1);
  });

  it('leaves hooks, helpers and .ts files alone', async () => {
    expect(await lint('renderer/x.tsx', component('export function useBig() {', 200))).toEqual([]);
    expect(await lint('renderer/x.ts', component('export function Big() {', 200).replace('<p>{v0}</p>', 'v0'))).toEqual([]);
  });
});

describe('package.json sideEffects covers every import kept for its effect alone', () => {
  // "sideEffects" lets the bundler leave out a module none of whose exports are used (so a feature index
  // costs the start-up bundle only what is used). A module imported only for its effect must be listed.
  it('every bare import is CSS, which the list keeps', () => {
    const allowed = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { sideEffects: string[] }).sideEffects;
    expect(allowed).toContain('*.css');
    const bare = sourceFiles(root, ['renderer', 'shared', 'electron']).flatMap((f) =>
      [...readFileSync(path.join(root, f), 'utf8').matchAll(/^import\s+['"]([^'"]+)['"]/gm)].map((m) => `${f}: ${m[1]}`),
    );
    expect(bare).toContain('renderer/main.tsx: ./styles.css');
    expect(bare.filter((s) => !s.endsWith('.css'))).toEqual([]);
  });
});

describe('one workspace store: only renderer/workspace touches the profile storage', () => {
  /** Files whose code (not comments or strings) names one of `names`. */
  const naming = (names: string[], source: string) => {
    const file = ts.createSourceFile('x.tsx', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
    let hit = false;
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && names.includes(node.text)) hit = true;
      else ts.forEachChild(node, visit);
    };
    visit(file);
    return hit;
  };
  const STORAGE = ['localStorage', 'sessionStorage'];

  it('finds storage in code and ignores it in comments', () => {
    expect(naming(STORAGE, 'export const a = window.localStorage.getItem("k");')).toBe(true);
    expect(naming(STORAGE, 'export const a = sessionStorage;')).toBe(true);
    expect(naming(STORAGE, '// kept in localStorage\nexport const a = "localStorage";')).toBe(false);
  });

  it('no other renderer or shared source reads or writes localStorage or sessionStorage', () => {
    const users = sourceFiles(root, ['renderer', 'shared'])
      .filter((f) => !/\.test\.tsx?$/.test(f))
      .filter((f) => naming(STORAGE, readFileSync(path.join(root, f), 'utf8')));
    expect(users).toEqual(['renderer/workspace/index.ts']);
  });
});
