import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LangProvider } from './i18n/LangContext';
import { restoreGeoMaps } from './charts/geo-maps';
import { startEngineOnce } from './db/engine';
import { registerChartExport } from './features/export';
import { installWindowDrop } from './features/import';
import { isSpeakerWindow, SpeakerWindow } from './features/present';
import './styles.css';

registerChartExport();
// The speaker window (notes beside a projected presentation) needs no database.
const speaker = isSpeakerWindow();
if (!speaker) {
  // Start the worker and the 34 MB wasm compile first: the UI renders while it runs.
  void startEngineOnce().catch(() => undefined);
  restoreGeoMaps();
  // Files dropped anywhere go to the import screen, even before it was first opened.
  installWindowDrop();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      {speaker ? <SpeakerWindow /> : <App />}
    </LangProvider>
  </StrictMode>,
);
