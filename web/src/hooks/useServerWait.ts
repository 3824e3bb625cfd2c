import { useEffect, useState, useSyncExternalStore } from 'react';
import { serverWaitUntil, subscribeServerWait } from '../api/serverWait';

/** Seconds until a request that the server asked to wait is sent again; 0 when none waits. */
export function useServerWait(): number {
  const until = useSyncExternalStore(subscribeServerWait, serverWaitUntil);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return undefined;
    setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, [until]);
  return until === null ? 0 : Math.max(1, Math.ceil((until - now) / 1000));
}
