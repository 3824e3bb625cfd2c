import { useCallback, useEffect, useState } from 'react';

/** A seconds countdown driven by Date.now (so a mocked clock drives it too). */
export function useCountdown() {
  const [endAt, setEndAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (endAt === null) return undefined;
    const id = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= endAt) setEndAt(null);
    }, 500);
    return () => window.clearInterval(id);
  }, [endAt]);

  const start = useCallback((seconds: number) => {
    const current = Date.now();
    setNow(current);
    setEndAt(current + seconds * 1000);
  }, []);

  const stop = useCallback(() => setEndAt(null), []);

  const remaining = endAt === null ? 0 : Math.max(0, Math.ceil((endAt - now) / 1000));
  return { remaining, active: remaining > 0, start, stop };
}
