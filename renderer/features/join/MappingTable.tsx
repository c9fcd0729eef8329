import type { Correction, RegionMatching } from '../../../shared/join/match';
import type { MessageKey } from '../../../shared/i18n';
import { useLang } from '../../i18n/LangContext';

interface Props {
  matching: RegionMatching;
  onCorrect(c: Correction): void;
}

/**
 * The place names that did not match as the same text: those matched after normalising (上海 → 上海市), set by
 * hand, or unmatched — each with a choice of the right name it stands for (or none). Exact matches are only counted.
 */
export function MappingTable({ matching, onCorrect }: Props) {
  const { t } = useLang();
  const rights = [...new Set([...matching.pairs.map((p) => p.right), ...matching.rightUnmatched])].sort();
  const rows = [
    ...matching.pairs.filter((p) => p.how !== 'exact').map((p) => ({ left: p.left, right: p.right as string | null, how: p.how as string, note: '' })),
    ...matching.leftUnmatched.map((u) => ({ left: u.value, right: null, how: 'none', note: u.candidates.length ? t('joinUi.ambiguous', { candidates: u.candidates.join('、') }) : '' })),
  ];
  const exact = matching.pairs.filter((p) => p.how === 'exact').length;
  return (
    <section className="join-mapping">
      <h4>{t('joinUi.mapping')}</h4>
      <p className="muted small">{t('joinUi.exactCount', { n: exact })}</p>
      {rows.length > 0 && (
        <table className="data-table small" aria-label={t('joinUi.mapping')}>
          <thead>
            <tr>
              <th>{t('joinUi.mapping.left')}</th>
              <th>{t('joinUi.mapping.right')}</th>
              <th>{t('joinUi.mapping.how')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.left}>
                <td>{r.left}</td>
                <td>
                  <select aria-label={t('joinUi.pick', { name: r.left })} value={r.right ?? ''} onChange={(e) => onCorrect({ left: r.left, right: e.target.value || null })}>
                    <option value="">{t('joinUi.noPartner')}</option>
                    {rights.map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                </td>
                <td>
                  {t(`joinUi.how.${r.how}` as MessageKey)} {r.note && <span className="muted">{r.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
