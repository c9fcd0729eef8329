import type { JoinPreview, KeyRow, SideCounts } from '../../../shared/join/preview';
import { MAX_LISTED } from '../../../shared/join/preview';
import type { Correction } from '../../../shared/join/match';
import { useLang } from '../../i18n/LangContext';
import { MappingTable } from './MappingTable';

interface Props {
  preview: JoinPreview;
  busy: boolean;
  onCorrect(c: Correction): void;
  onCreate(): void;
  /** Editing a saved join: the button saves it (replacing its view) rather than creating one. */
  editing?: boolean;
}

const keyText = (k: KeyRow) => [k.region ?? '—', k.year ?? ''].filter((x) => x !== '').join(' · ');

function Unmatched({ label, side }: { label: string; side: SideCounts }) {
  const { t } = useLang();
  return (
    <section>
      <h4>{label}</h4>
      {side.unmatchedKeys === 0 ? (
        <p className="muted">{t('joinUi.noneUnmatched')}</p>
      ) : (
        <ul aria-label={label} className="key-list">
          {side.unmatched.map((k) => (
            <li key={keyText(k)}>{t('joinUi.keyRows', { key: keyText(k), rows: k.rows })}</li>
          ))}
        </ul>
      )}
      {side.unmatchedKeys > MAX_LISTED && <p className="muted small">{t('joinUi.more', { n: side.unmatchedKeys - MAX_LISTED })}</p>}
    </section>
  );
}

/** Before the view is made: both sides' matched and unmatched keys, repeated keys, the mapping to correct, units that differ. */
export function JoinPreviewPanel({ preview, busy, onCorrect, onCreate, editing }: Props) {
  const { t } = useLang();
  const { def } = preview;
  const counts = ({ matchedKeys, matchedRows, unmatchedKeys, unmatchedRows }: SideCounts, side: string) => t('joinUi.side', { side, matchedKeys, matchedRows, unmatchedKeys, unmatchedRows });
  const clashes = def.columns
    .filter((c) => c.side === 'right')
    .flatMap((r) => {
      const l = def.columns.find((c) => c.side === 'left' && c.column === r.column);
      const [lu, ru] = [l && def.units[l.name], def.units[r.name]];
      return l && lu && ru && lu !== ru ? [{ column: r.column, left: lu, right: ru }] : [];
    });
  const units = Object.entries(def.units).map(([c, u]) => t('calc.unitOf', { column: c, unit: u }));
  return (
    <section className="join-preview" aria-label={t('joinUi.summary')}>
      <h3>{t('joinUi.summary')}</h3>
      <p>{counts(preview.left, t('joinUi.leftSide', { table: def.left.table }))}</p>
      <p>{counts(preview.right, t('joinUi.rightSide', { table: def.right.table }))}</p>
      <p role="status">{t('joinUi.resultRows', { rows: preview.resultRows })}</p>
      {preview.repeated.length > 0 && <p className="warning">{t('joinUi.repeated', { keys: preview.repeated.map(keyText).join('、') })}</p>}
      {clashes.map((c) => (
        <p key={c.column} role="alert" className="warning">
          {t('joinUi.unitClash', c)}
        </p>
      ))}
      <p className="muted small">{units.length ? t('joinUi.units', { units: units.join(t('calc.listSep')) }) : t('joinUi.noUnits')}</p>
      <div className="join-unmatched">
        <Unmatched label={t('joinUi.unmatchedLeft')} side={preview.left} />
        <Unmatched label={t('joinUi.unmatchedRight')} side={preview.right} />
      </div>
      <MappingTable matching={preview.matching} onCorrect={onCorrect} />
      <button type="button" disabled={busy} onClick={onCreate}>
        {editing ? t('joinUi.save') : t('joinUi.create')}
      </button>
    </section>
  );
}
