/**
 * Parquet through parquet-wasm (Rust's parquet + arrow crates compiled to wasm; snappy, gzip, brotli, zstd,
 * lz4 and lz4_raw): the file is read one row group at a time, each batch leaves wasm as a complete Arrow IPC
 * stream, and the streams go to the engine as they are, one call each (joining them into one stream cost a
 * copy of the whole table, ≈ a third of the import's CPU at 1M rows with the engine's copy of it). Reading the whole
 * file at once (readParquet) held the decoded table, its IPC and the IPC's growing copies in parquet-wasm's
 * memory together, about 4× the data, and that memory never shrinks and caps at 4 GB: a 10M-row file took
 * 3.3 GB and 11 s of CPU there, streamed 56 MB and 3.6 s (first-touching fresh wasm memory costs about as
 * much as decoding). No value passes through JS except the first rows (the preview) and the text cells that
 * may name a total. The engine's own read_parquet is an extension that duckdb-wasm 1.32 does not link in
 * (duckdb_extensions() says parquet NOT_INSTALLED) and would download at run time: not an option offline.
 * The wasm binary comes from the environment (provideParquetWasm): the import worker
 * fetches it from the app's own files, Node (sgw, tests, bench) reads it from node_modules.
 */
import { DataType, RecordBatch, Schema, Table, tableFromIPC, tableToIPC, type Vector } from 'apache-arrow';
import initParquetWasm, { ParquetFile, readParquet, type RecordBatch as WasmBatch } from 'parquet-wasm/esm';
import { buildArrowTable, tableOfStreams, toIpcStream } from './arrow-build';
import { arrowCells, arrowColumnType, arrowTable } from './records-source';
import { mayNameTotal } from './totals';
import { checkColumnCount, ImportError, type ColumnSpec, type ColumnType, type NativeColumns, type ParsedTable } from './types';

/** The wasm binary's bytes. */
type WasmSource = Uint8Array | ArrayBuffer;
let source: (() => Promise<WasmSource>) | undefined;
let ready: Promise<unknown> | undefined;

/** Where the Parquet reader's wasm comes from; called once per environment before the first Parquet import. */
export function provideParquetWasm(load: () => Promise<WasmSource>): void {
  source = load;
}

async function parquetWasm(): Promise<void> {
  if (!source) throw new Error('parquet-wasm: provideParquetWasm was not called');
  const load = source;
  ready ??= (async () => initParquetWasm({ module_or_path: await load() }))();
  try {
    await ready;
  } catch (e) {
    ready = undefined;
    throw e;
  }
}

/** Rows in the preview (and in `data` of a table that keeps its source's columns). */
export const NATIVE_SAMPLE_ROWS = 100;
/** Large batches: at parquet's default (1024 rows) the stream's per-batch overhead dominates in JS and in the engine. */
const BATCH_ROWS = 131_072;

/** Types the engine takes from Arrow exactly as our column types describe them. */
export function keepsType(t: DataType): boolean {
  return (
    DataType.isInt(t) ||
    (DataType.isFloat(t) && t.precision > 0) ||
    DataType.isBool(t) ||
    DataType.isUtf8(t) ||
    DataType.isLargeUtf8(t) ||
    DataType.isDate(t) ||
    DataType.isDecimal(t)
  );
}

const decoder = new TextDecoder();

/**
 * The text cells of one column that findTotals would look at: those whose first UTF-16 unit passes its
 * first-letter test, read from the UTF-8 bytes without decoding the rest. A code point above U+FFFF starts
 * with a surrogate, which never passes, as in findTotals.
 */
function totalCandidates(column: Vector): string[] {
  const out: string[] = [];
  for (const d of column.data) {
    const bytes = d.values as Uint8Array;
    const offsets = d.valueOffsets as Int32Array | BigInt64Array;
    const valid = d.nullCount > 0 ? d.nullBitmap : undefined;
    for (let r = 0; r < d.length; r++) {
      if (valid && !(valid[(d.offset + r) >> 3] & (1 << ((d.offset + r) & 7)))) continue;
      const start = Number(offsets[d.offset + r]);
      const end = Number(offsets[d.offset + r + 1]);
      // Longer than 16 UTF-16 units is never a total's name (and 16 units take at most 48 bytes).
      if (end === start || end - start > 64) continue;
      const b0 = bytes[start];
      const unit = b0 < 0x80 ? b0 : b0 < 0xe0 ? ((b0 & 0x1f) << 6) | (bytes[start + 1] & 0x3f) : b0 < 0xf0 ? ((b0 & 0x0f) << 12) | ((bytes[start + 1] & 0x3f) << 6) | (bytes[start + 2] & 0x3f) : 0xd800;
      if (mayNameTotal(unit)) out.push(decoder.decode(bytes.subarray(start, end)));
    }
  }
  return out;
}

/** The table for streams whose columns all keep their types: the preview's rows and the total candidates. */
export function nativeTableOf(ipc: Uint8Array[]): ParsedTable {
  const t = tableOfStreams(ipc);
  checkColumnCount(t.schema.fields.length);
  const n = new NativeReader(t.schema);
  n.take(t);
  return n.table(ipc);
}

/**
 * Where a streamed read sends each batch's complete IPC stream (its buffer may be handed on, never read
 * again here); the read waits for it, so a sink that waits for the engine bounds what is held decoded.
 */
export type BatchSink = (ipc: Uint8Array) => Promise<void>;

/** What a native table needs besides its streams, gathered batch by batch: row count, head, total candidates. */
class NativeReader {
  readonly types: ColumnType[];
  private rows = 0;
  private head: Table[] = [];
  private headRows = 0;
  private readonly candidates: string[][];

  constructor(private readonly schema: Schema) {
    this.types = schema.fields.map((f) => arrowColumnType(f.type));
    this.candidates = this.types.map(() => []);
  }

  take(t: Table): void {
    this.rows += t.numRows;
    this.types.forEach((type, i) => {
      if (type === 'string') for (const c of totalCandidates(t.getChildAt(i)!)) this.candidates[i].push(c);
    });
    if (this.headRows >= NATIVE_SAMPLE_ROWS || t.numRows === 0) return;
    // A copy of the preview's rows: the batch's own buffer may leave for the engine right after this.
    const part = tableFromIPC(tableToIPC(t.slice(0, NATIVE_SAMPLE_ROWS - this.headRows), 'stream'));
    this.head.push(part);
    this.headRows += part.numRows;
  }

  /** `ipc`: every row (kept), or, for a streamed read, the preview's rows alone. */
  table(ipc?: Uint8Array[]): ParsedTable {
    const head = this.head.length ? this.head[0].concat(...this.head.slice(1)) : new Table(this.schema);
    return {
      columns: this.schema.fields.map((f, i) => ({ name: f.name, type: this.types[i] })),
      data: arrowCells(head, this.types),
      rowCount: this.rows,
      titles: [],
      notes: [],
      totals: { rows: [], columns: [] },
      warnings: [],
      yearColumns: 0,
      native: { ipc: ipc ?? [this.head.length ? tableToIPC(head, 'stream') : tableToIPC(new Table(this.schema), 'stream')], names: this.schema.fields.map((f) => f.name), types: this.types, totalCandidates: this.candidates },
    };
  }
}

/**
 * Set once parquet-wasm has trapped (a Rust panic surfaces as a WebAssembly RuntimeError, "unreachable"):
 * its memory may be left inconsistent, and a wasm instance cannot be reset, so the worker holding it is
 * replaced after answering (./import-server, ./runner). A trap inside the streamed read happens in
 * parquet-wasm's own promise jobs, uncaught: that stops the worker (the runner reports import.err.crashed).
 */
let trapped = false;
export const parquetReaderTrapped = (): boolean => trapped;

function badParquet(e: unknown): ImportError {
  if (e instanceof Error && e.name === 'RuntimeError') {
    trapped = true;
    // Its text ("unreachable") says nothing to a reader: the same words as for a worker that died.
    return new ImportError('import.err.crashed');
  }
  return new ImportError('import.err.badParquet', { detail: e instanceof Error ? e.message : String(e) });
}

/**
 * Every batch of the file, read one row group at a time, each as the complete IPC stream parquet-wasm
 * writes (schema, batch, end), kept apart: the engine takes one per call (Db.insertArrow), so they are never
 * joined (joining copied the whole table once more). With a sink each stream goes there as soon as it is
 * read (the engine inserts row group i while this reads i + 1) and only the preview's rows are kept.
 * A file of no rows is its schema's stream alone. The file stays in JS (a Blob) and is read by ranges.
 */
async function nativeRead(file: ParquetFile, schemaIpc: Uint8Array, schema: Schema, sink?: BatchSink, onRead?: (fraction: number) => void): Promise<ParsedTable> {
  const reader = new NativeReader(schema);
  const meta = file.metadata();
  const total = meta.fileMetadata().numRows();
  meta.free();
  const kept: Uint8Array[] = [];
  let batches = 0;
  let read = 0;
  const stream = (await file.stream({ batchSize: BATCH_ROWS })) as ReadableStream<WasmBatch>;
  for await (const batch of stream as unknown as AsyncIterable<WasmBatch>) {
    const ipc = batch.intoIPCStream();
    const t = tableFromIPC(ipc);
    reader.take(t);
    batches++;
    read += t.numRows;
    onRead?.(total > 0 ? read / total : 1);
    if (sink) await sink(ipc);
    else kept.push(ipc);
  }
  if (batches === 0) {
    if (sink) await sink(schemaIpc);
    else kept.push(schemaIpc);
  }
  return reader.table(sink ? undefined : kept);
}

/**
 * The file as a table. With `sink`, a file whose columns keep their types sends its streams there as they are
 * read (the table's `native.ipc` is then its preview's rows alone); any other file keeps its rows in the
 * result and sends nothing (the caller sees whether its sink was called). `onRead`: the share of rows read so far.
 */
export async function parquetTable(bytes: Uint8Array, sink?: BatchSink, onRead?: (fraction: number) => void): Promise<ParsedTable> {
  await parquetWasm();
  let file: ParquetFile | undefined;
  try {
    // The bytes come from a file read (an ArrayBuffer, never shared memory), which a Blob takes as it is.
    file = await ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const schemaIpc = file.schema().intoIPCStream();
    const schema = tableFromIPC(schemaIpc).schema;
    if (schema.fields.every((f) => keepsType(f.type))) {
      checkColumnCount(schema.fields.length);
      return await nativeRead(file, schemaIpc, schema, sink, onRead);
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw badParquet(e);
  } finally {
    file?.free();
  }
  // Nested, binary, time and timestamp columns take the general way: cells, as for Arrow files.
  let ipc: Uint8Array;
  try {
    ipc = readParquet(bytes, { batchSize: BATCH_ROWS }).intoIPCStream();
  } catch (e) {
    throw badParquet(e);
  }
  return arrowTable(ipc);
}

/**
 * The Arrow to import for a table that kept its source's columns: the stream itself; with renamed columns
 * the same buffers under the new names; with a column's type overridden every cell is read and converted
 * as for any other source (the user asked for a conversion).
 */
export function nativeArrow(columns: readonly ColumnSpec[], native: NativeColumns): { arrow: Table; ipc: Uint8Array[] } {
  const t = tableOfStreams(native.ipc);
  if (columns.some((c, i) => c.type !== native.types[i])) {
    const arrow = buildArrowTable(columns, arrowCells(t, native.types));
    return { arrow, ipc: [toIpcStream(arrow)] };
  }
  if (columns.every((c, i) => c.name === native.names[i])) return { arrow: t, ipc: native.ipc };
  const schema = new Schema(t.schema.fields.map((f, i) => f.clone({ name: columns[i].name })));
  const arrow = new Table(schema, t.batches.map((b) => new RecordBatch(schema, b.data)));
  return { arrow, ipc: [tableToIPC(arrow, 'stream')] };
}
