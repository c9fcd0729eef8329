import type { PivotSpec } from '../../../shared/model/pivot-spec';
import { removeSavedPivot, renameSavedPivot, restoreSavedPivot, savePivotSpec, type SavedPivot, type SavedPivotsFile } from '../../../shared/model/saved-pivots';
import { followSaved, useDocument, workspace } from '../../workspace';

/** Saved pivots: a workspace document (a SavedPivotsFile, the shape a project file embeds as documents.pivots). */
export function useSavedPivots(): SavedPivotsFile {
  return useDocument('savedPivots')[0];
}

/** Saves `spec` as pivot `id` (a new one when absent or gone); cards and slides showing it follow. */
export function savePivot(spec: PivotSpec, id?: string): SavedPivot {
  const { file, pivot } = savePivotSpec(workspace.get('savedPivots'), spec, id, new Date());
  workspace.set('savedPivots', file);
  followSaved({ kind: 'pivot', item: pivot });
  workspace.set('pivotDraft', { spec: pivot.spec, savedId: pivot.id });
  return pivot;
}

/** 重命名: the pivot, its cards and slides, and the draft that is it take the new title. */
export function renamePivot(id: string, title: string): void {
  const file = workspace.update('savedPivots', (f) => renameSavedPivot(f, id, title));
  const pivot = file.pivots.find((p) => p.id === id);
  if (pivot) followSaved({ kind: 'pivot', item: pivot });
  workspace.update('pivotDraft', (d) => (d && d.savedId === id ? { ...d, spec: { ...d.spec, title } } : d));
}

/** Deletes pivot `id`; returns its undo (cards and slides that showed it keep its last version meanwhile). */
export function deleteSavedPivot(id: string): () => void {
  const { file, removed } = removeSavedPivot(workspace.get('savedPivots'), id);
  workspace.set('savedPivots', file);
  return () => {
    if (removed) workspace.update('savedPivots', (f) => restoreSavedPivot(f, removed));
  };
}
