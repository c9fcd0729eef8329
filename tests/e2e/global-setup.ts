import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM_PATH } from './browser';

let server: PreviewServer | undefined;

/** Serves the production build on 127.0.0.1, as `npm run web` does; fails loudly without Chromium or a build. */
export async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) — e2e tests never skip.`);
  }
  const root = path.resolve(import.meta.dirname, '../..');
  const outDir = path.resolve(process.env.SGW_WEB_OUT ?? path.join(root, 'dist/renderer'));
  if (!existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(`${outDir} is missing: run \`npm run build:web\` first.`);
  }
  server = await preview({ configFile: path.join(root, 'vite.config.ts'), preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
