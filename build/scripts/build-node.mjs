// Bundles the node-side code (Electron main, preload, and the sgw CLI) with esbuild.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
  build({
    ...common,
    entryPoints: ['electron/cli/sgw.ts'],
    outfile: 'dist/cli/sgw.cjs',
    // duckdb-wasm's Node build locates its .wasm and worker files next to its own package: keep it external.
    external: ['@duckdb/duckdb-wasm', 'apache-arrow', 'web-worker', '@resvg/resvg-js', 'esbuild'],
  }),
  // `sgw import` parses in this worker (electron/cli/import-runner.ts looks for it next to sgw.cjs).
  build({ ...common, entryPoints: ['electron/cli/import-worker.ts'], outfile: 'dist/cli/import-worker.cjs' }),
]);
