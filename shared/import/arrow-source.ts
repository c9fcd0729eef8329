/**
 * Arrow IPC files (.arrow, Feather v2 .feather) and streams (.arrows, .ipc). When every column is of a type
 * the engine takes as it is (ints, floats, booleans, text, dates, decimals), the data goes to the engine as one
 * IPC stream, as a Parquet file's does (./parquet-source nativeTableOf): a 64-bit integer stays BIGINT,
 * exact beyond 2^53 and at −2^63, and the preview shows its digits, with no cell read into JS but the preview's.
 * Other columns (timestamps, nested, binary) take the general way, ./records-source (int64 still BIGINT).
 */
import { tableToIPC } from 'apache-arrow';
import { keepsType, nativeTableOf } from './parquet-source';
import { arrowTable, readArrowIpc } from './records-source';
import type { ParsedTable } from './types';

/** An IPC file starts with the magic ARROW1; a stream with its first message. */
const isIpcFile = (b: Uint8Array) => b.length >= 6 && String.fromCharCode(...b.subarray(0, 6)) === 'ARROW1';

export function arrowFileTable(bytes: Uint8Array): ParsedTable {
  const t = readArrowIpc(bytes);
  if (!t.schema.fields.every((f) => keepsType(f.type))) return arrowTable(t);
  // The engine reads streams only (insertArrowFromIPCStream): a file's batches are written again as one.
  return nativeTableOf([isIpcFile(bytes) ? tableToIPC(t, 'stream') : bytes]);
}
