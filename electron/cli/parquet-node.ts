import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { provideParquetWasm } from '../../shared/import/parquet-source';

const require = createRequire(__filename);

/** Node (sgw, tests, bench): the Parquet reader's wasm from node_modules, read on first use. */
export function useNodeParquetWasm(): void {
  provideParquetWasm(() => readFile(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')));
}
