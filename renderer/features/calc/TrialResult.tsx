import type { FieldTrial } from '../../../shared/calc/trial';
import { describeCalcProblem, typeKind } from '../../../shared/calc/problems';
import { formatNumber } from '../../../shared/format/number';
import type { MessageKey } from '../../../shared/i18n';
import type { Lang } from '../../../shared/model/catalog';
import { useLang } from '../../i18n/LangContext';

// Numbers as everywhere in the app (grouped, up to 6 decimals): 30 / 200000 × 10000 shows 1.5, not 1.4999999999999998.
function cell(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return formatNumber(v, lang, 6);
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? formatNumber(Number(v), lang) : v.toString();
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}
/** The engine's min/max text of a number field, formatted like the cells. */
const extreme = (text: string, numeric: boolean, lang: Lang) => (numeric && Number.isFinite(Number(text)) ? formatNumber(Number(text), lang, 6) : text);

/** What the engine said about the field: its type and first values, or the problem in words (with the engine's detail apart). */
export function TrialResult({ trial }: { trial: FieldTrial }) {
  const { t, lang } = useLang();
  if (!trial.ok) {
    const { message, detail } = describeCalcProblem(trial.problem, t);
    return (
      <div role="alert" className="calc-problem">
        <p>{message}</p>
        {detail && <p className="muted small">{t('calcUi.detail', { detail })}</p>}
      </div>
    );
  }
  const numeric = typeKind(trial.type) === 'number';
  const range = trial.min !== null && trial.max !== null ? t('calcUi.range', { min: extreme(trial.min, numeric, lang), max: extreme(trial.max, numeric, lang) }) : '';
  const units = trial.mixedUnits?.map((u) => t('calc.unitOf', { column: u.column, unit: u.unit })).join(t('calc.listSep'));
  return (
    <div className="calc-trial">
      <p role="status">{t('calcUi.ok', { type: t(`calc.type.${typeKind(trial.type)}` as MessageKey), filled: trial.filled, rows: trial.rows, range })}</p>
      {units && (
        <p role="alert" className="warning">
          {t('calc.mixedUnits', { columns: units })}
        </p>
      )}
      <table aria-label={t('calcUi.preview')} className="data-table small">
        <thead>
          <tr>
            {trial.preview.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trial.preview.rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j}>{cell(v, lang)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
