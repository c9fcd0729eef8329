import { useCallback, useMemo, useState } from 'react';
import type { TableInfo } from '../../../shared/db-catalog';
import type { ChartSpec } from '../../../shared/model/chart-spec';
import type { SavedChart } from '../../../shared/model/dashboard';
import { findSavedChart } from '../../../shared/model/saved-charts';
import { useLang } from '../../i18n/LangContext';
import { useDocument } from '../../workspace';
import { saveChart, saveChartCopy, useSavedCharts } from './saved-charts';
import { specForTable } from './spec-edits';

/**
 * The chart being built: a workspace document (the profile's draft, with the saved chart it updates), so it
 * survives a reload. Until one exists it is a first chart of the `cases` table (or the first table).
 *
 * Which saved chart 保存图表 updates: the one loaded or last saved, while the draft is still that chart —
 * same table (another table starts a fresh draft) and same title. A new title saves a new chart, so
 * building the next chart from the last one never overwrites it (four charts must not become one).
 */
export function useChartDraft(tables: TableInfo[]) {
  const { t } = useLang();
  const [draft, setDraft] = useDocument('chartDraft');
  const saved = useSavedCharts();
  const [notice, setNotice] = useState('');
  // Memoised: a fresh default object on every render would re-run the query forever.
  const firstSpec = useMemo(() => (tables.length ? specForTable(tables.find((x) => x.name === 'cases') ?? tables[0]) : null), [tables]);
  const spec = draft?.spec ?? firstSpec;
  const savedId = draft?.savedId;
  const linked = findSavedChart(saved, savedId);

  const update = useCallback(
    (next: ChartSpec) => {
      setDraft({ spec: next, savedId });
      setNotice('');
    },
    [savedId, setDraft],
  );
  /** Another table: a fresh first chart of it, in the same kind (no longer any saved chart). */
  const pickTable = (next: TableInfo) => spec && setDraft({ spec: { ...specForTable(next), kind: spec.kind } });
  const load = (c: SavedChart) => {
    setDraft({ spec: c.spec, savedId: c.id });
    setNotice('');
  };
  /** The saved chart 保存图表 would update now (none: it saves a new chart). */
  const target = (fallbackTitle: string) => (linked && spec && linked.spec.title === (spec.title || fallbackTitle) ? linked : undefined);
  /** 保存图表: updates the chart it is, or saves a new one; titled `fallbackTitle` when it has no title. */
  const save = (fallbackTitle: string) => {
    if (!spec) return;
    const title = spec.title || fallbackTitle;
    const updating = target(fallbackTitle);
    const chart = saveChart({ ...spec, title }, updating?.id);
    setDraft({ spec: chart.spec, savedId: chart.id });
    setNotice(t(updating ? 'builder.updated' : 'builder.saved', { title }));
  };
  /** 另存为: a new saved chart under `title`; the draft is that chart from now on. */
  const saveAs = (title: string) => {
    if (!spec) return;
    const chart = saveChartCopy(spec, title);
    setDraft({ spec: chart.spec, savedId: chart.id });
    setNotice(t('builder.saved', { title }));
  };
  /** 新建图表: the same fields, no longer any saved chart (the next save is a new chart). */
  const detach = () => {
    if (spec) setDraft({ spec: { ...spec, title: '' } });
    setNotice('');
  };
  return { spec, update, pickTable, load, save, saveAs, detach, target, notice, savedId: linked?.id };
}
