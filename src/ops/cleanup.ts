import type { AppContext } from '../app-context.js';

/** Periodic removal of expired rows. Placeholder: returns the function that stops it. */
export function startCleanupScheduler(_ctx: AppContext): () => void {
  return () => undefined;
}
