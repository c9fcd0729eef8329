import { useCallback, useMemo, useState } from 'react';
import type { TableInfo } from '../../../shared/db-catalog';
import type { ChartSpec } from '../../../shared/model/chart-spec';
import type { SavedChart } from '../../../shared/model/dashboard';
import { useLang } from '../../i18n/LangContext';
import { useDocument } from '../../workspace';
import { saveChart } from './saved-charts';
import { specForTable } from './spec-edits';

/**
 * The chart being built: a workspace document (the profile's draft, with the saved chart it updates), so it
 * survives a reload. Until one exists it is a first chart of the `cases` table (or the first table).
 */
export function useChartDraft(tables: TableInfo[]) {
  const { t } = useLang();
  const [draft, setDraft] = useDocument('chartDraft');
  const [notice, setNotice] = useState('');
  // Memoised: a fresh default object on every render would re-run the query forever.
  const firstSpec = useMemo(() => (tables.length ? specForTable(tables.find((x) => x.name === 'cases') ?? tables[0]) : null), [tables]);
  const spec = draft?.spec ?? firstSpec;
  const savedId = draft?.savedId;

  const update = useCallback(
    (next: ChartSpec) => {
      setDraft({ spec: next, savedId });
      setNotice('');
    },
    [savedId, setDraft],
  );
  /** Another table: a fresh first chart of it, in the same kind. */
  const pickTable = (next: TableInfo) => spec && setDraft({ spec: { ...specForTable(next), kind: spec.kind } });
  const load = (c: SavedChart) => setDraft({ spec: c.spec, savedId: c.id });
  /** 保存图表: saves (or updates) the chart, titled `fallbackTitle` when it has no title of its own. */
  const save = (fallbackTitle: string) => {
    if (!spec) return;
    const title = spec.title || fallbackTitle;
    const file = saveChart({ ...spec, title }, savedId);
    setDraft({ spec: { ...spec, title }, savedId: file.charts[0].id });
    setNotice(t('builder.saved', { title }));
  };
  return { spec, update, pickTable, load, save, notice };
}
