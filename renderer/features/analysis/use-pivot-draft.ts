import { useCallback } from 'react';
import type { TableInfo } from '../../../shared/db-catalog';
import { newPivotSpec, type PivotSpec } from '../../../shared/model/pivot-spec';
import { findSavedPivot, type SavedPivot } from '../../../shared/model/saved-pivots';
import { useDocument } from '../../workspace';
import { useSavedPivots } from './saved-pivots';

/**
 * The 分析 screen's pivot (a profile document) and the saved pivot it is: 保存透视表 updates that pivot while
 * the draft is still it (same table), as 保存图表 does for charts; picking another table starts a new pivot.
 */
export function usePivotDraft(tables: TableInfo[]) {
  const [draft, setDraft] = useDocument('pivotDraft');
  const saved = useSavedPivots();
  const name = draft?.spec.table ?? tables[0]?.name;
  const table = tables.find((x) => x.name === name);
  const spec = draft?.spec ?? (table ? newPivotSpec(table.name) : null);
  const linked = findSavedPivot(saved, draft?.savedId);
  const target: SavedPivot | undefined = linked && spec && linked.spec.table === spec.table ? linked : undefined;
  const savedId = draft?.savedId;
  const update = useCallback((next: PivotSpec) => void setDraft({ spec: next, ...(savedId ? { savedId } : {}) }), [savedId, setDraft]);
  const pickTable = (t: string) => setDraft({ spec: newPivotSpec(t) });
  const load = (p: SavedPivot) => setDraft({ spec: p.spec, savedId: p.id });
  // A draft over a table that is gone (dropped, another project opened): the screen says so; the picker starts afresh.
  const gone = draft && !table && tables.length > 0 ? draft.spec.table : null;
  return { table, spec, target, update, pickTable, load, gone };
}
