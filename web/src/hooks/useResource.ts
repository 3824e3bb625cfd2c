import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** Loads data for a page; keeps the previous data while reloading and ignores stale answers. */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  // The loader is memoised on the dependencies the caller passes, like useEffect.
  const loader = useCallback(load, deps);

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    setError(null);
    loader().then(
      (value) => {
        if (request !== latest.current) return;
        setData(value);
        setLoading(false);
      },
      (reason: unknown) => {
        if (request !== latest.current) return;
        setError(reason);
        setLoading(false);
      },
    );
  }, [loader, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload, setData };
}
