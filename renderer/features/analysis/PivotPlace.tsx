import { useMemo, useState } from 'react';
import { addSlide } from '../../../shared/cases/deck';
import { READY_DASHBOARDS } from '../../../shared/charts/ready-dashboards';
import { addCard, type Dashboard } from '../../../shared/model/dashboard';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import { useLang } from '../../i18n/LangContext';
import { useDocument, workspace } from '../../workspace';

/**
 * 添加到仪表板 / 添加到演示: the pivot as a dashboard card or a slide. When the pivot is saved, the card and
 * the slide refer to it (savedId) and follow its later saves, as cards added from a saved chart do.
 */
export function PivotPlace({ spec, savedId }: { spec: PivotSpec; savedId?: string }) {
  const { t, lang } = useLang();
  const [edits] = useDocument('dashboards');
  const all = useMemo(() => {
    const ready = READY_DASHBOARDS.map((make) => make(lang));
    return [...ready.map((r) => edits.find((d) => d.id === r.id) ?? r), ...edits.filter((d) => !ready.some((r) => r.id === d.id))];
  }, [edits, lang]);
  const [pick, setPick] = useState('');
  const [status, setStatus] = useState<string>();
  const target = all.find((d) => d.id === pick) ?? all[all.length - 1];
  const link = savedId ? { savedId } : {};
  const toDashboard = () => {
    if (!target) return;
    const card = { id: `${savedId ?? 'pivot'}-${Date.now().toString(36)}`, kind: 'pivot' as const, spec, size: 'large' as const, ...link };
    const next: Dashboard = addCard(target, card);
    workspace.update('dashboards', (list) => (list.some((d) => d.id === next.id) ? list.map((d) => (d.id === next.id ? next : d)) : [...list, next]));
    setStatus(t('pivot.addedToDashboard', { title: target.title }));
  };
  const toDeck = () => {
    const deck = workspace.update('deck', (d) => addSlide(d, { kind: 'pivot', spec, notes: '', ...link }));
    setStatus(t('pivot.addedToDeck', { n: deck.slides.length }));
  };
  return (
    <div className="save-controls" role="group" aria-label={t('pivot.addToDashboard')}>
      <label>
        {t('pivot.pickDashboard')}
        <select value={target?.id ?? ''} onChange={(e) => setPick(e.target.value)}>
          {all.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={toDashboard} disabled={!target}>
        {t('pivot.addToDashboard')}
      </button>
      <button type="button" onClick={toDeck}>
        {t('pivot.addToDeck')}
      </button>
      {status && (
        <span role="status" className="muted small">
          {status}
        </span>
      )}
    </div>
  );
}
