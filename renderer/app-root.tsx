import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LangProvider } from './i18n/LangContext';
import { restoreGeoMaps } from './charts/geo-maps';
import { registerChartExport } from './features/export';
import { installWindowDrop } from './features/import';
import { SpeakerWindow } from './features/present';

/** The UI, loaded by main.tsx after it has started the engine. */
export function mountApp(speaker: boolean): void {
  // For the start-up benchmark's split (bench/browser.ts): the app's code fetched and evaluated.
  performance.mark('sgw:app-evaluated');
  registerChartExport();
  if (!speaker) {
    restoreGeoMaps();
    // Files dropped anywhere go to the import screen, even before it was first opened.
    installWindowDrop();
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LangProvider>{speaker ? <SpeakerWindow /> : <App />}</LangProvider>
    </StrictMode>,
  );
}
