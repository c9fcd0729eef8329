import { bundledFile, engineWorker } from './db/boot';
import { isSpeakerWindow } from './features/present';
import './styles.css';

// The speaker window (notes beside a projected presentation) needs no database.
const speaker = isSpeakerWindow();
// The engine first: its worker starts compiling the 27 MB wasm and the bundled files download before the
// engine's JS (duckdb-wasm, Arrow) and the app (React, the screens, ECharts) are fetched and evaluated.
if (!speaker) {
  engineWorker();
  bundledFile('catalog.json').catch(() => undefined);
  void import('./db/engine').then((m) => m.startEngineOnce()).catch(() => undefined);
}
void import('./app-root').then((m) => m.mountApp(speaker));
