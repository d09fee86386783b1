import { Link, useParams } from 'react-router';
import { getOrganization, type Organization, type Site } from '../api.ts';
import { useDocumentTitle, useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';
import { ErrorAlert } from '../components/status.tsx';
import { addressLines, organizationName, organizationTypeKey } from '../components/organization-text.ts';
import { useApi } from '../use-api.ts';
import { ContactDetails } from '../components/contact-details.tsx';
import { loadById, SearchBreadcrumbs } from '../components/back-to-search.tsx';
import { NotFoundContent } from './not-found-page.tsx';

export function OrganizationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const organization = useApi(`organization:${id}`, (signal) =>
    loadById(id, (x) => getOrganization(x, signal), 'organization'),
  );

  if (organization.status === 'error' && organization.error.status === 404)
    return <NotFoundContent kind="organization" />;
  if (organization.status === 'ready') return <OrganizationDetails organization={organization.data} />;
  return (
    <div aria-busy={organization.status === 'loading'}>
      <Breadcrumbs current={t('organization.loadingTitle')} />
      <PageHeading ready={organization.status === 'error'}>
        {organization.status === 'loading' ? t('organization.loadingTitle') : t('organization.errorTitle')}
      </PageHeading>
      <TitleFor
        text={organization.status === 'loading' ? t('organization.loadingTitle') : t('organization.errorTitle')}
      />
      {organization.status === 'error' ? (
        <ErrorAlert title={t('organization.error')} error={organization.error} />
      ) : null}
    </div>
  );
}

function TitleFor({ text }: { text: string }) {
  useDocumentTitle(text);
  return null;
}

function Breadcrumbs({ current }: { current: string }) {
  const { t } = useI18n();
  return (
    <SearchBreadcrumbs
      search={{ to: '/directory', label: t('nav.directory'), stateKey: 'directorySearch' }}
      current={current}
    />
  );
}

function OrganizationDetails({ organization }: { organization: Organization }) {
  const { t, tp, language } = useI18n();
  const name = organizationName(organization, language);
  useDocumentTitle(name);
  // The other official-language name, marked with its language for screen readers.
  const otherName =
    language === 'fr' && organization.nameFr && organization.nameFr !== organization.name
      ? { label: t('organization.englishName'), value: organization.name, lang: 'en' }
      : language === 'en' && organization.nameFr && organization.nameFr !== organization.name
        ? { label: t('organization.frenchName'), value: organization.nameFr, lang: 'fr' }
        : undefined;
  const hasContact = Boolean(
    (organization.website && /^https?:\/\//i.test(organization.website)) || organization.phone || organization.email,
  );

  return (
    <>
      <Breadcrumbs current={name} />
      <PageHeading>{name}</PageHeading>
      <dl className="details">
        {otherName ? (
          <div>
            <dt>{otherName.label}</dt>
            <dd lang={otherName.lang}>{otherName.value}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('organization.type')}</dt>
          <dd>{t(organizationTypeKey(organization.type))}</dd>
        </div>
        <div>
          <dt>{t('organization.frenchServices')}</dt>
          <dd>{organization.offersFrench ? t('common.yes') : t('common.no')}</dd>
        </div>
      </dl>

      <p>
        <Link to={`/services?organizationId=${organization.id}`}>{t('organization.services')}</Link>
      </p>

      <section aria-labelledby="contact-heading" className="section">
        <h2 id="contact-heading">{t('organization.contact')}</h2>
        {hasContact ? (
          <ContactDetails website={organization.website} phone={organization.phone} email={organization.email} />
        ) : (
          <p>{t('organization.noContact')}</p>
        )}
      </section>

      <section aria-labelledby="sites-heading" className="section">
        <h2 id="sites-heading">{t('organization.sitesHeading')}</h2>
        {organization.sites.length === 0 ? (
          <p>{t('organization.noSites')}</p>
        ) : (
          <>
            <p>{tp('organization.siteCount', organization.sites.length)}</p>
            <ul className="sites">
              {organization.sites.map((site) => (
                <SiteCard key={site.id} site={site} />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function accessibilityKey(value: boolean | null): MessageKey {
  if (value === null) return 'common.unknown';
  return value ? 'common.yes' : 'common.no';
}

function SiteCard({ site }: { site: Site }) {
  const { t } = useI18n();
  const [street, cityLine] = addressLines(site);
  return (
    <li className="card site">
      <h3>{site.name}</h3>
      <address>
        {street}
        <br />
        {cityLine}
      </address>
      <dl className="details details-compact">
        <div>
          <dt>{t('site.neighbourhood')}</dt>
          <dd>{site.neighbourhoodName ?? t('common.unknown')}</dd>
        </div>
        <div>
          <dt>{t('site.wheelchair')}</dt>
          <dd>{t(accessibilityKey(site.wheelchairAccessible))}</dd>
        </div>
      </dl>
    </li>
  );
}
