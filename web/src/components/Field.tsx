import type { InputHTMLAttributes, ReactNode } from 'react';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Marks the field invalid, pointing at another field's message (e.g. sign-in credentials). */
  sharedErrorId?: string;
  after?: ReactNode;
}

export function describedBy(...ids: Array<string | undefined | false>): string | undefined {
  const list = ids.filter(Boolean);
  return list.length > 0 ? list.join(' ') : undefined;
}

/** Label above, hint, inline error, then the input (GOV.UK order). */
export function Field({
  id,
  label,
  hint,
  error,
  sharedErrorId,
  after,
  className,
  ...input
}: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : sharedErrorId;
  return (
    <div className={errorId ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <input
        id={id}
        className={className ? `input ${className}` : 'input'}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
        {...input}
      />
      {after}
    </div>
  );
}
