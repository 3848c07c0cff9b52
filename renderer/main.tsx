// Renderer entry: theme before first paint, translations, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as zodConfig } from 'zod';
import './styles/theme.css';
import './styles/base.css';
import './ui/ui.css';
import './app/shell.css';
import './features/features.css';
import { applyCachedTheme } from './lib/theme.ts';
import { initI18n } from './i18n/index.ts';
import { App } from './app/App.tsx';

// The CSP forbids eval; tell zod up front instead of letting it probe (and log a CSP violation).
zodConfig({ jitless: true });
applyCachedTheme();

const container = document.getElementById('root');
if (!container) throw new Error('WireDesk: #root is missing from index.html');

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
