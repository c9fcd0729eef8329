import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LangProvider } from './i18n/LangContext';
import { restoreGeoMaps } from './charts/geo-maps';
import { registerChartExport } from './features/export';
import { installWindowDrop } from './features/import';
import { SpeakerWindow } from './features/present';
import { earlyStarter } from './db/starter-answer';
import { workspace } from './workspace';

/** The UI, loaded by main.tsx after it has started the engine. */
export function mountApp(speaker: boolean): void {
  // For the start-up benchmark's split (bench/browser.ts): the app's code fetched and evaluated.
  performance.mark('sgw:app-evaluated');
  registerChartExport();
  if (!speaker) {
    // The starter chart's build-time answer checked while React renders the first screen (use-starter-chart.ts).
    void earlyStarter(workspace.get('lang'));
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
