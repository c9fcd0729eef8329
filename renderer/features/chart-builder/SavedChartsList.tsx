import type { SavedChart } from '../../../shared/model/dashboard';
import { useLang } from '../../i18n/LangContext';
import { deleteSavedChart, useSavedCharts } from './saved-charts';

/** 已保存的图表: each opens in the builder (加载 …) or is deleted (删除 …). */
export function SavedChartsList({ onLoad }: { onLoad(chart: SavedChart): void }) {
  const { t } = useLang();
  const saved = useSavedCharts();
  return (
    <section className="saved-charts" aria-label={t('builder.savedCharts')}>
      <h3>{t('builder.savedCharts')}</h3>
      {saved.charts.length === 0 && <p className="muted small">{t('builder.noSaved')}</p>}
      <ul>
        {saved.charts.map((c) => (
          <li key={c.id}>
            <button type="button" className="link" aria-label={t('builder.load', { title: c.spec.title })} onClick={() => onLoad(c)}>
              {c.spec.title}
            </button>
            <button type="button" aria-label={t('builder.delete', { title: c.spec.title })} onClick={() => deleteSavedChart(c.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
