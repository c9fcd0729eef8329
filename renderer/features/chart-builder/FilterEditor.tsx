import { useMemo, useState } from 'react';
import type { TableInfo } from '../../../shared/db-catalog';
import { columnLabel } from '../../../shared/charts/chart-data';
import type { Filter, FilterValue } from '../../../shared/model/chart-spec';
import { columnValuesSql } from '../../../shared/sql/browse-sql';
import { yearColumn } from '../../../shared/sql/chart-sql';
import { useFreshQuery } from '../../db/use-data';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';

interface Props {
  table: TableInfo | undefined;
  filters: Filter[];
  onChange(filters: Filter[]): void;
}

/** Include (包含) or exclude (排除/不等于) lists on any column (values from the data), and a year range when the table has years. */
export function FilterEditor({ table, filters, onChange }: Props) {
  const { t, lang } = useLang();
  const { db, catalog } = useWorkbench();
  const [column, setColumn] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [mode, setMode] = useState<'in' | 'not_in'>('in');
  const label = (c: string) => (table ? columnLabel(catalog, table.name, c, lang) : c);

  // Asked again after any data change (renderer/db), so the list never shows values that are gone.
  const values = useFreshQuery(db, table && column ? columnValuesSql(table, column) : null);
  const options = useMemo<FilterValue[]>(() => (values ? Array.from(values.getChild('v')! as Iterable<unknown>, (v) => (typeof v === 'number' ? v : String(v))) : []), [values]);

  const yearCol = table && yearColumn(table.columns.map((c) => c.name));
  const hasYear = yearCol !== undefined;
  const range = filters.find((f): f is Extract<Filter, { op: 'range' }> => f.op === 'range' && f.column === yearCol);
  const setRange = (part: 'min' | 'max', text: string) => {
    const n = text === '' ? undefined : Number(text);
    if (!yearCol) return;
    const next = { column: yearCol, op: 'range' as const, min: range?.min, max: range?.max, [part]: Number.isFinite(n) ? n : undefined };
    const rest = filters.filter((f) => f !== range);
    onChange(next.min === undefined && next.max === undefined ? rest : [...rest, next]);
  };
  const add = () => {
    if (!column || picked.length === 0) return;
    const values = picked.map((p) => options.find((o) => String(o) === p) ?? p);
    // One list per column: a new include or exclude list replaces the column's previous one.
    onChange([...filters.filter((f) => !((f.op === 'in' || f.op === 'not_in') && f.column === column)), { column, op: mode, values }]);
    setPicked([]);
  };

  return (
    <fieldset className="builder-filters">
      <legend>{t('builder.filters')}</legend>
      <ul className="filter-chips">
        {filters
          .filter((f) => f !== range)
          .map((f) => (
            <li key={f.column + f.op}>
              <span>
                {f.op === 'in' || f.op === 'not_in' ? t(`builder.filterChip.${f.op}`, { column: label(f.column), values: f.values.join('、') }) : `${label(f.column)}: ${f.op}`}
              </span>
              <button type="button" aria-label={t('builder.removeFilter', { column: label(f.column) })} onClick={() => onChange(filters.filter((x) => x !== f))}>
                ×
              </button>
            </li>
          ))}
      </ul>
      <label htmlFor="filter-col">{t('builder.filterColumn')}</label>
      <select
        id="filter-col"
        value={column}
        onChange={(e) => {
          setColumn(e.target.value);
          setPicked([]);
        }}
      >
        <option value="" />
        {table?.columns.map((c) => (
          <option key={c.name} value={c.name}>
            {label(c.name)}
          </option>
        ))}
      </select>
      {column && (
        <>
          <label htmlFor="filter-mode">{t('builder.filterMode')}</label>
          <select id="filter-mode" value={mode} onChange={(e) => setMode(e.target.value === 'not_in' ? 'not_in' : 'in')}>
            <option value="in">{t('builder.filterMode.in')}</option>
            <option value="not_in">{t('builder.filterMode.not_in')}</option>
          </select>
          <label htmlFor="filter-values">{t('builder.filterValues')}</label>
          <select id="filter-values" multiple size={6} value={picked} onChange={(e) => setPicked(Array.from(e.target.selectedOptions, (o) => o.value))}>
            {options.map((o) => (
              <option key={String(o)} value={String(o)}>
                {String(o)}
              </option>
            ))}
          </select>
          <button type="button" onClick={add} disabled={picked.length === 0}>
            {t('builder.addFilter')}
          </button>
        </>
      )}
      {hasYear && (
        <div className="year-range">
          <label>
            {t('builder.yearFrom')}
            <input type="number" value={range?.min ?? ''} onChange={(e) => setRange('min', e.target.value)} />
          </label>
          <label>
            {t('builder.yearTo')}
            <input type="number" value={range?.max ?? ''} onChange={(e) => setRange('max', e.target.value)} />
          </label>
        </div>
      )}
    </fieldset>
  );
}
