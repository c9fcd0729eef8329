import { useEffect, useId, useRef, useState } from 'react';
import { describeDbError } from '../../../shared/db-errors';
import { dropTableWithViews } from '../../../shared/join/commit';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { workspace } from '../../workspace';
import { affectedTables, dependentsOf, withoutDependents } from './dependents';
import { DEPENDENT_DOCS as DOCS, DependentList, readDependentDocs as readDocs } from './DependentList';

/**
 * 删除表: says what depends on the table (「以下内容依赖此表：…」) and offers to remove it all, or to keep the rest
 * marked as broken. Combined tables over it always go with it (their views cannot outlive it). The engine's
 * part is one transaction; the documents change only after it succeeded.
 */
export function DeleteTableDialog({ table, onClose }: { table: string; onClose(deleted?: boolean): void }) {
  const { t } = useLang();
  const { db } = useWorkbench();
  const id = useId();
  const [docs] = useState(readDocs);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const cancel = useRef<HTMLButtonElement>(null);
  const deps = dependentsOf(table, docs);
  const others = deps.filter((d) => d.kind !== 'join');
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const run = async (keep: boolean) => {
    if (!db) return;
    setBusy(true);
    try {
      await dropTableWithViews(db, table, affectedTables(table, docs.joins).slice(1));
      const next = withoutDependents(table, readDocs(), keep);
      for (const n of DOCS) if (next[n] !== workspace.get(n)) workspace.set(n, next[n] as never);
      onClose(true);
    } catch (e) {
      const d = describeDbError(e, t);
      setProblem(d.detail ? `${d.title}: ${d.detail}` : d.title);
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" onClick={() => onClose(false)}>
      <div role="dialog" aria-modal="true" aria-labelledby={`${id}-h`} className="dialog delete-table" onClick={(e) => e.stopPropagation()}>
        <h2 id={`${id}-h`}>{t('deleteTable.title', { table })}</h2>
        <p>{t('deleteTable.confirm', { table })}</p>
        {deps.length > 0 && (
          <>
            <p>{t('deleteTable.dependents')}</p>
            <DependentList deps={deps} label={t('deleteTable.dependents')} />
            {deps.some((d) => d.kind === 'join') && <p className="muted small">{t('deleteTable.joinsGo')}</p>}
          </>
        )}
        {problem && <p role="alert" className="sql-error">{problem}</p>}
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={() => void run(false)}>
            {others.length ? t('deleteTable.removeAll') : t('deleteTable.delete')}
          </button>
          {others.length > 0 && (
            <button type="button" disabled={busy} onClick={() => void run(true)}>
              {t('deleteTable.keep')}
            </button>
          )}
          <button ref={cancel} type="button" onClick={() => onClose(false)}>
            {t('deleteTable.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
