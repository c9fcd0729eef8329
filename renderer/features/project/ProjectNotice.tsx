import { useEffect, useState } from 'react';
import { formatDate } from '../../../shared/format/date';
import { useLang } from '../../i18n/LangContext';
import type { ProjectMessage } from './useProject';

/** How long a message that only informs (saved, opened) stays on screen. */
const INFO_MS = 8000;

/**
 * The project's last message, under the 项目 menu (never in the header's line, which must not wrap): in the
 * UI language at every render, an informing one for a few seconds, an error until closed or replaced.
 */
export function ProjectNotice({ message }: { message?: ProjectMessage }) {
  const { t, lang } = useLang();
  const [closed, setClosed] = useState<ProjectMessage>();
  useEffect(() => {
    if (message?.kind !== 'info') return;
    const timer = setTimeout(() => setClosed(message), INFO_MS);
    return () => clearTimeout(timer);
  }, [message]);
  const shown = message && message !== closed ? message : undefined;
  const text = shown && t(shown.key, { ...shown.params, ...(shown.at ? { time: formatDate(shown.at, lang, 'time') } : {}) });
  // The live region is always there, so a message that appears in it is announced.
  return (
    <div role="status" className="project-notice">
      {shown && (
        <span role={shown.kind === 'error' ? 'alert' : undefined} className={`project-message ${shown.kind}`}>
          <span className="project-message-text">{text}</span>
          <button type="button" className="link" aria-label={t('project.dismiss')} onClick={() => setClosed(shown)}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}
