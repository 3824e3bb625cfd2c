import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { AuthProvider } from './auth/AuthProvider';
import { initialLocale, setLocale } from './i18n';
import './styles/base.css';
import './styles/controls.css';
import './styles/feedback.css';
import './styles/data.css';
import './styles/shell.css';
import './styles/app.css';
import './styles/admin.css';

performance.mark('gatehouse:start');

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

function render(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <BrowserRouter>
        <AuthProvider>
          <App />
        </AuthProvider>
      </BrowserRouter>
    </StrictMode>,
  );
  requestAnimationFrame(() => performance.mark('gatehouse:first-render'));
}

// The first render is already in the chosen language (its catalog loads first, English is built in).
const { locale, pseudo } = initialLocale();
setLocale(locale, { pseudo }).then(
  () => render(root),
  () => setLocale('en').then(() => render(root)),
);
