import type { TableInfo } from '../../../shared/db-catalog';
import type { Translate } from '../../../shared/i18n';
import { pivotColumns, type PivotSpec } from '../../../shared/model/pivot-spec';

/**
 * Why a pivot kept on a card or a slide cannot be shown any more — its table was deleted, or a column it
 * reads is gone (renamed, dropped, another import under the same name) — in words; null when it can run.
 */
export function pivotGone(spec: PivotSpec, tables: readonly TableInfo[], t: Translate): string | null {
  const info = tables.find((x) => x.name === spec.table);
  if (!info) return t('pivot.gone.table', { table: spec.table });
  const have = new Set(info.columns.map((c) => c.name));
  const missing = pivotColumns(spec).find((c) => !have.has(c));
  return missing === undefined ? null : t('pivot.gone.column', { column: missing, table: spec.table });
}
