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

  /** `editing`: the saved join being changed (its own name is not taken). */
  const run = async (req: JoinRequest, editing: string | null = null) => {
    if (!db) return;
    setBusy(true);
    setProblem('');
    setCreated('');
    try {
      setPreview(await previewJoin(db, req, { catalog, lang, t, taken: tables.map((x) => x.name).filter((n) => n !== editing) }));
    } catch (e) {
      setPreview(null);
      setProblem(e instanceof JoinPreviewError ? describeJoinProblem(e.problem, t) : describeJoinProblem({ code: 'engine', error: e }, t));
    } finally {
      setBusy(false);
    }
  };
  /** Makes the view; when editing, the old view is replaced in the same transaction and its definition in place. */
  const create = async (editing: string | null = null): Promise<boolean> => {
    if (!db || !preview) return false;
    setBusy(true);
    try {
      const def = preview.def;
      await makeJoinView(db, def, editing !== null);
      setJoins((prev) => ({ ...prev, joins: editing !== null ? prev.joins.map((j) => (j.name === editing ? def : j)) : [...prev.joins, def] }));
      setCreated(t(editing !== null ? 'joinUi.updated' : 'joinUi.created', { name: def.name, rows: preview.resultRows }));
      setPreview(null);
      return true;
    } catch (e) {
      setProblem(describeJoinProblem({ code: 'engine', error: e }, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { preview, problem, busy, created, run, create, clear: () => setPreview(null) };
}

/** The corrections with `c` in place of any earlier one for the same left name. */
export const withCorrection = (list: readonly Correction[], c: Correction): Correction[] => [...list.filter((x) => x.left !== c.left), c];
