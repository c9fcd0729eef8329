import { useCallback, useEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import type { PivotGrid } from '../../../shared/pivot/grid';
import { useLang } from '../../i18n/LangContext';
import { virtualWindow } from '../sql-console';
import { COL_W, gridLayout, KEY_W, ROW_H, visibleSpans, type Span } from './grid-layout';
import { cls, PivotRow } from './PivotRow';

interface Props {
  grid: PivotGrid;
  spec: PivotSpec;
  /** A value cell clicked: grid row and data column (absent: read-only, as on a dashboard card). */
  onCell?(r: number, x: number): void;
  /** A value-name header clicked: data column. */
  onSort?(x: number): void;
  /** The grid's height limit (a compact card shows less). */
  maxHeight?: number;
  /** The grid's accessible name. */
  label?: string;
}

/** The grid's height when the result is long (smaller results take what they need). */
const MAX_HEIGHT = 460;

/**
 * The pivot as a virtual grid: column keys stick to the top and row keys to the left (CSS sticky, so they
 * move with the compositor's scroll), and only the cells in view are in the DOM.
 */
export function PivotGridView({ grid, spec, onCell, onSort, maxHeight = MAX_HEIGHT, label }: Props) {
  const { t, lang } = useLang();
  const layout = useMemo(() => gridLayout(grid, spec, lang), [grid, spec, lang]);
  // A stable click handler keeps the memoised rows from re-rendering when the parent does.
  const cellRef = useRef(onCell);
  useEffect(() => {
    cellRef.current = onCell;
  }, [onCell]);
  const cellClick = useCallback((r: number, x: number) => cellRef.current?.(r, x), []);
  const [view, setView] = useState({ top: 0, left: 0, width: 900, height: 480 });
  const keyW = layout.keyCols * KEY_W;
  const headerH = layout.headerRows * ROW_H;
  const rows = virtualWindow(grid.rows.length, ROW_H, view.height - headerH, view.top);
  const cols = virtualWindow(layout.dataCols, COL_W, view.width - keyW, view.left, 2);
  const dataW = layout.dataCols * COL_W;
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setView({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
  };
  const span = (s: Span, header: boolean) => (
    <div
      key={s.start}
      role="columnheader"
      className={cls('pivot-cell pivot-head', s.cell.total && 'total')}
      style={{ left: s.start * (header ? COL_W : KEY_W), width: s.span * (header ? COL_W : KEY_W), height: s.rows * ROW_H, top: 0 }}
      aria-colspan={s.span}
    >
      {header && onSort && s.cell.kind === 'value-name' ? (
        <button type="button" className="link" title={t('pivot.sortBy', { name: s.cell.text })} onClick={() => onSort(s.start)}>
          {s.cell.text}
        </button>
      ) : (
        // Without row fields the corner has no text: it says what its column holds (行 / Rows), so the header has a name.
        s.cell.text || <span className="muted">{t('pivot.zone.rows')}</span>
      )}
    </div>
  );

  const body = [];
  for (let r = rows.first; r < rows.first + rows.count; r++) {
    body.push(<PivotRow key={r} grid={grid} spec={spec} layout={layout} lang={lang} r={r} top={rows.top + (r - rows.first) * ROW_H} first={cols.first} count={cols.count} firstInView={r === rows.first} onCell={onCell ? cellClick : undefined} />);
  }

  return (
    <div className="pivot-grid" style={{ height: Math.min(maxHeight, headerH + grid.rows.length * ROW_H + 18) }} role="grid" aria-label={label ?? t('pivot.grid')} aria-rowcount={grid.rows.length + layout.headerRows} aria-colcount={layout.dataCols + layout.keyCols} tabIndex={0} onScroll={onScroll}>
      <div className="pivot-header" style={{ width: keyW + dataW, height: headerH }}>
        {layout.header.map((row, level) => (
          <div key={level} role="row" className="pivot-row" style={{ top: level * ROW_H, width: keyW + dataW }}>
            <div className="pivot-keys corner" style={{ width: keyW }}>
              {layout.corner[level].map((s) => span(s, false))}
            </div>
            <div className="pivot-data" style={{ width: dataW }}>
              {visibleSpans(row, cols.first, cols.count).map((s) => span(s, true))}
            </div>
          </div>
        ))}
      </div>
      <div className="pivot-body" style={{ width: keyW + dataW, height: rows.spacerHeight }}>
        {body}
      </div>
    </div>
  );
}
