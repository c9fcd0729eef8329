import { useEffect, useState } from 'react';
import { withCalcFields } from '../../../shared/calc/check';
import type { CalcProblem } from '../../../shared/calc/problems';
import { baseTable } from '../../../shared/db-catalog';
import type { CalcField } from '../../../shared/model/calc-field';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { useDocument } from '../../workspace';
import { CalcFieldEditor } from './CalcFieldEditor';
import { FieldList } from './FieldList';

/** 计算字段: pick a table, see its fields (and which no longer work), add or edit one. */
export function CalcFieldsView() {
  const { t } = useLang();
  const { db, tables } = useWorkbench();
  const [file, setFile] = useDocument('calcFields');
  const [picked, setPicked] = useState('');
  const [editing, setEditing] = useState<CalcField | 'new' | null>(null);
  const [saved, setSaved] = useState('');
  const table = tables.find((x) => x.name === picked) ?? tables[0];
  const mine = file.fields.filter((f) => f.table === table?.name);
  const [broken, setBroken] = useState<ReadonlyMap<string, CalcProblem>>(new Map());
  useEffect(() => {
    if (!db || !table) return;
    let live = true;
    void withCalcFields(db, baseTable(table), file.fields).then(
      (c) => live && setBroken(new Map(c.broken.map((b) => [b.field.name, b.problem]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [db, table, file]);

  const save = (field: CalcField) => {
    const old = editing === 'new' ? undefined : editing?.name;
    setFile((prev) => {
      const i = prev.fields.findIndex((f) => f.table === field.table && f.name === old);
      const fields = i < 0 ? [...prev.fields, field] : prev.fields.map((f, j) => (j === i ? field : f));
      return { ...prev, fields };
    });
    setEditing(null);
    setSaved(t('calcUi.saved', { name: field.name }));
  };
  const remove = (field: CalcField) => setFile((prev) => ({ ...prev, fields: prev.fields.filter((f) => f !== field) }));

  // Fields kept when their table was deleted: listed (and removable) rather than silently invisible.
  const orphans = file.fields.filter((f) => !tables.some((x) => x.name.toLowerCase() === f.table.toLowerCase()));

  if (!table) return <p className="muted">{t('calcUi.noTables')}</p>;
  return (
    <div className="calc-view">
      <h2>{t('calcUi.heading')}</h2>
      <p className="muted">{t('calcUi.intro')}</p>
      <label>
        {t('calcUi.table')}
        <select
          value={table.name}
          onChange={(e) => {
            setPicked(e.target.value);
            setEditing(null);
          }}
        >
          {tables.map((x) => (
            <option key={x.name}>{x.name}</option>
          ))}
        </select>
      </label>
      {orphans.length > 0 && (
        <ul aria-label={t('calcUi.orphans')} className="calc-fields warning small">
          {orphans.map((f) => (
            <li key={`${f.table}\u0000${f.name}`}>
              {t('calcUi.orphan', { name: f.name, table: f.table })}{' '}
              <button type="button" aria-label={t('calcUi.removeField', { name: f.name })} onClick={() => remove(f)}>
                {t('calcUi.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('calcUi.fields')}</h3>
      <FieldList fields={mine} broken={broken} onEdit={setEditing} onRemove={remove} />
      {saved && <p role="status">{saved}</p>}
      {editing === null ? (
        <button type="button" onClick={() => setEditing('new')}>
          {t('calcUi.new')}
        </button>
      ) : (
        <CalcFieldEditor key={editing === 'new' ? 'new' : editing.name} table={table} fields={file.fields} editing={editing === 'new' ? undefined : editing} onSave={save} onCancel={() => setEditing(null)} />
      )}
    </div>
  );
}
