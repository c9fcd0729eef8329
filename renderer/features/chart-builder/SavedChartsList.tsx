import { useState } from 'react';
import type { SavedChart } from '../../../shared/model/dashboard';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { exportChartsDocx } from '../export';
import { deleteSavedChart, useSavedCharts } from './saved-charts';

/** 已保存的图表: each opens in the builder (打开 …) or is deleted (删除 …); the ticked ones go into one Word document. */
export function SavedChartsList({ onLoad }: { onLoad(chart: SavedChart): void }) {
  const { t, lang } = useLang();
  const { db, tables, catalog } = useWorkbench();
  const saved = useSavedCharts();
  const [picked, setPicked] = useState<string[]>([]);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const chosen = saved.charts.filter((c) => picked.includes(c.id));
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const word = () => {
    if (!db) return;
    exportChartsDocx(t('export.docx.selection'), chosen.map((c) => c.spec), { db, tables, catalog, lang, t }).then(
      (text) => setStatus({ text }),
      (e: unknown) => setStatus({ text: t('export.failed', { detail: e instanceof Error ? e.message : String(e) }), error: true }),
    );
  };
  return (
    <section className="saved-charts" aria-label={t('builder.savedCharts')}>
      <h3>{t('builder.savedCharts')}</h3>
      {saved.charts.length === 0 && <p className="muted small">{t('builder.noSaved')}</p>}
      <ul>
        {saved.charts.map((c) => (
          <li key={c.id}>
            <input type="checkbox" aria-label={t('builder.pick', { title: c.spec.title })} checked={picked.includes(c.id)} onChange={() => toggle(c.id)} />
            <button type="button" className="link" aria-label={t('builder.load', { title: c.spec.title })} onClick={() => onLoad(c)}>
              {c.spec.title}
            </button>
            <button type="button" aria-label={t('builder.delete', { title: c.spec.title })} onClick={() => deleteSavedChart(c.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {saved.charts.length > 0 && (
        <button type="button" disabled={chosen.length === 0 || !db} onClick={word}>
          {t('builder.exportPicked', { n: chosen.length })}
        </button>
      )}
      {status && (
        <p role={status.error ? 'alert' : 'status'} className="muted small">
          {status.text}
        </p>
      )}
    </section>
  );
}
