import { useRef, useState } from 'react';
import {
  clientsApi,
  type Application,
  type CreatedApplication as Created,
  type NewApplication,
} from '../../api/clients';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { StatusRegion, useStatus } from '../../components/Status';
import { unlessGone, useConfirm } from '../../hooks/useConfirm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { ApplicationForm } from './ApplicationForm';
import { ApplicationsTable } from './ApplicationsTable';
import { CreatedApplication } from './CreatedApplication';

/** `/admin/applications`: register, list, edit and delete OpenID clients (/api/admin/clients). */
export function ApplicationsPage() {
  const apps = useResource(() => clientsApi.list(), []);
  const status = useStatus();
  const [created, setCreated] = useState<Created | null>(null);
  const [editing, setEditing] = useState<Application | null>(null);
  const remove = useConfirm<Application>();
  const newTitleRef = useRef<HTMLHeadingElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('admin.apps.title'));

  const list = apps.data ?? [];
  const replace = (app: Application) =>
    apps.setData(list.map((item) => (item.client_id === app.client_id ? app : item)));

  const create = async (values: NewApplication) => {
    const app = await clientsApi.create(values);
    const { client_secret: _secret, ...listed } = app;
    apps.setData([listed, ...list]);
    setCreated(app);
    status.announce(t('admin.apps.created', { app: app.name }));
  };

  const save = async (values: NewApplication) => {
    if (!editing) return;
    const { name, redirect_uris, first_party } = values;
    const app = await clientsApi.update(editing.client_id, { name, redirect_uris, first_party });
    replace(app);
    setEditing(null);
    status.announce(t('admin.apps.saved', { app: app.name }));
  };

  const confirmDelete = () =>
    remove.run(async (app) => {
      await unlessGone(clientsApi.remove(app.client_id), 'CLIENT_NOT_FOUND');
      apps.setData(list.filter((item) => item.client_id !== app.client_id));
      status.announce(t('admin.apps.deleted', { app: app.name }));
    });

  return (
    <div className="admin">
      <PageHeading>{t('admin.apps.title')}</PageHeading>
      <p className="lead">{t('admin.apps.intro')}</p>
      <StatusRegion message={status.message} />
      {created ? (
        <CreatedApplication
          app={created}
          onDone={() => {
            setCreated(null);
            requestAnimationFrame(() => newTitleRef.current?.focus());
          }}
        />
      ) : (
        <section className="card panel" aria-labelledby="new-app-title">
          <h2 id="new-app-title" ref={newTitleRef} tabIndex={-1} className="panel__title">
            {t('admin.apps.new.title')}
          </h2>
          <ApplicationForm
            idPrefix="new-app"
            askPublic
            submitLabel={t('admin.apps.new.submit')}
            pendingLabel={t('admin.apps.new.pending')}
            onSubmit={create}
          />
        </section>
      )}
      <section className="panel" aria-labelledby="apps-list-title">
        <h2 id="apps-list-title" ref={headingRef} tabIndex={-1} className="panel__title">
          {apps.data ? t('admin.apps.total', { count: list.length }) : t('admin.apps.title')}
        </h2>
        {apps.error ? (
          <LoadError error={apps.error} onRetry={apps.reload} />
        ) : !apps.data ? (
          <Skeleton lines={4} />
        ) : (
          <ApplicationsTable apps={list} onEdit={setEditing} onDelete={remove.open} />
        )}
      </section>
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('admin.apps.edit.title', { app: editing.name }) : ''}
        fallbackFocus={headingRef}
      >
        {editing && (
          <ApplicationForm
            idPrefix="edit-app"
            initial={editing}
            askPublic={false}
            submitLabel={t('admin.apps.edit.submit')}
            pendingLabel={t('admin.apps.edit.pending')}
            onSubmit={save}
          >
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setEditing(null)}
            >
              {t('dialog.cancel')}
            </button>
          </ApplicationForm>
        )}
      </Dialog>
      <ConfirmDialog
        open={remove.target !== null}
        title={remove.target ? t('admin.apps.delete.title', { app: remove.target.name }) : ''}
        confirmLabel={t('admin.apps.delete.confirm')}
        pendingLabel={t('admin.apps.delete.pending')}
        busy={remove.busy}
        error={remove.error}
        onConfirm={confirmDelete}
        onClose={remove.close}
        fallbackFocus={headingRef}
      >
        <p>{t('admin.apps.delete.body')}</p>
      </ConfirmDialog>
    </div>
  );
}
