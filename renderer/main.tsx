import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LangProvider } from './i18n/LangContext';
import './features/export/register-chart-export';
import { restoreGeoMaps } from './charts/geo-maps';
import { startEngineOnce } from './db/engine';
import { installWindowDrop } from './features/import/file-drop';
import './styles.css';

// Start the worker and the 34 MB wasm compile first: the UI renders while it runs.
void startEngineOnce().catch(() => undefined);
restoreGeoMaps();
// Files dropped anywhere go to the import screen, even before it was first opened.
installWindowDrop();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <App />
    </LangProvider>
  </StrictMode>,
);
