import { useState } from 'react';
import type { SavedChart } from '../../../shared/model/dashboard';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { exportChartsDocx } from '../export';
import { deleteSavedChart, renameChart, saveChartCopy, useSavedCharts } from './saved-charts';
import { SavedChartItem } from './SavedChartItem';
import { UndoNotice } from './UndoNotice';

/** A search box appears once the list is longer than this. */
const SEARCH_FROM = 6;

/**
 * 已保存的图表: open, rename, copy or delete (with 撤销) each; searchable by title or table when long; the
 * ticked ones go into one Word document.
 */
export function SavedChartsList({ currentId, onLoad }: { currentId?: string; onLoad(chart: SavedChart): void }) {
  const { t, lang } = useLang();
  const { db, tables, catalog } = useWorkbench();
  const saved = useSavedCharts();
  const [query, setQuery] = useState('');
  const [undo, setUndo] = useState<{ title: string; run(): void } | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const q = query.trim().toLocaleLowerCase();
  const shown = q ? saved.charts.filter((c) => `${c.spec.title}\n${c.spec.table}`.toLocaleLowerCase().includes(q)) : saved.charts;
  const remove = (c: SavedChart) => setUndo({ title: c.spec.title, run: deleteSavedChart(c.id) });
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
    <section className="saved-charts" aria-labelledby="saved-charts-title">
      <h2 id="saved-charts-title">{t('builder.savedCharts')}</h2>
      {saved.charts.length >= SEARCH_FROM && <input type="search" aria-label={t('builder.searchSaved')} placeholder={t('builder.searchSaved')} value={query} onChange={(e) => setQuery(e.target.value)} />}
      {undo && (
        <UndoNotice
          text={t('builder.deleted', { title: undo.title })}
          label={t('builder.undo')}
          onUndo={() => {
            undo.run();
            setUndo(null);
          }}
        />
      )}
      {saved.charts.length === 0 && <p className="muted small">{t('builder.noSaved')}</p>}
      {q && shown.length === 0 && <p className="muted small">{t('builder.noMatch', { query: query.trim() })}</p>}
      <ul aria-labelledby="saved-charts-title">
        {shown.map((c) => (
          <SavedChartItem
            key={c.id}
            chart={c}
            current={c.id === currentId}
            picked={picked.includes(c.id)}
            onPick={() => toggle(c.id)}
            onLoad={() => onLoad(c)}
            onRename={(title) => renameChart(c.id, title)}
            onCopy={() => saveChartCopy(c.spec, t('builder.copyTitle', { title: c.spec.title }))}
            onDelete={() => remove(c)}
          />
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
