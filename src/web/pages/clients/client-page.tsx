import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { getOrganization, type ClientView, type ConsentCategory, type User } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { organizationName } from '../../components/organization-text.ts';
import { OccupationOf, SkillNames, useOccupations } from '../../components/occupation-picker.tsx';
import { useApi } from '../../use-api.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';
import { consentCategories, consentPurposes, formatDate, key } from './client-text.ts';
import { Details } from './record-details.tsx';
import { EquityAnswers } from './equity-answers.tsx';
import { AssessmentSection } from './assessment-section.tsx';
import { ConsentsSection } from './consents-section.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';

export function ClientPage() {
  return <ClientSubPage section="file">{(scope) => <ClientContent {...scope} />}</ClientSubPage>;
}

function ClientContent({ client, user, csrfToken }: ClientScope) {
  const { t } = useI18n();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  return (
    <>
      {created ? (
        <p role="status" className="notice">
          {t('clients.page.created')}
        </p>
      ) : null}
      <FileSummary client={client} user={user} />
      {client.identityContact ? <IdentitySection client={client} /> : null}
      {client.employment ? <EmploymentSection client={client} /> : null}
      {client.assessment ? <AssessmentSection client={client} user={user} csrfToken={csrfToken} /> : null}
      {client.access.categories.includes('equity') ? <EquitySection client={client} /> : null}
      {client.can.readConsents ? <ConsentsSection client={client} user={user} csrfToken={csrfToken} /> : null}
    </>
  );
}

const scopeKey = {
  own: 'clients.scope.own',
  cons: 'clients.scope.cons',
  team: 'clients.scope.team',
  self: 'clients.scope.self',
  cmp: 'clients.scope.cmp',
} as const;

function FileSummary({ client, user }: { client: ClientView; user: User }) {
  const { t, language } = useI18n();
  const holder = useApi(`organization|${client.organizationId}`, (signal) =>
    getOrganization(client.organizationId, signal),
  );
  const own = client.organizationId === user.organizationId;
  const holderName = own
    ? t('clients.summary.yourOrganization')
    : holder.status === 'ready'
      ? organizationName(holder.data, language)
      : '…';
  const scope = scopeKey[client.access.scope as keyof typeof scopeKey];
  const shownAs = (category: ConsentCategory): string => {
    if (client.access.categories.includes(category)) return t('clients.category.shown');
    // The holding agency sees every category its staff's roles allow: what is missing is the role's limit.
    return client.access.scope === 'own' ? t('clients.category.notForRole') : t('clients.category.notShared');
  };
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('clients.summary.title')}</h2>
      <Details
        rows={[
          [t('clients.summary.status'), t(key.clientStatus(client.status))],
          [t('clients.summary.holder'), holderName],
          [t('clients.summary.access'), scope ? t(scope) : client.access.scope],
          ...(client.access.purposes.length > 0
            ? [
                [
                  t('clients.summary.purposes'),
                  client.access.purposes.map((p) => (isPurpose(p) ? t(key.purpose(p)) : p)).join(', '),
                ] as [string, ReactNode],
              ]
            : []),
          ...(client.stream != null
            ? [[t('assessment.streamInForce'), t(key.stream(client.stream))] as [string, ReactNode]]
            : []),
          [t('clients.summary.opened'), formatDate(client.createdAt.slice(0, 10), language)],
        ]}
      />
      <h3>{t('clients.summary.categories')}</h3>
      <dl className="record-details category-list">
        {consentCategories.map((category) => (
          <div key={category}>
            <dt>{t(key.category(category))}</dt>
            <dd className={client.access.categories.includes(category) ? undefined : 'not-shared'}>
              {shownAs(category)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function isPurpose(value: string): value is (typeof consentPurposes)[number] {
  return consentPurposes.some((p) => p === value);
}

function IdentitySection({ client }: { client: ClientView }) {
  const { t, language } = useI18n();
  const identity = client.identityContact;
  if (!identity) return null;
  const none = t('intake.notGiven');
  return (
    <section aria-labelledby="identity-title">
      <h2 id="identity-title">{t('category.identity_contact')}</h2>
      <Details
        rows={[
          [t('intake.name'), `${identity.givenName} ${identity.familyName}`],
          [t('intake.preferredName'), identity.preferredName ?? none],
          [t('intake.pronouns'), identity.pronouns ?? none],
          [t('intake.dateOfBirth'), formatDate(identity.dateOfBirth, language)],
          [
            t('intake.preferredLanguage'),
            t(identity.preferredLanguage === 'en' ? 'intake.language.en' : 'intake.language.fr'),
          ],
          [t('intake.otherLanguages'), identity.otherLanguages.join(', ') || none],
          [
            t('intake.interpreter'),
            identity.interpreterNeeded ? (identity.interpreterLanguage ?? t('common.yes')) : t('common.no'),
          ],
          [t('intake.email'), identity.email ?? none],
          [t('intake.phone'), identity.phone ?? none],
          [t('intake.streetAddress'), identity.streetAddress ?? none],
          [t('intake.postalCode'), identity.postalCode ?? none],
          ...identity.externalIds.map((e): [string, ReactNode] => [t(key.externalId(e.kind)), e.value]),
        ]}
      />
    </section>
  );
}

// The record keeps NOC codes; their titles come from the public reference data.
function EmploymentSection({ client }: { client: ClientView }) {
  const { t, language } = useI18n();
  const employment = client.employment;
  const byCode = useOccupations([
    ...(employment?.workHistory.map((w) => w.nocCode) ?? []),
    ...(employment?.goals.targetNocCodes ?? []),
  ]);
  if (!employment) return null;
  const none = t('intake.notGiven');
  const { goals } = employment;
  return (
    <section aria-labelledby="employment-title">
      <h2 id="employment-title">{t('category.employment')}</h2>
      <Details
        rows={[
          [t('intake.educationLevel'), t(key.education(employment.educationLevel))],
          [t('intake.literacyNumeracy'), t(key.literacy(employment.literacyNumeracy))],
        ]}
      />
      <h3>{t('intake.group.work')}</h3>
      {employment.workHistory.length === 0 ? (
        <p>{t('intake.noJobs')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="work-caption" tabIndex={0}>
          <StackedTable>
            <caption id="work-caption">{t('clients.work.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('intake.occupation')}</th>
                <th scope="col">{t('intake.jobTitle')}</th>
                <th scope="col">{t('intake.employerName')}</th>
                <th scope="col">{t('clients.work.dates')}</th>
                <th scope="col">{t('intake.hoursPerWeek')}</th>
              </tr>
            </thead>
            <tbody>
              {employment.workHistory.map((job, i) => (
                <tr key={`${job.nocCode}-${job.startDate}-${i}`}>
                  <th scope="row">
                    <OccupationOf code={job.nocCode} byCode={byCode} />
                  </th>
                  <td>{job.jobTitle ?? none}</td>
                  <td>{job.employerName ?? none}</td>
                  <td>
                    {job.endDate
                      ? t('intake.jobFromTo', {
                          from: formatDate(job.startDate, language),
                          to: formatDate(job.endDate, language),
                        })
                      : t('intake.jobSince', { from: formatDate(job.startDate, language) })}
                  </td>
                  <td>{job.hoursPerWeek ?? none}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      )}
      <h3>{t('intake.group.goals')}</h3>
      <Details
        rows={[
          [t('intake.goalStatement'), goals.statement ?? none],
          [
            t('intake.targetOccupations'),
            goals.targetNocCodes.length === 0
              ? none
              : goals.targetNocCodes.map((code, i) => (
                  <span key={code}>
                    {i > 0 ? ', ' : ''}
                    <OccupationOf code={code} byCode={byCode} />
                  </span>
                )),
          ],
          [t('intake.hoursWanted'), goals.hoursWanted ?? none],
          [t('intake.timeHorizon'), goals.timeHorizon ? t(key.timeHorizon(goals.timeHorizon)) : none],
          [t('jobProfile.skills'), employment.skills === null ? none : <SkillNames uris={employment.skills} />],
          [
            t('jobProfile.credentials'),
            employment.credentials === null
              ? none
              : employment.credentials.length === 0
                ? t('jobProfile.noCredentials')
                : employment.credentials.join(', '),
          ],
        ]}
      />
      <h3>{t('intake.group.accommodations')}</h3>
      {employment.accommodations.length === 0 ? (
        <p>{t('intake.noAccommodations')}</p>
      ) : (
        <ul className="plain-list review-list">
          {employment.accommodations.map((a, i) => (
            <li key={`${a.kind}-${i}`}>
              {a.description
                ? t('clients.accommodationDescribed', {
                    kind: t(key.accommodation(a.kind)),
                    description: a.description,
                  })
                : t(key.accommodation(a.kind))}
              {a.disabilityRelated ? ` (${t('intake.disabilityRelatedShort')})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EquitySection({ client }: { client: ClientView }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="equity-title">
      <h2 id="equity-title">{t('category.equity')}</h2>
      <p className="field-hint">{t('clients.equity.lead')}</p>
      <EquityAnswers equity={client.equity} />
    </section>
  );
}
