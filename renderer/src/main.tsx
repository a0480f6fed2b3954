import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './App.js';
import { applyTheme, rememberedTheme } from './theme.js';
import { LanguageProvider } from './i18n/index.js';

applyTheme(rememberedTheme());
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <LanguageProvider>
      <App />
    </LanguageProvider>,
  );
