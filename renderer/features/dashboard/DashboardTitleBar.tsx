import { useState } from 'react';
import { useLang } from '../../i18n/LangContext';

interface Props {
  /** The shown dashboard is one of the user's (not a ready one): it can be renamed and deleted. */
  own: boolean;
  title: string;
  onCreate(): void;
  onRename(title: string): void;
  onDelete(): void;
}

/** 新建仪表板; for the user's own dashboards a name field and a two-step 删除仪表板. */
export function DashboardTitleBar({ own, title, onCreate, onRename, onDelete }: Props) {
  const { t } = useLang();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" onClick={onCreate}>
        {t('dash.new')}
      </button>
      {own && (
        <>
          <label>
            {t('dash.name')}
            <input type="text" value={title} onChange={(e) => onRename(e.target.value)} maxLength={60} />
          </label>
          {confirming ? (
            <span role="group" aria-label={t('dash.deleteAsk', { title })}>
              {t('dash.deleteAsk', { title })}
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setConfirming(false);
                  onDelete();
                }}
              >
                {t('dash.deleteConfirm')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('dash.deleteCancel')}
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('dash.delete')}
            </button>
          )}
        </>
      )}
    </>
  );
}
