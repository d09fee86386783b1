import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  getHiringEvent,
  listEventRegistrations,
  removeParticipation,
  setParticipation,
  updateHiringEvent,
  updateRegistration,
  type HiringEvent,
  type Registration,
} from '../../api-events.ts';
import { listEmployers, listJobOrders, proposePlacement } from '../../api-jobs.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RecordLoader } from '../../components/record-loader.tsx';
import { useForm } from '../../components/form.tsx';
import { notificationsChanged } from '../../components/notification-count.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { Loading } from '../../components/status.tsx';
import { SummaryChart } from '../../components/summary-chart.tsx';
import { useApi } from '../../use-api.ts';
import { useSession } from '../../session.tsx';
import { formatDateTime } from '../clients/case-text.ts';
import { eventKey, formatWhen } from './event-text.ts';

export function EventPage() {
  const { t } = useI18n();
  return (
    <RecordLoader
      what="hiring-event"
      load={getHiringEvent}
      notFound="event"
      loading={t('event.loading')}
      failed={t('event.error')}
    >
      {(loaded) => <EventView loaded={loaded} />}
    </RecordLoader>
  );
}

type Changed = (next: HiringEvent, message: string) => void;

// One employer event as each reader may see it: the listing for everyone; the job orders on offer for
// staff (an employer its own); the results, counted, for those who keep it; an agency's own registrations
// and attendance, and a placement proposed from the event; an employer's own part in it.
function EventView({ loaded }: { loaded: HiringEvent }) {
  const { t, language } = useI18n();
  const [event, setEvent] = useState(loaded);
  const notice = useNotice();
  const session = useSession();
  const e = event;
  useDocumentTitle(e.title);
  const changed: Changed = (next, message) => {
    setEvent(next);
    notificationsChanged();
    notice.show(message);
  };
  const own = session.status === 'signedIn' ? session.user.organizationId : undefined;
  const ownPart = e.participants.find((p) => p.id === own);
  const name = (o: { name: string; nameFr: string | null }) => (language === 'fr' && o.nameFr ? o.nameFr : o.name);
  return (
    <>
      <nav aria-label={t('organization.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/events">{t('events.title')}</Link>
          </li>
          <li aria-current="page">{e.title}</li>
        </ol>
      </nav>
      <PageHeading>{e.title}</PageHeading>
      {notice.element}
      <dl className="record-details">
        <div>
          <dt>{t('event.kind')}</dt>
          <dd>{t(eventKey.kind(e.kind))}</dd>
        </div>
        <div>
          <dt>{t('event.status')}</dt>
          <dd>
            <span className={`status-tag status-${e.status}`}>{t(eventKey.status(e.status))}</span>
          </dd>
        </div>
        <div>
          <dt>{t('event.when')}</dt>
          <dd>{formatWhen(e.startsAt, e.endsAt, language)}</dd>
        </div>
        <div>
          <dt>{t('event.where')}</dt>
          <dd>{e.online ? t('events.online') : `${e.address ?? ''}, ${e.postalCode ?? ''}`}</dd>
        </div>
        <div>
          <dt>{t('event.host')}</dt>
          <dd>
            <Link to={`/organizations/${e.host.id}`}>{name(e.host)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('event.capacity')}</dt>
          <dd>{e.capacity === null ? t('event.noCapacity') : t('event.places', { count: e.capacity })}</dd>
        </div>
        {e.description ? (
          <div>
            <dt>{t('event.description')}</dt>
            <dd>{e.description}</dd>
          </div>
        ) : null}
      </dl>
      {e.results ? <Results event={e} /> : null}
      {e.mayManage && e.status === 'planned' ? <Keep event={e} onChanged={changed} /> : null}
      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t('event.participantsTitle', { count: e.employers })}</h2>
        {e.participants.length === 0 ? <p>{t('event.noParticipants')}</p> : null}
        <ul className="cards">
          {e.participants.map((p) => (
            <li key={p.id} className="card">
              <h3>{name(p)}</h3>
              {p.jobs === null ? (
                <p>{t('event.jobCount', { count: p.jobCount })}</p>
              ) : p.jobs.length === 0 ? (
                <p>{t(e.status === 'planned' ? 'event.noJobs' : 'event.noJobsPast')}</p>
              ) : (
                <ul>
                  {p.jobs.map((j) => (
                    <li key={j.id}>
                      <Link to={`/jobs/${j.id}`}>{j.title}</Link> ({t('event.openings', { count: j.openings })})
                    </li>
                  ))}
                </ul>
              )}
              {(e.mayManage || p.id === own) && (e.mayTakePart || e.mayManage) && e.status === 'planned' ? (
                <Participation
                  event={e}
                  employerId={p.id}
                  employerName={name(p)}
                  current={p.jobs}
                  onChanged={changed}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {e.mayManage && e.status === 'planned' ? <AddEmployer event={e} onChanged={changed} /> : null}
        {e.mayTakePart && !ownPart && own ? (
          <Participation
            event={e}
            employerId={own}
            employerName={t('event.yourOrganization')}
            current={[]}
            onChanged={changed}
            joining
          />
        ) : null}
      </section>
      {e.mine ? <Registrations event={e} /> : null}
    </>
  );
}

function Results({ event: e }: { event: HiringEvent }) {
  const { t, n } = useI18n();
  const r = e.results!;
  const rows = [
    ['registered', r.registered],
    ['attended', r.attended],
    ['proposed', r.proposed],
    ['interviews', r.interviews],
    ['hires', r.hires],
  ] as const;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('event.resultsTitle')}</h2>
      <p>{t('event.resultsLead')}</p>
      <SummaryChart
        caption={t('event.resultsChart')}
        items={rows.map(([key, value]) => ({ label: t(`event.result.${key}`), value }))}
        alt={(values) => t('event.resultsAlt', { values })}
      />
      <table className="data-table">
        <caption className="visually-hidden">{t('event.resultsTitle')}</caption>
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{t(`event.result.${key}`)}</th>
              <td>{n(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

// The keepers mark the event held once it has started, or cancel it after a confirmation.
function Keep({ event: e, onChanged }: { event: HiringEvent; onChanged: Changed }) {
  const { t } = useI18n();
  const session = useSession();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const form = useForm();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const started = Date.parse(e.startsAt) <= Date.now();
  const change = (status: 'held' | 'cancelled') => {
    setBusy(true);
    updateHiringEvent(e.id, { status }, csrfToken).then(
      (next) => {
        setBusy(false);
        setConfirming(false);
        onChanged(next, t(status === 'held' ? 'event.markedHeld' : 'event.cancelled'));
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(formErrorsOf(error, t, { conflict: t('event.error.closed') }));
      },
    );
  };
  return (
    <section aria-labelledby="keep-title" className="editor">
      <h2 id="keep-title">{t('event.keepTitle')}</h2>
      {form.summary}
      <p>
        <Link to={`/events/${e.id}/edit`}>{t('event.edit')}</Link>
      </p>
      <div className="form-actions">
        {started ? (
          <button type="button" className="button" disabled={busy} onClick={() => change('held')}>
            {t('event.markHeld')}
          </button>
        ) : null}
        {confirming ? (
          <>
            <p role="status">{t('event.cancelQuestion')}</p>
            <button type="button" className="button button-danger" disabled={busy} onClick={() => change('cancelled')}>
              {t('event.cancelConfirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('event.cancelKeep')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
            {t('event.cancel')}
          </button>
        )}
      </div>
    </section>
  );
}

// An employer's job orders on offer: its open ones to tick, saved as exactly those ticked; "take part"
// for an employer joining by itself; "no longer taking part" before the event.
function Participation({
  event: e,
  employerId,
  employerName,
  current,
  onChanged,
  joining = false,
}: {
  event: HiringEvent;
  employerId: string;
  employerName: string;
  current: { id: string }[] | null;
  onChanged: Changed;
  joining?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const session = useSession();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const form = useForm();
  const jobs = useApi(`event-jobs|${employerId}`, (signal) =>
    listJobOrders({ employerId, status: 'open', perPage: 100 }, signal),
  );
  const [chosen, setChosen] = useState<string[]>((current ?? []).map((j) => j.id));
  const [busy, setBusy] = useState(false);
  const done = (promise: Promise<HiringEvent>, message: string) => {
    setBusy(true);
    promise.then(
      (next) => {
        setBusy(false);
        onChanged(next, message);
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(formErrorsOf(error, t, { conflict: t('event.error.closed') }));
      },
    );
  };
  return (
    <div className="editor">
      {form.summary}
      {jobs.status === 'loading' ? <Loading label={t('event.jobsLoading')} /> : null}
      {jobs.status === 'error' ? <SectionProblem error={jobs.error} title={t('event.jobsFailed')} /> : null}
      {jobs.status === 'ready' ? (
        <fieldset className="checkbox-group">
          <legend>{t(joining ? 'event.joinLegend' : 'event.jobsLegend', { employer: employerName })}</legend>
          {jobs.data.items.length === 0 ? <p>{t('event.noOpenJobs')}</p> : null}
          {jobs.data.items.map((j) => (
            <div className="field-check" key={j.id}>
              <input
                id={`${id}-${j.id}`}
                type="checkbox"
                checked={chosen.includes(j.id)}
                onChange={(ev) => setChosen((c) => (ev.target.checked ? [...c, j.id] : c.filter((x) => x !== j.id)))}
              />
              <label htmlFor={`${id}-${j.id}`}>{j.title}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={busy || jobs.status !== 'ready'}
          onClick={() =>
            done(
              setParticipation(e.id, employerId, chosen, csrfToken),
              t(joining ? 'event.joined' : 'event.jobsSaved', { employer: employerName }),
            )
          }
        >
          {t(joining ? 'event.join' : 'event.saveJobs')}
        </button>
        {joining ? null : (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() =>
              done(removeParticipation(e.id, employerId, csrfToken), t('event.removed', { employer: employerName }))
            }
          >
            {t('event.remove', { employer: employerName })}
          </button>
        )}
      </div>
    </div>
  );
}

// The keepers put in an employer found by name; its job orders are chosen on its card.
function AddEmployer({ event: e, onChanged }: { event: HiringEvent; onChanged: Changed }) {
  const { t } = useI18n();
  const id = useId();
  const session = useSession();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const form = useForm();
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const found = useApi(`event-employers|${query}`, (signal) =>
    query ? listEmployers({ q: query, perPage: 10 }, signal) : Promise.resolve(null),
  );
  const taking = new Set(e.participants.map((p) => p.id));
  return (
    <section aria-labelledby={`${id}-title`} className="editor">
      <h3 id={`${id}-title`}>{t('event.addEmployerTitle')}</h3>
      {form.summary}
      <form
        role="search"
        aria-label={t('event.addEmployerTitle')}
        onSubmit={(ev) => {
          ev.preventDefault();
          setQuery(words.trim());
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('event.employerName')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={words}
            maxLength={100}
            onChange={(ev) => setWords(ev.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-secondary">
            {t('event.findEmployer')}
          </button>
        </div>
      </form>
      {found.status === 'ready' && found.data ? (
        found.data.items.length === 0 ? (
          <p role="status">{t('event.noEmployerFound')}</p>
        ) : (
          <ul className="link-list" aria-label={t('event.employersFound')}>
            {found.data.items.map((employer) => (
              <li key={employer.id}>
                {employer.name}{' '}
                {taking.has(employer.id) ? (
                  <span className="muted">{t('event.alreadyTakingPart')}</span>
                ) : (
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => {
                      setBusy(true);
                      setParticipation(e.id, employer.id, [], csrfToken).then(
                        (next) => {
                          setBusy(false);
                          setQuery('');
                          setWords('');
                          onChanged(next, t('event.employerAdded', { employer: employer.name }));
                        },
                        (error: unknown) => {
                          setBusy(false);
                          form.fail(formErrorsOf(error, t, { conflict: t('event.error.closed') }));
                        },
                      );
                    }}
                  >
                    {t('event.addEmployer', { employer: employer.name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

// The agency's own registrations: whether each client came (once it has started), a cancellation, and a
// placement proposed from the event for a job order on offer there.
function Registrations({ event: e }: { event: HiringEvent }) {
  const { t, language } = useI18n();
  const id = useId();
  const session = useSession();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const form = useForm();
  const notice = useNotice();
  const [version, setVersion] = useState(0);
  const list = useApi(`event-registrations|${e.id}|${version}`, (signal) => listEventRegistrations(e.id, signal));
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<Record<string, string>>({});
  const offered = e.participants.flatMap((p) => (p.jobs ?? []).filter((j) => j.status === 'open'));
  const started = Date.parse(e.startsAt) <= Date.now();
  const act = (promise: Promise<unknown>, message: string, after?: () => void) => {
    setBusy(true);
    promise.then(
      () => {
        setBusy(false);
        after?.();
        setVersion((v) => v + 1);
        notice.show(message);
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(formErrorsOf(error, t));
      },
    );
  };
  const who = (r: Registration) => r.client.name ?? t('event.aClient');
  return (
    <section aria-labelledby={`${id}-title`} aria-busy={list.status === 'loading'}>
      <h2 id={`${id}-title`}>{t('event.registrationsTitle')}</h2>
      <p>
        {t('event.registrationsLead', {
          // The counts as the list now stands (it changes on this page), the event's own until it loads.
          registered:
            list.status === 'ready' ? list.data.items.filter((r) => r.cancelledAt === null).length : e.mine!.registered,
          attended:
            list.status === 'ready' ? list.data.items.filter((r) => r.attended === true).length : e.mine!.attended,
        })}
      </p>
      {notice.element}
      {form.summary}
      {list.status === 'loading' ? <Loading label={t('event.registrationsLoading')} /> : null}
      {list.status === 'error' ? <SectionProblem error={list.error} title={t('event.registrationsFailed')} /> : null}
      {list.status === 'ready' && list.data.items.length === 0 ? <p>{t('event.noRegistrations')}</p> : null}
      {list.status === 'ready' && list.data.items.length > 0 ? (
        <StackedTable>
          <caption className="visually-hidden">{t('event.registrationsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('event.col.client')}</th>
              <th scope="col">{t('event.col.registered')}</th>
              <th scope="col">{t('event.col.attended')}</th>
              <th scope="col">{t('event.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/clients/${r.client.id}/jobs`}>{who(r)}</Link>
                </th>
                <td>{formatDateTime(r.registeredAt, language)}</td>
                <td>
                  {r.cancelledAt
                    ? t('event.registrationCancelled')
                    : r.attended === null
                      ? t('event.attendanceNotRecorded')
                      : t(r.attended ? 'event.came' : 'event.didNotCome')}
                </td>
                <td>
                  {r.cancelledAt ? null : (
                    <div className="form-actions">
                      {started && r.attended !== true ? (
                        <button
                          type="button"
                          className="button"
                          disabled={busy}
                          onClick={() =>
                            act(
                              updateRegistration(e.id, r.id, { attended: true }, csrfToken),
                              t('event.markedCame', { name: who(r) }),
                            )
                          }
                        >
                          {t('event.markCame', { name: who(r) })}
                        </button>
                      ) : null}
                      {started && r.attended !== false ? (
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={busy}
                          onClick={() =>
                            act(
                              updateRegistration(e.id, r.id, { attended: false }, csrfToken),
                              t('event.markedDidNotCome', { name: who(r) }),
                            )
                          }
                        >
                          {t('event.markDidNotCome', { name: who(r) })}
                        </button>
                      ) : null}
                      {!started ? (
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={busy}
                          onClick={() =>
                            act(
                              updateRegistration(e.id, r.id, { cancelled: true }, csrfToken),
                              t('event.registrationCancelledFor', { name: who(r) }),
                            )
                          }
                        >
                          {t('event.cancelRegistration', { name: who(r) })}
                        </button>
                      ) : null}
                      {offered.length > 0 && e.status !== 'cancelled' ? (
                        <>
                          <label className="visually-hidden" htmlFor={`${id}-job-${r.id}`}>
                            {t('event.proposeFor', { name: who(r) })}
                          </label>
                          <select
                            id={`${id}-job-${r.id}`}
                            value={job[r.id] ?? ''}
                            onChange={(ev) => setJob((c) => ({ ...c, [r.id]: ev.target.value }))}
                          >
                            <option value="">{t('event.chooseJob')}</option>
                            {offered.map((j) => (
                              <option key={j.id} value={j.id}>
                                {j.title}
                              </option>
                            ))}
                          </select>
                          <button
                            type="button"
                            className="button"
                            disabled={busy || !job[r.id]}
                            onClick={() =>
                              act(
                                proposePlacement(
                                  r.client.id,
                                  { jobOrderId: job[r.id]!, hiringEventId: e.id },
                                  csrfToken,
                                ),
                                t('event.proposed', { name: who(r) }),
                                () => setJob((c) => ({ ...c, [r.id]: '' })),
                              )
                            }
                          >
                            {t('event.propose', { name: who(r) })}
                          </button>
                        </>
                      ) : null}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      ) : null}
      <p className="muted">{t('event.registerHint')}</p>
    </section>
  );
}
