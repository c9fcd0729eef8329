import { useLang } from '../i18n/LangContext';
import { useDamagedNotices, workspace } from './index';

/** Says which saved documents could not be read at start, where the original was kept, and that defaults are used. */
export function DamagedNotices() {
  const { t } = useLang();
  const notices = useDamagedNotices();
  if (notices.length === 0) return null;
  return (
    <section className="damaged-notices" aria-label={t('workspace.notices')}>
      {notices.map((n) => (
        <p key={n.id} role="alert" className="sql-error">
          {t(n.keptAside ? 'workspace.damaged' : 'workspace.damagedInPlace', { doc: t(`workspace.doc.${n.doc}`), detail: n.detail, key: n.key })}
          <button type="button" onClick={() => workspace.dismiss(n.id)}>
            {t('workspace.dismiss')}
          </button>
        </p>
      ))}
    </section>
  );
}
