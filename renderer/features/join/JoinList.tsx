import { dropJoinView } from '../../../shared/join/commit';
import type { JoinDef } from '../../../shared/model/join';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { useDocument } from '../../workspace';

/** The combined tables of the project: each with where it comes from and its columns' units. */
export function JoinList({ onEdit }: { onEdit(def: JoinDef): void }) {
  const { t } = useLang();
  const { db, tables } = useWorkbench();
  const [file, setFile] = useDocument('joins');
  // A definition without its view: a table it reads was re-imported without a column it needs (the view was
  // dropped so the table list keeps working). Editing makes it again on today's columns.
  const broken = (name: string) => tables.length > 0 && !tables.some((x) => x.name.toLowerCase() === name.toLowerCase());
  const remove = async (name: string) => {
    if (!db) return;
    await dropJoinView(db, name);
    setFile((prev) => ({ ...prev, joins: prev.joins.filter((j) => j.name !== name) }));
  };
  return (
    <section className="join-list">
      <h3>{t('joinUi.existing')}</h3>
      {file.joins.length === 0 && <p className="muted">{t('joinUi.noneExisting')}</p>}
      <ul aria-label={t('joinUi.existing')}>
        {file.joins.map((j) => {
          const units = Object.entries(j.units).map(([column, unit]) => t('calc.unitOf', { column, unit }));
          return (
            <li key={j.name}>
              <strong>{j.name}</strong>
              <p className="small">{j.note}</p>
              {broken(j.name) && (
                <p role="alert" className="warning small">
                  {t('joinUi.broken', { left: j.left.table, right: j.right.table })}
                </p>
              )}
              <p className="muted small">{units.length ? t('joinUi.units', { units: units.join(t('calc.listSep')) }) : t('joinUi.noUnits')}</p>
              <button type="button" aria-label={t('joinUi.editJoin', { name: j.name })} onClick={() => onEdit(j)}>
                {t('calcUi.edit')}
              </button>
              <button type="button" aria-label={t('joinUi.removeJoin', { name: j.name })} onClick={() => void remove(j.name)}>
                {t('calcUi.remove')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
