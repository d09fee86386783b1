import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import {
  ApiError,
  disableUser,
  listUsers,
  updateUserRoles,
  type Organization,
  type Role,
  type User,
} from '../../api.ts';
import { grantableRoles } from '../../../access/roles.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireAdmin, type AdminScope } from '../../components/require-admin.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { organizationName } from '../../components/organization-text.ts';
import { roleKey } from '../account-page.tsx';
import { useApi } from '../../use-api.ts';
import { OrganizationSelect, PageLinks } from '../../components/admin-kit.tsx';
import { loadAllOrganizations } from './organizations-lookup.ts';
import { StackedTable } from '../../components/stacked-table.tsx';

const PER_PAGE = 25;
const statuses = ['active', 'invited', 'disabled'] as const;

type Editing = { user: User; mode: 'roles' | 'disable' };

export function UsersPage() {
  return <RequireAdmin>{(scope) => <UsersContent scope={scope} />}</RequireAdmin>;
}

function UsersContent({ scope }: { scope: AdminScope }) {
  const { t, n, language } = useI18n();
  useDocumentTitle(t('admin.users.title'));
  const [params, setParams] = useSearchParams();
  // A person's name or e-mail is personal information: the search words stay in the page, never in
  // the address (history, bookmarks, proxies). Status, organization and page are not personal.
  const [q, setQ] = useState('');
  const status = params.get('status') ?? '';
  const organizationId = scope.acrossOrganizations ? (params.get('organizationId') ?? '') : '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [version, setVersion] = useState(0);
  // Who was just invited comes in the navigation's state, not the address (an e-mail is personal).
  const invited = (useLocation().state as { invited?: string } | null)?.invited;
  const [notice, setNotice] = useState(invited ? t('admin.users.invited', { email: invited }) : '');
  const [editing, setEditing] = useState<Editing | undefined>();
  const id = useId();

  const organizations = useApi('organizations', loadAllOrganizations);
  const byId = new Map<string, Organization>(
    organizations.status === 'ready' ? organizations.data.map((o) => [o.id, o]) : [],
  );
  const users = useApi(`${q}|${status}|${organizationId}|${page}|${version}`, (signal) =>
    listUsers(
      {
        q: q || undefined,
        status: status || undefined,
        organizationId: organizationId || undefined,
        page,
        perPage: PER_PAGE,
      },
      signal,
    ),
  );

  const [draft, setDraft] = useState({ q, status, organizationId });
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    setQ(draft.q.trim());
    if (draft.status) next.set('status', draft.status);
    if (draft.organizationId) next.set('organizationId', draft.organizationId);
    setParams(next);
  };

  const finished = (message: string) => {
    setEditing(undefined);
    setNotice(message);
    setVersion((v) => v + 1);
  };

  const pages = users.status === 'ready' ? Math.max(1, Math.ceil(users.data.total / PER_PAGE)) : 1;
  const pageLink = (target: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(target));
    return `/admin/users?${next.toString()}`;
  };

  return (
    <>
      <PageHeading>{t('admin.users.title')}</PageHeading>
      <p role="status" className="notice" hidden={notice === ''}>
        {notice}
      </p>
      <p>
        <Link to="/admin/users/invite" className="button-link">
          {t('admin.users.invite')}
        </Link>
      </p>
      <form className="search-form" onSubmit={search} role="search" aria-label={t('admin.users.searchLabel')}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('admin.users.q')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={draft.q}
            maxLength={100}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('admin.users.status')}</label>
          <select
            id={`${id}-status`}
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          >
            <option value="">{t('admin.any')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`admin.users.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {scope.acrossOrganizations ? (
          <OrganizationSelect
            id={`${id}-org`}
            any
            value={draft.organizationId}
            onChange={(value) => setDraft({ ...draft, organizationId: value })}
            organizations={organizations}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button">
            {t('admin.search')}
          </button>
        </div>
      </form>

      <div aria-busy={users.status === 'loading'}>
        {users.status === 'loading' ? <Loading label={t('admin.loading')} /> : null}
        {users.status === 'error' ? <ErrorAlert title={t('admin.users.loadFailed')} error={users.error} /> : null}
        {users.status === 'ready' ? (
          users.data.items.length === 0 ? (
            <p className="result-count">{t('admin.users.none')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
              <StackedTable>
                <caption id={`${id}-caption`}>{t('admin.users.caption', { count: n(users.data.total) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('account.name')}</th>
                    <th scope="col">{t('signIn.email')}</th>
                    {scope.acrossOrganizations ? <th scope="col">{t('account.organization')}</th> : null}
                    <th scope="col">{t('account.roles')}</th>
                    <th scope="col">{t('admin.users.status')}</th>
                    <th scope="col">{t('account.twoStep')}</th>
                    <th scope="col">{t('admin.users.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.data.items.map((user) => {
                    const organization = byId.get(user.organizationId);
                    const grantable = organization ? grantableRoles(scope.user.roles, organization.type) : [];
                    const manageable = user.id !== scope.user.id && user.roles.every((r) => grantable.includes(r));
                    return (
                      <tr key={user.id}>
                        <th scope="row">{user.displayName}</th>
                        <td className="break">{user.email}</td>
                        {scope.acrossOrganizations ? (
                          <td>{organization ? organizationName(organization, language) : '…'}</td>
                        ) : null}
                        <td>{user.roles.map((r) => t(roleKey(r))).join(', ')}</td>
                        <td>{t(`admin.users.status.${user.status}`)}</td>
                        <td>{user.mfaEnrolled ? t('admin.yes') : t('admin.no')}</td>
                        <td>
                          <div className="row-actions">
                            {manageable && user.status !== 'disabled' ? (
                              <>
                                <button
                                  type="button"
                                  className="button-secondary"
                                  onClick={() => setEditing({ user, mode: 'roles' })}
                                >
                                  {t('admin.users.changeRolesOf', { name: user.displayName })}
                                </button>
                                <button
                                  type="button"
                                  className="button-secondary"
                                  onClick={() => setEditing({ user, mode: 'disable' })}
                                >
                                  {t('admin.users.disableUser', { name: user.displayName })}
                                </button>
                              </>
                            ) : null}
                            <Link to={`/admin/audit?actorUserId=${user.id}`}>
                              {t('admin.users.activityOf', { name: user.displayName })}
                            </Link>
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </StackedTable>
            </div>
          )
        ) : null}
        {users.status === 'ready' ? <PageLinks page={page} pages={pages} link={pageLink} /> : null}
      </div>

      {editing ? (
        <UserEditor
          key={`${editing.user.id}-${editing.mode}`}
          scope={scope}
          editing={editing}
          organization={byId.get(editing.user.organizationId)}
          onDone={finished}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
    </>
  );
}

function UserEditor({
  scope,
  editing,
  organization,
  onDone,
  onCancel,
}: {
  scope: AdminScope;
  editing: Editing;
  organization: Organization | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const { user, mode } = editing;
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  useEffect(() => heading.current?.focus(), []);
  const grantable = organization ? grantableRoles(scope.user.roles, organization.type) : [];

  const fail = (failure: unknown) => {
    setBusy(false);
    if (failure instanceof ApiError && failure.kind === 'network') setError(t('error.network'));
    else if (failure instanceof ApiError && failure.code === 'forbidden') setError(t('admin.users.error.forbidden'));
    else if (failure instanceof ApiError && failure.code === 'not_found') setError(t('admin.users.error.gone'));
    else setError(t('error.generic'));
  };

  const saveRoles = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (roles.length === 0) {
      setError(t('admin.users.error.noRole'));
      return;
    }
    setBusy(true);
    updateUserRoles(user.id, roles, scope.csrfToken).then(
      () => onDone(t('admin.users.rolesChanged', { name: user.displayName })),
      fail,
    );
  };

  const disable = () => {
    setBusy(true);
    disableUser(user.id, scope.csrfToken).then(
      () => onDone(t('admin.users.disabled', { name: user.displayName })),
      fail,
    );
  };

  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {mode === 'roles'
          ? t('admin.users.changeRolesOf', { name: user.displayName })
          : t('admin.users.disableUser', { name: user.displayName })}
      </h2>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {mode === 'roles' ? (
        <form onSubmit={saveRoles} noValidate aria-busy={busy}>
          <fieldset className="checkbox-group">
            <legend>{t('account.roles')}</legend>
            {grantable.map((role) => (
              <div key={role} className="field-check">
                <input
                  id={`${id}-${role}`}
                  type="checkbox"
                  checked={roles.includes(role)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
                />
                <label htmlFor={`${id}-${role}`}>{t(roleKey(role))}</label>
              </div>
            ))}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button">
              {t('admin.users.saveRoles')}
            </button>
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('account.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="confirm">
          <p>{t('admin.users.disableConfirm', { name: user.displayName, email: user.email })}</p>
          <div className="form-actions">
            <button type="button" className="button button-danger" onClick={disable} disabled={busy}>
              {t('admin.users.disableYes', { name: user.displayName })}
            </button>
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('account.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
