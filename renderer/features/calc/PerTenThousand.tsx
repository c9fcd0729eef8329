import { useState } from 'react';
import type { ColumnInfo } from '../../../shared/db-catalog';
import { perTenThousandExpr } from '../../../shared/sql/calc-sql';
import { useLang } from '../../i18n/LangContext';

const POPULATION_UNITS = ['人', '万人', '亿人'] as const;

interface Props {
  numeric: ColumnInfo[];
  /** The population column's unit when known (import or catalog), to preselect the scale. */
  units: Readonly<Record<string, string>>;
  onFormula(expr: string, unit: string): void;
}

/** 每万人: the count over the population, scaled by the population's unit; writes the formula and suggests the unit. */
export function PerTenThousand({ numeric, units, onFormula }: Props) {
  const { t } = useLang();
  const [count, setCount] = useState('');
  const [population, setPopulation] = useState('');
  const [scale, setScale] = useState<(typeof POPULATION_UNITS)[number]>('人');
  const pickPopulation = (name: string) => {
    setPopulation(name);
    const known = POPULATION_UNITS.find((u) => u === units[name]);
    if (known) setScale(known);
  };
  const countUnit = units[count] ?? '';
  const columnSelect = (label: string, value: string, set: (v: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        <option value="" />
        {numeric.map((c) => (
          <option key={c.name}>{c.name}</option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="per-ten-k">
      <legend>{t('calcUi.perTenK')}</legend>
      {columnSelect(t('calcUi.perTenK.count'), count, setCount)}
      {columnSelect(t('calcUi.perTenK.population'), population, pickPopulation)}
      <label>
        {t('calcUi.perTenK.unit')}
        <select value={scale} onChange={(e) => setScale(e.target.value as typeof scale)}>
          {POPULATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`calcUi.pop.${u}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!count || !population} onClick={() => onFormula(perTenThousandExpr(count, population, scale), `${countUnit || '个'}/万人`)}>
        {t('calcUi.perTenK.apply')}
      </button>
    </fieldset>
  );
}
