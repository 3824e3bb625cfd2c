import { useEffect, useRef, useState } from 'react';
import { socialApi } from '../../api/social';
import { StatusRegion, type StatusMessage } from '../../components/Status';
import { t } from '../../i18n';
import { takePendingLink } from './pendingLink';

/**
 * After "Sign in to link your <provider> account": once signed in, finishes the link the server
 * holds for this browser, and says how it went.
 */
export function PendingLink() {
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const provider = takePendingLink();
    if (!provider) return;
    socialApi.link().then(
      () => setMessage({ text: t('social.link.done', { provider }), tone: 'success', n: 1 }),
      () => setMessage({ text: t('social.link.failed', { provider }), tone: 'error', n: 1 }),
    );
  }, []);
  return message ? <StatusRegion message={message} /> : null;
}
