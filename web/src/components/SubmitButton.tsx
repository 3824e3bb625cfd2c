import type { ButtonHTMLAttributes } from 'react';
import { useServerWait } from '../hooks/useServerWait';
import { t } from '../i18n';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  label: string;
  pendingLabel: string;
  pending: boolean;
  /** Hard-disabled (e.g. while a 429 countdown runs). */
  blocked?: boolean;
  variant?: 'primary' | 'secondary' | 'danger';
}

/**
 * Keeps focus while pending (aria-disabled), swaps in "…ing" text and a spinner; says so while
 * the request waits to be sent again because the server asked it to (503 with Retry-After).
 */
export function SubmitButton({
  label,
  pendingLabel,
  pending,
  blocked,
  variant = 'primary',
  className,
  ...rest
}: Props) {
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  const waitSeconds = useServerWait();
  return (
    <button
      type="submit"
      className={classes}
      aria-disabled={pending || blocked ? true : undefined}
      disabled={blocked}
      {...rest}
    >
      {pending && <span className="spinner" aria-hidden="true" />}
      {pending
        ? waitSeconds > 0
          ? t('request.waiting', { seconds: waitSeconds })
          : pendingLabel
        : label}
    </button>
  );
}
