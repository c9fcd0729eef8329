import { memo } from 'react';
import type { Lang } from '../../../shared/model/catalog';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import type { PivotGrid } from '../../../shared/pivot/grid';
import { bodyCell, COL_W, KEY_W, rowKeyText, type GridLayout } from './grid-layout';

export const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

interface Props {
  grid: PivotGrid;
  spec: PivotSpec;
  layout: GridLayout;
  lang: Lang;
  r: number;
  top: number;
  /** Data columns in view. */
  first: number;
  count: number;
  /** The first row in view repeats its group's keys. */
  firstInView: boolean;
  /** Absent: a read-only grid (dashboard cards). */
  onCell?(r: number, x: number): void;
}

/**
 * One grid row in view. Memoised: scrolling down renders only the rows that come into view (a row's
 * props stay the same while it stays in view and the columns do not move).
 */
export const PivotRow = memo(function PivotRow({ grid, spec, layout, lang, r, top, first, count, firstInView, onCell }: Props) {
  const cells = [];
  for (let x = first; x < first + count; x++) {
    const c = bodyCell(grid, spec, layout, r, x, lang);
    cells.push(
      <div key={x} role="gridcell" className={cls('pivot-cell num', c.total && 'total', !c.empty && onCell && 'clickable')} style={{ left: x * COL_W, width: COL_W, background: c.background }} onClick={c.empty || !onCell ? undefined : () => onCell(r, x)}>
        {c.text}
      </div>,
    );
  }
  const keyW = layout.keyCols * KEY_W;
  return (
    <div role="row" className="pivot-row" style={{ top, width: keyW + layout.dataCols * COL_W }}>
      <div className="pivot-keys" style={{ width: keyW }}>
        {Array.from({ length: layout.keyCols }, (_, level) => (
          <div key={level} role="rowheader" className={cls('pivot-cell pivot-key', grid.rows[r].depth < grid.rowDims.length && 'total')} style={{ left: level * KEY_W, width: KEY_W }}>
            {rowKeyText(grid, r, level, firstInView ? r : -1, lang)}
          </div>
        ))}
      </div>
      <div className="pivot-data" style={{ width: layout.dataCols * COL_W }}>
        {cells}
      </div>
    </div>
  );
});
