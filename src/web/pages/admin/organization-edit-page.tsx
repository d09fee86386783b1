import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  addSite,
  ApiError,
  getOrganization,
  problemFields,
  updateOrganization,
  updateSite,
  type Organization,
  type Site,
} from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireAdmin, type AdminScope } from '../../components/require-admin.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { TextField, useForm, type Form, type FormError } from '../../components/form.tsx';
import { addressLines, organizationName, organizationTypeKey } from '../../components/organization-text.ts';
import { NotFoundContent } from '../not-found-page.tsx';
import { useApi } from '../../use-api.ts';
import { organizationFieldError } from './organizations-page.tsx';

export function OrganizationEditPage() {
  return <RequireAdmin>{(scope) => <OrganizationEdit scope={scope} />}</RequireAdmin>;
}

function failureErrors(error: unknown, t: ReturnType<typeof useI18n>['t']): FormError[] {
  if (error instanceof ApiError && error.code === 'conflict')
    return [{ key: 'taken', message: t('admin.organizations.error.taken'), fields: ['name'] }];
  if (error instanceof ApiError && error.code === 'forbidden')
    return [{ key: 'forbidden', message: t('admin.organizations.error.forbidden'), fields: [] }];
  const fields = problemFields(error).filter((f) => f.field !== 'body');
  if (fields.length > 0)
    return fields.map((f, i) => ({
      key: `f${i}`,
      message: organizationFieldError(f.field, t),
      fields: [f.field.split('.').pop() ?? f.field],
    }));
  return [
    {
      key: 'generic',
      message: error instanceof ApiError && error.kind === 'network' ? t('error.network') : t('error.generic'),
      fields: [],
    },
  ];
}

function OrganizationEdit({ scope }: { scope: AdminScope }) {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState(params.get('created') === '1' ? t('admin.organizations.createdHere') : '');
  const loaded = useApi(`${id}|${version}`, (signal) => getOrganization(id, signal));
  const organization = loaded.status === 'ready' ? loaded.data : undefined;
  useDocumentTitle(organization ? organizationName(organization, language) : t('admin.loading'));

  if (loaded.status === 'error' && loaded.error.status === 404) return <NotFoundContent kind="organization" />;
  const mayEdit =
    organization !== undefined && (scope.acrossOrganizations || organization.id === scope.user.organizationId);
  const changed = (message: string) => {
    setNotice(message);
    setVersion((v) => v + 1);
  };

  return (
    <div aria-busy={loaded.status === 'loading'}>
      {loaded.status === 'loading' ? <Loading label={t('admin.loading')} /> : null}
      {loaded.status === 'error' ? (
        <ErrorAlert title={t('admin.organizations.loadFailed')} error={loaded.error} />
      ) : null}
      {organization ? (
        <>
          <PageHeading>{organizationName(organization, language)}</PageHeading>
          <p role="status" className="notice" hidden={notice === ''}>
            {notice}
          </p>
          <p>
            {t(organizationTypeKey(organization.type))} ·{' '}
            <Link to={`/organizations/${organization.id}`}>{t('admin.organizations.publicPage')}</Link>
          </p>
          {mayEdit ? (
            <>
              <DetailsForm
                key={`details-${version}`}
                organization={organization}
                scope={scope}
                onSaved={() => changed(t('admin.organizations.saved'))}
              />
              <Sites organization={organization} scope={scope} version={version} onChanged={changed} />
            </>
          ) : (
            <p className="lead">{t('admin.organizations.error.forbidden')}</p>
          )}
        </>
      ) : null}
    </div>
  );
}

function DetailsForm({
  organization,
  scope,
  onSaved,
}: {
  organization: Organization;
  scope: AdminScope;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const [fields, setFields] = useState({
    name: organization.name,
    nameFr: organization.nameFr ?? '',
    website: organization.website ?? '',
    phone: organization.phone ?? '',
    email: organization.email ?? '',
    offersFrench: organization.offersFrench,
  });
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof fields) => (value: string) => setFields({ ...fields, [key]: value });
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    updateOrganization(
      organization.id,
      {
        name: fields.name.trim(),
        nameFr: optional(fields.nameFr),
        website: optional(fields.website),
        phone: optional(fields.phone),
        email: optional(fields.email),
        offersFrench: fields.offersFrench,
      },
      scope.csrfToken,
    ).then(
      () => {
        setBusy(false);
        onSaved();
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(failureErrors(error, t));
      },
    );
  };

  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{t('admin.organizations.details')}</h2>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextField
          form={form}
          name="name"
          label={t('admin.organizations.name')}
          value={fields.name}
          onChange={set('name')}
          maxLength={200}
          autoComplete="off"
        />
        <TextField
          form={form}
          name="nameFr"
          label={t('admin.organizations.nameFr')}
          value={fields.nameFr}
          onChange={set('nameFr')}
          maxLength={200}
          autoComplete="off"
          lang="fr"
        />
        <TextField
          form={form}
          name="website"
          label={t('admin.organizations.website')}
          type="url"
          value={fields.website}
          onChange={set('website')}
          maxLength={300}
          autoComplete="off"
        />
        <TextField
          form={form}
          name="phone"
          label={t('admin.organizations.phone')}
          type="tel"
          value={fields.phone}
          onChange={set('phone')}
          maxLength={25}
          autoComplete="off"
        />
        <TextField
          form={form}
          name="email"
          label={t('admin.organizations.email')}
          type="email"
          value={fields.email}
          onChange={set('email')}
          maxLength={254}
          autoComplete="off"
        />
        <div className="field-check">
          <input
            id={form.fieldId('offersFrench')}
            type="checkbox"
            checked={fields.offersFrench}
            onChange={(e) => setFields({ ...fields, offersFrench: e.target.checked })}
          />
          <label htmlFor={form.fieldId('offersFrench')}>{t('admin.organizations.offersFrench')}</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('admin.organizations.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

type SiteDraft = {
  name: string;
  streetAddress: string;
  city: string;
  postalCode: string;
  wheelchairAccessible: boolean;
};

function draftOf(site?: Site): SiteDraft {
  return {
    name: site?.name ?? '',
    streetAddress: site?.streetAddress ?? '',
    city: site?.city ?? 'Toronto',
    postalCode: site?.postalCode ?? '',
    wheelchairAccessible: site?.wheelchairAccessible ?? false,
  };
}

function Sites({
  organization,
  scope,
  version,
  onChanged,
}: {
  organization: Organization;
  scope: AdminScope;
  version: number;
  onChanged: (message: string) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Site | 'new' | undefined>();
  useEffect(() => setEditing(undefined), [version]);

  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('admin.organizations.sites')}</h2>
      {organization.sites.length === 0 ? <p>{t('admin.organizations.noSites')}</p> : null}
      <ul className="site-list">
        {organization.sites.map((site) => {
          const [street, city] = addressLines(site);
          return (
            <li key={site.id}>
              <p>
                <strong>{site.name}</strong>
                <br />
                {street}
                <br />
                {city}
              </p>
              <button type="button" className="button-secondary" onClick={() => setEditing(site)}>
                {t('admin.organizations.editSite', { name: site.name })}
              </button>
            </li>
          );
        })}
      </ul>
      {editing === undefined ? (
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('admin.organizations.addSite')}
        </button>
      ) : (
        <SiteForm
          key={editing === 'new' ? 'new' : editing.id}
          organization={organization}
          site={editing === 'new' ? undefined : editing}
          scope={scope}
          onDone={(message) => onChanged(message)}
          onCancel={() => setEditing(undefined)}
        />
      )}
    </section>
  );
}

function SiteForm({
  organization,
  site,
  scope,
  onDone,
  onCancel,
}: {
  organization: Organization;
  site: Site | undefined;
  scope: AdminScope;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form: Form = useForm();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<SiteDraft>(draftOf(site));
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const set = (key: keyof SiteDraft) => (value: string) => setDraft({ ...draft, [key]: value });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const missing: FormError[] = [];
    if (draft.name.trim().length < 2)
      missing.push({ key: 'name', message: t('admin.organizations.error.name'), fields: ['siteName'] });
    if (draft.streetAddress.trim().length < 3)
      missing.push({ key: 'street', message: t('admin.organizations.error.street'), fields: ['streetAddress'] });
    if (draft.postalCode.trim() === '')
      missing.push({ key: 'postal', message: t('admin.organizations.error.postalCode'), fields: ['postalCode'] });
    if (missing.length > 0) {
      form.fail(missing);
      return;
    }
    setBusy(true);
    const body = {
      name: draft.name.trim(),
      streetAddress: draft.streetAddress.trim(),
      city: draft.city.trim() || 'Toronto',
      postalCode: draft.postalCode.trim(),
      wheelchairAccessible: draft.wheelchairAccessible,
    };
    const saving = site
      ? updateSite(organization.id, site.id, body, scope.csrfToken)
      : addSite(organization.id, body, scope.csrfToken);
    saving.then(
      (saved) =>
        onDone(
          site
            ? t('admin.organizations.siteSaved', { name: saved.name })
            : t('admin.organizations.siteAdded', { name: saved.name }),
        ),
      (error: unknown) => {
        setBusy(false);
        form.fail(failureErrors(error, t).map((e) => (e.fields[0] === 'name' ? { ...e, fields: ['siteName'] } : e)));
      },
    );
  };

  return (
    <section className="editor" aria-labelledby="site-form-title">
      <h3 id="site-form-title" ref={heading} tabIndex={-1}>
        {site ? t('admin.organizations.editSite', { name: site.name }) : t('admin.organizations.addSite')}
      </h3>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextField
          form={form}
          name="siteName"
          label={t('admin.organizations.siteName')}
          value={draft.name}
          onChange={set('name')}
          maxLength={200}
          autoComplete="off"
        />
        <TextField
          form={form}
          name="streetAddress"
          label={t('admin.organizations.street')}
          value={draft.streetAddress}
          onChange={set('streetAddress')}
          maxLength={300}
          autoComplete="off"
        />
        <TextField
          form={form}
          name="city"
          label={t('admin.organizations.city')}
          value={draft.city}
          onChange={set('city')}
          maxLength={100}
          autoComplete="off"
        />
        <TextField
          form={form}
          name="postalCode"
          label={t('admin.organizations.postalCode')}
          hint={t('admin.organizations.postalCodeHint')}
          value={draft.postalCode}
          onChange={set('postalCode')}
          maxLength={8}
          autoComplete="off"
          className="input-short"
        />
        <div className="field-check">
          <input
            id={form.fieldId('wheelchair')}
            type="checkbox"
            checked={draft.wheelchairAccessible}
            onChange={(e) => setDraft({ ...draft, wheelchairAccessible: e.target.checked })}
          />
          <label htmlFor={form.fieldId('wheelchair')}>{t('admin.organizations.wheelchair')}</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {site ? t('admin.organizations.saveSite') : t('admin.organizations.addSite')}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('account.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
