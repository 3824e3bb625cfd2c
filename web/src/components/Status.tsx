import { useCallback, useState } from 'react';

export interface StatusMessage {
  text: string;
  tone: 'success' | 'info' | 'error';
  n: number;
}

/** State for a polite live region; `announce` re-announces even identical text. */
export function useStatus() {
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const announce = useCallback((text: string, tone: StatusMessage['tone'] = 'success') => {
    setMessage((prev) => ({ text, tone, n: (prev?.n ?? 0) + 1 }));
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  return { message, announce, clear };
}

/** Always in the DOM (so assistive tech is listening before text arrives, WCAG 4.1.3). */
export function StatusRegion({
  message,
  className,
}: {
  message: StatusMessage | null;
  className?: string;
}) {
  const classes = [
    'status',
    message ? `status--${message.tone}` : 'status--empty',
    className,
  ].filter(Boolean);
  return (
    <div role="status" className={classes.join(' ')}>
      {message && <p key={message.n}>{message.text}</p>}
    </div>
  );
}
