import { useRef, useState } from 'react';
import { usersApi } from '../../api/users';
import { useUser } from '../../auth/context';
import { PageHeading } from '../../components/PageHeading';
import { StatusRegion, useStatus } from '../../components/Status';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { isoDay } from '../../lib/dates';
import { downloadJson } from '../../lib/download';
import { errorText } from '../../lib/errorCopy';
import { DeleteAccountDialog } from './DeleteAccountDialog';

export function DataPage() {
  const user = useUser();
  const status = useStatus();
  const [preparing, setPreparing] = useState(false);
  const preparingRef = useRef(false);
  const [deleting, setDeleting] = useState(false);
  usePageTitle(t('data.title'));

  const download = async () => {
    if (preparingRef.current) return;
    preparingRef.current = true;
    setPreparing(true);
    try {
      const data = await usersApi.exportData(user.id);
      downloadJson(data, `gatehouse-data-${user.id}-${isoDay()}.json`);
      status.announce(t('data.started'));
    } catch (error) {
      status.announce(errorText(error), 'error');
    } finally {
      preparingRef.current = false;
      setPreparing(false);
    }
  };

  return (
    <>
      <PageHeading>{t('data.title')}</PageHeading>
      <p className="lead">{t('data.intro')}</p>
      <StatusRegion message={status.message} />
      <section className="card panel">
        <h2 id="download-title" className="panel__title">
          {t('data.download.title')}
        </h2>
        <p>{t('data.download.body')}</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={download}
          aria-disabled={preparing || undefined}
        >
          {preparing && <span className="spinner" aria-hidden="true" />}
          {preparing ? t('data.preparing') : t('data.download')}
        </button>
      </section>
      <section className="card panel panel--danger">
        <h2 id="delete-title" className="panel__title">
          {t('delete.title')}
        </h2>
        <p>{t('delete.body')}</p>
        <button
          type="button"
          className="button button--danger-outline"
          onClick={() => setDeleting(true)}
        >
          {t('delete.open')}
        </button>
      </section>
      <DeleteAccountDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        userId={user.id}
        onDownload={download}
        preparing={preparing}
      />
    </>
  );
}
