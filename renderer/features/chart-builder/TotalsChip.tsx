import { totalsText, type ChartTotals } from '../../../shared/charts/chart-totals';
import { useLang } from '../../i18n/LangContext';

interface Props {
  totals: ChartTotals | undefined;
  /** Sets ChartSpec.keepTotals (saved with the chart, exported, reproduced by `sgw export --spec`). */
  onKeep(keep: boolean): void;
}

/** 已排除合计行：合计 · 保留 — what the chart left out, and one click to keep it (or to leave it out again). */
export function TotalsChip({ totals, onKeep }: Props) {
  const { t } = useLang();
  if (!totals) return null;
  const values = totalsText(totals);
  return (
    <p className="chip totals-chip" role="status" data-testid="totals-chip">
      <span>{t(totals.kept ? 'charts.totalsKept' : 'charts.totalsOut', { values })}</span>
      <button type="button" aria-label={totals.kept ? t('charts.dropTotals') : t('charts.keepTotalsLabel', { values })} onClick={() => onKeep(!totals.kept)}>
        {totals.kept ? t('charts.dropTotals') : t('charts.keepTotals')}
      </button>
    </p>
  );
}
