import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useEffect } from 'react';

/**
 * Reads `?token=` once, keeps it in memory (and sessionStorage so a reload still works), then
 * replaces the URL without it so it does not linger in history, screenshots or referrers.
 */
export function useTokenFromUrl(storageKey: string): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState<string | null>(() => {
    const fromUrl = new URLSearchParams(location.search).get('token');
    try {
      if (fromUrl) window.sessionStorage.setItem(storageKey, fromUrl);
      return fromUrl ?? window.sessionStorage.getItem(storageKey);
    } catch {
      return fromUrl;
    }
  });

  useEffect(() => {
    const params = new URLSearchParams(location.search);
    if (!params.has('token')) return;
    params.delete('token');
    const rest = params.toString();
    // history.replaceState via the router, so the router's location stays in sync.
    navigate(
      { pathname: location.pathname, search: rest ? `?${rest}` : '' },
      { replace: true, state: location.state },
    );
  }, [location, navigate]);

  return token;
}

export function forgetToken(storageKey: string): void {
  try {
    window.sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing stored.
  }
}
