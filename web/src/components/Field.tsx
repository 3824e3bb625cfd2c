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

/** The ids a field's hint and error get; `sharedErrorId` points at another field's message. */
export function fieldIds(id: string, hint: ReactNode, error?: string, sharedErrorId?: string) {
  return {
    hintId: hint ? `${id}-hint` : undefined,
    errorId: error ? `${id}-error` : sharedErrorId,
  };
}

/** Label above, hint, inline error, then the control (GOV.UK order): the frame of every field. */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  sharedErrorId,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  sharedErrorId?: string;
  children: ReactNode;
}) {
  const { hintId, errorId } = fieldIds(id, hint, error, sharedErrorId);
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
      {children}
    </div>
  );
}

/** A text-like input in its field frame. */
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
  const { hintId, errorId } = fieldIds(id, hint, error, sharedErrorId);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} sharedErrorId={sharedErrorId}>
      <input
        id={id}
        className={className ? `input ${className}` : 'input'}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
        {...input}
      />
      {after}
    </FieldFrame>
  );
}
