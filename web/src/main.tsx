import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { AuthProvider } from './auth/AuthProvider';
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

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider>
        <App />
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);

requestAnimationFrame(() => performance.mark('gatehouse:first-render'));
