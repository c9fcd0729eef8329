import { useState } from 'react';
import { formatDate } from '../../../shared/format/date';
import type { SavedChart } from '../../../shared/model/dashboard';
import { useLang } from '../../i18n/LangContext';
import { TitleEditor } from './TitleEditor';

interface Props {
  chart: SavedChart;
  /** The chart the builder's draft is (保存图表 updates it). */
  current: boolean;
  /** Ticked for the Word export of a selection. */
  picked: boolean;
  onPick(): void;
  onLoad(): void;
  onRename(title: string): void;
  onCopy(): void;
  onDelete(): void;
}

/** One saved chart: its title (opens it), table, kind and time of saving; 重命名 in place, 复制, 删除. */
export function SavedChartItem({ chart, current, picked, onPick, onLoad, onRename, onCopy, onDelete }: Props) {
  const { t, lang } = useLang();
  const [renaming, setRenaming] = useState(false);
  const title = chart.spec.title;
  return (
    <li aria-current={current || undefined}>
      <input type="checkbox" aria-label={t('builder.pick', { title })} checked={picked} onChange={onPick} />
      {renaming ? (
        <TitleEditor
          label={t('builder.renameTitle', { title })}
          initial={title}
          confirmLabel={t('builder.renameConfirm')}
          onDone={(next) => {
            if (next) onRename(next);
            setRenaming(false);
          }}
        />
      ) : (
        <button type="button" className="link saved-title" aria-label={t('builder.load', { title })} onClick={onLoad}>
          {title}
        </button>
      )}
      {current && <span className="badge">{t('builder.editing')}</span>}
      <span className="muted small saved-meta">
        {t('builder.savedMeta', { table: chart.spec.table, kind: t(`charts.kind.${chart.spec.kind}`), time: formatDate(chart.savedAt, lang) })}
      </span>
      {!renaming && (
        <span className="saved-actions">
          <button type="button" aria-label={t('builder.rename', { title })} onClick={() => setRenaming(true)}>
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
