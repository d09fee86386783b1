import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, confirmService, getService, type Service } from '../../api.ts';
import { useSession } from '../../session.tsx';
import { useNotice } from '../../components/section-state.tsx';
import { listingParts } from '../../../domain/directory/vocabulary.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { NotFoundContent } from '../not-found-page.tsx';
import { formatDate } from '../clients/client-text.ts';
import { formatDateTime } from '../clients/case-text.ts';
import { countryName, languageName } from './service-text.ts';
import { ContactDetails } from '../../components/contact-details.tsx';
import { loadById, SearchBreadcrumbs } from '../../components/back-to-search.tsx';
import { RecruitSection } from './recruit-section.tsx';

export function ServicePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const service = useApi(`service:${id}`, (signal) => loadById(id, (x) => getService(x, signal), 'service'));
  if (service.status === 'error' && service.error.status === 404) return <NotFoundContent kind="service" />;
  if (service.status === 'ready') return <ServiceDetails key={service.data.id} loaded={service.data} />;
  return (
    <div aria-busy={service.status === 'loading'}>
      <Breadcrumbs current={t('service.loading')} />
      <PageHeading ready={service.status === 'error'}>
        {service.status === 'loading' ? t('service.loading') : t('service.error')}
      </PageHeading>
      {service.status === 'error' ? <ErrorAlert title={t('service.error')} error={service.error} /> : null}
    </div>
  );
}

function Breadcrumbs({ current }: { current: string }) {
  const { t } = useI18n();
  return (
    <SearchBreadcrumbs
      search={{ to: '/services', label: t('nav.services'), stateKey: 'serviceSearch' }}
      current={current}
    />
  );
}

function ServiceDetails({ loaded }: { loaded: Service }) {
  const { t, language } = useI18n();
  const session = useSession();
  // A confirmation answers with the listing as it now stands.
  const [service, setService] = useState(loaded);
  const fr = language === 'fr';
  const name = fr && service.nameFr ? service.nameFr : service.name;
  useDocumentTitle(name);
  const description = fr && service.descriptionFr ? service.descriptionFr : service.description;
  const eligibility =
    fr && service.eligibilityDescriptionFr ? service.eligibilityDescriptionFr : service.eligibilityDescription;
  const organization = fr && service.organization.nameFr ? service.organization.nameFr : service.organization.name;
  const { minimumAge: min, maximumAge: max } = service;
  const ages =
    min !== null && max !== null
      ? t('service.ages', { min, max })
      : min !== null
        ? t('service.minAge', { min })
        : max !== null
          ? t('service.maxAge', { max })
          : null;
  const dates =
    service.startsOn && service.endsOn
      ? t('service.dates', { start: formatDate(service.startsOn, language), end: formatDate(service.endsOn, language) })
      : service.startsOn
        ? t('service.startsOn', { start: formatDate(service.startsOn, language) })
        : service.endsOn
          ? t('service.endsOn', { end: formatDate(service.endsOn, language) })
          : null;

  return (
    <>
      <Breadcrumbs current={name} />
      <PageHeading>{name}</PageHeading>
      <p className="lead">
        <Link to={`/organizations/${service.organization.id}`}>{t('service.offeredBy', { organization })}</Link>
      </p>
      <p className="result-meta">
        <span className={`tag tag-intake-${service.intakeState}`}>{t(`intakeState.${service.intakeState}`)}</span>
        {service.freshness.stale ? <span className="tag tag-warning">{t('service.staleTag')}</span> : null}
      </p>
      {service.status !== 'active' ? (
        <p className="notice">{t('service.notRunning', { status: t(`serviceStatus.${service.status}`) })}</p>
      ) : null}
      {service.freshness.stale ? (
        <p className="notice" role="note">
          {t('service.staleWarning', { days: service.freshness.staleAfterDays })}
        </p>
      ) : null}

      {service.possibleDuplicates && service.possibleDuplicates.length > 0 ? (
        <div className="notice">
          <p>{t('service.duplicates')}</p>
          <ul>
            {service.possibleDuplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/services/${d.id}`}>{d.name}</Link> ({d.organization.name})
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="about-heading" className="section">
        <h2 id="about-heading">{t('service.about')}</h2>
        <p lang={fr && !service.descriptionFr ? 'en' : undefined}>{description}</p>
        <dl className="details">
          <div>
            <dt>{t('service.kind')}</dt>
            <dd>
              {service.interventionTypes.length > 0
                ? service.interventionTypes.map((v) => t(`intervention.${v}`)).join(', ')
                : t('service.unclassified')}
            </dd>
          </div>
          {service.targetPopulations.length > 0 ? (
            <div>
              <dt>{t('service.for')}</dt>
              <dd>{service.targetPopulations.map((v) => t(`population.${v}`)).join(', ')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('service.format')}</dt>
            <dd>{t(`deliveryMode.${service.deliveryMode}`)}</dd>
          </div>
          <div>
            <dt>{t('service.languages')}</dt>
            <dd>{service.languages.map((code) => languageName(code, language)).join(', ')}</dd>
          </div>
          {dates ? (
            <div>
              <dt>{t('service.runs')}</dt>
              <dd>{dates}</dd>
            </div>
          ) : null}
          {service.occupations.length > 0 ? (
            <div>
              <dt>{t('service.occupations')}</dt>
              <dd lang={fr ? 'en' : undefined}>
                {service.occupations.map((o) => `${o.title} (${o.code})`).join('; ')}
              </dd>
            </div>
          ) : null}
          {service.industries.length > 0 ? (
            <div>
              <dt>{t('service.industries')}</dt>
              <dd lang={fr ? 'en' : undefined}>{service.industries.map((o) => `${o.title} (${o.code})`).join('; ')}</dd>
            </div>
          ) : null}
          {service.credentialAwarded ? (
            <div>
              <dt>{t('service.credential')}</dt>
              <dd>{service.credentialAwarded}</dd>
            </div>
          ) : null}
          {service.funder ? (
            <div>
              <dt>{t('service.funder')}</dt>
              <dd>{service.funder}</dd>
            </div>
          ) : null}
          {service.feesDescription ? (
            <div>
              <dt>{t('service.fees')}</dt>
              <dd>{service.feesDescription}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {eligibility || ages ? (
        <section aria-labelledby="eligibility-heading" className="section">
          <h2 id="eligibility-heading">{t('service.eligibility')}</h2>
          {eligibility ? <p lang={fr && !service.eligibilityDescriptionFr ? 'en' : undefined}>{eligibility}</p> : null}
          {ages ? <p>{ages}</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="intake-heading" className="section">
        <h2 id="intake-heading">{t('service.intake')}</h2>
        {service.intakeWindows.length === 0 ? (
          <p>{t('service.intakeContinuous')}</p>
        ) : (
          <ul>
            {service.intakeWindows.map((w) => (
              <li key={w.id}>
                {w.closesOn
                  ? t('service.intakeWindow', {
                      from: formatDate(w.opensOn, language),
                      to: formatDate(w.closesOn, language),
                    })
                  : t('service.intakeOpenEnded', { from: formatDate(w.opensOn, language) })}
                {w.note ? ` (${w.note})` : ''}
              </li>
            ))}
          </ul>
        )}
        {service.applicationProcess ? (
          <>
            <h3>{t('service.applying')}</h3>
            <p>{service.applicationProcess}</p>
          </>
        ) : null}
        {service.capacity ? (
          <p className="muted">
            {t('service.capacity', {
              seats:
                service.capacity.seatsOpen === null
                  ? t('services.seatsOnly', { seats: service.capacity.seats })
                  : t('services.seats', { open: service.capacity.seatsOpen, seats: service.capacity.seats }),
            })}
          </p>
        ) : null}
      </section>

      {session.status === 'signedIn' && session.can.recruit ? (
        <RecruitSection serviceId={service.id} csrfToken={session.csrfToken} />
      ) : null}

      <section aria-labelledby="where-heading" className="section">
        <h2 id="where-heading">{t('service.locations')}</h2>
        {service.deliveryMode !== 'in_person' ? <p>{t('service.online')}</p> : null}
        {service.sites.length === 0 && service.deliveryMode === 'in_person' ? <p>{t('service.noLocations')}</p> : null}
        <ul className="sites">
          {service.sites.map((site) => (
            <li key={site.id} className="card site">
              <h3>{site.name}</h3>
              <address>
                {site.streetAddress}
                <br />
                {`${site.city} ${site.province}  ${site.postalCode}`}
                {site.country !== 'CA' ? (
                  <>
                    <br />
                    {countryName(site.country, language)}
                  </>
                ) : null}
              </address>
              {site.neighbourhoodName ? <p className="muted">{site.neighbourhoodName}</p> : null}
              {site.wheelchairAccessible !== null ? (
                <p>{site.wheelchairAccessible ? t('service.wheelchair') : t('service.notWheelchair')}</p>
              ) : null}
              {site.accessibilityDescription ? <p>{site.accessibilityDescription}</p> : null}
              {site.transportation ? <p>{t('service.transportation', { how: site.transportation })}</p> : null}
            </li>
          ))}
        </ul>
        {service.schedules.length > 0 ? (
          <>
            <h3>{t('service.hours')}</h3>
            <ul>
              {service.schedules.map((s) => (
                <li key={s.id}>
                  {t('service.hoursRow', {
                    days: s.weekdays.map((d) => t(`weekday.${d}`)).join(', '),
                    opens: s.opensAt,
                    closes: s.closesAt,
                  })}
                  {s.description ? ` (${s.description})` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="contact-heading" className="section">
        <h2 id="contact-heading">{t('service.contacts')}</h2>
        <ContactDetails website={service.url} phone={service.phone} email={service.email} />
        {service.contacts.length > 0 ? (
          <ul>
            {service.contacts.map((c) => (
              <li key={c.id}>
                {[c.name, c.title].filter(Boolean).join(', ')}
                {c.phone ? (
                  <>
                    {' · '}
                    <a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a>
                  </>
                ) : null}
                {c.email ? (
                  <>
                    {' · '}
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="freshness-heading" className="section">
        <h2 id="freshness-heading">{t('service.freshness')}</h2>
        {service.canManage ? <ConfirmListing service={service} onChanged={setService} /> : null}
        <dl className="details details-compact">
          {listingParts
            .filter((part) => service.freshness.verifiedAt[part])
            .map((part) => (
              <div key={part}>
                <dt>{t(`listingPart.${part}`)}</dt>
                <dd>
                  {formatDateTime(service.freshness.verifiedAt[part]!, language)}
                  {service.freshness.staleParts.includes(part) ? ` (${t('service.staleTag')})` : ''}
                </dd>
              </div>
            ))}
        </dl>
      </section>
    </>
  );
}

// The provider's managers confirm a listing that still holds (the prompt to confirm stale listings).
function ConfirmListing({ service, onChanged }: { service: Service; onChanged: (service: Service) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const notice = useNotice();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : undefined;
  if (!csrfToken) return null;
  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      onChanged(await confirmService(service.id, csrfToken));
      notice.show(t('service.confirmed'));
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="form-actions">
      <p className="hint">{t('service.confirmHint')}</p>
      {failure ? <ErrorAlert title={t('service.confirmFailed')} error={failure} /> : null}
      <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
        {t('service.confirm')}
      </button>
      {notice.element}
    </div>
  );
}
