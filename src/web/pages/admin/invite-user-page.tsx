import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, inviteUser, problemFields, type Role } from '../../api.ts';
import { grantableRoles } from '../../../access/roles.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireAdmin, type AdminScope } from '../../components/require-admin.tsx';
import { TextField, useForm, type FormError } from '../../components/form.tsx';
import { roleKey } from '../account-page.tsx';
import { useApi } from '../../use-api.ts';
import { OrganizationSelect } from '../../components/admin-kit.tsx';
import { loadAllOrganizations } from './organizations-lookup.ts';

export function InviteUserPage() {
  return <RequireAdmin>{(scope) => <InviteForm scope={scope} />}</RequireAdmin>;
}

function InviteForm({ scope }: { scope: AdminScope }) {
  const { t, language } = useI18n();
  useDocumentTitle(t('admin.invite.title'));
  const navigate = useNavigate();
  const form = useForm();
  const organizations = useApi('organizations', loadAllOrganizations);
  const [organizationId, setOrganizationId] = useState(scope.user.organizationId);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [preferredLanguage, setPreferredLanguage] = useState<'en' | 'fr'>(language);
  const [busy, setBusy] = useState(false);

  const organization =
    organizations.status === 'ready' ? organizations.data.find((o) => o.id === organizationId) : undefined;
  const offered = organization ? grantableRoles(scope.user.roles, organization.type) : [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      problems.push({ key: 'email', message: t('admin.invite.error.email'), fields: ['email'] });
    if (displayName.trim() === '')
      problems.push({ key: 'name', message: t('admin.invite.error.name'), fields: ['displayName'] });
    const chosen = roles.filter((r) => offered.includes(r));
    if (chosen.length === 0)
      problems.push({ key: 'roles', message: t('admin.users.error.noRole'), fields: [`role-${offered[0] ?? 'none'}`] });
    if (problems.length > 0) {
      form.fail(problems);
      return;
    }
    setBusy(true);
    inviteUser(
      {
        email: email.trim(),
        displayName: displayName.trim(),
        roles: chosen,
        preferredLanguage,
        ...(scope.acrossOrganizations ? { organizationId } : {}),
      },
      scope.csrfToken,
    ).then(
      (user) => void navigate('/admin/users', { state: { invited: user.email } }),
      (error: unknown) => {
        setBusy(false);
        const fields = problemFields(error).map((f) => f.field);
        if (error instanceof ApiError && error.code === 'conflict')
          form.fail([{ key: 'taken', message: t('admin.invite.error.taken'), fields: ['email'] }]);
        else if (fields.includes('email'))
          form.fail([{ key: 'email', message: t('admin.invite.error.email'), fields: ['email'] }]);
        else if (fields.includes('roles') || (error instanceof ApiError && error.code === 'forbidden'))
          form.fail([{ key: 'roles', message: t('admin.users.error.forbidden'), fields: [] }]);
        else if (error instanceof ApiError && error.kind === 'network')
          form.fail([{ key: 'network', message: t('error.network'), fields: [] }]);
        else form.fail([{ key: 'generic', message: t('error.generic'), fields: [] }]);
      },
    );
  };

  return (
    <>
      <PageHeading>{t('admin.invite.title')}</PageHeading>
      {form.summary}
      <p className="lead">{t('admin.invite.lead')}</p>
      <form onSubmit={onSubmit} noValidate aria-busy={busy || organizations.status === 'loading'}>
        {scope.acrossOrganizations ? (
          <OrganizationSelect
            id={form.fieldId('organizationId')}
            value={organizationId}
            onChange={(value) => {
              setOrganizationId(value);
              setRoles([]);
            }}
            organizations={organizations}
          />
        ) : null}
        <TextField
          form={form}
          name="displayName"
          label={t('account.name')}
          value={displayName}
          onChange={setDisplayName}
          maxLength={200}
          autoComplete="off"
        />
        <TextField
          form={form}
          name="email"
          label={t('signIn.email')}
          type="email"
          value={email}
          onChange={setEmail}
          maxLength={254}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
        />
        <fieldset className="checkbox-group" aria-describedby={form.describedBy(`role-${offered[0] ?? 'none'}`)}>
          <legend>{t('account.roles')}</legend>
          {form.inlineErrors(`role-${offered[0] ?? 'none'}`)}
          {offered.map((role) => (
            <div key={role} className="field-check">
              <input
                id={form.fieldId(`role-${role}`)}
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
              />
              <label htmlFor={form.fieldId(`role-${role}`)}>{t(roleKey(role))}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="checkbox-group">
          <legend>{t('admin.invite.language')}</legend>
          {(['en', 'fr'] as const).map((lang) => (
            <div key={lang} className="field-check">
              <input
                id={form.fieldId(`language-${lang}`)}
                type="radio"
                name="preferredLanguage"
                checked={preferredLanguage === lang}
                onChange={() => setPreferredLanguage(lang)}
              />
              <label htmlFor={form.fieldId(`language-${lang}`)} lang={lang}>
                {lang === 'en' ? 'English' : 'Français'}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('admin.invite.submit')}
          </button>
          <Link to="/admin/users">{t('account.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
