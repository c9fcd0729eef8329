import type { TablePreview } from '../../../shared/import/pipeline';
import type { LayoutOverrides, TableOptions } from '../../../shared/import/types';
import { useLang } from '../../i18n/LangContext';

interface Props {
  /** A grid source (CSV, workbook): its layout can be set, even while its preview shows an error. */
  grid: boolean;
  preview: TablePreview | undefined;
  settings: TableOptions;
  onChange(patch: LayoutOverrides & { unpivot?: boolean }): void;
}

const whole = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Math.max(0, Math.floor(Number(v))));

/** One table's layout: each field shows what was detected until the user types another value. */
export function LayoutSettings({ grid, preview, settings, onChange }: Props) {
  const { t } = useLang();
  return (
    <div className="import-settings">
      {grid && (
        <>
          <label>
            {t('import.headerRow')}
            <input type="number" min={1} value={settings.headerRow ?? preview?.headerRow ?? ''} onChange={(e) => onChange({ headerRow: whole(e.target.value) })} />
          </label>
          <label>
            {t('import.headerRows')}
            <input type="number" min={0} max={3} value={settings.headerRows ?? preview?.headerRows ?? ''} onChange={(e) => onChange({ headerRows: whole(e.target.value) })} />
          </label>
          <label>
            {t('import.dataStart')}
            <input type="number" min={1} value={settings.dataStart ?? preview?.layout?.dataStart ?? ''} onChange={(e) => onChange({ dataStart: whole(e.target.value) })} />
          </label>
          <label>
            {t('import.labelColumn')}
            <input type="number" min={0} value={settings.labelColumn ?? preview?.layout?.labelColumn ?? 0} onChange={(e) => onChange({ labelColumn: whole(e.target.value) })} />
          </label>
        </>
      )}
      {(settings.unpivot || (preview?.yearColumns ?? 0) > 0) && (
        <label className="check">
          <input type="checkbox" checked={settings.unpivot ?? false} onChange={(e) => onChange({ unpivot: e.target.checked })} />
          {t('import.unpivot')}
        </label>
      )}
    </div>
  );
}
