import { useState } from 'react';
import { GeoJsonError, parseGeoJson } from '../../../shared/charts/geojson';
import { openedBytes } from '../../../shared/desktop-api';
import type { MessageKey } from '../../../shared/i18n';
import type { ChartSpec } from '../../../shared/model/chart-spec';
import { registerGeoMap, useGeoMapNames } from '../../charts/geo-maps';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';

/** For map charts: the built-in province tile grid, or a licensed GeoJSON map the user registers. */
export function BasemapPicker({ spec, onChange }: { spec: ChartSpec; onChange(spec: ChartSpec): void }) {
  const { t } = useLang();
  const names = useGeoMapNames();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const register = async () => {
    const [file] = await getDesktop().openFiles({ filters: [{ name: 'GeoJSON', extensions: ['geojson', 'json'] }], multiple: false });
    if (!file) return;
    try {
      const map = parseGeoJson(new TextDecoder('utf-8').decode(await openedBytes(file)));
      const name = file.name.replace(/\.(geo)?json$/i, '');
      const saved = registerGeoMap(name, map);
      setMessage({ kind: 'ok', text: t(saved ? 'geo.registered' : 'geo.registeredSessionOnly', { name, count: map.features.length }) });
      onChange({ ...spec, basemap: name });
    } catch (e) {
      const reason = e instanceof GeoJsonError ? t(`geo.err.${e.message}` as MessageKey) : String(e);
      setMessage({ kind: 'error', text: t('geo.failed', { reason }) });
    }
  };

  const { basemap: _, ...withoutBasemap } = spec;
  return (
    <div className="basemap-picker">
      <label>
        {t('geo.basemap')}
        <select value={spec.basemap ?? ''} onChange={(e) => onChange(e.target.value ? { ...spec, basemap: e.target.value } : withoutBasemap)}>
          <option value="">{t('geo.tileGrid')}</option>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void register()}>
        {t('geo.register')}
      </button>
      {message && (
        <span role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'sql-error' : 'muted small'}>
          {message.text}
        </span>
      )}
      <p className="muted small">{t('geo.licenceHint')}</p>
    </div>
  );
}
