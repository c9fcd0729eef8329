import type { ColumnInfo } from '../../../shared/db-catalog';
import type { CalcDefinition } from '../../../shared/model/calc-field';
import { useLang } from '../../i18n/LangContext';

type Yoy = Extract<CalcDefinition, { kind: 'yoy' }>;

interface Props {
  def: Yoy;
  columns: ColumnInfo[];
  onChange(def: Yoy): void;
}

/** A year-over-year field: the value, the year, and the one key column it runs along (e.g. the region). */
export function YoyInputs({ def, columns, onChange }: Props) {
  const { t } = useLang();
  const pick = (label: string, value: string, set: (v: string) => void, empty?: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{empty ?? ''}</option>
        {columns.map((c) => (
          <option key={c.name}>{c.name}</option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="yoy-inputs">
      {pick(t('calcUi.yoy.value'), def.value, (value) => onChange({ ...def, value }))}
      {pick(t('calcUi.yoy.year'), def.year, (year) => onChange({ ...def, year }))}
      {pick(t('calcUi.yoy.keys'), def.keys[0] ?? '', (k) => onChange({ ...def, keys: k ? [k] : [] }), t('calcUi.yoy.noKey'))}
      <p className="muted small">{t('calcUi.yoy.explain', { keys: def.keys[0] ?? '—' })}</p>
    </fieldset>
  );
}
