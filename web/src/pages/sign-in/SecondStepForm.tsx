import { useState } from 'react';
import { ApiError } from '../../api/errors';
import type { MfaChallenge, User } from '../../api/types';
import { useAuth } from '../../auth/context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { str } from '../../lib/formData';
import { checkRequired } from '../../lib/validation';

const codeFields = { code: 'mfa-code' } as const;
const recoveryFields = { recovery_code: 'mfa-recovery-code' } as const;

interface Props {
  challenge: MfaChallenge;
  /** Called once signed in. */
  onSignedIn: (user: User) => Promise<void> | void;
  /** The mfa_token expired or was spent: back to the password. */
  onRestart: () => void;
}

/** "Enter the 6-digit code", after the right password, with a way to use a recovery code. */
export function SecondStepForm({ challenge, onSignedIn, onRestart }: Props) {
  const [recovery, setRecovery] = useState(false);
  return recovery ? (
    <RecoveryCodeForm
      challenge={challenge}
      onSignedIn={onSignedIn}
      onRestart={onRestart}
      back={() => setRecovery(false)}
    />
  ) : (
    <CodeForm
      challenge={challenge}
      onSignedIn={onSignedIn}
      onRestart={onRestart}
      chooseRecovery={() => setRecovery(true)}
    />
  );
}

function restartOn(error: unknown, onRestart: () => void): boolean {
  if (error instanceof ApiError && error.code === 'MFA_TOKEN_INVALID') {
    onRestart();
    return true;
  }
  return false;
}

function CodeForm({
  challenge,
  onSignedIn,
  onRestart,
  chooseRecovery,
}: Props & { chooseRecovery: () => void }) {
  const { completeSecondStep } = useAuth();
  const form = useForm(codeFields);
  usePageTitle(t('mfa.code.title'));
  const onSubmit = form.onSubmit(
    async (data, element) => {
      const code = str(data, 'code').replace(/\s/g, '');
      let user: User;
      try {
        user = await completeSecondStep(challenge.mfa_token, { code });
      } catch (error) {
        element.reset();
        throw error;
      }
      await onSignedIn(user);
    },
    {
      validate: (data) => ({
        code: /^[0-9]{6}$/.test(str(data, 'code').replace(/\s/g, '')) ? null : 'mfa.code.format',
      }),
      onError: (error) => restartOn(error, onRestart),
    },
  );
  const code = form.field('code');
  return (
    <>
      <PageHeading>{t('mfa.code.title')}</PageHeading>
      <p>{t('mfa.code.intro')}</p>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={code.id}
          name="code"
          label={t('mfa.code.label')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          spellCheck={false}
          autoFocus
          error={code.error}
        />
        <SubmitButton
          label={t('mfa.code.submit')}
          pendingLabel={t('mfa.code.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
      {challenge.methods.includes('recovery_code') && (
        <p className="card__footer">
          <button type="button" className="link-button" onClick={chooseRecovery}>
            {t('mfa.code.useRecovery')}
          </button>
        </p>
      )}
    </>
  );
}

function RecoveryCodeForm({
  challenge,
  onSignedIn,
  onRestart,
  back,
}: Props & { back: () => void }) {
  const { completeSecondStep } = useAuth();
  const form = useForm(recoveryFields);
  usePageTitle(t('mfa.recovery.title'));
  const onSubmit = form.onSubmit(
    async (data) => {
      const user = await completeSecondStep(challenge.mfa_token, {
        recovery_code: str(data, 'recovery_code').trim(),
      });
      await onSignedIn(user);
    },
    {
      validate: (data) => ({
        recovery_code: checkRequired(str(data, 'recovery_code').trim(), 'mfa.recovery.required'),
      }),
      onError: (error) => restartOn(error, onRestart),
    },
  );
  const field = form.field('recovery_code');
  return (
    <>
      <PageHeading>{t('mfa.recovery.title')}</PageHeading>
      <p>{t('mfa.recovery.intro')}</p>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={field.id}
          name="recovery_code"
          label={t('mfa.recovery.label')}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          autoFocus
          error={field.error}
        />
        <SubmitButton
          label={t('mfa.code.submit')}
          pendingLabel={t('mfa.code.pending')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
      <p className="card__footer">
        <button type="button" className="link-button" onClick={back}>
          {t('mfa.recovery.useCode')}
        </button>
      </p>
    </>
  );
}
