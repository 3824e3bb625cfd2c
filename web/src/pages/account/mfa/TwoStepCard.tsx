import { useState } from 'react';
import { mfaApi } from '../../../api/mfa';
import type { MfaStatus, TotpSetup } from '../../../api/types';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Field } from '../../../components/Field';
import { LoadError } from '../../../components/LoadError';
import { PasswordInput } from '../../../components/PasswordInput';
import { QrCode } from '../../../components/QrCode';
import { SubmitButton } from '../../../components/SubmitButton';
import { AbsoluteTime } from '../../../components/Time';
import { useForm } from '../../../hooks/useForm';
import { useResource } from '../../../hooks/useResource';
import { t } from '../../../i18n';
import { str } from '../../../lib/formData';
import { checkRequired } from '../../../lib/validation';
import { RecoveryCodesView } from './RecoveryCodesView';

type Mode = 'idle' | 'setup-password' | 'setup-scan' | 'codes' | 'regenerate' | 'disable';

interface Props {
  announce: (text: string) => void;
  /** Called once two-step verification is turned on (an admin who had to enrol may go on). */
  onEnabled?: () => void;
}

/** Security page section "Two-step verification": enable, recovery codes, regenerate, disable. */
export function TwoStepCard({ announce, onEnabled }: Props) {
  const status = useResource(() => mfaApi.status(), []);
  const [mode, setMode] = useState<Mode>('idle');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  const showCodes = (fresh: string[]) => {
    setCodes(fresh);
    setMode('codes');
  };

  let body;
  if (status.error) body = <LoadError error={status.error} onRetry={status.reload} />;
  else if (!status.data) body = <p>{t('mfa.loading')}</p>;
  else if (mode === 'codes' && codes)
    body = (
      <RecoveryCodesView
        codes={codes}
        onDone={() => {
          setCodes(null);
          setMode('idle');
        }}
      />
    );
  else if (mode === 'setup-password')
    body = (
      <PasswordStep
        submitLabel={t('mfa.setup.continue')}
        onCancel={() => setMode('idle')}
        run={async (password) => {
          setSetup(await mfaApi.setup(password));
          setMode('setup-scan');
        }}
      />
    );
  else if (mode === 'setup-scan' && setup)
    body = (
      <ScanStep
        setup={setup}
        onCancel={() => setMode('idle')}
        onConfirmed={(fresh) => {
          setSetup(null);
          status.reload();
          announce(t('mfa.enabled'));
          showCodes(fresh);
          onEnabled?.();
        }}
      />
    );
  else if (mode === 'regenerate')
    body = (
      <PasswordStep
        submitLabel={t('mfa.regenerate.submit')}
        onCancel={() => setMode('idle')}
        run={async (password) => {
          const fresh = await mfaApi.regenerate(password);
          status.reload();
          announce(t('mfa.regenerate.done'));
          showCodes(fresh.recovery_codes);
        }}
      />
    );
  else if (mode === 'disable')
    body = (
      <DisableStep
        onCancel={() => setMode('idle')}
        onDisabled={() => {
          setMode('idle');
          status.reload();
          announce(t('mfa.disabled'));
        }}
      />
    );
  else body = <Overview status={status.data} onAction={setMode} />;

  return (
    <section className="card panel" aria-labelledby="mfa-title">
      <h2 id="mfa-title" className="panel__title">
        {t('mfa.title')}
      </h2>
      {body}
    </section>
  );
}

function Overview({ status, onAction }: { status: MfaStatus; onAction: (mode: Mode) => void }) {
  if (!status.totp.enabled) {
    return (
      <>
        {status.enrolment_required && (
          <p className="mfa__required" role="alert">
            {t('mfa.enrolRequired')}
          </p>
        )}
        <p>{t('mfa.off')}</p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => onAction('setup-password')}
        >
          {t('mfa.setup.start')}
        </button>
      </>
    );
  }
  return (
    <>
      <p>
        {t('mfa.on')}{' '}
        {status.totp.enabled_at && (
          <>
            {t('mfa.onSince')} <AbsoluteTime iso={status.totp.enabled_at} />
          </>
        )}
      </p>
      <p>{t('mfa.codesLeft', { count: status.recovery_codes_remaining })}</p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onAction('regenerate')}
        >
          {t('mfa.regenerate.start')}
        </button>
        <button
          type="button"
          className="button button--danger-outline"
          onClick={() => onAction('disable')}
        >
          {t('mfa.disable.start')}
        </button>
      </div>
    </>
  );
}

const passwordFields = { current_password: 'mfa-current-password' } as const;

/** Re-authentication with the current password before a change. */
function PasswordStep({
  submitLabel,
  run,
  onCancel,
}: {
  submitLabel: string;
  run: (password: string) => Promise<void>;
  onCancel: () => void;
}) {
  const form = useForm(passwordFields);
  const onSubmit = form.onSubmit((data) => run(str(data, 'current_password')), {
    validate: (data) => ({
      current_password: checkRequired(
        str(data, 'current_password'),
        'field.currentPassword.required',
      ),
    }),
  });
  const field = form.field('current_password');
  return (
    <>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <PasswordInput
          id={field.id}
          name="current_password"
          label={t('field.currentPassword.label')}
          hint={t('mfa.passwordHint')}
          autoComplete="current-password"
          error={field.error}
        />
        <div className="actions">
          <SubmitButton
            label={submitLabel}
            pendingLabel={t('mfa.pending')}
            pending={form.pending}
            blocked={form.rateLimited}
          />
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('mfa.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}

const codeFields = { code: 'mfa-setup-code' } as const;

function ScanStep({
  setup,
  onConfirmed,
  onCancel,
}: {
  setup: TotpSetup;
  onConfirmed: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const form = useForm(codeFields);
  const onSubmit = form.onSubmit(
    async (data) => {
      const result = await mfaApi.confirm(str(data, 'code').replace(/\s/g, ''));
      onConfirmed(result.recovery_codes);
    },
    {
      validate: (data) => ({
        code: /^[0-9]{6}$/.test(str(data, 'code').replace(/\s/g, '')) ? null : 'mfa.code.format',
      }),
    },
  );
  const field = form.field('code');
  // Groups of four, as authenticator apps show them.
  const grouped = setup.secret.match(/.{1,4}/g)?.join(' ') ?? setup.secret;
  return (
    <>
      <ol className="steps">
        <li>{t('mfa.setup.scan')}</li>
        <li>{t('mfa.setup.enterCode')}</li>
      </ol>
      <QrCode text={setup.otpauth_uri} label={t('mfa.setup.qrLabel')} />
      <p>
        {t('mfa.setup.manual')}{' '}
        <code className="secret" data-testid="totp-secret">
          {grouped}
        </code>
      </p>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={field.id}
          name="code"
          label={t('mfa.code.label')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          spellCheck={false}
          error={field.error}
        />
        <div className="actions">
          <SubmitButton
            label={t('mfa.setup.confirm')}
            pendingLabel={t('mfa.pending')}
            pending={form.pending}
            blocked={form.rateLimited}
          />
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('mfa.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}

const disableFields = {
  current_password: 'mfa-disable-password',
  code: 'mfa-disable-code',
} as const;

function DisableStep({ onDisabled, onCancel }: { onDisabled: () => void; onCancel: () => void }) {
  const form = useForm(disableFields);
  const onSubmit = form.onSubmit(
    async (data) => {
      const code = str(data, 'code').replace(/\s/g, '');
      // Six digits: a code from the app; anything else: a recovery code.
      const proof = /^[0-9]{6}$/.test(code) ? { code } : { recovery_code: code };
      await mfaApi.disable(str(data, 'current_password'), proof);
      onDisabled();
    },
    {
      validate: (data) => ({
        current_password: checkRequired(
          str(data, 'current_password'),
          'field.currentPassword.required',
        ),
        code: checkRequired(str(data, 'code').trim(), 'mfa.disable.codeRequired'),
      }),
      onError: (error) => {
        // The server names the field `recovery_code` for a wrong recovery code: one field here.
        if (error && typeof error === 'object' && 'errors' in error) {
          const errors = (error as { errors: Record<string, string> }).errors;
          if (errors.recovery_code) {
            form.showErrors({ code: errors.recovery_code });
            return true;
          }
        }
        return false;
      },
    },
  );
  const password = form.field('current_password');
  const code = form.field('code');
  return (
    <>
      <p>{t('mfa.disable.intro')}</p>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <PasswordInput
          id={password.id}
          name="current_password"
          label={t('field.currentPassword.label')}
          autoComplete="current-password"
          error={password.error}
        />
        <Field
          id={code.id}
          name="code"
          label={t('mfa.disable.codeLabel')}
          autoComplete="one-time-code"
          spellCheck={false}
          error={code.error}
        />
        <div className="actions">
          <SubmitButton
            label={t('mfa.disable.submit')}
            pendingLabel={t('mfa.pending')}
            pending={form.pending}
            blocked={form.rateLimited}
            variant="danger"
          />
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('mfa.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
