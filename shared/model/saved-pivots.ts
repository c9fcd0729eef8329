/**
 * Saved pivot tables (保存透视表), as plain JSON (version 1) like saved charts: the workspace store keeps the
 * file, a project embeds it (documents.pivots, project format 5), dashboard cards and slides that show a
 * pivot refer to it by `savedId` and follow its saves and renames. Every spec goes through parsePivotSpec.
 */
import { parsePivotSpec, type PivotSpec } from './pivot-spec';
import { findSaved, followItem, lostItem, removeItem, renameItem, restoreItem, saveItem, type Follows, type Removed, type Saved } from './saved-list';

export type SavedPivot = Saved<PivotSpec>;

export interface SavedPivotsFile {
  version: 1;
  pivots: SavedPivot[];
}

export const emptySavedPivots = (): SavedPivotsFile => ({ version: 1, pivots: [] });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;

/** Validates untrusted JSON (storage, a project) into saved pivots; throws naming the bad entry. */
export function parseSavedPivots(json: unknown): SavedPivotsFile {
  if (!isObj(json) || json.version !== 1 || !Array.isArray(json.pivots)) throw new Error('saved pivots: not a version 1 list');
  const ids = new Set<string>();
  const pivots = json.pivots.map((p, i) => {
    try {
      if (!isObj(p) || !isId(p.id)) throw new Error('id missing');
      if (ids.has(p.id)) throw new Error(`duplicate id ${p.id}`);
      ids.add(p.id);
      if (typeof p.savedAt !== 'string') throw new Error('savedAt must be text');
      return { id: p.id, savedAt: p.savedAt, spec: parsePivotSpec(p.spec) };
    } catch (e) {
      throw new Error(`saved pivots[${i}]: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return { version: 1, pivots };
}

const file = (pivots: SavedPivot[]): SavedPivotsFile => ({ version: 1, pivots });

export const findSavedPivot = (f: SavedPivotsFile, id: string | undefined): SavedPivot | undefined => findSaved(f.pivots, id);

/** 保存透视表: updates pivot `id` when it exists, else saves `spec` as a new pivot (ids p<time><n>). */
export function savePivotSpec(f: SavedPivotsFile, spec: PivotSpec, id: string | undefined, now: Date): { file: SavedPivotsFile; pivot: SavedPivot } {
  const { items, item } = saveItem(f.pivots, spec, id, now, 'p');
  return { file: file(items), pivot: item };
}

export const renameSavedPivot = (f: SavedPivotsFile, id: string, title: string): SavedPivotsFile => file(renameItem(f.pivots, id, title));

export function removeSavedPivot(f: SavedPivotsFile, id: string): { file: SavedPivotsFile; removed?: Removed<SavedPivot> } {
  const { items, removed } = removeItem(f.pivots, id);
  return { file: file(items), ...(removed ? { removed } : {}) };
}

export const restoreSavedPivot = (f: SavedPivotsFile, removed: Removed<SavedPivot>): SavedPivotsFile => file(restoreItem(f.pivots, removed));

/** Cards and slides that show `pivot` take its new spec (the same array when none does). */
export const followSavedPivot = <T extends Follows<PivotSpec>>(items: T[], pivot: SavedPivot): T[] => followItem(items, pivot);

export const lostSavedPivot = (item: { spec: unknown; savedId?: string }, f: SavedPivotsFile): boolean => lostItem(item, f.pivots);
