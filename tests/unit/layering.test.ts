import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layering is enforced by lint', () => {
  it('renderer may not import electron or node', async () => {
    expect(await violations('renderer/features/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await violations('renderer/features/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
  });

  it('only the DB adapters import duckdb-wasm', async () => {
    const code = "import * as duckdb from '@duckdb/duckdb-wasm';\nexport const a = duckdb;\n";
    expect(await violations('renderer/features/x.ts', code)).toHaveLength(1);
    expect(await violations('shared/x.ts', code)).toHaveLength(1);
    expect(await violations('electron/cli/sgw-extra.ts', code)).toHaveLength(1);
    expect(await violations('electron/main/x.ts', code)).toHaveLength(1);
    expect(await violations('renderer/db/x.ts', code)).toEqual([]);
    expect(await violations('electron/cli/node-db.ts', code)).toEqual([]);
  });

  it('shared may not touch the DOM, node or electron', async () => {
    expect(await violations('shared/x.ts', 'export const a = document.title;\n')).toHaveLength(1);
    expect(await violations('shared/x.ts', "import path from 'node:path';\nexport const a = path;\n")).toHaveLength(1);
    expect(await violations('shared/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n")).toHaveLength(1);
  });

  it('only renderer/charts runs echarts, from its registration module; shared may import its types', async () => {
    expect(await violations('renderer/features/x.ts', "import * as echarts from 'echarts';\nexport const a = echarts;\n")).toHaveLength(1);
    expect(await violations('renderer/charts/echarts.ts', "import * as echarts from 'echarts/core';\nexport const a = echarts;\n")).toEqual([]);
    // The whole library in the renderer would put all of it back into the start-up bundle.
    expect(await violations('renderer/charts/x.ts', "import * as echarts from 'echarts';\nexport const a = echarts;\n")).toHaveLength(1);
    expect(await violations('renderer/charts/x.ts', "import type { EChartsOption } from 'echarts';\nexport type A = EChartsOption;\n")).toEqual([]);
    expect(await violations('shared/charts/x.ts', "import type { EChartsOption } from 'echarts';\nexport type A = EChartsOption;\n")).toEqual([]);
  });
});
