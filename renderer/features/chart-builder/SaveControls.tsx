import { useState } from 'react';
import type { SavedChart } from '../../../shared/model/dashboard';
import { useLang } from '../../i18n/LangContext';

interface Props {
  /** The chart 保存图表 updates now (none: it saves a new chart). */
  target: SavedChart | undefined;
  /** The title a copy starts from. */
  title: string;
  disabled: boolean;
  onSave(): void;
  onSaveAs(title: string): void;
  onNew(): void;
}

/** 保存图表 (says whether it updates a chart or saves a new one), 另存为… with a title, 新建图表. */
export function SaveControls({ target, title, disabled, onSave, onSaveAs, onNew }: Props) {
  const { t } = useLang();
  const [copyTitle, setCopyTitle] = useState<string | null>(null);
  const finish = (ok: boolean) => {
    if (ok && copyTitle?.trim()) onSaveAs(copyTitle.trim());
    setCopyTitle(null);
  };
  return (
    <div className="save-controls" role="group" aria-label={t('builder.save')}>
      <button type="button" onClick={onSave} disabled={disabled}>
        {t('builder.save')}
      </button>
      {copyTitle === null ? (
        <button type="button" onClick={() => setCopyTitle(t('builder.copyTitle', { title }))} disabled={disabled}>
          {t('builder.saveAs')}
        </button>
      ) : (
        <span className="save-as">
          <input
            aria-label={t('builder.saveAsTitle')}
            value={copyTitle}
            autoFocus
            onChange={(e) => setCopyTitle(e.target.value)}
            onKeyDown={(e) => (e.key === 'Enter' ? finish(true) : e.key === 'Escape' ? finish(false) : undefined)}
          />
          <button type="button" onClick={() => finish(true)} disabled={!copyTitle.trim()}>
            {t('builder.saveAsConfirm')}
          </button>
          <button type="button" onClick={() => finish(false)}>
            {t('builder.cancel')}
          </button>
        </span>
      )}
      {target && (
        <button type="button" onClick={onNew}>
          {t('builder.newChart')}
        </button>
      )}
      <span className="muted small" data-testid="save-target">
        {target ? t('builder.willUpdate', { title: target.spec.title }) : t('builder.willSaveNew')}
      </span>
    </div>
  );
}
