import { useEffect, useState } from 'react';
import type { Deck } from '../../../shared/cases/deck';
import type { CaseRecord } from '../../../shared/cases/model';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { deckToPptx, pptxFileName } from './export-deck';

export interface OutputStatus {
  text: string;
  error?: boolean;
}

/** 导出 PowerPoint: the deck as a pptx (native charts from the same runs as the slides), saved where the user picks. */
export function useDeckExport(deck: Deck, cases: Map<string, CaseRecord>) {
  const { t, lang } = useLang();
  const { db, catalog, tables } = useWorkbench();
  const [status, setStatus] = useState<OutputStatus | null>(null);
  const exportPptx = async () => {
    if (!db) return;
    setStatus({ text: t('present.exporting') });
    try {
      const bytes = await deckToPptx(deck, { db, tables, cases, catalog, lang, t });
      const name = pptxFileName(deck.title || t('present.deckTitleDefault'));
      const saved = await getDesktop().saveFile({ suggestedName: name, bytes, filters: [{ name: 'PowerPoint', extensions: ['pptx'] }] });
      setStatus(saved.saved ? { text: t('present.exported', { name: saved.location ?? name }) } : null);
    } catch (e) {
      setStatus({ text: t('present.exportFailed', { detail: e instanceof Error ? e.message : String(e) }), error: true });
    }
  };
  return { status, exportPptx, canExport: !!db };
}

/** 打印 / PDF: while `printing`, every slide is laid out for print; the dialog opens once their charts drew. */
export function usePrintDeck() {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    // Let the charts of every slide draw before the print dialog snapshots the page.
    const timer = window.setTimeout(() => window.print(), 800);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, [printing]);
  return { printing, print: () => setPrinting(true) };
}
