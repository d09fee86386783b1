import { useId, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, createOrganization, listOrganizations, problemFields, type OrganizationType } from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireAdmin, type AdminScope } from '../../components/require-admin.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { TextField, useForm, type FormError } from '../../components/form.tsx';
import { organizationName, organizationTypeKey, organizationTypeOrder } from '../../components/organization-text.ts';
import { useApi } from '../../use-api.ts';
import { PageLinks } from '../../components/admin-kit.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';

const PER_PAGE = 25;

// Administrators see every organization; a manager goes straight to their own.
export function AdminOrganizationsPage() {
  return (
    <RequireAdmin>
      {(scope) =>
        scope.acrossOrganizations ? (
          <OrganizationList />
        ) : (
          <Navigate to={`/admin/organizations/${scope.user.organizationId}`} replace />
        )
      }
    </RequireAdmin>
  );
}

function OrganizationList() {
  const { t, n, language } = useI18n();
  useDocumentTitle(t('admin.organizations.title'));
  const [params, setParams] = useSearchParams();
  const id = useId();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [draft, setDraft] = useState(q);
  const list = useApi(`${q}|${page}`, (signal) =>
    listOrganizations({ q: q || undefined, page, perPage: PER_PAGE }, signal),
  );
  const created = params.get('created');
  const pages = list.status === 'ready' ? Math.max(1, Math.ceil(list.data.total / PER_PAGE)) : 1;
  const pageLink = (target: number) =>
    `/admin/organizations?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) }).toString()}`;

  return (
    <>
      <PageHeading>{t('admin.organizations.title')}</PageHeading>
      {created ? <p className="notice">{t('admin.organizations.created', { name: created })}</p> : null}
      <p>
        <Link to="/admin/organizations/new" className="button-link">
          {t('admin.organizations.add')}
        </Link>
      </p>
      <form
        className="search-form"
        role="search"
        aria-label={t('admin.organizations.searchLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          setParams(draft.trim() ? { q: draft.trim() } : {});
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('admin.organizations.q')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={draft}
            maxLength={100}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('admin.search')}
          </button>
        </div>
      </form>
      <div aria-busy={list.status === 'loading'}>
        {list.status === 'loading' ? <Loading label={t('admin.loading')} /> : null}
        {list.status === 'error' ? <ErrorAlert title={t('admin.organizations.loadFailed')} error={list.error} /> : null}
        {list.status === 'ready' ? (
          list.data.items.length === 0 ? (
            <p className="result-count">{t('admin.organizations.none')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
              <StackedTable>
                <caption id={`${id}-caption`}>
                  {t('admin.organizations.caption', { count: n(list.data.total) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('account.name')}</th>
                    <th scope="col">{t('admin.organizations.type')}</th>
                    <th scope="col">{t('admin.organizations.sites')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((o) => (
                    <tr key={o.id}>
                      <th scope="row">
                        <Link to={`/admin/organizations/${o.id}`}>{organizationName(o, language)}</Link>
                      </th>
                      <td>{t(organizationTypeKey(o.type))}</td>
                      <td>{n(o.sites.length)}</td>
                    </tr>
                  ))}
                </tbody>
              </StackedTable>
            </div>
          )
        ) : null}
        {list.status === 'ready' ? <PageLinks page={page} pages={pages} link={pageLink} /> : null}
      </div>
    </>
  );
}

export function NewOrganizationPage() {
  return (
    <RequireAdmin>
      {(scope) =>
        scope.acrossOrganizations ? <NewOrganizationForm scope={scope} /> : <Navigate to="/admin" replace />
      }
    </RequireAdmin>
  );
}

// Problems the server names on a field, in the person's language.
export function organizationFieldError(
  field: string,
  t: (
    key:
      | 'admin.organizations.error.name'
      | 'admin.organizations.error.website'
      | 'admin.organizations.error.phone'
      | 'admin.organizations.error.email'
      | 'admin.organizations.error.postalCode'
      | 'admin.organizations.error.field',
  ) => string,
): string {
  const leaf = field.split('.').pop() ?? field;
  if (leaf === 'name' || leaf === 'nameFr') return t('admin.organizations.error.name');
  if (leaf === 'website') return t('admin.organizations.error.website');
  if (leaf === 'phone') return t('admin.organizations.error.phone');
  if (leaf === 'email') return t('admin.organizations.error.email');
  if (leaf === 'postalCode') return t('admin.organizations.error.postalCode');
  return t('admin.organizations.error.field');
}

function NewOrganizationForm({ scope }: { scope: AdminScope }) {
  const { t } = useI18n();
  useDocumentTitle(t('admin.organizations.add'));
  const navigate = useNavigate();
  const form = useForm();
  const [name, setName] = useState('');
  const [nameFr, setNameFr] = useState('');
  const [type, setType] = useState<OrganizationType>('employment_service_provider');
  const [busy, setBusy] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (name.trim().length < 2) {
      form.fail([{ key: 'name', message: t('admin.organizations.error.name'), fields: ['name'] }]);
      return;
    }
    setBusy(true);
    createOrganization(
      { name: name.trim(), type, ...(nameFr.trim() ? { nameFr: nameFr.trim() } : {}) },
      scope.csrfToken,
    ).then(
      (organization) => void navigate(`/admin/organizations/${organization.id}?created=1`),
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ApiError && error.code === 'conflict') {
          form.fail([{ key: 'taken', message: t('admin.organizations.error.taken'), fields: ['name'] }]);
          return;
        }
        const fields = problemFields(error);
        const errors: FormError[] = fields.map((f, i) => ({
          key: `f${i}`,
          message: organizationFieldError(f.field, t),
          fields: [f.field.split('.').pop() ?? f.field],
        }));
        form.fail(
          errors.length > 0
            ? errors
            : [
                {
                  key: 'generic',
                  message:
                    error instanceof ApiError && error.kind === 'network' ? t('error.network') : t('error.generic'),
                  fields: [],
                },
              ],
        );
      },
    );
  };

  return (
    <>
      <PageHeading>{t('admin.organizations.add')}</PageHeading>
      {form.summary}
      <p className="lead">{t('admin.organizations.addLead')}</p>
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextField
          form={form}
          name="name"
          label={t('admin.organizations.name')}
          value={name}
          onChange={setName}
          maxLength={200}
          autoComplete="off"
        />
        <TextField
          form={form}
          name="nameFr"
          label={t('admin.organizations.nameFr')}
          value={nameFr}
          onChange={setNameFr}
          maxLength={200}
          autoComplete="off"
          lang="fr"
        />
        <div className="field">
          <label htmlFor={form.fieldId('type')}>{t('admin.organizations.type')}</label>
          <select id={form.fieldId('type')} value={type} onChange={(e) => setType(e.target.value as OrganizationType)}>
            {organizationTypeOrder.map((value) => (
              <option key={value} value={value}>
                {t(organizationTypeKey(value))}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('admin.organizations.create')}
          </button>
          <Link to="/admin/organizations">{t('account.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
