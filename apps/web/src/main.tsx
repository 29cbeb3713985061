import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/styles.css';
import './app/print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { languageReady } from './app/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
// The first page in her worker's language, not English for a moment.
await languageReady;

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
