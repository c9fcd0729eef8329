import type { TableInfo } from '../../../shared/db-catalog';
import { columnLabel } from '../../../shared/charts/chart-data';
import type { ChartSpec } from '../../../shared/model/chart-spec';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { FilterEditor } from './FilterEditor';
import { MeasureFields } from './MeasureFields';
import { SpecOptions } from './SpecOptions';

interface Props {
  spec: ChartSpec;
  update(next: ChartSpec): void;
  pickTable(table: TableInfo): void;
}

/** The builder's fields: table, 维度, 系列, one or two measures, filters and the display options. */
export function BuilderForm({ spec, update, pickTable }: Props) {
  const { t, lang } = useLang();
  const { tables, catalog } = useWorkbench();
  const table = tables.find((x) => x.name === spec.table);
  const label = (c: string) => columnLabel(catalog, spec.table, c, lang);
  const columnOptions = table?.columns.map((c) => (
    <option key={c.name} value={c.name}>
      {label(c.name)}
      {label(c.name) !== c.name ? ` (${c.name})` : ''}
    </option>
  ));
  return (
    <form className="panel builder-controls" aria-label={t('builder.title')} onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="b-table">{t('builder.table')}</label>
      <select
        id="b-table"
        value={spec.table}
        onChange={(e) => {
          const next = tables.find((x) => x.name === e.target.value);
          if (next) pickTable(next);
        }}
      >
        {tables.map((x) => (
          <option key={x.name} value={x.name}>
            {x.name}
          </option>
        ))}
      </select>
      <label htmlFor="b-x">{t('builder.dimension')}</label>
      <select id="b-x" value={spec.x} onChange={(e) => update({ ...spec, x: e.target.value, series: spec.series === e.target.value ? undefined : spec.series, annotations: [] })}>
        {columnOptions}
      </select>
      <label htmlFor="b-series">{t('builder.series')}</label>
      <select id="b-series" value={spec.series ?? ''} onChange={(e) => update({ ...spec, series: e.target.value && e.target.value !== spec.x ? e.target.value : undefined })}>
        <option value="">{t('builder.noSeries')}</option>
        {columnOptions}
      </select>
      <MeasureFields table={table} measure={spec.measures[0]} onChange={(m) => update({ ...spec, measures: [m, ...spec.measures.slice(1)] })} />
      {spec.measures[1] && <MeasureFields second table={table} measure={spec.measures[1]} onChange={(m) => update({ ...spec, measures: [spec.measures[0], m] })} />}
      <FilterEditor table={table} filters={spec.filters} onChange={(filters) => update({ ...spec, filters })} />
      <SpecOptions spec={spec} update={update} />
    </form>
  );
}
