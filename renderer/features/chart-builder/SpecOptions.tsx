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
        <Choice label={t('charts.sort')} value={spec.sort} options={SORTS} text={(s) => t(`charts.sort.${s}`)} onChange={(sort) => update({ ...spec, sort })} />
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
        <Choice label={t('charts.stack')} value={spec.stack} options={STACK_MODES} text={(s) => t(`charts.stack.${s}`)} onChange={(stack) => update({ ...spec, stack })} />
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

interface ChoiceProps<T extends string> {
  label: string;
  value: T;
  options: readonly T[];
  text(option: T): string;
  onChange(value: T): void;
}

/** A labelled select over a fixed list of values. */
function Choice<T extends string>({ label, value, options, text, onChange }: ChoiceProps<T>) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
