import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import { describeImportError } from '../../shared/import/messages';
import { ImportError } from '../../shared/import/types';
import { nodeImportRunner } from './import-runner';

const zh = translator('zh-CN');
const ods = new Uint8Array(readFileSync(path.resolve(__dirname, '../../tests/fixtures/formats/sheet.ods')));
/** Bytes overwritten in the middle: SheetJS's inflate loops on this one for good. */
const loopingOds = Uint8Array.from(ods, (x, i) => (i > ods.length / 3 && i < ods.length / 3 + 32 ? 0xff - x : x));

describe('the Node import runner (a child process with a deadline and a heap cap)', () => {
  it('reads a file through the pipeline and hands back the preview and the Arrow stream', async () => {
    const { runner, close } = await nodeImportRunner(ods.byteLength);
    try {
      runner.load('a', ods);
      const { source, tables } = await runner.build('a', 'sheet.ods', {});
      expect(source.format).toBe('xlsx');
      expect(tables[0].preview.columns.map((c) => c.name)).toEqual(['地区', 'äøéöwithCol', '数量']);
      expect(tables[0].ipc.map((s) => s.byteLength)).toEqual([expect.any(Number)]);
      expect(tables[0].ipc[0].byteLength).toBeGreaterThan(100);
    } finally {
      close();
    }
  });

  it('stops a reader that never returns at the deadline and refuses the file; the next file is read by a fresh process', async () => {
    const { runner, close } = await nodeImportRunner(ods.byteLength, () => 3_000);
    try {
      runner.load('bad', loopingOds);
      const started = Date.now();
      const e = await runner.build('bad', 'sheet.ods', {}).catch((x: unknown) => x);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(e).toBeInstanceOf(ImportError);
      expect(describeImportError(e, zh)).toBe('文件无法在限定时间内读取（3 秒），已停止读取。文件可能已损坏；工作区没有改变。');
      runner.load('good', ods);
      await expect(runner.analyze('good', 'sheet.ods', {})).resolves.toMatchObject({ source: { format: 'xlsx' } });
    } finally {
      close();
    }
  });

  it('a parse that outgrows the heap cap is refused as out of memory, and sgw lives on', async () => {
    // 40 MB of numbers: the grid, the typed columns and the Arrow copy need far more than 96 MB.
    const line = '1,2.5,北京,3\n';
    const csv = new TextEncoder().encode(`a,b,c,d\n${line.repeat(Math.ceil((40 * 1024 * 1024) / line.length))}`);
    const { runner, close } = await nodeImportRunner(csv.byteLength, undefined, 96);
    try {
      runner.load('big', csv);
      const e = await runner.build('big', 'big.csv', {}).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ImportError);
      expect(describeImportError(e, zh)).toBe('读取这个文件需要的内存超过上限（96 MB），已停止读取。文件可能已损坏；工作区没有改变。');
    } finally {
      close();
    }
  });
});
