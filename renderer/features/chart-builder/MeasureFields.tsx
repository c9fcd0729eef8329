import type { TableInfo } from '../../../shared/db-catalog';
import { columnLabel } from '../../../shared/charts/chart-data';
import { isTotalColumn } from '../../../shared/import/totals';
import { TRANSFORMS, type Measure } from '../../../shared/model/chart-spec';
import type { MessageKey } from '../../../shared/i18n';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { aggregationsFor, isNumericColumn } from './spec-edits';

interface Props {
  table: TableInfo | undefined;
  measure: Measure;
  second?: boolean;
  onChange(m: Measure): void;
}

/** Column, aggregation and calculation of one measure. */
export function MeasureFields({ table, measure, second, onChange }: Props) {
  const { t, lang } = useLang();
  const { catalog } = useWorkbench();
  const numeric = isNumericColumn(table, measure.column);
  const label = (k: MessageKey, k2: MessageKey) => t(second ? k2 : k);
  const id = second ? 'm2' : 'm1';
  return (
    <div className="builder-measure">
      <label htmlFor={`${id}-col`}>{label('builder.measure', 'builder.measure2')}</label>
      <select
        id={`${id}-col`}
        value={measure.column ?? ''}
        onChange={(e) => {
          const column = e.target.value || null;
          const num = isNumericColumn(table, column);
          const agg = column === null ? 'count' : num ? (measure.agg === 'count' ? 'sum' : measure.agg) : 'count_distinct';
          onChange({ ...measure, column, agg });
        }}
      >
        <option value="">{t('builder.rows')}</option>
        {table?.columns.map((c) => (
          <option key={c.name} value={c.name}>
            {columnLabel(catalog, table.name, c.name, lang)}
            {columnLabel(catalog, table.name, c.name, lang) !== c.name ? ` (${c.name})` : ''}
            {/* A total column sums the others: summing it with them counts everything twice. */}
            {isTotalColumn(null, c.name) ? ` · ${t('charts.totalColumn')}` : ''}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-agg`}>{label('builder.aggregation', 'builder.aggregation2')}</label>
      <select id={`${id}-agg`} value={measure.agg} onChange={(e) => onChange({ ...measure, agg: e.target.value as Measure['agg'] })}>
        {(measure.column === null ? (['count'] as const) : aggregationsFor(numeric)).map((a) => (
          <option key={a} value={a}>
            {t(`charts.agg.${a}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-tr`}>{label('builder.transform', 'builder.transform2')}</label>
      <select id={`${id}-tr`} value={measure.transform} onChange={(e) => onChange({ ...measure, transform: e.target.value as Measure['transform'] })}>
        {TRANSFORMS.map((tr) => (
          <option key={tr} value={tr}>
            {t(`charts.transform.${tr}`)}
          </option>
        ))}
      </select>
      {!second && (
        <>
          <label htmlFor="m1-unit">{t('builder.unit')}</label>
          <input id="m1-unit" value={measure.unit ?? ''} onChange={(e) => onChange({ ...measure, unit: e.target.value || undefined })} />
        </>
      )}
    </div>
  );
}
