import type { MessageKey } from '../../../shared/i18n';
import { useLang } from '../../i18n/LangContext';
import { workspace } from '../../workspace';
import { dependentsOf, type Dependent, type DependentDocs } from './dependents';

/** The workspace documents that may depend on a table (what 删除此表 removes or marks, what 替换 affects). */
export const DEPENDENT_DOCS = ['calcFields', 'joins', 'savedCharts', 'savedPivots', 'dashboards', 'deck', 'pivotDraft', 'chartDraft'] as const;
export const readDependentDocs = (): DependentDocs => Object.fromEntries(DEPENDENT_DOCS.map((n) => [n, workspace.get(n)])) as unknown as DependentDocs;

/** One dependent in words: 计算字段“每万人案件”, 仪表板“概览”中的图表“…” … */
function DependentItem({ d }: { d: Dependent }) {
  const { t } = useLang();
  const name = d.name || t('deleteTable.untitled');
  return <li>{t(`deleteTable.dep.${d.kind}` as MessageKey, { name, table: d.table, where: d.where ?? '' })}</li>;
}

/** The dependents as a list named `label`. */
export function DependentList({ deps, label }: { deps: Dependent[]; label: string }) {
  return (
    <ul aria-label={label}>
      {deps.map((d, i) => (
        <DependentItem key={i} d={d} />
      ))}
    </ul>
  );
}

/**
 * Under 覆盖同名表 (ticked): what reads each table the import would replace, as the delete dialog lists it —
 * they stay and read the new table, so a column they need may be gone.
 */
export function ReplaceDependents({ tables }: { tables: string[] }) {
  const { t } = useLang();
  const docs = readDependentDocs();
  return tables.map((table) => {
    const deps = dependentsOf(table, docs);
    if (!deps.length) return null;
    const label = t('import.replaceDependents', { table });
    return (
      <div key={table} className="replace-dependents small" data-testid="replace-dependents">
        <p>{label}</p>
        <DependentList deps={deps} label={label} />
      </div>
    );
  });
}
