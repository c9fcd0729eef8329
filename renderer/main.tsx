import { startEngineOnce } from './db/engine';
import { isSpeakerWindow } from './features/present';
import './styles.css';

// The speaker window (notes beside a projected presentation) needs no database.
const speaker = isSpeakerWindow();
// The engine first: this entry holds only what starts the worker and the 34 MB wasm compile, so they run
// while the rest of the app (React, the screens, ECharts) is fetched and evaluated.
if (!speaker) void startEngineOnce().catch(() => undefined);
void import('./app-root').then((m) => m.mountApp(speaker));
