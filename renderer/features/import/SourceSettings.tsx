import { delimiterName, DELIMITERS } from '../../../shared/import/csv-source';
import { encodingName } from '../../../shared/import/encoding';
import { ENCODINGS, type EncodingLabel, type SourceInfo } from '../../../shared/import/types';
import { useLang } from '../../i18n/LangContext';
import type { FileSettings } from './import-settings';

interface Props {
  source: SourceInfo;
  settings: FileSettings;
  onChange(patch: Pick<FileSettings, 'encoding' | 'delimiter'>): void;
}

/** Encoding and delimiter of a text file, each "detected: …" until the user picks one. */
export function SourceSettings({ source, settings, onChange }: Props) {
  const { t } = useLang();
  return (
    <>
      <label>
        {t('import.encoding')}
        <select value={settings.encoding ?? ''} onChange={(e) => onChange({ encoding: (e.target.value || undefined) as EncodingLabel | undefined })}>
          <option value="">{!settings.encoding && source.encoding ? t('import.autoIs', { value: encodingName(source.encoding) }) : t('import.encodingAuto')}</option>
          {ENCODINGS.map((e) => (
            <option key={e} value={e}>
              {encodingName(e)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('import.delimiter')}
        <select value={settings.delimiter ?? ''} onChange={(e) => onChange({ delimiter: e.target.value || undefined })}>
          <option value="">{!settings.delimiter && source.delimiter ? t('import.autoIs', { value: delimiterName(source.delimiter) }) : t('import.encodingAuto')}</option>
          {DELIMITERS.map((d) => (
            <option key={d} value={d}>
              {delimiterName(d)}
            </option>
          ))}
        </select>
      </label>
      {source.encoding && (
        <p className="muted small" data-testid="import-detected">
          {t('import.detected', { encoding: encodingName(source.encoding) })}
          {source.delimiter ? ` · ${t('import.delimiterIs', { delimiter: delimiterName(source.delimiter) })}` : ''}
        </p>
      )}
    </>
  );
}
