import { useState } from 'react';
import type { TableInfo } from '../../../shared/db-catalog';
import { formatNumber } from '../../../shared/format/number';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import type { SavedPivot } from '../../../shared/model/saved-pivots';
import { entryText } from '../../../shared/pivot/labels';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { DrillDown, type DrillTarget } from './DrillDown';
import { cellKeys } from './grid-layout';
import { PivotExport } from './PivotExport';
import { PivotGridView } from './PivotGridView';
import { PivotOptions } from './PivotOptions';
import { PivotPlace } from './PivotPlace';
import { PivotSaveControls } from './PivotSaveControls';
import { PivotZones } from './PivotZones';
import { SavedPivotsList } from './SavedPivotsList';
import { sortByColumn } from './pivot-edits';
import { usePivot } from './use-pivot';

interface Props {
  table: TableInfo;
  spec: PivotSpec;
  update(next: PivotSpec): void;
  /** The saved pivot the draft is (保存透视表 updates it). */
  target?: SavedPivot;
  onLoad(p: SavedPivot): void;
}

/** 数据透视表: fields into rows, columns and values; the grid, its SQL, a cell's rows, Excel; save and place it. */
export function PivotPanel({ table, spec, update, target, onLoad }: Props) {
  const { t, lang } = useLang();
  const wb = useWorkbench();
  const state = usePivot(spec, table);
  // A drill-down belongs to the pivot it was opened on: any edit closes it.
  const [opened, setDrill] = useState<{ spec: PivotSpec; target: DrillTarget } | null>(null);
  const drill = opened && opened.spec === spec ? opened.target : null;
  const grid = state.grid;

  const openCell = (r: number, x: number) => {
    if (!grid) return;
    const keys = cellKeys(grid, r, x);
    const colEntry = grid.cols[Math.floor(x / grid.values)];
    setDrill({ spec, target: { ...keys, rowText: entryText(grid.rows[r], grid.rowDims.length, t) || t('pivot.total'), colText: entryText(colEntry, grid.colDims.length, t) || t('pivot.total') } });
  };
  const sortBy = (x: number) => {
    if (!grid) return;
    const e = grid.cols[Math.floor(x / grid.values)];
    // A plain column by its keys; the grand total column as the row total (sort.col absent).
    if (e.depth !== 0 && e.depth < grid.colDims.length) return;
    update(sortByColumn(spec, x % grid.values, e.depth === 0 ? undefined : e.keys));
  };

  return (
    <div className="pivot-layout">
      <form className="pivot-form" aria-label={t('analysis.tab.pivot')} onSubmit={(e) => e.preventDefault()}>
        <PivotZones spec={spec} columns={table.columns} update={update} />
        <PivotOptions spec={spec} table={table} update={update} />
        <SavedPivotsList currentId={target?.id} onLoad={onLoad} />
      </form>
      <section className="pivot-result" aria-label={t('pivot.grid')}>
        <PivotSaveControls spec={spec} target={target} />
        <PivotPlace spec={spec} savedId={target?.id} />
        <div className="analysis-bar">
          {state.status === 'loading' && <span className="muted">{t('analysis.running')}</span>}
          {state.status === 'ready' && grid && (
            <span role="status" data-testid="pivot-status">
              {t('pivot.summary', { rows: formatNumber(grid.rows.length, lang), cols: formatNumber(grid.cols.length, lang), ms: state.ms ?? 0 })}
              {state.fromRollup ? ` · ${t('pivot.fromRollup')}` : ''}
            </span>
          )}
          {grid && <PivotExport grid={grid} spec={spec} />}
        </div>
        {state.status === 'error' && (
          <p role="alert" className="sql-error">
            {state.error}
          </p>
        )}
        {grid && <PivotGridView grid={grid} spec={spec} onCell={openCell} onSort={sortBy} />}
        {drill && state.source && <DrillDown spec={spec} source={state.source} target={drill} onClose={() => setDrill(null)} />}
        <details className="chart-sql" open>
          <summary>{t('pivot.sql')}</summary>
          <pre data-testid="pivot-sql">{state.query?.sql}</pre>
          <button type="button" disabled={!state.query} onClick={() => state.query && wb.openSql(state.query.sql)}>
            {t('builder.openSql')}
          </button>
        </details>
      </section>
    </div>
  );
}
