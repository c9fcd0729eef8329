import { useEffect, useState } from 'react';
import type { Table } from 'apache-arrow';
import type { Db } from '../../../shared/db';
import { describeDbError } from '../../../shared/db-errors';
import type { SavedCategoryChart } from '../../../shared/charts/starter-chart';
import { useLang } from '../../i18n/LangContext';

/** Runs a saved chart's aggregate query; re-runs when the chart or engine changes, cancels when left. */
export function useChartTable(db: Db | null, chart: SavedCategoryChart): { table: Table } | { error: string } | null {
  const { t } = useLang();
  const [result, setResult] = useState<{ table: Table } | { error: string } | null>(null);
  useEffect(() => {
    if (!db) return;
    const ac = new AbortController();
    db.query(chart.sql, { signal: ac.signal }).then(
      (table) => setResult({ table }),
      (e) => {
        if (ac.signal.aborted) return;
        const d = describeDbError(e, t);
        setResult({ error: `${d.title}: ${d.detail}` });
      },
    );
    return () => ac.abort();
  }, [db, chart, t]);
  return result;
}
