import { useId, useMemo, useState } from 'react';
import { baseTable, type TableInfo } from '../../../shared/db-catalog';
import type { CalcDefinition, CalcField } from '../../../shared/model/calc-field';
import { useLang } from '../../i18n/LangContext';
import { FormulaInput } from './FormulaInput';
import { PerTenThousand } from './PerTenThousand';
import { TrialResult } from './TrialResult';
import { useFieldTrial, useTableUnits } from './use-field-trial';
import { YoyInputs } from './YoyInputs';

interface Props {
  table: TableInfo;
  fields: readonly CalcField[];
  /** The field being edited (absent: a new one). */
  editing?: CalcField;
  onSave(field: CalcField): void;
  onCancel(): void;
}

const NUMERIC = /INT|DECIMAL|DOUBLE|FLOAT|REAL|NUMERIC/i;

/** Name, formula (or year-over-year), unit; checked by the engine with a preview before it can be saved. */
export function CalcFieldEditor({ table, fields, editing, onSave, onCancel }: Props) {
  const { t } = useLang();
  const id = useId();
  const [name, setName] = useState(editing?.name ?? '');
  const [def, setDef] = useState<CalcDefinition>(editing?.def ?? { kind: 'expr', expr: '' });
  const [unit, setUnit] = useState(editing?.unit ?? '');
  const candidate: CalcField = { name: name.trim(), table: table.name, def, ...(unit.trim() ? { unit: unit.trim() } : {}) };
  // Columns a formula may use: the table's own and the fields before this one.
  const mine = fields.filter((f) => f.table === table.name);
  const at = editing ? mine.findIndex((f) => f.name === editing.name) : mine.length;
  const prior = new Set(mine.slice(0, at).map((f) => f.name));
  const columns = table.columns.filter((c) => !c.calculated || prior.has(c.name));
  // One object per table: a fresh baseTable() each render would re-run the units effect forever (React #185)
  // as soon as the table has a calculated field.
  const base = useMemo(() => baseTable(table), [table]);
  const units = useTableUnits(base);
  const { trial, stale, busy, check } = useFieldTrial(table, fields, candidate, units, editing?.name);
  const canSave = trial?.ok === true && !stale && !busy;

  return (
    <section className="calc-editor" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{editing ? t('calcUi.editing', { name: editing.name }) : t('calcUi.new')}</h3>
      <div className="row">
      <label>
        {t('calcUi.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('calcUi.kind')}
        <select value={def.kind} onChange={(e) => setDef(e.target.value === 'yoy' ? { kind: 'yoy', value: '', year: '', keys: [] } : { kind: 'expr', expr: '' })}>
          <option value="expr">{t('calcUi.kind.expr')}</option>
          <option value="yoy">{t('calcUi.kind.yoy')}</option>
        </select>
      </label>
      </div>
      {def.kind === 'expr' ? (
        <>
          <FormulaInput value={def.expr} columns={columns.map((c) => c.name)} onChange={(expr) => setDef({ kind: 'expr', expr })} onYoy={() => setDef({ kind: 'yoy', value: '', year: '', keys: [] })} />
          <PerTenThousand
            numeric={columns.filter((c) => NUMERIC.test(c.type))}
            units={units}
            onFormula={(expr, suggested) => {
              setDef({ kind: 'expr', expr });
              if (!unit) setUnit(suggested);
            }}
          />
        </>
      ) : (
        <YoyInputs def={def} columns={columns} onChange={setDef} />
      )}
      <label>
        {t('calcUi.unit')}
        <input value={unit} onChange={(e) => setUnit(e.target.value)} aria-describedby={`${id}-unit`} />
      </label>
      <p id={`${id}-unit`} className="muted small">
        {t('calcUi.unitHint')}
      </p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void check()}>
          {busy ? t('calcUi.checking') : t('calcUi.check')}
        </button>
        <button type="button" disabled={!canSave} onClick={() => onSave(candidate)}>
          {t('calcUi.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('calcUi.cancel')}
        </button>
      </div>
      {stale && <p className="muted small">{t('calcUi.checkFirst')}</p>}
      {trial && <TrialResult trial={trial} />}
    </section>
  );
}
