import type { TableInfo } from '../../../shared/db-catalog';
import type { JoinSide } from '../../../shared/model/join';
import { regionColumn, yearColumn } from '../../../shared/sql/chart-sql';
import { useLang } from '../../i18n/LangContext';

interface Props {
  legend: string;
  tables: TableInfo[];
  side: JoinSide | null;
  onChange(side: JoinSide): void;
}

/** The side's first guess: the table's region and year columns by their usual names. */
export function sideFor(table: TableInfo): JoinSide {
  const names = table.columns.filter((c) => !c.calculated).map((c) => c.name);
  const year = yearColumn(names);
  return { table: table.name, region: regionColumn(names) ?? names[0] ?? '', ...(year ? { year } : {}) };
}

/** One side of a combined table: which table, which column holds places, which (optional) years. */
export function SidePicker({ legend, tables, side, onChange }: Props) {
  const { t } = useLang();
  const table = tables.find((x) => x.name === side?.table);
  const columns = table?.columns.filter((c) => !c.calculated) ?? [];
  return (
    <fieldset className="join-side">
      <legend>{legend}</legend>
      <label>
        {t('joinUi.table')}
        <select
          value={side?.table ?? ''}
          onChange={(e) => {
            const next = tables.find((x) => x.name === e.target.value);
            if (next) onChange(sideFor(next));
          }}
        >
          <option value="" />
          {tables.map((x) => (
            <option key={x.name}>{x.name}</option>
          ))}
        </select>
      </label>
      {side && (
        <>
          <label>
            {t('joinUi.region')}
            <select value={side.region} onChange={(e) => onChange({ ...side, region: e.target.value })}>
              {columns.map((c) => (
                <option key={c.name}>{c.name}</option>
              ))}
            </select>
          </label>
          <label>
            {t('joinUi.year')}
            <select
              value={side.year ?? ''}
              onChange={(e) => {
                const { year: _year, ...rest } = side;
                onChange(e.target.value ? { ...rest, year: e.target.value } : rest);
              }}
            >
              <option value="">{t('joinUi.noYear')}</option>
              {columns.map((c) => (
                <option key={c.name}>{c.name}</option>
              ))}
            </select>
          </label>
        </>
      )}
    </fieldset>
  );
}
