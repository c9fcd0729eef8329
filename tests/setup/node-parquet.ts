// Unit tests run the import pipeline on Node, as sgw does: the Parquet reader's wasm comes from node_modules.
import { useNodeParquetWasm } from '../../electron/cli/parquet-node';

useNodeParquetWasm();
