import type { CalcProblem } from '../../../shared/calc/problems';
import { describeCalcProblem } from '../../../shared/calc/problems';
import type { CalcField } from '../../../shared/model/calc-field';
import { useLang } from '../../i18n/LangContext';

interface Props {
  fields: CalcField[];
  broken: ReadonlyMap<CalcField['name'], CalcProblem>;
  onEdit(field: CalcField): void;
  onRemove(field: CalcField): void;
}

const shown = (f: CalcField) => (f.def.kind === 'expr' ? f.def.expr : `yoy(${[f.def.value, f.def.year, ...f.def.keys].join(', ')})`);

/** The table's fields in order, each with its formula, unit and — when it no longer works — why. */
export function FieldList({ fields, broken, onEdit, onRemove }: Props) {
  const { t } = useLang();
  if (fields.length === 0) return <p className="muted">{t('calcUi.none')}</p>;
  return (
    <ul className="calc-fields" aria-label={t('calcUi.fields')}>
      {fields.map((f) => {
        const problem = broken.get(f.name);
        return (
          <li key={f.name}>
            <strong>{f.name}</strong> <code>{shown(f)}</code> {f.unit && <span className="muted">（{f.unit}）</span>}
            {problem && <p className="warning small">{t('calcUi.broken', { problem: describeCalcProblem(problem, t).message })}</p>}
            <button type="button" aria-label={t('calcUi.editField', { name: f.name })} onClick={() => onEdit(f)}>
              {t('calcUi.edit')}
            </button>
            <button type="button" aria-label={t('calcUi.removeField', { name: f.name })} onClick={() => onRemove(f)}>
              {t('calcUi.remove')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
