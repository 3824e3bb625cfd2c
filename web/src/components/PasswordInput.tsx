import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
} from 'react';
import { t } from '../i18n';
import { describedBy, FieldFrame, fieldIds } from './Field';

interface Props extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'autoComplete'
> {
  id: string;
  label: string;
  autoComplete: 'current-password' | 'new-password';
  hint?: ReactNode;
  error?: string;
  sharedErrorId?: string;
  /** Rendered under the input, e.g. the "Forgot your password?" link. */
  after?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/**
 * GOV.UK-style password input: Show/Hide toggle (aria-controls, name "Show password"), state
 * announced in a live region, no maxlength, paste allowed, back to type=password on submit so
 * the browser still offers to save it.
 */
export function PasswordInput({
  id,
  label,
  hint,
  error,
  sharedErrorId,
  after,
  ref: externalRef,
  ...input
}: Props) {
  const [visible, setVisible] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const ref = useRef<HTMLInputElement | null>(null);
  const setRef = useCallback(
    (element: HTMLInputElement | null) => {
      ref.current = element;
      if (typeof externalRef === 'function') externalRef(element);
      else if (externalRef) externalRef.current = element;
    },
    [externalRef],
  );
  const { hintId, errorId } = fieldIds(id, hint, error, sharedErrorId);

  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return undefined;
    const hide = () => {
      // Synchronously, before the browser looks at the form to offer saving the password.
      if (ref.current) ref.current.type = 'password';
      setVisible(false);
    };
    form.addEventListener('submit', hide, true);
    return () => form.removeEventListener('submit', hide, true);
  }, []);

  const toggle = () => {
    const next = !visible;
    setVisible(next);
    setAnnouncement(t(next ? 'password.nowVisible' : 'password.nowHidden'));
  };

  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} sharedErrorId={sharedErrorId}>
      <div className="password">
        <input
          ref={setRef}
          id={id}
          className="input password__input"
          type={visible ? 'text' : 'password'}
          spellCheck={false}
          autoCapitalize="none"
          autoCorrect="off"
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy(hintId, errorId)}
          {...input}
        />
        <button
          type="button"
          className="button button--secondary password__toggle"
          aria-controls={id}
          onClick={toggle}
        >
          {visible ? t('password.hide') : t('password.show')}
          <span className="visually-hidden"> {t('password.noun')}</span>
        </button>
      </div>
      {/* aria-live without role=status: the page keeps a single status region for its own messages. */}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      {after}
    </FieldFrame>
  );
}
