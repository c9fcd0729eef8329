import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LangProvider } from './i18n/LangContext';
import './features/export/register-chart-export';
import { restoreGeoMaps } from './charts/geo-maps';
import './styles.css';

restoreGeoMaps();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <App />
    </LangProvider>
  </StrictMode>,
);
