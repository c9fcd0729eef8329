import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { provideParquetWasm } from '../../shared/import/parquet-source';

const WASM = 'parquet-wasm/esm/parquet_wasm_bg.wasm';

/** From this file's place; a worker bundled into a temporary folder (run from source) looks from the working directory. */
function wasmPath(): string {
  try {
    return createRequire(__filename).resolve(WASM);
  } catch {
    return createRequire(path.resolve('package.json')).resolve(WASM);
  }
}

/** Node (sgw, its import worker, tests, bench): the Parquet reader's wasm from node_modules, read on first use. */
export function useNodeParquetWasm(): void {
  provideParquetWasm(() => readFile(wasmPath()));
}
