import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { duckdbWasm } from './build/vite/duckdb-wasm.ts';

// SGW_DATASETS points the build at another datasets folder (tests, development).
const datasetsDir = path.resolve(process.env.SGW_DATASETS ?? path.join(import.meta.dirname, 'datasets'));
// SGW_WEB_OUT lets parallel e2e runs build and serve separate copies.
const outDir = path.resolve(process.env.SGW_WEB_OUT ?? path.join(import.meta.dirname, 'dist/renderer'));
const DATA_FILE = /^[\w./-]+\.(csv|json|sql)$/;

/**
 * The engine this build ships, which the starter chart's build-time answer must come from
 * (shared/charts/starter-answer.ts): duckdb-wasm's version and the sha-256 of its eh wasm, the very file
 * the Node build that makes the answer runs; the app's worker runs its code and data unchanged, with only the
 * exports it can ask for (build/vite/duckdb-wasm.ts). Given to the app and to the answer's step.
 */
function engineId(): string {
  const wasm = createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(wasm), '..', 'package.json'), 'utf8')) as { version: string };
  return `@duckdb/duckdb-wasm ${version} duckdb-eh.wasm sha-256 ${createHash('sha256').update(readFileSync(wasm)).digest('hex')}`;
}
const ENGINE_ID = engineId();

/**
 * Serves `datasets/` at ./datasets/ in dev (CSVs) and copies it into the build with its fast form, so the app
 * never fetches data remotely.
 */
function bundledDatasets(): Plugin {
  return {
    name: 'sgw-bundled-datasets',
    configureServer(server) {
      server.middlewares.use('/datasets/', async (req, res, next) => {
        const rel = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\/+/, '');
        const file = path.resolve(datasetsDir, rel);
        if (!DATA_FILE.test(rel) || !file.startsWith(datasetsDir + path.sep)) return next();
        try {
          await stat(file);
          res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'text/plain; charset=utf-8');
          res.end(await readFile(file));
        } catch {
          next();
        }
      });
    },
    async writeBundle() {
      // Only the data the app reads: catalog.json, the tables' CSV files and views.sql (not the generator).
      await cp(datasetsDir, path.join(outDir, 'datasets'), {
        recursive: true,
        filter: (src) => src === datasetsDir || (path.dirname(src) === datasetsDir && DATA_FILE.test(path.basename(src))),
      });
      // And their fast form (Arrow + the table list, shared/datasets/fast-form.ts) and the starter chart's
      // answer, made by the real engine.
      const made = spawnSync(process.execPath, [path.join(import.meta.dirname, 'build/scripts/run-ts.mjs'), 'build/scripts/bundled-fast.ts', datasetsDir, path.join(outDir, 'datasets'), ENGINE_ID], {
        cwd: import.meta.dirname,
        encoding: 'utf8',
      });
      if (made.status !== 0) throw new Error(`the bundled datasets' fast form failed:\n${made.stdout}${made.stderr}`);
    },
  };
}

const pkg = JSON.parse(await readFile(path.join(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  // VITE_ENGINE_ID: the engine the starter chart's build-time answer must come from (shared/charts/starter-answer.ts).
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version), 'import.meta.env.VITE_ENGINE_ID': JSON.stringify(ENGINE_ID) },
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), bundledDatasets()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    assetsInlineLimit: 0,
  },
  // The engine worker's bundle gets duckdb's wasm with only the exports its glue can ask for (build/vite/duckdb-wasm.ts).
  worker: { format: 'es', plugins: () => [duckdbWasm()] },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
