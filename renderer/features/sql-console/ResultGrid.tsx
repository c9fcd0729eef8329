import { useMemo, useState, type UIEvent } from 'react';
import { DataType, type Table } from 'apache-arrow';
import { cellText } from '../../../shared/format/cell';
import { displayWidth } from '../../../shared/format/text-table';
import { hasProvenance, rowProvenance, type RowProvenance } from '../../../shared/model/provenance';
import { useLang } from '../../i18n/LangContext';
import { ProvenanceDialog } from './ProvenanceDialog';
import { virtualWindow } from './virtual-window';

const ROW_HEIGHT = 28;
const CHAR_PX = 7.5;

/** Rows whose text sets the column widths: the first and last hundred and an even spread between. */
function sampleRows(rows: number): number[] {
  if (rows <= 300) return Array.from({ length: rows }, (_, i) => i);
  const picks = new Set<number>();
  for (let i = 0; i < 100; i++) picks.add(i).add(rows - 1 - i);
  for (let i = 0; i < 100; i++) picks.add(Math.floor((i * rows) / 100));
  return [...picks];
}

function columnWidths(table: Table): number[] {
  const sample = sampleRows(table.numRows);
  return table.schema.fields.map((f, i) => {
    const col = table.getChildAt(i);
    let w = displayWidth(f.name) + 2;
    for (const r of sample) w = Math.max(w, displayWidth(cellText(col?.get(r), f)));
    return Math.min(360, Math.max(64, Math.round(w * CHAR_PX + 20)));
  });
}

const isNumeric = (t: DataType) => DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t);

/** A virtualised grid: only the visible rows exist in the DOM, read straight from the Arrow columns. */
export function ResultGrid({ table, label }: { table: Table; label: string }) {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const [provenance, setProvenance] = useState<RowProvenance | null>(null);
  const { t } = useLang();
  const fields = table.schema.fields;
  const columns = useMemo(() => fields.map((_, i) => table.getChildAt(i)), [table, fields]);
  const widths = useMemo(() => columnWidths(table), [table]);
  const numeric = useMemo(() => fields.map((f) => isNumeric(f.type)), [fields]);
  const traceable = useMemo(() => hasProvenance(fields), [fields]);
  const showProvenance = (row: number) => setProvenance(rowProvenance((name) => table.getChild(name)?.get(row)));
  const indexWidth = Math.max(48, String(table.numRows).length * CHAR_PX + 20);
  const totalWidth = widths.reduce((a, b) => a + b, indexWidth);
  const win = virtualWindow(table.numRows, ROW_HEIGHT, viewport, scrollTop);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    setScrollTop(e.currentTarget.scrollTop);
    setViewport(e.currentTarget.clientHeight - ROW_HEIGHT);
  };

  const rows = [];
  for (let r = win.first; r < win.first + win.count; r++) {
    rows.push(
      <div role="row" aria-rowindex={r + 2} className="grid-row" key={r} style={{ height: ROW_HEIGHT }}>
        <div role="rowheader" className="grid-cell grid-index" style={{ width: indexWidth }}>
          {traceable ? (
            <button type="button" className="link" aria-label={t('prov.button', { row: r + 1 })} onClick={() => showProvenance(r)}>
              {r + 1}
            </button>
          ) : (
            r + 1
          )}
        </div>
        {fields.map((f, c) => (
          <div role="gridcell" key={f.name + c} className={numeric[c] ? 'grid-cell num' : 'grid-cell'} style={{ width: widths[c] }}>
            {cellText(columns[c]?.get(r), f)}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <>
      <div
        className="grid"
        role="grid"
        aria-label={label}
        aria-rowcount={table.numRows + 1}
        aria-colcount={fields.length}
        onScroll={onScroll}
        tabIndex={0}
      >
        <div role="row" aria-rowindex={1} className="grid-row grid-header" style={{ width: totalWidth, height: ROW_HEIGHT }}>
          <div role="columnheader" className="grid-cell grid-index" style={{ width: indexWidth }}>
            #
          </div>
          {fields.map((f, c) => (
            <div role="columnheader" key={f.name + c} className={numeric[c] ? 'grid-cell num' : 'grid-cell'} style={{ width: widths[c] }} title={`${f.name} · ${String(f.type)}`}>
              {f.name}
            </div>
          ))}
        </div>
        <div className="grid-spacer" style={{ height: win.spacerHeight, width: totalWidth }}>
          <div className="grid-window" style={{ transform: `translateY(${win.top}px)` }}>
            {rows}
          </div>
        </div>
      </div>
      {provenance && <ProvenanceDialog provenance={provenance} onClose={() => setProvenance(null)} />}
    </>
  );
}
