import { defaultSourceText } from '../../../shared/charts/chart-data';
import type { ChartSpec } from '../../../shared/model/chart-spec';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';

/**
 * 来源: the chart's source line as the user writes it (ChartSpec.source). Left empty, the chart cites its
 * data's provenance — the catalog's document titles for bundled data, an import's 资料来源 line or its file
 * and sheet — which the field shows as its placeholder; 恢复默认 clears what the user wrote.
 */
export function SourceField({ spec, update }: { spec: ChartSpec; update(next: ChartSpec): void }) {
  const { t, lang } = useLang();
  const { tables, catalog } = useWorkbench();
  const fallback = defaultSourceText(spec, catalog, lang, tables.find((x) => x.name === spec.table)?.origin);
  const { source: _, ...rest } = spec;
  return (
    <>
      <label className="builder-source">
        {t('builder.source')}
        <input value={spec.source ?? ''} placeholder={fallback} onChange={(e) => update(e.target.value.trim() ? { ...spec, source: e.target.value } : rest)} />
      </label>
      <button type="button" disabled={spec.source === undefined} onClick={() => update(rest)}>
        {t('builder.sourceDefault')}
      </button>
    </>
  );
}
