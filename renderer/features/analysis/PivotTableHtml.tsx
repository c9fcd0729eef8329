import type { PivotTable } from '../../../shared/pivot/table';

/** Heat as the screen's grid shows it: a blue of the value's place in its range. */
const heatFill = (h: number | undefined) => (h === undefined ? undefined : `rgba(59, 111, 212, ${(0.08 + 0.5 * h).toFixed(3)})`);

/**
 * A pivot as a whole HTML table (merged headers, bold totals) from shared/pivot/table.ts — the shape the Word,
 * Excel and PowerPoint writers take — for slides and the dashboard's print layout, where every cell is shown.
 */
export function PivotTableHtml({ table, label }: { table: PivotTable; label: string }) {
  const row = (cells: PivotTable['body'][number], r: number, head: boolean) => (
    <tr key={r}>
      {cells.map((c, i) => {
        if (c.kind === 'covered') return null;
        const props = { colSpan: c.colSpan, rowSpan: c.rowSpan, className: [c.kind === 'value' ? 'num' : '', c.total ? 'total' : ''].join(' ').trim() || undefined };
        if (head || c.kind === 'row-key') return <th key={i} scope={head ? 'col' : 'row'} {...props}>{c.text}</th>;
        return <td key={i} {...props} style={{ background: heatFill(c.heat) }}>{c.text}</td>;
      })}
    </tr>
  );
  return (
    <table className="pivot-html" aria-label={label}>
      <thead>{table.header.map((cells, r) => row(cells, r, true))}</thead>
      <tbody>{table.body.map((cells, r) => row(cells, r, false))}</tbody>
    </table>
  );
}
