/** Messages between the import screen and its worker (renderer/workers/import-worker.ts). */
import type { TablePreview } from '../../shared/import/pipeline';
import type { ImportMessageKey, ImportOptions, SourceInfo } from '../../shared/import/types';

export type ImportRequest =
  | { type: 'load'; fileKey: string; bytes: Uint8Array }
  | { type: 'forget'; fileKey: string }
  | { type: 'analyze'; id: number; fileKey: string; fileName: string; options: ImportOptions }
  | { type: 'build'; id: number; fileKey: string; fileName: string; options: ImportOptions };

export interface BuiltTable {
  preview: TablePreview;
  ipc: Uint8Array;
}

export type WorkerError = { key: ImportMessageKey; params: Record<string, string | number> } | { message: string };

export type ImportResponse =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'analyzed'; source: SourceInfo; tables: TablePreview[] }
  | { id: number; type: 'built'; source: SourceInfo; tables: BuiltTable[] }
  | { id: number; type: 'error'; error: WorkerError };
