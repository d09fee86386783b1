import { useId } from 'react';
import { Link } from 'react-router';
import { listHiringEvents } from '../../api-events.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { PageButtons, useAddressFilters } from '../../components/page-buttons.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { useSession } from '../../session.tsx';
import { eventKey, formatWhen, hiringEventKinds } from './event-text.ts';

const PER_PAGE = 20;
const whens = ['upcoming', 'past', 'all'] as const;

// Job fairs, hiring events, networking and information sessions: a public calendar, soonest first. The
// filters live in the address; those who keep events list one from here.
export function EventsPage() {
  const { t, language } = useI18n();
  const id = useId();
  const [params, set] = useAddressFilters();
  const when = whens.find((w) => w === params.get('when')) ?? 'upcoming';
  const kind = hiringEventKinds.find((k) => k === params.get('kind'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  useDocumentTitle(t('events.title'));
  const session = useSession();
  const can = session.status === 'signedIn' ? session.can : undefined;
  const list = useApi(`events|${when}|${kind ?? ''}|${page}`, (signal) =>
    listHiringEvents({ when, ...(kind ? { kind } : {}), page, perPage: PER_PAGE }, signal),
  );
  const heading = t(`events.when.${when}`);
  return (
    <>
      <PageHeading>{t('events.title')}</PageHeading>
      <p className="lead">{t('events.lead')}</p>
      {can?.manageEvents ? (
        <p>
          <Link to="/events/new" className="button">
            {t('events.new')}
          </Link>
        </p>
      ) : null}
      <form className="filters" role="search" aria-label={t('events.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-when`}>{t('events.whenLabel')}</label>
          <select
            id={`${id}-when`}
            value={when}
            onChange={(e) => set({ when: e.target.value === 'upcoming' ? undefined : e.target.value, page: undefined })}
          >
            {whens.map((w) => (
              <option key={w} value={w}>
                {t(`events.when.${w}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('events.kindLabel')}</label>
          <select
            id={`${id}-kind`}
            value={kind ?? ''}
            onChange={(e) => set({ kind: e.target.value || undefined, page: undefined })}
          >
            <option value="">{t('events.anyKind')}</option>
            {hiringEventKinds.map((k) => (
              <option key={k} value={k}>
                {t(eventKey.kind(k))}
              </option>
            ))}
          </select>
        </div>
      </form>
      <section aria-labelledby={`${id}-list`} aria-busy={list.status === 'loading'}>
        <h2 id={`${id}-list`}>
          {heading}
          {list.status === 'ready' ? ` (${list.data.total})` : ''}
        </h2>
        {list.status === 'loading' ? <Loading label={t('events.loading')} /> : null}
        {list.status === 'error' ? <SectionProblem error={list.error} title={t('events.loadFailed')} /> : null}
        {list.status === 'ready' && list.data.items.length === 0 ? <p>{t('events.none')}</p> : null}
        {list.status === 'ready' && list.data.items.length > 0 ? (
          <>
            <StackedTable>
              <caption className="visually-hidden">{heading}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.col.event')}</th>
                  <th scope="col">{t('events.col.when')}</th>
                  <th scope="col">{t('events.col.where')}</th>
                  <th scope="col">{t('events.col.host')}</th>
                  <th scope="col">{t('events.col.employers')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/events/${e.id}`}>{e.title}</Link>
                      <br />
                      <span className="muted">{t(eventKey.kind(e.kind))}</span>
                      {e.status === 'planned' ? null : (
                        <>
                          {' '}
                          <span className={`status-tag status-${e.status}`}>{t(eventKey.status(e.status))}</span>
                        </>
                      )}
                    </th>
                    <td>{formatWhen(e.startsAt, e.endsAt, language)}</td>
                    <td>{e.online ? t('events.online') : `${e.address ?? ''}, ${e.postalCode ?? ''}`}</td>
                    <td>{language === 'fr' && e.host.nameFr ? e.host.nameFr : e.host.name}</td>
                    <td>{t('events.employersAndJobs', { employers: e.employers, jobs: e.jobsOnOffer })}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
            <PageButtons
              page={page}
              pages={Math.ceil(list.data.total / PER_PAGE)}
              onPage={(p) => set({ page: String(p) })}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
