import type { ColumnOverride, LayoutOverrides, TableOptions } from '../../../shared/import/types';
import { useLang } from '../../i18n/LangContext';
import { DetectedLayout } from './DetectedLayout';
import { LayoutSettings } from './LayoutSettings';
import { PreviewTable } from './PreviewTable';
import type { Target } from './use-file-analysis';

interface Props {
  target: Target;
  /** The sheet's name, or the file's for a one-table file. */
  label: string;
  /** What the file's content was detected as, in words (shared/import/detected-format). */
  detected?: string;
  /** The file is a grid (CSV, workbook), so the table's layout can be set. */
  grid: boolean;
  settings: TableOptions;
  tableName: string;
  onLayout(patch: LayoutOverrides & { unpivot?: boolean }): void;
  onColumn(index: number, patch: ColumnOverride): void;
  onName(name: string): void;
}

/** One table to create (the file, or one sheet): its own settings, what was detected, the preview, its name. */
export function TargetSection({ target, label, detected, grid, settings, tableName, onLayout, onColumn, onName }: Props) {
  const { t } = useLang();
  const { sheet, preview, error } = target;
  return (
    <section className="import-target" aria-label={label}>
      {sheet && <h4>{sheet}</h4>}
      <div role="group" aria-label={t('import.sheetSettings', { sheet: label })}>
        <LayoutSettings grid={grid} preview={preview} settings={settings} onChange={onLayout} />
      </div>
      {error && (
        <p role="alert" className="import-error">
          {error}
        </p>
      )}
      {preview && <DetectedLayout preview={preview} detected={detected} />}
      {preview && <PreviewTable preview={preview} checking={target.checking === true} onOverride={onColumn} />}
      {preview && (
        <label className="table-name-input">
          {t('import.tableName')}
          <input value={tableName} onChange={(e) => onName(e.target.value)} />
        </label>
      )}
    </section>
  );
}
