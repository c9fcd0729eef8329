// Runs a TypeScript entry (bench) on Node: bundles it with esbuild to dist/, then executes it with the given args.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
const outfile = path.join('dist', 'run', `${path.basename(entry, '.ts')}.cjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['@duckdb/duckdb-wasm', '@duckdb/node-api', '@resvg/resvg-js', 'apache-arrow', 'playwright-core', 'vite', 'echarts', 'esbuild', 'lightningcss', 'fsevents'],
});
const result = spawnSync(process.execPath, ['--enable-source-maps', '--expose-gc', '--max-old-space-size=12288', outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
