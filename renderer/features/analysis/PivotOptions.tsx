import { useMemo } from 'react';
import type { TableInfo } from '../../../shared/db-catalog';
import type { Filter, FilterValue } from '../../../shared/model/chart-spec';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import { columnValuesSql } from '../../../shared/sql/browse-sql';
import { useFreshQuery } from '../../db/use-data';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { ROW_ORDERS, rowOrder, withRowOrder } from './pivot-edits';

interface Props {
  spec: PivotSpec;
  table: TableInfo;
  update(next: PivotSpec): void;
}

type ListFilter = Extract<Filter, { op: 'in' | 'not_in' }>;

/** Totals, heat, row order, 前N项, and one include/exclude filter. */
export function PivotOptions({ spec, table, update }: Props) {
  const { t } = useLang();
  const order = rowOrder(spec);
  return (
    <div className="pivot-options">
      <label className="check">
        <input type="checkbox" checked={spec.totals} onChange={(e) => update({ ...spec, totals: e.target.checked })} />
        {t('pivot.opt.totals')}
      </label>
      <label className="check">
        <input type="checkbox" checked={spec.heat} onChange={(e) => update({ ...spec, heat: e.target.checked })} />
        {t('pivot.opt.heat')}
      </label>
      <label>
        {t('pivot.opt.sort')}
        <select value={order ?? ''} onChange={(e) => update(withRowOrder(spec, e.target.value as (typeof ROW_ORDERS)[number]))}>
          {order === null && <option value="">{t('pivot.sortBy', { name: '…' })}</option>}
          {ROW_ORDERS.map((o) => (
            <option key={o} value={o}>
              {t(`pivot.sort.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('pivot.opt.topN')}
        <input
          type="number"
          min={1}
          max={100000}
          disabled={spec.rows.length === 0}
          value={spec.topN ?? ''}
          onChange={(e) => {
            const n = Number(e.target.value);
            const { topN: _, ...rest } = spec;
            update(e.target.value && Number.isInteger(n) && n >= 1 && n <= 100000 ? { ...rest, topN: n } : rest);
          }}
        />
      </label>
      <PivotFilter spec={spec} table={table} update={update} />
    </div>
  );
}

function PivotFilter({ spec, table, update }: Props) {
  const { t } = useLang();
  const { db } = useWorkbench();
  const filter = spec.filters.find((f): f is ListFilter => f.op === 'in' || f.op === 'not_in');
  const column = filter?.column ?? '';
  const values = useFreshQuery(db, column ? columnValuesSql(table.name, column) : null);
  const options = useMemo<FilterValue[]>(() => (values ? Array.from(values.getChild('v')! as Iterable<unknown>, (v) => (typeof v === 'number' ? v : String(v))).filter((v) => v !== 'null') : []), [values]);
  const set = (next: ListFilter | null) => update({ ...spec, filters: [...spec.filters.filter((f) => f !== filter), ...(next ? [next] : [])] });
  return (
    <>
      <label>
        {t('pivot.filter.column')}
        <select value={column} onChange={(e) => set(e.target.value ? { column: e.target.value, op: filter?.op ?? 'in', values: [] } : null)}>
          <option value="">{t('pivot.filter.none')}</option>
          {table.columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {filter && (
        <>
          <label>
            {t('pivot.filter.mode')}
            <select value={filter.op} onChange={(e) => set({ ...filter, op: e.target.value as ListFilter['op'] })}>
              <option value="in">{t('pivot.filter.in')}</option>
              <option value="not_in">{t('pivot.filter.not_in')}</option>
            </select>
          </label>
          <label>
            {t('pivot.filter.values')}
            <select multiple size={Math.min(6, Math.max(2, options.length))} value={filter.values.map(String)} onChange={(e) => set({ ...filter, values: Array.from(e.target.selectedOptions, (o) => options[Number(o.dataset.i)]) })}>
              {options.map((v, i) => (
                <option key={String(v)} value={String(v)} data-i={i}>
                  {String(v)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </>
  );
}
