import { translator } from '../i18n';
import type { DatasetCatalog, Lang } from '../model/catalog';

/**
 * "来源：《社会治理创新案例名称4篇》（…）": a case's source line names its document by title, never by its
 * file name (the audience of a slide cannot look up 003_6abf6539eaf24928.txt). '' when the catalog does not
 * know the document — no line rather than a file name.
 */
export function caseSourceLine(source: string, catalog: DatasetCatalog | null, lang: Lang): string {
  const doc = catalog?.documents?.[source];
  return doc ? translator(lang)('chart.source', { source: lang === 'en' ? doc.title.en : doc.title.zh }) : '';
}

/** A seed file name (003_6abf6539eaf24928.txt): what no slide, sheet or document may show. */
export const SEED_FILE_NAME = /\d{3}_[0-9a-f]{16}\.txt/;
