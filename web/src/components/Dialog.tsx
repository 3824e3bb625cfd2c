import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';

interface Props {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Destructive confirmations use role=alertdialog. */
  alert?: boolean;
  /** Element to focus on open; defaults to the first focusable one. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where focus goes if the trigger no longer exists when the dialog closes. */
  fallbackFocus?: RefObject<HTMLElement | null>;
  /** While busy, Escape does not close. */
  busy?: boolean;
  children: ReactNode;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.getClientRects().length > 0,
  );
}

/**
 * Modal dialog on the native <dialog> (top layer, inert background) plus an explicit Tab trap,
 * Escape to close and focus returned to the element that opened it.
 */
export function Dialog({
  open,
  onClose,
  title,
  alert,
  initialFocus,
  fallbackFocus,
  busy,
  children,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const target = initialFocus?.current ?? focusables(dialog)[0] ?? dialog;
      target.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocus]);

  useEffect(
    () => () => {
      if (ref.current?.open) ref.current.close();
    },
    [],
  );

  const handleClose = () => {
    const target = opener.current?.isConnected ? opener.current : fallbackFocus?.current;
    target?.focus();
    opener.current = null;
    if (open) onClose();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const items = focusables(ref.current);
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0] as HTMLElement;
    const last = items[items.length - 1] as HTMLElement;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !ref.current.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !ref.current.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      // Only the open dialog carries its role: a page holds several closed ones (one per card),
      // and "the alert dialog" in the document must be the one on screen.
      role={open ? (alert ? 'alertdialog' : 'dialog') : undefined}
      aria-modal={open ? 'true' : undefined}
      aria-labelledby={titleId}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
      onClose={handleClose}
      onKeyDown={handleKeyDown}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {open && children}
    </dialog>
  );
}
