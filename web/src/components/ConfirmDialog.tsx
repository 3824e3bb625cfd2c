import type { ReactNode, RefObject } from 'react';
import { Dialog } from './Dialog';
import { t } from '../i18n';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  busy: boolean;
  /** Why the last attempt failed, shown inside the dialog (nothing changed). */
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
  fallbackFocus?: RefObject<HTMLElement | null>;
  /** A destructive change (default): role=alertdialog and a danger button. */
  destructive?: boolean;
}

/** A confirmation: what happens, Confirm and Cancel; the error of a failed attempt inside. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  busy,
  error,
  onConfirm,
  onClose,
  fallbackFocus,
  destructive = true,
}: Props) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      alert={destructive}
      busy={busy}
      fallbackFocus={fallbackFocus}
    >
      {children}
      {error && (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      )}
      <div className="actions dialog__actions">
        <button
          type="button"
          className={destructive ? 'button button--danger' : 'button button--primary'}
          onClick={onConfirm}
          aria-disabled={busy || undefined}
        >
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('dialog.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
