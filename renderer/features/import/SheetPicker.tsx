import type { SourceInfo } from '../../../shared/import/types';
import { useLang } from '../../i18n/LangContext';

interface Props {
  sheets: NonNullable<SourceInfo['sheets']>;
  chosen: readonly string[] | undefined;
  onToggle(sheet: string, on: boolean): void;
}

/** The workbook's sheets; each chosen one becomes a table with its own settings. Empty sheets cannot be chosen. */
export function SheetPicker({ sheets, chosen, onToggle }: Props) {
  const { t } = useLang();
  return (
    <fieldset className="import-sheets">
      <legend>{t('import.sheets')}</legend>
      {sheets.map((s) => (
        <label key={s.name} className="check">
          <input type="checkbox" disabled={s.empty} checked={chosen?.includes(s.name) ?? false} onChange={(e) => onToggle(s.name, e.target.checked)} />
          {s.name}
          {s.empty ? t('import.sheetEmpty') : ''}
        </label>
      ))}
    </fieldset>
  );
}
