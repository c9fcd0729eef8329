import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { safeFileName } from '../../../shared/export/file-name';
import { chartSvg } from '../../charts/image-export';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';
import { PivotTableHtml } from '../analysis';
import type { DrawnCard } from './drawn-card';

/** A4 portrait's text width at 15 mm margins (180 mm) in CSS px: each picture is drawn for the page, not the window. */
export const PRINT_PICTURE = { width: 680, height: 420 };

interface Props {
  title: string;
  lines: string[];
  cards: DrawnCard[];
  /** Called once the PDF is saved, cancelled or the print dialog closed; `text` is the message to show. */
  onDone(text?: string): void;
}

/**
 * The dashboard's print layout: its title, the filters in force and the date, then each card as its on-screen
 * picture drawn at the page's width; the print stylesheet (styles.css, `@page dash`) makes the pages A4 with
 * page numbers and keeps each card whole on one page. Electron prints it to a PDF (printToPDF) and asks
 * where to save it; a browser opens its print dialog (另存为 PDF), and the layout stays until it closes.
 */
export function DashboardPrint({ title, lines, cards, onDone }: Props) {
  const { t } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const pictures = useMemo(() => cards.map((c) => (c.kind === 'chart' ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartSvg(c.option, PRINT_PICTURE))}` : '')), [cards]);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  }, [onDone]);

  useEffect(() => {
    let closed = false;
    let live = true;
    let waitingForDialog = false;
    const onAfterPrint = () => {
      closed = true;
      if (live && waitingForDialog) done.current();
    };
    window.addEventListener('afterprint', onAfterPrint);
    const images = [...(box.current?.querySelectorAll('img') ?? [])];
    // Every picture decoded before the page is printed, so none prints blank.
    void Promise.all(images.map((img) => img.decode().catch(() => undefined)))
      .then(() => getDesktop().printToPdf({ suggestedName: safeFileName(title, 'pdf', t('export.defaultName')) }))
      .then(
        (result) => {
          if (!live) return;
          if (!result.printDialog) done.current(result.saved ? t('dash.print.saved', { name: result.location ?? title }) : t('export.cancelled'));
          else if (closed) done.current();
          else waitingForDialog = true;
        },
        (e: unknown) => live && done.current(t('export.failed', { detail: e instanceof Error ? e.message : String(e) })),
      );
    return () => {
      live = false;
      window.removeEventListener('afterprint', onAfterPrint);
    };
  }, [title, t]);

  return createPortal(
    <div className="print-dashboard" ref={box} data-testid="print-dashboard">
      <header className="print-head">
        <h1>{title}</h1>
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </header>
      {cards.map((c, i) => (
        <figure key={i} className="print-card">
          {c.kind === 'chart' ? (
            <img src={pictures[i]} alt={c.data.title} width={PRINT_PICTURE.width} height={PRINT_PICTURE.height} />
          ) : (
            <>
              <figcaption className="print-pivot-title">{c.table.title || t('pivot.sheet')}</figcaption>
              <PivotTableHtml table={c.table} label={c.table.title || t('pivot.sheet')} />
            </>
          )}
        </figure>
      ))}
    </div>,
    document.body,
  );
}
