import { useEffect, useState } from 'react';
import { t } from '../i18n';

/** Says so when the browser goes offline; the live region is always present (WCAG 4.1.3). */
export function OfflineBanner() {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return (
    <div className="offline-banner" aria-live="polite">
      {online ? null : <p>{t('app.offline')}</p>}
    </div>
  );
}
