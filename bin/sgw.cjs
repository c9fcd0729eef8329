#!/usr/bin/env node
// `sgw`: the command-line face of the workbench. Built to dist/cli by `npm run build:node`.
const path = require('node:path');
const fs = require('node:fs');

const built = path.join(__dirname, '..', 'dist', 'cli', 'sgw.cjs');
if (!fs.existsSync(built)) {
  process.stderr.write('sgw 尚未构建，请先运行 npm run build:node（sgw is not built yet: run npm run build:node）\n');
  process.exit(2);
}
require(built).main();
