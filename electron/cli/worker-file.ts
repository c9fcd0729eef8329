/**
 * Where a Node worker's code is: built next to the built CLI (dist/cli/<name>.cjs, see
 * build/scripts/build-node.mjs), or, run from source (vitest, the bench, build scripts), bundled once from
 * electron/cli/<name>.ts with esbuild (a devDependency, absent from packaged builds, which carry the built file).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const compiled = new Map<string, Promise<string>>();

export function workerFile(name: string): Promise<string> {
  const built = path.join(__dirname, `${name}.cjs`);
  if (existsSync(built)) return Promise.resolve(built);
  let file = compiled.get(name);
  if (!file) {
    file = (async () => {
      const source = [path.join(__dirname, `${name}.ts`), path.resolve(`electron/cli/${name}.ts`)].find((f) => existsSync(f));
      if (!source) throw new Error(`worker not built: ${built}`);
      const outfile = path.join(mkdtempSync(path.join(os.tmpdir(), `sgw-${name}-`)), `${name}.cjs`);
      const { build } = await import('esbuild');
      await build({ entryPoints: [source], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
      return outfile;
    })();
    compiled.set(name, file);
  }
  return file;
}
