import { useState } from 'react';
import { toDbError } from '../../../shared/db';
import { makeJoinView } from '../../../shared/join/commit';
import type { Correction } from '../../../shared/join/match';
import { JoinPreviewError, previewJoin, type JoinPreview, type JoinProblem, type JoinRequest } from '../../../shared/join/preview';
import type { MessageKey, Translate } from '../../../shared/i18n';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { useDocument } from '../../workspace';

/** A join problem in words, in the UI language. */
export function describeJoinProblem(p: JoinProblem, t: Translate): string {
  const params: Record<string, string | number> = p.code === 'engine' ? { detail: toDbError(p.error).message.split('\n')[0] } : { ...p };
  return t(`joinUi.problem.${p.code}` as MessageKey, params);
}

/** The combined-table screen's work: preview with the corrections so far, then make the view and keep its definition. */
export function useJoin() {
  const { t, lang } = useLang();
  const { db, catalog, tables } = useWorkbench();
  const [, setJoins] = useDocument('joins');
  const [preview, setPreview] = useState<JoinPreview | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState('');

  const run = async (req: JoinRequest) => {
    if (!db) return;
    setBusy(true);
    setProblem('');
    setCreated('');
    try {
      setPreview(await previewJoin(db, req, { catalog, lang, t, taken: tables.map((x) => x.name) }));
    } catch (e) {
      setPreview(null);
      setProblem(e instanceof JoinPreviewError ? describeJoinProblem(e.problem, t) : describeJoinProblem({ code: 'engine', error: e }, t));
    } finally {
      setBusy(false);
    }
  };
  const create = async () => {
    if (!db || !preview) return;
    setBusy(true);
    try {
      await makeJoinView(db, preview.def);
      setJoins((prev) => ({ ...prev, joins: [...prev.joins, preview.def] }));
      setCreated(t('joinUi.created', { name: preview.def.name, rows: preview.resultRows }));
      setPreview(null);
    } catch (e) {
      setProblem(describeJoinProblem({ code: 'engine', error: e }, t));
    } finally {
      setBusy(false);
    }
  };
  return { preview, problem, busy, created, run, create, clear: () => setPreview(null) };
}

/** The corrections with `c` in place of any earlier one for the same left name. */
export const withCorrection = (list: readonly Correction[], c: Correction): Correction[] => [...list.filter((x) => x.left !== c.left), c];
