import { useEffect, useMemo } from 'react';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import { pivotTable, type PivotTable } from '../../../shared/pivot/table';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { PivotGridView } from './PivotGridView';
import { PivotTableHtml } from './PivotTableHtml';
import { pivotGone } from './pivot-gone';
import { usePivot } from './use-pivot';
// Cards and slides draw the grid before the 分析 screen (which loads the same styles) may have been opened.
import './analysis.css';

interface Props {
  spec: PivotSpec;
  /** card: the virtual grid, read-only and compact; slide: the whole table at presentation size. */
  mode: 'card' | 'slide';
  /** Reports the pivot as a writer-neutral table (for exports), undefined while it is not ready. */
  onTable?(table: PivotTable | undefined): void;
  /** Reports the SQL shown (over the table). */
  onSql?(sql: string | undefined): void;
}

/** A kept pivot (dashboard card, slide): run live, refreshed when data changes, and a clear message when its table or a column is gone. */
export function PivotView({ spec, mode, onTable, onSql }: Props) {
  const { t, lang } = useLang();
  const { tables } = useWorkbench();
  // Until the table list has loaded nothing is "gone".
  const gone = tables.length ? pivotGone(spec, tables, t) : null;
  const info = tables.find((x) => x.name === spec.table);
  const state = usePivot(gone ? null : spec, info);
  const table = useMemo(() => (state.grid ? pivotTable(state.grid, spec, lang) : undefined), [state.grid, spec, lang]);
  useEffect(() => onTable?.(table), [table, onTable]);
  useEffect(() => onSql?.(state.query?.sql), [state.query?.sql, onSql]);
  const label = spec.title || t('pivot.sheet');
  if (gone || state.status === 'error') {
    return (
      <p role="alert" className="sql-error">
        {gone ?? state.error}
      </p>
    );
  }
  if (!state.grid || !table) return <p className="muted">{t('dash.loading')}</p>;
  return mode === 'card' ? <PivotGridView grid={state.grid} spec={spec} maxHeight={300} label={label} /> : <PivotTableHtml table={table} label={label} />;
}
