import type { ButtonHTMLAttributes } from 'react';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  label: string;
  pendingLabel: string;
  pending: boolean;
  /** Hard-disabled (e.g. while a 429 countdown runs). */
  blocked?: boolean;
  variant?: 'primary' | 'secondary' | 'danger';
}

/** Keeps focus while pending (aria-disabled), swaps in "…ing" text and a spinner. */
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
  return (
    <button
      type="submit"
      className={classes}
      aria-disabled={pending || blocked ? true : undefined}
      disabled={blocked}
      {...rest}
    >
      {pending && <span className="spinner" aria-hidden="true" />}
      {pending ? pendingLabel : label}
    </button>
  );
}
