import { useState } from 'react';
import type { SavedChart } from '../../../shared/model/dashboard';
import { useLang } from '../../i18n/LangContext';
import { TitleEditor } from './TitleEditor';

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
  const [copying, setCopying] = useState(false);
  return (
    <div className="save-controls" role="group" aria-label={t('builder.save')}>
      <button type="button" onClick={onSave} disabled={disabled}>
        {t('builder.save')}
      </button>
      {copying ? (
        <TitleEditor
          label={t('builder.saveAsTitle')}
          initial={t('builder.copyTitle', { title })}
          confirmLabel={t('builder.saveAsConfirm')}
          onDone={(next) => {
            if (next) onSaveAs(next);
            setCopying(false);
          }}
        />
      ) : (
        <button type="button" onClick={() => setCopying(true)} disabled={disabled}>
          {t('builder.saveAs')}
        </button>
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
