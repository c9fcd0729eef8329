import { useEffect, useMemo, useState } from 'react';
import type { Db } from '../../../shared/db';
import { describeDbError } from '../../../shared/db-errors';
import type { Translate } from '../../../shared/i18n';
import { comparisonsFromTable, type Comparison } from '../../../shared/cases/comparison';
import { CASES_SQL, caseIndicatorsSql, comparisonSql } from '../../../shared/sql/cases-sql';
import { casesFromTable, indicatorsFromTable, type CaseIndicator, type CaseRecord } from '../../../shared/cases/model';
import type { Lang } from '../../../shared/model/catalog';
import { useLang } from '../../i18n/LangContext';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

function failure(e: unknown, t: Translate): string {
  const d = describeDbError(e, t);
  return t('cases.loadFailed', { detail: d.detail ? `${d.title}: ${d.detail}` : d.title });
}

/** Runs `load` whenever it or the database changes; a stale request is aborted and its answer dropped. */
function useLoaded<T>(db: Db | null, load: ((db: Db, signal: AbortSignal) => Promise<T>) | null): Loaded<T> {
  const { t } = useLang();
  const [state, setState] = useState<{ from: unknown; value: Loaded<T> } | null>(null);
  useEffect(() => {
    if (!db || !load) return;
    const ac = new AbortController();
    load(db, ac.signal).then(
      (value) => !ac.signal.aborted && setState({ from: load, value: { status: 'ready', value } }),
      (e) => !ac.signal.aborted && setState({ from: load, value: { status: 'failed', message: failure(e, t) } }),
    );
    return () => ac.abort();
  }, [db, load, t]);
  return state && state.from === load ? state.value : { status: 'loading' };
}

const loadCases = async (db: Db, signal: AbortSignal) => casesFromTable(await db.query(CASES_SQL, { signal }));

export function useCases(db: Db | null): Loaded<CaseRecord[]> {
  return useLoaded(db, loadCases);
}

export interface CaseDetail {
  indicators: CaseIndicator[];
  comparisons: Comparison[];
}

export async function loadCaseDetail(db: Db, c: CaseRecord, lang: Lang, signal?: AbortSignal): Promise<CaseDetail> {
  const indicators = indicatorsFromTable(await db.query(caseIndicatorsSql(c.id), { signal }));
  const comparisons = c.adcode ? comparisonsFromTable(await db.query(comparisonSql(c.adcode), { signal }), lang) : [];
  return { indicators, comparisons };
}

export function useCaseDetail(db: Db | null, c: CaseRecord | undefined): Loaded<CaseDetail> {
  const { lang } = useLang();
  const load = useMemo(() => (c ? (d: Db, signal: AbortSignal) => loadCaseDetail(d, c, lang, signal) : null), [c, lang]);
  return useLoaded(db, load);
}
