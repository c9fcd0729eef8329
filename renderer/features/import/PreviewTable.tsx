import type { TablePreview } from '../../../shared/import/pipeline';
import { importMessage } from '../../../shared/import/messages';
import { COLUMN_TYPES, type ColumnOverride, type ColumnSpec, type ColumnType } from '../../../shared/import/types';
import { formatNumber } from '../../../shared/format/number';
import { useLang } from '../../i18n/LangContext';

/** Under a column's name and type: its header path (年份 › 2012年), unit and role, when it has them. */
function ColumnFacts({ column }: { column: ColumnSpec }) {
  const { t } = useLang();
  const facts = [
    ...(column.path && column.path.length > 1 ? [column.path.join(' › ')] : []),
    ...(column.unit ? [t('import.unit', { unit: column.unit })] : []),
    ...(column.role ? [t(`import.role.${column.role}`)] : []),
  ];
  return facts.length ? <span className="muted small column-facts">{facts.join(' · ')}</span> : null;
}

/**
 * The detected table: titles, warnings, editable column names and types, the first rows, notes. `checking`:
 * the preview is a big CSV's sample while the whole file is checked (its row count is the sample's).
 */
export function PreviewTable({ preview, checking, onOverride }: { preview: TablePreview; checking: boolean; onOverride(index: number, patch: ColumnOverride): void }) {
  const { t, lang } = useLang();
  return (
    <div className="import-preview">
      {preview.titles.length > 0 && (
        <p className="small">
          <span className="muted">{t('import.titles')}：</span>
          {preview.titles.join(' / ')}
        </p>
      )}
      {preview.warnings.length > 0 && (
        <ul className="import-warnings" aria-label={t('import.warnings')}>
          {preview.warnings.map((w, i) => (
            <li key={i}>{importMessage(w, t)}</li>
          ))}
        </ul>
      )}
      <p className="muted small">{t(checking ? 'import.rowsChecking' : 'import.rows', { rows: formatNumber(preview.rowCount, lang) })}</p>
      <div className="import-preview-scroll" tabIndex={0}>
        <table aria-label={t('import.preview')}>
          <thead>
            <tr>
              {preview.columns.map((c, i) => (
                <th key={`${i}:${c.name}`} scope="col">
                  <input aria-label={t('import.columnName', { n: i + 1 })} defaultValue={c.name} onBlur={(e) => e.target.value !== c.name && onOverride(i, { name: e.target.value })} />
                  <select aria-label={t('import.columnType', { n: i + 1 })} value={c.type} onChange={(e) => onOverride(i, { type: e.target.value as ColumnType })}>
                    {COLUMN_TYPES.map((ty) => (
                      <option key={ty} value={ty}>
                        {t(`import.type.${ty}`)}
                      </option>
                    ))}
                  </select>
                  <ColumnFacts column={c} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {row.map((v, i) => (
                  <td key={i} className={['integer', 'bigint', 'double'].includes(preview.columns[i].type) ? 'num' : undefined}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.notes.length > 0 && (
        <p className="small">
          <span className="muted">{t('import.notes')}：</span>
          {preview.notes.join(' ')}
        </p>
      )}
    </div>
  );
}
