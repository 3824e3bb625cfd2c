import { useRef, useState } from 'react';
import { ApiError } from '../../api/errors';
import { isCancelled, passkeysApi, type Passkey } from '../../api/passkeys';
import { Badge } from '../../components/Badge';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { PasswordInput } from '../../components/PasswordInput';
import { Skeleton } from '../../components/Skeleton';
import type { StatusMessage } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { AbsoluteTime, RelativeTime } from '../../components/Time';
import { useForm } from '../../hooks/useForm';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { T } from '../../i18n/T';
import { errorText } from '../../lib/errorCopy';
import { str } from '../../lib/formData';
import { checkRequired } from '../../lib/validation';

interface Props {
  announce: (text: string, tone?: StatusMessage['tone']) => void;
}

/** Text for a failed browser ceremony or API call around passkeys. */
function passkeyError(error: unknown): string {
  if (isCancelled(error)) return t('passkeys.error.cancelled');
  if (error instanceof Error && error.name === 'InvalidStateError')
    return t('passkeys.error.exists');
  return errorText(error);
}

function KeyIcon() {
  return (
    <svg className="session__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M7 14a5 5 0 1 1 4.9-6H22v4h-2v3h-3v-3h-5.1A5 5 0 0 1 7 14zm0-3a2 2 0 1 0 0-4 2 2 0 0 0 0 4z" />
    </svg>
  );
}

const addFields = { name: 'passkey-name' } as const;

export function PasskeysCard({ announce }: Props) {
  const list = useResource(() => passkeysApi.list(), []);
  const add = useForm(addFields);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [removing, setRemoving] = useState<Passkey | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const supported = passkeysApi.supported();

  const onAdd = add.onSubmit(
    async (data, element) => {
      const name = str(data, 'name').trim() || t('passkeys.name.default');
      const created = await passkeysApi.register(name);
      element.reset();
      list.setData([...(list.data ?? []), created]);
      announce(t('passkeys.added', { name: created.name }));
    },
    {
      onError: (error) => {
        if (error instanceof ApiError) return false;
        add.showErrors({}, passkeyError(error));
        return true;
      },
    },
  );

  const replace = (updated: Passkey) =>
    list.setData((list.data ?? []).map((p) => (p.id === updated.id ? updated : p)));

  const name = add.field('name');
  return (
    <section className="card panel" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title" ref={headingRef} tabIndex={-1} className="panel__title">
        {t('passkeys.title')}
      </h2>
      <p className="muted">{t('passkeys.intro')}</p>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Skeleton lines={2} label={t('passkeys.loading')} />
      ) : list.data.length === 0 ? (
        <p>{t('passkeys.none')}</p>
      ) : (
        <ul className="sessions" aria-busy={list.loading || undefined}>
          {list.data.map((passkey) =>
            renaming === passkey.id ? (
              <RenameRow
                key={passkey.id}
                passkey={passkey}
                onDone={(updated) => {
                  setRenaming(null);
                  if (updated) {
                    replace(updated);
                    announce(t('passkeys.renamed', { name: updated.name }));
                  }
                }}
              />
            ) : (
              <li key={passkey.id} className="session">
                <KeyIcon />
                <div className="session__body">
                  <p>
                    <strong className="break">{passkey.name}</strong>{' '}
                    {passkey.backed_up && <Badge tone="neutral">{t('passkeys.synced')}</Badge>}
                  </p>
                  <p className="session__meta">
                    <T
                      k="passkeys.created"
                      values={{ date: <AbsoluteTime iso={passkey.created_at} /> }}
                    />
                    <span aria-hidden="true"> · </span>
                    {passkey.last_used_at ? (
                      <T
                        k="passkeys.lastUsed"
                        values={{ date: <RelativeTime iso={passkey.last_used_at} /> }}
                      />
                    ) : (
                      t('passkeys.neverUsed')
                    )}
                  </p>
                </div>
                <div className="actions session__action">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => setRenaming(passkey.id)}
                  >
                    <span aria-hidden="true">{t('passkeys.rename')}</span>
                    <span className="visually-hidden">
                      {t('passkeys.renameNamed', { name: passkey.name })}
                    </span>
                  </button>
                  <button
                    type="button"
                    className="button button--danger-outline button--small"
                    onClick={() => setRemoving(passkey)}
                  >
                    <span aria-hidden="true">{t('passkeys.remove')}</span>
                    <span className="visually-hidden">
                      {t('passkeys.removeNamed', { name: passkey.name })}
                    </span>
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {supported ? (
        <>
          <ErrorSummary items={add.items} general={add.general} focusKey={add.focusKey} />
          <form noValidate onSubmit={onAdd} aria-busy={add.pending || undefined} className="form">
            <Field
              id={name.id}
              name="name"
              label={t('passkeys.name.label')}
              hint={t('passkeys.name.hint')}
              autoComplete="off"
              maxLength={64}
              error={name.error}
            />
            <SubmitButton
              label={t('passkeys.add')}
              pendingLabel={t('passkeys.adding')}
              pending={add.pending}
              blocked={add.rateLimited}
              variant="secondary"
            />
          </form>
        </>
      ) : (
        <p className="muted">{t('passkeys.unsupported')}</p>
      )}
      <RemoveDialog
        passkey={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(id) => {
          setRemoving(null);
          list.setData((list.data ?? []).filter((p) => p.id !== id));
          announce(t('passkeys.removed'));
          headingRef.current?.focus();
        }}
      />
    </section>
  );
}

const renameFields = { name: 'passkey-rename' } as const;

function RenameRow({
  passkey,
  onDone,
}: {
  passkey: Passkey;
  onDone: (updated: Passkey | null) => void;
}) {
  const form = useForm(renameFields);
  const onSubmit = form.onSubmit(
    async (data) => {
      onDone(await passkeysApi.rename(passkey.id, str(data, 'name')));
    },
    { validate: (data) => ({ name: checkRequired(str(data, 'name'), 'passkeys.name.required') }) },
  );
  const field = form.field('name');
  return (
    <li className="session">
      <KeyIcon />
      <form
        noValidate
        onSubmit={onSubmit}
        aria-busy={form.pending || undefined}
        className="form session__body"
      >
        <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
        <Field
          id={field.id}
          name="name"
          label={t('passkeys.name.label')}
          defaultValue={passkey.name}
          autoComplete="off"
          maxLength={64}
          autoFocus
          error={field.error}
        />
        <div className="actions">
          <SubmitButton
            label={t('passkeys.rename.save')}
            pendingLabel={t('profile.saving')}
            pending={form.pending}
            className="button--small"
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onDone(null)}
          >
            {t('passkeys.rename.cancel')}
          </button>
        </div>
      </form>
    </li>
  );
}

const removeFields = { current_password: 'passkey-remove-password' } as const;

function RemoveDialog({
  passkey,
  onClose,
  onRemoved,
}: {
  passkey: Passkey | null;
  onClose: () => void;
  onRemoved: (id: number) => void;
}) {
  const form = useForm(removeFields);
  const [viaPasskey, setViaPasskey] = useState(false);
  const [checking, setChecking] = useState(false);
  const [reauthError, setReauthError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  const close = () => {
    if (form.pending || checking) return;
    form.clearErrors();
    setViaPasskey(false);
    setReauthError(null);
    onClose();
  };

  const confirmWithPasskey = async () => {
    setChecking(true);
    setReauthError(null);
    try {
      await passkeysApi.reauthenticate();
      setViaPasskey(true);
    } catch (error) {
      setReauthError(passkeyError(error));
    } finally {
      setChecking(false);
    }
  };

  const onSubmit = form.onSubmit(
    async (data) => {
      if (!passkey) return;
      await passkeysApi.remove(passkey.id, viaPasskey ? undefined : str(data, 'current_password'));
      setViaPasskey(false);
      onRemoved(passkey.id);
    },
    {
      validate: (data) => ({
        current_password: viaPasskey
          ? null
          : checkRequired(str(data, 'current_password'), 'field.currentPassword.required'),
      }),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'CURRENT_PASSWORD_INVALID') {
          setViaPasskey(false);
          form.showErrors({ current_password: t('error.currentPassword') });
          return true;
        }
        return false;
      },
    },
  );

  const current = form.field('current_password');
  return (
    <Dialog
      open={passkey !== null}
      onClose={close}
      title={t('passkeys.remove.title')}
      alert
      initialFocus={cancelRef}
      busy={form.pending || checking}
    >
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <p>{t('passkeys.remove.body', { name: passkey?.name ?? '' })}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        {viaPasskey ? (
          <p role="status">{t('passkeys.remove.confirmedWithPasskey')}</p>
        ) : (
          <>
            <PasswordInput
              id={current.id}
              name="current_password"
              label={t('field.currentPassword.label')}
              autoComplete="current-password"
              error={current.error}
            />
            {reauthError ? <p role="alert">{reauthError}</p> : null}
            <p>
              <button
                type="button"
                className="link-button"
                onClick={confirmWithPasskey}
                aria-disabled={checking || undefined}
              >
                {checking ? t('passkeys.adding') : t('passkeys.remove.withPasskey')}
              </button>
            </p>
          </>
        )}
        <div className="actions dialog__actions">
          <SubmitButton
            label={t('passkeys.remove.confirm')}
            pendingLabel={t('passkeys.remove.pending')}
            pending={form.pending}
            blocked={form.rateLimited}
            variant="danger"
          />
          <button
            ref={cancelRef}
            type="button"
            className="button button--secondary"
            onClick={close}
          >
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
