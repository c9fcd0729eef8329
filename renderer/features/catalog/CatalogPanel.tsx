import { useState } from 'react';
import type { TableInfo } from '../../../shared/db-catalog';
import { formatNumber } from '../../../shared/format/number';
import { documentTitle, type DatasetCatalog } from '../../../shared/model/catalog';
import { previewTableSql } from '../../../shared/sql/browse-sql';
import { useLang } from '../../i18n/LangContext';
import { DeleteTableDialog } from './DeleteTableDialog';

interface CatalogPanelProps {
  tables: TableInfo[];
  catalog: DatasetCatalog | null;
  onPick(sql: string): void;
}

/** The tables and views in DuckDB: name, title from the dataset catalog, rows, columns with types. */
export function CatalogPanel({ tables, catalog, onPick }: CatalogPanelProps) {
  const { t, lang } = useLang();
  const entries = new Map(catalog?.datasets.map((d) => [d.table, d]));
  const text = (v: { zh: string; en: string }) => (lang === 'en' ? v.en : v.zh);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [done, setDone] = useState('');
  return (
    <nav className="panel catalog" aria-labelledby="catalog-title">
      <header className="panel-header">
        <h2 id="catalog-title">{t('catalog.title')}</h2>
      </header>
      {tables.length === 0 ? (
        <p className="muted">{t('catalog.empty')}</p>
      ) : (
        <ul className="catalog-list" aria-label={t('catalog.title')}>
          {tables.map((tb) => {
            const entry = entries.get(tb.name);
            const columnMeta = new Map(entry?.columns.map((c) => [c.name, c]));
            return (
            <li key={tb.name} className="catalog-item">
              <details>
                <summary>
                  <span className="table-name">{tb.name}</span>
                  {tb.kind === 'view' && <span className="badge">{t('catalog.view')}</span>}
                  <span className="muted small">
                    {t('catalog.rows', { rows: formatNumber(tb.rows, lang) })} · {t('catalog.columns', { count: tb.columns.length })}
                  </span>
                  {entry && <span className="table-title">{text(entry.title)}</span>}
                </summary>
                {entry && (
                  <>
                    <p className="catalog-meta" aria-label={t('catalog.description')}>
                      {text(entry.description)}
                    </p>
                    <p className="catalog-meta">
                      {t('catalog.sources')}：
                      {entry.sources.map((f, i) => (
                        <span key={f} title={f}>
                          {i > 0 && '；'}
                          {documentTitle(catalog, f, lang)}
                        </span>
                      ))}
                    </p>
                  </>
                )}
                <ul className="column-list">
                  {tb.columns.map((c) => {
                    const meta = columnMeta.get(c.name);
                    return (
                      <li key={c.name} title={meta?.description}>
                        <span>
                          {c.name}
                          {meta && meta.label.zh !== c.name && <span className="unit">{text(meta.label)}</span>}
                          {meta?.unit && <span className="unit">{t('catalog.unit', { unit: meta.unit })}</span>}
                        </span>
                        <span className="type">{c.type}</span>
                      </li>
                    );
                  })}
                </ul>
                <button type="button" className="link" onClick={() => onPick(previewTableSql(tb.name))}>
                  {t('catalog.insertName')}
                </button>
                {/* The user's own tables only: bundled data comes back at every start, views are deleted where they are made. */}
                {tb.kind === 'table' && !entries.has(tb.name) && (
                  <button type="button" className="link danger" aria-label={t('catalog.deleteTable', { table: tb.name })} onClick={() => setDeleting(tb.name)}>
                    {t('deleteTable.button')}
                  </button>
                )}
              </details>
            </li>
            );
          })}
        </ul>
      )}
      {done && (
        <p role="status" className="muted small">
          {done}
        </p>
      )}
      {deleting && (
        <DeleteTableDialog
          table={deleting}
          onClose={(deleted) => {
            if (deleted) setDone(t('deleteTable.done', { table: deleting }));
            setDeleting(null);
          }}
        />
      )}
    </nav>
  );
}
