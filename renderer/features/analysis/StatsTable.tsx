import type { TextTable } from '../../../shared/stats/output';

/** A statistics table (shared/stats/output.ts builds the texts, the same as `sgw stats` prints). */
export function StatsTable({ table, label }: { table: TextTable; label: string }) {
  return (
    <div className="stats-scroll">
      <table className="stats-table" aria-label={label}>
        <thead>
          <tr>
            {/* An empty corner (the correlation matrix's) heads nothing: a plain cell, not a nameless header. */}
            {table.headers.map((h, i) =>
              h === '' ? (
                <td key={i} />
              ) : (
                <th key={i} scope="col">
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={i} className={table.numeric[i] ? 'num' : undefined}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
