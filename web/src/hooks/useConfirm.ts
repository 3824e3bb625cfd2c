import { useState } from 'react';
import { ApiError, type ErrorCode } from '../api/errors';
import { errorText } from '../lib/errorCopy';

/**
 * State of a confirmation dialog about one item: which item, whether the action runs, and why it
 * failed. Never optimistic: the dialog closes only after the action succeeded.
 */
export function useConfirm<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    if (busy) return;
    setTarget(null);
    setError(null);
  };

  const run = async (action: (target: T) => Promise<void>) => {
    if (target === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      await action(target);
      setTarget(null);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return { target, open: setTarget, close, run, busy, error };
}

/** A deletion whose target is already gone reached the end state the person wanted. */
export async function unlessGone(request: Promise<unknown>, code: ErrorCode): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (!(error instanceof ApiError && error.code === code)) throw error;
  }
}
