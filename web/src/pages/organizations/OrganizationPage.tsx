import { useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  ORG_ROLES,
  organizationsApi,
  type Invitation,
  type Member,
  type OrgRole,
} from '../../api/organizations';
import { useAuth, useUser } from '../../auth/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { Skeleton } from '../../components/Skeleton';
import { StatusRegion, useStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { RelativeTime } from '../../components/Time';
import { unlessGone, useConfirm } from '../../hooks/useConfirm';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useResource } from '../../hooks/useResource';
import { t } from '../../i18n';
import { errorText } from '../../lib/errorCopy';
import { str } from '../../lib/formData';
import { checkEmail } from '../../lib/validation';
import { roleLabel } from './roleLabel';

const MANAGERS: readonly OrgRole[] = ['owner', 'admin'];

/** `/organizations/:id`: members and their roles, invitations, leaving and deleting. */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const me = useUser();
  const { activeOrganizationId, setActiveOrganization } = useAuth();
  const navigate = useNavigate();
  const org = useResource(() => organizationsApi.get(id), [id]);
  const members = useResource(() => organizationsApi.members(id), [id]);
  const myRole = org.data?.role;
  const manages = myRole !== undefined && MANAGERS.includes(myRole);
  const invitations = useResource(
    () => (manages ? organizationsApi.invitations(id) : Promise.resolve([] as Invitation[])),
    [id, manages],
  );
  const status = useStatus();
  const removeMember = useConfirm<Member>();
  const revoke = useConfirm<Invitation>();
  const deleteOrg = useConfirm<true>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm({ email: 'invite-email', role: 'invite-role' });
  usePageTitle(org.data?.name ?? t('orgs.detail.title'));

  if (org.error)
    return (
      <div className="admin">
        <PageHeading>{t('orgs.detail.title')}</PageHeading>
        <LoadError error={org.error} onRetry={org.reload} />
        <p>
          <Link to="/organizations">{t('orgs.back')}</Link>
        </p>
      </div>
    );
  if (!org.data) return <Skeleton lines={6} />;
  const current = org.data;

  const canChange = (member: Member) =>
    manages && (myRole === 'owner' || member.role !== 'owner') && member.user_id !== me.id;
  const roleChoices = myRole === 'owner' ? ORG_ROLES : ORG_ROLES.filter((r) => r !== 'owner');

  const changeRole = async (member: Member, role: OrgRole) => {
    try {
      members.setData(await organizationsApi.setRole(id, member.user_id, role));
      status.announce(t('orgs.members.roleChanged', { name: member.name, role: roleLabel(role) }));
    } catch (error) {
      members.reload();
      status.announce(errorText(error), 'error');
    }
  };

  const confirmRemove = () =>
    removeMember.run(async (member) => {
      await unlessGone(organizationsApi.removeMember(id, member.user_id), 'MEMBER_NOT_FOUND');
      if (member.user_id === me.id) {
        if (activeOrganizationId === current.id) await setActiveOrganization(null);
        navigate('/organizations');
        return;
      }
      members.setData((members.data ?? []).filter((m) => m.user_id !== member.user_id));
      status.announce(t('orgs.members.removed', { name: member.name }));
    });

  const confirmRevoke = () =>
    revoke.run(async (invitation) => {
      await unlessGone(
        organizationsApi.revokeInvitation(id, invitation.id),
        'INVITATION_NOT_FOUND',
      );
      invitations.setData((invitations.data ?? []).filter((i) => i.id !== invitation.id));
      status.announce(t('orgs.invitations.revoked', { email: invitation.email }));
    });

  const confirmDelete = () =>
    deleteOrg.run(async () => {
      await unlessGone(organizationsApi.remove(id), 'ORGANIZATION_NOT_FOUND');
      if (activeOrganizationId === current.id) await setActiveOrganization(null);
      navigate('/organizations');
    });

  const sendInvite = form.onSubmit(
    async (data, element) => {
      const invitation = await organizationsApi.invite(id, {
        email: str(data, 'email').trim(),
        role: str(data, 'role') as OrgRole,
      });
      invitations.setData([invitation, ...(invitations.data ?? [])]);
      element.reset();
      status.announce(t('orgs.invitations.sent', { email: invitation.email }));
    },
    { validate: (data) => ({ email: checkEmail(str(data, 'email')) }) },
  );

  const emailField = form.field('email');
  const roleField = form.field('role');
  const memberList = members.data ?? [];
  const me_ = memberList.find((m) => m.user_id === me.id);

  return (
    <div className="admin">
      <p>
        <Link to="/organizations">{t('orgs.back')}</Link>
      </p>
      <PageHeading>{current.name}</PageHeading>
      <p className="lead">{t('orgs.detail.yourRole', { role: roleLabel(current.role) })}</p>
      <StatusRegion message={status.message} />

      <section className="panel" aria-labelledby="members-title">
        <h2 id="members-title" ref={headingRef} tabIndex={-1} className="panel__title">
          {t('orgs.members.title')}
        </h2>
        {members.error ? (
          <LoadError error={members.error} onRetry={members.reload} />
        ) : !members.data ? (
          <Skeleton lines={3} />
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-label={t('orgs.members.region')}
            tabIndex={0}
          >
            <table className="table">
              <caption className="visually-hidden">{t('orgs.members.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orgs.members.col.member')}</th>
                  <th scope="col">{t('orgs.members.col.role')}</th>
                  <th scope="col">{t('orgs.members.col.joined')}</th>
                  <th scope="col">{t('orgs.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {memberList.map((member) => (
                  <tr key={member.user_id}>
                    <td>
                      <span className="table__primary">{member.name}</span>
                      <span className="table__secondary break">{member.email}</span>
                    </td>
                    <td>
                      {canChange(member) ? (
                        <select
                          className="select"
                          value={member.role}
                          aria-label={t('orgs.members.roleOf', { name: member.name })}
                          onChange={(event) => changeRole(member, event.target.value as OrgRole)}
                        >
                          {roleChoices.map((role) => (
                            <option key={role} value={role}>
                              {roleLabel(role)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        roleLabel(member.role)
                      )}
                    </td>
                    <td>
                      <RelativeTime iso={member.joined_at} />
                    </td>
                    <td>
                      {canChange(member) && (
                        <button
                          type="button"
                          className="button button--danger-outline button--small"
                          onClick={() => removeMember.open(member)}
                          aria-label={t('orgs.members.removeLabel', { name: member.name })}
                        >
                          {t('orgs.members.remove')}
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

      {manages && (
        <section className="card panel" aria-labelledby="invite-title">
          <h2 id="invite-title" className="panel__title">
            {t('orgs.invite.title')}
          </h2>
          <p>{t('orgs.invite.intro')}</p>
          <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
          <form
            noValidate
            onSubmit={sendInvite}
            aria-busy={form.pending || undefined}
            className="form"
          >
            <Field
              id={emailField.id}
              name="email"
              type="email"
              label={t('orgs.invite.email')}
              autoComplete="off"
              spellCheck={false}
              error={emailField.error}
            />
            <div className="field">
              <label htmlFor={roleField.id} className="field__label">
                {t('orgs.invite.role')}
              </label>
              <select id={roleField.id} name="role" className="select" defaultValue="member">
                {roleChoices.map((role) => (
                  <option key={role} value={role}>
                    {roleLabel(role)}
                  </option>
                ))}
              </select>
            </div>
            <div className="actions">
              <SubmitButton
                label={t('orgs.invite.submit')}
                pendingLabel={t('orgs.invite.pending')}
                pending={form.pending}
                blocked={form.rateLimited}
              />
            </div>
          </form>
        </section>
      )}

      {manages && (
        <section className="panel" aria-labelledby="invitations-title">
          <h2 id="invitations-title" className="panel__title">
            {t('orgs.invitations.title')}
          </h2>
          {invitations.error ? (
            <LoadError error={invitations.error} onRetry={invitations.reload} />
          ) : !invitations.data ? (
            <Skeleton lines={2} />
          ) : invitations.data.length === 0 ? (
            <div className="empty">
              <p>{t('orgs.invitations.empty')}</p>
            </div>
          ) : (
            <div
              className="table-scroll"
              role="region"
              aria-label={t('orgs.invitations.region')}
              tabIndex={0}
            >
              <table className="table">
                <caption className="visually-hidden">{t('orgs.invitations.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('orgs.invitations.col.email')}</th>
                    <th scope="col">{t('orgs.members.col.role')}</th>
                    <th scope="col">{t('orgs.invitations.col.expires')}</th>
                    <th scope="col">{t('orgs.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.data.map((invitation) => (
                    <tr key={invitation.id}>
                      <td className="break">{invitation.email}</td>
                      <td>{roleLabel(invitation.role)}</td>
                      <td>
                        <RelativeTime iso={invitation.expires_at} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--danger-outline button--small"
                          onClick={() => revoke.open(invitation)}
                          aria-label={t('orgs.invitations.revokeLabel', {
                            email: invitation.email,
                          })}
                        >
                          {t('orgs.invitations.revoke')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <section className="panel" aria-labelledby="org-leave-title">
        <h2 id="org-leave-title" className="panel__title">
          {t('orgs.danger.title')}
        </h2>
        <div className="actions">
          {me_ && (
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => removeMember.open(me_)}
            >
              {t('orgs.leave')}
            </button>
          )}
          {current.role === 'owner' && (
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => deleteOrg.open(true)}
            >
              {t('orgs.delete')}
            </button>
          )}
        </div>
      </section>

      <ConfirmDialog
        open={removeMember.target !== null}
        title={
          removeMember.target?.user_id === me.id
            ? t('orgs.leave.title', { name: current.name })
            : removeMember.target
              ? t('orgs.members.remove.title', { name: removeMember.target.name })
              : ''
        }
        confirmLabel={
          removeMember.target?.user_id === me.id ? t('orgs.leave') : t('orgs.members.remove')
        }
        pendingLabel={t('orgs.pending')}
        busy={removeMember.busy}
        error={removeMember.error}
        onConfirm={confirmRemove}
        onClose={removeMember.close}
        fallbackFocus={headingRef}
      >
        <p>{t('orgs.members.remove.body')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={revoke.target !== null}
        title={
          revoke.target ? t('orgs.invitations.revoke.title', { email: revoke.target.email }) : ''
        }
        confirmLabel={t('orgs.invitations.revoke')}
        pendingLabel={t('orgs.pending')}
        busy={revoke.busy}
        error={revoke.error}
        onConfirm={confirmRevoke}
        onClose={revoke.close}
        fallbackFocus={headingRef}
      >
        <p>{t('orgs.invitations.revoke.body')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleteOrg.target !== null}
        title={t('orgs.delete.title', { name: current.name })}
        confirmLabel={t('orgs.delete')}
        pendingLabel={t('orgs.pending')}
        busy={deleteOrg.busy}
        error={deleteOrg.error}
        onConfirm={confirmDelete}
        onClose={deleteOrg.close}
        fallbackFocus={headingRef}
      >
        <p>{t('orgs.delete.body')}</p>
      </ConfirmDialog>
    </div>
  );
}
