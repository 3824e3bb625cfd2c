import { useLocation, useNavigate } from 'react-router-dom';
import { usersApi } from '../../api/users';
import { useAuth, useUser } from '../../auth/context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../hooks/useForm';
import { usePageTitle } from '../../hooks/usePageTitle';
import { t } from '../../i18n';
import { str } from '../../lib/formData';
import { DEFAULT_AFTER_SIGN_IN, safeReturnTo } from '../../lib/returnTo';
import { checkName } from '../../lib/validation';

const fields = { name: 'welcome-name' } as const;

/** After an email sign-up: the account has no name yet, so the person gives one. */
export function WelcomePage() {
  const user = useUser();
  const { updateUser } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo =
    safeReturnTo((location.state as { returnTo?: string } | null)?.returnTo) ??
    DEFAULT_AFTER_SIGN_IN;
  const form = useForm(fields);
  usePageTitle(t('welcome.title'));
  const onSubmit = form.onSubmit(
    async (data) => {
      const updated = await usersApi.update(user.id, { name: str(data, 'name').trim() });
      updateUser(updated);
      navigate(returnTo, { replace: true });
    },
    { validate: (data) => ({ name: checkName(str(data, 'name')) }) },
  );
  const name = form.field('name');
  return (
    <>
      <PageHeading>{t('welcome.title')}</PageHeading>
      <ErrorSummary items={form.items} general={form.general} focusKey={form.focusKey} />
      <p>{t('welcome.intro')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={form.pending || undefined} className="form">
        <Field
          id={name.id}
          name="name"
          label={t('field.name.label')}
          hint={t('register.name.hint')}
          autoComplete="name"
          defaultValue={user.name}
          error={name.error}
        />
        <SubmitButton
          label={t('welcome.submit')}
          pendingLabel={t('profile.saving')}
          pending={form.pending}
          blocked={form.rateLimited}
        />
      </form>
    </>
  );
}
