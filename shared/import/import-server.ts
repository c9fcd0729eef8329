/**
 * The worker's half of the import runner (./runner): the one pipeline (analyzeFile, toArrow) behind
 * messages. Both workers — renderer/workers/import-worker.ts and electron/cli/import-worker.ts — are this.
 */
import { analyzeFile, toArrow, toPreview, type AnalyzedFile } from './pipeline';
import type { ImportRequest, ImportResponse } from './runner';
import { ImportError } from './types';

/** Keeps loaded files, answers requests with the pipeline (analyzeFile, toArrow). */
export function importServer(post: (m: ImportResponse, transfer?: ArrayBuffer[]) => void): (req: ImportRequest) => Promise<void> {
  const files = new Map<string, Uint8Array>();
  let last: { key: string; result: AnalyzedFile } | null = null;
  return async (req) => {
    if (req.type === 'load') {
      files.set(req.fileKey, req.bytes);
      return;
    }
    if (req.type === 'forget') {
      files.delete(req.fileKey);
      if (last?.key.startsWith(`${req.fileKey}\n`)) last = null;
      return;
    }
    const bytes = files.get(req.fileKey);
    try {
      if (!bytes) throw new Error(`file ${req.fileName} is not loaded`);
      post({ id: req.id, type: 'progress', fraction: 0.05 });
      // Import right after the preview with the same settings reuses the preview's parse.
      const key = `${req.fileKey}\n${JSON.stringify(req.options)}`;
      const analysis = last?.key === key ? last.result : await analyzeFile(bytes, req.fileName, req.options, (fraction) => post({ id: req.id, type: 'progress', fraction: fraction * 0.8 }));
      last = { key, result: analysis };
      const { source, tables } = analysis;
      if (req.type === 'analyze') {
        post({ id: req.id, type: 'analyzed', source, tables: tables.map((t) => toPreview(t)) });
        return;
      }
      post({ id: req.id, type: 'progress', fraction: 0.85 });
      const built = tables.map((t) => ({ preview: toPreview(t), ipc: toArrow(t).ipc }));
      post({ id: req.id, type: 'built', source, tables: built }, built.map((b) => b.ipc.buffer as ArrayBuffer));
    } catch (e) {
      post({ id: req.id, type: 'error', error: e instanceof ImportError ? { key: e.key, params: e.params } : { message: e instanceof Error ? e.message : String(e) } });
    }
  };
}
