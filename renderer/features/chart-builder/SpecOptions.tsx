import { SORTS, STACK_MODES, type ChartSpec } from '../../../shared/model/chart-spec';
import { useLang } from '../../i18n/LangContext';

interface Props {
  spec: ChartSpec;
  update(next: ChartSpec): void;
}

/** Sort, 前N项, stacking and the index base year: how the chosen numbers are ordered, cut and shown. */
export function SpecOptions({ spec, update }: Props) {
  const { t } = useLang();
  return (
    <>
      <div className="builder-row">
        <label>
          {t('charts.sort')}
          <select value={spec.sort} onChange={(e) => update({ ...spec, sort: e.target.value as ChartSpec['sort'] })}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`charts.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('builder.topN')}
          <input
            type="number"
            min={1}
            max={1000}
            value={spec.topN ?? ''}
            onChange={(e) => {
              const n = Number(e.target.value);
              update({ ...spec, topN: e.target.value && Number.isInteger(n) && n >= 1 && n <= 1000 ? n : undefined });
            }}
          />
        </label>
      </div>
      <div className="builder-row">
        <label>
          {t('charts.stack')}
          <select value={spec.stack} onChange={(e) => update({ ...spec, stack: e.target.value as ChartSpec['stack'] })}>
            {STACK_MODES.map((s) => (
              <option key={s} value={s}>
                {t(`charts.stack.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('builder.indexBase')}
          <input
            value={spec.indexBase ?? ''}
            onChange={(e) => {
              const v = e.target.value.trim();
              const { indexBase: _, ...rest } = spec;
              update(v ? { ...rest, indexBase: /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v } : rest);
            }}
          />
        </label>
      </div>
    </>
  );
}
