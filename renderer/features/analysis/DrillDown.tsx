import type { PivotSpec } from '../../../shared/model/pivot-spec';
import { DRILL_LIMIT, pivotDrillSql } from '../../../shared/sql/pivot-sql';
import type { AnalysisSource } from '../../../shared/sql/source';
import { useFreshQuery } from '../../db/use-data';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { ResultGrid } from '../sql-console';

export interface DrillTarget {
  row: (string | null | undefined)[];
  col: (string | null | undefined)[];
  /** The cell's row and column as text ('上海市 / 合计'). */
  rowText: string;
  colText: string;
}

/** The rows a clicked cell aggregates, and the SQL that selects them. */
export function DrillDown({ spec, source, target, onClose }: { spec: PivotSpec; source: AnalysisSource; target: DrillTarget; onClose(): void }) {
  const { t } = useLang();
  const wb = useWorkbench();
  const sql = pivotDrillSql(spec, source, target.row, target.col);
  const rows = useFreshQuery(wb.db, sql);
  const title = t('pivot.drill', { row: target.rowText, col: target.colText });
  return (
    <section className="pivot-drill" aria-label={title}>
      <h3>{title}</h3>
      <p className="muted small">{t('pivot.drillNote', { max: DRILL_LIMIT })}</p>
      {rows ? <ResultGrid table={rows} label={title} /> : <p className="muted">{t('analysis.running')}</p>}
      <details>
        <summary>{t('pivot.drillSql')}</summary>
        <pre data-testid="pivot-drill-sql">{sql}</pre>
        <button type="button" onClick={() => wb.openSql(sql)}>
          {t('builder.openSql')}
        </button>
      </details>
      <button type="button" onClick={onClose}>
        {t('pivot.drillClose')}
      </button>
    </section>
  );
}
