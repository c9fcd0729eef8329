import { useEffect, useMemo, useRef, useState } from 'react';
import { addSlide, hasCase } from '../../../shared/cases/deck';
import { pickKpis } from '../../../shared/cases/kpi';
import { levelLabel, type CaseRecord } from '../../../shared/cases/model';
import type { RowProvenance } from '../../../shared/model/provenance';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { useDocument } from '../../workspace';
import { ProvenanceDialog } from '../sql-console';
import { caseMetaLine, ComparisonChart, KpiTiles } from './CaseFacts';
import { ThemeChip } from './ThemeChip';
import { useCaseDetail } from './useCaseData';

/** One case: facts, summary, key figures with their quotes, comparison with other places, add to deck. */
export function CasePage({ record: c, onBack }: { record: CaseRecord; onBack(): void }) {
  const { t, lang } = useLang();
  const { db } = useWorkbench();
  const detail = useCaseDetail(db, c);
  // The deck is a workspace document: the case page adds to it without depending on the present feature.
  const [deck, setDeck] = useDocument('deck');
  const [added, setAdded] = useState(false);
  const [source, setSource] = useState<RowProvenance | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const kpis = useMemo(() => (detail.status === 'ready' ? pickKpis(detail.value.indicators, lang) : []), [detail, lang]);
  const inDeck = hasCase(deck, c.id);

  const addToDeck = () => {
    setDeck((d) => addSlide(d, { kind: 'case', caseId: c.id, title: c.title, notes: '' }));
    setAdded(true);
  };

  return (
    <article className="case-page" aria-labelledby="case-title">
      <nav className="case-page-bar">
        <button type="button" onClick={onBack}>
          ← {t('cases.back')}
        </button>
        <div className="spacer" />
        <button type="button" className="primary" onClick={addToDeck} disabled={inDeck}>
          {inDeck ? t('cases.inDeck') : t('cases.addToDeck')}
        </button>
        {added && (
          <span role="status" className="muted small">
            {t('cases.added', { count: deck.slides.length })}
          </span>
        )}
      </nav>
      <header className="case-head">
        <h2 id="case-title" ref={heading} tabIndex={-1}>
          {c.title}
        </h2>
        <p className="case-meta">
          <span>{caseMetaLine(c, lang, t)}</span>
          {c.year !== null && c.yearBasis && <span className="muted small">（{t(`cases.yearBasis.${c.yearBasis}` as 'cases.yearBasis.start')}）</span>}
          <span>{t('cases.level.label', { level: levelLabel(c.level, lang) })}</span>
          <ThemeChip theme={c.theme} />
        </p>
      </header>
      <section className="case-section" aria-labelledby="case-summary">
        <h3 id="case-summary">{t('cases.summary')}</h3>
        <p className="case-summary-text">{c.summary}</p>
        {c.tags.length > 0 && (
          <p className="case-tags" aria-label={t('cases.tags')}>
            {c.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </p>
        )}
        {c.note && (
          <p className="case-note">
            <strong>{t('cases.note')}：</strong>
            {c.note}
          </p>
        )}
        <button type="button" className="link" onClick={() => setSource({ source: c.source, quote: c.quote, ...(c.note ? { note: c.note } : {}) })}>
          {t('cases.caseSource')}
        </button>
      </section>
      <section className="case-section" aria-labelledby="case-kpis">
        <h3 id="case-kpis">{t('cases.kpis')}</h3>
        {detail.status === 'loading' && <p className="muted">{t('cases.loading')}</p>}
        {detail.status === 'failed' && <p role="alert" className="sql-error">{detail.message}</p>}
        {detail.status === 'ready' && (kpis.length > 0 ? <KpiTiles kpis={kpis} /> : <p className="muted">{t('cases.noKpis')}</p>)}
      </section>
      {detail.status === 'ready' && detail.value.comparisons.length > 0 && (
        <section className="case-section" aria-labelledby="case-compare">
          <h3 id="case-compare">{t('cases.compare')}</h3>
          <p className="muted small">{t('cases.compareHint')}</p>
          <div className="comparisons">
            {detail.value.comparisons.map((cmp) => (
              <ComparisonChart key={cmp.key} comparison={cmp} />
            ))}
          </div>
        </section>
      )}
      {source && <ProvenanceDialog provenance={source} onClose={() => setSource(null)} />}
    </article>
  );
}
