import type { ColumnInfo } from '../../../shared/db-catalog';
import { PIVOT_AGGS, SHARE_AGGS, SHOW_AS, VALUE_FORMATS, type PivotSpec } from '../../../shared/model/pivot-spec';
import { valueLabel } from '../../../shared/pivot/labels';
import { isNumberColumn } from '../../../shared/sql/source';
import { useLang } from '../../i18n/LangContext';
import { editValue, removeFromZone } from './pivot-edits';

interface Props {
  spec: PivotSpec;
  index: number;
  columns: readonly ColumnInfo[];
  update(next: PivotSpec): void;
}

/** One value of the pivot: its aggregation, share and number format. */
export function ValueChip({ spec, index, columns, update }: Props) {
  const { t } = useLang();
  const v = spec.values[index];
  const name = valueLabel(v, t);
  const column = columns.find((c) => c.name === v.column);
  // Without a column (the row count) only count applies; text columns take counts, min and max only.
  const aggs = v.column === null ? (['count'] as const) : PIVOT_AGGS.filter((a) => (column && isNumberColumn(column)) || a === 'count' || a === 'count_distinct');
  const shows = SHARE_AGGS.includes(v.agg) ? SHOW_AS : (['value'] as const);
  const edit = (change: Parameters<typeof editValue>[2]) => update(editValue(spec, index, change));
  return (
    <div className="pivot-chip">
      <span>{name}</span>
      <select aria-label={t('pivot.value.agg', { name })} value={v.agg} onChange={(e) => edit({ agg: e.target.value as (typeof aggs)[number] })} disabled={aggs.length < 2}>
        {aggs.map((a) => (
          <option key={a} value={a}>
            {t(`pivot.aggName.${a}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('pivot.value.show', { name })} value={v.show} onChange={(e) => edit({ show: e.target.value as (typeof shows)[number] })} disabled={shows.length < 2}>
        {shows.map((s) => (
          <option key={s} value={s}>
            {t(`pivot.showAs.${s}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('pivot.value.format', { name })} value={v.format} onChange={(e) => edit({ format: e.target.value as (typeof VALUE_FORMATS)[number] })}>
        {VALUE_FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`pivot.format.${f}`)}
          </option>
        ))}
      </select>
      <button type="button" className="link" aria-label={t('pivot.remove', { name })} disabled={spec.values.length <= 1} onClick={() => update(removeFromZone(spec, 'values', index))}>
        ×
      </button>
    </div>
  );
}
