// Layering is enforced here (see docs/architecture.md): who may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import sgw from './build/eslint/sgw-rules.js';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'worker_threads', 'module'];
const duckdb = { group: ['@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/*'], message: 'Only the DB adapters (renderer/db, electron/cli/node-db.ts) import duckdb-wasm.' };
const electron = { group: ['electron'], message: 'Only electron/main and electron/preload import electron.' };
const node = { group: NODE_BUILTINS, message: 'This layer runs in the browser: no Node built-ins.' };
const echarts = { group: ['echarts', 'echarts/*'], message: 'Only renderer/charts runs ECharts (shared/ may `import type`).', allowTypeImports: true };
const react = { group: ['react', 'react-dom', 'react-dom/*'], message: 'shared/ is environment-neutral: no React.' };
const upward = (layer, allowed) => ({ group: [`../**/${layer}/**`, `**/../${layer}/**`], message: `shared/ cannot import ${layer}/ (${allowed}).` });

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'bench/data/**', 'bin/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [duckdb, electron, node, echarts, react, upward('renderer', 'the UI'), upward('electron', 'node-side code')] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [duckdb, electron, node, echarts] }],
    },
  },
  {
    files: ['renderer/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, node, echarts] }] },
  },
  {
    files: ['renderer/charts/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [duckdb, electron, node] }] },
  },
  // The whole library would undo the start-up bundle's saving: ECharts comes from renderer/charts/echarts.ts.
  {
    files: ['renderer/charts/**/*.{ts,tsx}'],
    ignores: ['renderer/charts/echarts.ts', 'renderer/charts/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [duckdb, electron, node],
          paths: [{ name: 'echarts', allowTypeImports: true, message: 'Take ECharts from renderer/charts/echarts.ts (only the parts the app uses).' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [duckdb, echarts, react] }] },
  },
  // The CLI renders charts server-side (ECharts SSR to SVG), so it may import echarts; only node-db.ts
  // may import duckdb-wasm.
  {
    files: ['electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, react] }] },
  },
  {
    files: ['electron/cli/**/*.ts'],
    ignores: ['electron/cli/node-db.ts', 'electron/cli/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, react, duckdb] }] },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [duckdb, echarts, react, node], paths: [{ name: 'electron', importNames: ['app', 'BrowserWindow', 'dialog', 'shell', 'protocol', 'ipcMain'], message: 'The preload uses only contextBridge and ipcRenderer.' }] }],
    },
  },
  {
    files: ['tests/**/*.{ts,mjs}', 'datasets/**/*.{ts,mjs}', 'bench/**/*.{ts,mjs}', '*.config.{ts,js}', 'build/**/*.{mjs,js,cjs}', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Small rooms (docs/architecture.md): features meet only through their index.ts; files and components stay
  // short. Tests and e2e specs may run longer (a table of cases reads better whole), fixtures are not linted
  // for size. Import cycles are checked over the whole module graph by tests/unit/import-cycles.test.ts.
  {
    plugins: { sgw },
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'sgw/max-component-lines': ['error', { max: 150 }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'sgw/feature-index': 'error' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['tests/fixtures/**'],
    rules: { 'max-lines': 'off' },
  },
);
