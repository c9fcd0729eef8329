/**
 * The worker's half of the import runner (./runner): the one pipeline (analyzeFile, toArrow) behind
 * messages. Both workers — renderer/workers/import-worker.ts and electron/cli/import-worker.ts — are this.
 */
import { planCsvImport, type CsvPlan } from './csv-engine';
import type { PostedPlan } from './runner';
import { parquetReaderTrapped } from './parquet-source';
import { analyzeFile, toArrow, toPreview, type AnalyzedFile } from './pipeline';
import type { ImportRequest, ImportResponse } from './runner';
import { ImportError } from './types';

/** Keeps loaded files, answers requests with the pipeline (analyzeFile, toArrow). */
export function importServer(post: (m: ImportResponse, transfer?: ArrayBuffer[]) => void): (req: ImportRequest) => Promise<void> {
  const files = new Map<string, Uint8Array>();
  let last: { key: string; result: AnalyzedFile } | null = null;
  let lastPlan: { key: string; plan: CsvPlan | null } | null = null;
  return async (req) => {
    if (req.type === 'load') {
      files.set(req.fileKey, req.bytes);
      return;
    }
    if (req.type === 'forget') {
      files.delete(req.fileKey);
      if (last?.key.startsWith(`${req.fileKey}\n`)) last = null;
      if (lastPlan?.key.startsWith(`${req.fileKey}\n`)) lastPlan = null;
      return;
    }
    const bytes = files.get(req.fileKey);
    try {
      if (!bytes) throw new Error(`file ${req.fileName} is not loaded`);
      post({ id: req.id, type: 'progress', fraction: 0.05 });
      // Import right after the preview with the same settings reuses the preview's parse.
      const key = `${req.fileKey}\n${JSON.stringify(req.options)}`;
      // A big plain CSV is previewed from its plan and read by the engine (the same table as the JS pipeline's).
      if (req.type === 'analyze' || req.engine) {
        const plan = lastPlan?.key === key ? lastPlan.plan : planCsvImport(bytes, req.fileName, req.options);
        lastPlan = { key, plan };
        if (plan) {
          const preview = toPreview({ ...plan.parsed, data: plan.head });
          if (req.type === 'analyze') return post({ id: req.id, type: 'analyzed', source: plan.source, tables: [preview] });
          // The caller holds the file: a UTF-8 file's bytes are not posted back; decoded ones are handed over
          // (transferred, so this cached plan can no longer be used).
          const own = plan.utf8.whole!;
          const mine = own.buffer === bytes.buffer;
          const posted: PostedPlan = { ...plan, utf8: mine ? { skip: own.byteOffset - bytes.byteOffset } : own };
          if (!mine) lastPlan = null;
          post({ id: req.id, type: 'planned', source: plan.source, preview, plan: posted }, mine ? [] : [own.buffer as ArrayBuffer]);
          return;
        }
      }
      const analysis = last?.key === key ? last.result : await analyzeFile(bytes, req.fileName, req.options, (fraction) => post({ id: req.id, type: 'progress', fraction: fraction * 0.8 }));
      last = { key, result: analysis };
      const { source, tables } = analysis;
      if (req.type === 'analyze') {
        post({ id: req.id, type: 'analyzed', source, tables: tables.map((t) => toPreview(t)) });
        return;
      }
      post({ id: req.id, type: 'progress', fraction: 0.85 });
      const built = tables.map((t) => ({ preview: toPreview(t), ipc: toArrow(t).ipc }));
      post({ id: req.id, type: 'built', source, tables: built }, [...new Set(built.flatMap((b) => b.ipc.map((s) => s.buffer as ArrayBuffer)))]);
    } catch (e) {
      const error = e instanceof ImportError ? { key: e.key, params: e.params } : { message: e instanceof Error ? e.message : String(e) };
      // A reader that trapped is not used again: the runner replaces this worker.
      post({ id: req.id, type: 'error', error, ...(parquetReaderTrapped() ? { restart: true } : {}) });
    }
  };
}
