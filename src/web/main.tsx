import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app.tsx';
import { I18nProvider, initialLanguage } from './i18n/i18n.tsx';
import { SessionProvider } from './session.tsx';
import './styles.css';

const language = initialLanguage();
// Before the first paint, so the page is never announced in the wrong language.
document.documentElement.lang = language;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <I18nProvider initial={language}>
      <SessionProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
