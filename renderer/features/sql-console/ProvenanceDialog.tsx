import { useEffect, useRef } from 'react';
import type { RowProvenance } from '../../../shared/model/provenance';
import { documentTitle } from '../../../shared/model/catalog';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';

/** Shows where one figure comes from: the seed document, the verbatim quote, and any correction note. */
export function ProvenanceDialog({ provenance, onClose }: { provenance: RowProvenance; onClose(): void }) {
  const { t, lang } = useLang();
  const { catalog } = useWorkbench();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="prov-title" className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="prov-title">{t('prov.title')}</h2>
        <dl className="provenance">
          <dt>{t('prov.document')}</dt>
          <dd>
            {documentTitle(catalog, provenance.source, lang)}
            <br />
            <span className="muted small">{provenance.source}</span>
          </dd>
          <dt>{t('prov.quote')}</dt>
          <dd>
            <blockquote>{provenance.quote}</blockquote>
          </dd>
          {provenance.note && (
            <>
              <dt>{t('prov.note')}</dt>
              <dd>{provenance.note}</dd>
            </>
          )}
        </dl>
        <button ref={closeButton} type="button" onClick={onClose}>
          {t('prov.close')}
        </button>
      </div>
    </div>
  );
}
