/**
 * The worker's half of the import runner (./runner): the one pipeline (analyzeFile, toArrow) behind
 * messages. Both workers — renderer/workers/import-worker.ts and electron/cli/import-worker.ts — are this.
 */
import { memorySource, readWhole, type ByteSource, type FileBlob } from './byte-source';
import { finishPlan, PIECE_BYTES, PIECE_ROWS, sampleCsv, samplePlan, scanSample, type CsvPlan, type CsvSample } from './csv-engine';
import type { PostedPlan } from './runner';
import { parquetReaderTrapped, type BatchSink } from './parquet-source';
import { analyzeFile, toArrow, toPreview, type AnalyzedFile } from './pipeline';
import type { ImportRequest, ImportResponse } from './runner';
import { ImportError } from './types';

/** Batches a streamed build may have sent that the caller has not yet taken: the rest of the file waits. */
export const STREAM_AHEAD = 2;

type Post = (m: ImportResponse, transfer?: ArrayBuffer[]) => void;

/** A streamed build's sender: each batch's buffer is handed over (never copied), at most STREAM_AHEAD unacknowledged. */
function batchSender(id: number, post: Post) {
  let unacked = 0;
  let wake: (() => void) | undefined;
  const send: BatchSink = async (ipc) => {
    const whole = ipc.byteOffset === 0 && ipc.byteLength === ipc.buffer.byteLength;
    const own = whole ? ipc : ipc.slice();
    post({ id, type: 'batch', ipc: own }, [own.buffer as ArrayBuffer]);
    unacked++;
    while (unacked >= STREAM_AHEAD) await new Promise<void>((r) => (wake = r));
  };
  const ack = () => {
    unacked--;
    wake?.();
    wake = undefined;
  };
  return { send, ack };
}

/**
 * A streamed build: the first table's rows as batches — a Parquet file's row groups straight from the reader
 * while it reads, anything else (or a table the preview already read) its streams once built — then its preview.
 */
async function streamBuild(id: number, send: BatchSink, post: Post, read: (sink: BatchSink) => Promise<AnalyzedFile>): Promise<void> {
  let sent = 0;
  const sink: BatchSink = (ipc) => (sent++, send(ipc));
  const { source, tables } = await read(sink);
  const preview = toPreview(tables[0]);
  if (sent === 0) for (const ipc of toArrow(tables[0]).ipc) await sink(ipc);
  post({ id, type: 'streamed', source, preview });
}

export interface ServerOptions {
  /** A posted File as a source read by windows (the app's worker: renderer/workers/blob-source.ts). */
  openBlob?: (blob: FileBlob) => ByteSource;
  /** The engine's pieces (tests: small ones, so that a small file spans several windows). */
  pieceBytes?: number;
  pieceRows?: number;
}

/** A loaded file: read by windows for a big plain CSV's plan; read whole (once, then kept) when the JS pipeline needs it. */
interface Loaded {
  src: ByteSource;
  whole?: Uint8Array;
}

const wholeOf = (f: Loaded) => (f.whole ??= readWhole(f.src));

/**
 * A big plain CSV's plan (null: the JS pipeline reads the file). An analysis shows the sample first — its
 * first rows as the plan would, posted as 'sampled' before the whole file is proven — and the byte scan's
 * progress, piece by piece: the preview of a big file is there at once, not after a pass over all of it
 * (导入 waits for the proof, as the analysis is still running).
 */
function planShowingSample(src: ByteSource, req: Extract<ImportRequest, { type: 'analyze' | 'build' }>, post: Post, opts: ServerOptions): CsvPlan | null {
  // Before a GBK or UTF-16 file is decoded whole, too.
  const showSample = (head: CsvSample) => {
    const early = samplePlan(head);
    if (early) post({ id: req.id, type: 'sampled', source: early.source, preview: toPreview({ ...early.parsed, data: early.head }) });
  };
  const s = sampleCsv(src, req.fileName, req.options, undefined, opts.pieceBytes ?? PIECE_BYTES, opts.pieceRows ?? PIECE_ROWS, req.type === 'analyze' ? showSample : undefined);
  if (!s) return null;
  return finishPlan(s, scanSample(s, (end) => post({ id: req.id, type: 'progress', fraction: 0.05 + (0.9 * end) / s.utf8.size })));
}

/** Keeps loaded files, answers requests with the pipeline (analyzeFile, toArrow). */
export function importServer(post: Post, opts: ServerOptions = {}): (req: ImportRequest) => Promise<void> {
  const files = new Map<string, Loaded>();
  const streams = new Map<number, ReturnType<typeof batchSender>>();
  let last: { key: string; result: AnalyzedFile } | null = null;
  let lastPlan: { key: string; plan: CsvPlan | null } | null = null;
  return async (req) => {
    if (req.type === 'load') {
      const { file } = req;
      if (!(file instanceof Uint8Array) && !opts.openBlob) throw new Error('this worker reads files from bytes only');
      files.set(req.fileKey, { src: file instanceof Uint8Array ? memorySource(file) : opts.openBlob!(file) });
      return;
    }
    if (req.type === 'ack') {
      streams.get(req.id)?.ack();
      return;
    }
    if (req.type === 'forget') {
      files.delete(req.fileKey);
      if (last?.key.startsWith(`${req.fileKey}\n`)) last = null;
      if (lastPlan?.key.startsWith(`${req.fileKey}\n`)) lastPlan = null;
      return;
    }
    const loaded = files.get(req.fileKey);
    try {
      if (!loaded) throw new Error(`file ${req.fileName} is not loaded`);
      const { src } = loaded;
      post({ id: req.id, type: 'progress', fraction: 0.05 });
      // Import right after the preview with the same settings reuses the preview's parse.
      const key = `${req.fileKey}\n${JSON.stringify(req.options)}`;
      // A big plain CSV is previewed from its plan and read by the engine (the same table as the JS pipeline's).
      if (req.type === 'analyze' || req.engine) {
        const plan = lastPlan?.key === key ? lastPlan.plan : planShowingSample(src, req, post, opts);
        lastPlan = { key, plan };
        if (plan) {
          const preview = toPreview({ ...plan.parsed, data: plan.head });
          if (req.type === 'analyze') return post({ id: req.id, type: 'analyzed', source: plan.source, tables: [preview], planned: true });
          // The caller holds the file (its bytes or the File): a UTF-8 file's bytes are not posted back, the
          // plan reads the file after its byte-order mark; decoded ones are handed over (transferred, so this
          // cached plan can no longer be used).
          const own = plan.utf8.whole;
          const mine = !own || own.buffer === src.whole?.buffer;
          const posted: PostedPlan = { ...plan, utf8: mine ? { skip: src.size - plan.utf8.size } : own };
          if (!mine) lastPlan = null;
          post({ id: req.id, type: 'planned', source: plan.source, preview, plan: posted }, mine ? [] : [own.buffer as ArrayBuffer]);
          return;
        }
      }
      const progress = (fraction: number) => post({ id: req.id, type: 'progress', fraction: fraction * 0.8 });
      if (req.type === 'build' && req.stream) {
        // The rows leave with the batches: the preview's parse is not kept.
        const cached = last?.key === key ? last.result : undefined;
        last = null;
        const sender = batchSender(req.id, post);
        streams.set(req.id, sender);
        try {
          return await streamBuild(req.id, sender.send, post, (sink) => (cached ? Promise.resolve(cached) : analyzeFile(wholeOf(loaded), req.fileName, req.options, progress, sink)));
        } finally {
          streams.delete(req.id);
        }
      }
      const analysis = last?.key === key ? last.result : await analyzeFile(wholeOf(loaded), req.fileName, req.options, progress);
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
