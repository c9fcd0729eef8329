/** Messages between the import screen and its worker (renderer/workers/import-worker.ts). */
import type { CsvPlan } from '../../shared/import/csv-engine';
import type { TablePreview } from '../../shared/import/pipeline';
import type { ImportMessageKey, ImportOptions, SourceInfo } from '../../shared/import/types';

export type ImportRequest =
  | { type: 'load'; fileKey: string; bytes: Uint8Array }
  | { type: 'forget'; fileKey: string }
  | { type: 'analyze'; id: number; fileKey: string; fileName: string; options: ImportOptions }
  /** `engine: false`: build Arrow even for a CSV the engine could read (after the engine refused it). */
  | { type: 'build'; id: number; fileKey: string; fileName: string; options: ImportOptions; engine?: boolean };

export interface BuiltTable {
  preview: TablePreview;
  ipc: Uint8Array;
}

export type WorkerError = { key: ImportMessageKey; params: Record<string, string | number> } | { message: string };

export type ImportResponse =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'analyzed'; source: SourceInfo; tables: TablePreview[] }
  | { id: number; type: 'built'; source: SourceInfo; tables: BuiltTable[] }
  /** A CSV for the engine's read_csv (shared/import/csv-engine.ts): commitCsvPlan puts it into the database. */
  | { id: number; type: 'planned'; source: SourceInfo; preview: TablePreview; plan: CsvPlan }
  | { id: number; type: 'error'; error: WorkerError };
