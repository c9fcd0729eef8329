import type { FieldTrial } from '../../../shared/calc/trial';
import { describeCalcProblem, typeKind } from '../../../shared/calc/problems';
import type { MessageKey } from '../../../shared/i18n';
import { useLang } from '../../i18n/LangContext';

const cell = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** What the engine said about the field: its type and first values, or the problem in words (with the engine's detail apart). */
export function TrialResult({ trial }: { trial: FieldTrial }) {
  const { t } = useLang();
  if (!trial.ok) {
    const { message, detail } = describeCalcProblem(trial.problem, t);
    return (
      <div role="alert" className="calc-problem">
        <p>{message}</p>
        {detail && <p className="muted small">{t('calcUi.detail', { detail })}</p>}
      </div>
    );
  }
  const range = trial.min !== null && trial.max !== null ? t('calcUi.range', { min: trial.min, max: trial.max }) : '';
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
                <td key={j}>{cell(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
