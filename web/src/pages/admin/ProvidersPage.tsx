import { useRef } from 'react';
import { socialApi, type AdminProvider, type NewProvider } from '../../api/social';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, FieldFrame } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { StatusRegion, useStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { unlessGone, useConfirm } from '../../hooks/useConfirm';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useResource } from '../../hooks/useResource';
import { t, type MessageKey } from '../../i18n';
import { str } from '../../lib/formData';

const PRESETS = ['oidc', 'google', 'microsoft', 'github'] as const;
const presetLabel: Record<(typeof PRESETS)[number], MessageKey> = {
  oidc: 'admin.providers.preset.oidc',
  google: 'admin.providers.preset.google',
  microsoft: 'admin.providers.preset.microsoft',
  github: 'admin.providers.preset.github',
};

const fields = {
  id: 'new-provider-id',
  preset: 'new-provider-preset',
  name: 'new-provider-name',
  client_id: 'new-provider-client-id',
  client_secret: 'new-provider-client-secret',
  issuer: 'new-provider-issuer',
  tenant: 'new-provider-tenant',
} as const;

/** `/admin/providers`: the upstream sign-in providers, "Add provider", and "Remove". */
export function ProvidersPage() {
  const providers = useResource(() => socialApi.adminList(), []);
  const status = useStatus();
  const remove = useConfirm<AdminProvider>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm(fields);
  usePageTitle(t('admin.providers.title'));
  const list = providers.data ?? [];

  const onSubmit = form.onSubmit(
    async (data, element) => {
      const optional = (name: string) => str(data, name).trim() || undefined;
      const body: NewProvider = {
        id: str(data, 'id').trim(),
        preset: str(data, 'preset') as NewProvider['preset'],
        client_id: str(data, 'client_id').trim(),
        name: optional('name'),
        client_secret: optional('client_secret'),
        issuer: optional('issuer'),
        tenant: optional('tenant'),
      };
      const added = await socialApi.adminAdd(body);
      element.reset();
      providers.setData([...list, added]);
      status.announce(t('admin.providers.added', { name: added.name }));
    },
    {
      validate: (data) => ({
        id: /^[a-z0-9][a-z0-9-]{0,39}$/.test(str(data, 'id').trim())
          ? null
          : 'admin.providers.field.id.invalid',
        preset: null,
        name: null,
        client_id: str(data, 'client_id').trim() ? null : 'admin.providers.field.clientId.required',
        client_secret: null,
        issuer: null,
        tenant: null,
      }),
    },
  );

  const confirmRemove = () =>
    remove.run(async (provider) => {
      await unlessGone(socialApi.adminRemove(provider.id), 'PROVIDER_NOT_FOUND');
      providers.setData(list.filter((item) => item.id !== provider.id));
      status.announce(t('admin.providers.removed', { name: provider.name }));
    });

  const field = (name: keyof typeof fields) => form.field(name);
  return (
    <div className="admin">
      <PageHeading>{t('admin.providers.title')}</PageHeading>
      <p className="lead">{t('admin.providers.intro')}</p>
      <StatusRegion message={status.message} />
      <section className="panel" aria-labelledby="providers-list-title">
        <h2 id="providers-list-title" ref={headingRef} tabIndex={-1} className="panel__title">
          {t('admin.providers.caption')}
        </h2>
        {providers.error ? (
          <LoadError error={providers.error} onRetry={providers.reload} />
        ) : !providers.data ? (
          <Skeleton lines={3} label={t('admin.providers.loading')} />
        ) : list.length === 0 ? (
          <div className="empty">
            <p>{t('admin.providers.none')}</p>
          </div>
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-label={t('admin.providers.caption')}
            tabIndex={0}
          >
            <table className="table">
              <caption className="visually-hidden">{t('admin.providers.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.providers.col.name')}</th>
                  <th scope="col">{t('admin.providers.col.preset')}</th>
                  <th scope="col">{t('admin.providers.col.callback')}</th>
                  <th scope="col">{t('admin.providers.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((provider) => (
                  <tr key={provider.id}>
                    <td>
                      <span className="table__primary">{provider.name}</span>
                      <span className="table__secondary">
                        <code>{provider.id}</code>
                      </span>
                    </td>
                    <td>
                      {PRESETS.includes(provider.preset as (typeof PRESETS)[number])
                        ? t(presetLabel[provider.preset as (typeof PRESETS)[number]])
                        : provider.preset}
                    </td>
                    <td>
                      <code className="break">{provider.callback_url}</code>
                    </td>
                    <td>
                      {provider.source === 'env' ? (
                        <Badge tone="neutral">{t('admin.providers.source.env')}</Badge>
                      ) : (
                        <button
                          type="button"
                          className="button button--danger-outline button--small"
                          onClick={() => remove.open(provider)}
                          aria-label={t('admin.providers.removeNamed', { name: provider.name })}
                        >
                          {t('admin.providers.remove')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card panel" aria-labelledby="new-provider-title">
        <h2 id="new-provider-title" className="panel__title">
          {t('admin.providers.add')}
        </h2>
        <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
        <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
          <Field
            id={field('id').id}
            name="id"
            label={t('admin.providers.field.id')}
            hint={t('admin.providers.field.id.hint')}
            autoComplete="off"
            spellCheck={false}
            error={field('id').error}
          />
          <FieldFrame id={field('preset').id} label={t('admin.providers.field.preset')}>
            <select id={field('preset').id} name="preset" className="select" defaultValue="oidc">
              {PRESETS.map((preset) => (
                <option key={preset} value={preset}>
                  {t(presetLabel[preset])}
                </option>
              ))}
            </select>
          </FieldFrame>
          <Field
            id={field('name').id}
            name="name"
            label={t('admin.providers.field.name')}
            hint={t('admin.providers.field.name.hint')}
            autoComplete="off"
            error={field('name').error}
          />
          <Field
            id={field('client_id').id}
            name="client_id"
            label={t('admin.providers.field.clientId')}
            autoComplete="off"
            spellCheck={false}
            error={field('client_id').error}
          />
          <Field
            id={field('client_secret').id}
            name="client_secret"
            type="password"
            label={t('admin.providers.field.clientSecret')}
            hint={t('admin.providers.field.clientSecret.hint')}
            autoComplete="off"
            error={field('client_secret').error}
          />
          <Field
            id={field('issuer').id}
            name="issuer"
            type="url"
            label={t('admin.providers.field.issuer')}
            hint={t('admin.providers.field.issuer.hint')}
            autoComplete="off"
            spellCheck={false}
            error={field('issuer').error}
          />
          <Field
            id={field('tenant').id}
            name="tenant"
            label={t('admin.providers.field.tenant')}
            hint={t('admin.providers.field.tenant.hint')}
            autoComplete="off"
            spellCheck={false}
            error={field('tenant').error}
          />
          <SubmitButton
            label={t('admin.providers.add')}
            pendingLabel={t('admin.providers.adding')}
            pending={form.pending}
            blocked={form.rateLimited}
          />
        </form>
      </section>
      <ConfirmDialog
        open={remove.target !== null}
        title={t('admin.providers.remove.title')}
        confirmLabel={t('admin.providers.remove.confirm')}
        pendingLabel={t('admin.providers.remove.confirm')}
        busy={remove.busy}
        error={remove.error}
        onConfirm={confirmRemove}
        onClose={remove.close}
        fallbackFocus={headingRef}
      >
        <p>{t('admin.providers.remove.body', { name: remove.target?.name ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}
