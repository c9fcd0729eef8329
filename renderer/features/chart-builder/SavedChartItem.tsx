import { useState } from 'react';
import { formatDate } from '../../../shared/format/date';
import type { SavedChart } from '../../../shared/model/dashboard';
import { useLang } from '../../i18n/LangContext';

interface Props {
  chart: SavedChart;
  /** The chart the builder's draft is (保存图表 updates it). */
  current: boolean;
  onLoad(): void;
  onRename(title: string): void;
  onCopy(): void;
  onDelete(): void;
}

/** One saved chart: its title (opens it), table, kind and time of saving; 重命名 in place, 复制, 删除. */
export function SavedChartItem({ chart, current, onLoad, onRename, onCopy, onDelete }: Props) {
  const { t, lang } = useLang();
  const [renaming, setRenaming] = useState<string | null>(null);
  const title = chart.spec.title;
  const finish = (ok: boolean) => {
    if (ok && renaming?.trim()) onRename(renaming.trim());
    setRenaming(null);
  };
  return (
    <li aria-current={current || undefined}>
      {renaming === null ? (
        <button type="button" className="link saved-title" aria-label={t('builder.load', { title })} onClick={onLoad}>
          {title}
        </button>
      ) : (
        <span className="saved-rename">
          <input
            aria-label={t('builder.renameTitle', { title })}
            value={renaming}
            autoFocus
            onChange={(e) => setRenaming(e.target.value)}
            onKeyDown={(e) => (e.key === 'Enter' ? finish(true) : e.key === 'Escape' ? finish(false) : undefined)}
          />
          <button type="button" onClick={() => finish(true)} disabled={!renaming.trim()}>
            {t('builder.renameConfirm')}
          </button>
          <button type="button" onClick={() => finish(false)}>
            {t('builder.cancel')}
          </button>
        </span>
      )}
      {current && <span className="badge">{t('builder.editing')}</span>}
      <span className="muted small saved-meta">
        {t('builder.savedMeta', { table: chart.spec.table, kind: t(`charts.kind.${chart.spec.kind}`), time: formatDate(chart.savedAt, lang) })}
      </span>
      {renaming === null && (
        <span className="saved-actions">
          <button type="button" aria-label={t('builder.rename', { title })} onClick={() => setRenaming(title)}>
            {t('builder.renameShort')}
          </button>
          <button type="button" aria-label={t('builder.copy', { title })} onClick={onCopy}>
            {t('builder.copyShort')}
          </button>
          <button type="button" aria-label={t('builder.delete', { title })} onClick={onDelete}>
            {t('builder.deleteShort')}
          </button>
        </span>
      )}
    </li>
  );
}
