import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  getTeamWork,
  listAccessRequests,
  listAgencyTransfers,
  listMyTasks,
  listNotifications,
  searchAgencyFiles,
  searchCaseload,
  type AgencyFile,
  type NotificationList,
  type AgencyTransfer,
  type Task,
  type TeamWork,
} from '../../api-case.ts';
import { ApiError, type ListEnvelope } from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import type { PluralKey } from '../../i18n/translate.ts';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireCan, type StaffPage } from '../../components/require-can.tsx';
import { SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Announcement } from '../../components/form.tsx';
import { Loading } from '../../components/status.tsx';
import { SummaryChart } from '../../components/summary-chart.tsx';
import { notificationsChanged } from '../../components/notification-count.tsx';
import { useApi, type Loadable } from '../../use-api.ts';
import { CaseloadTable } from '../caseload/caseload-page.tsx';
import { completedMessage, TaskTable } from '../clients/task-table.tsx';
import { formatDate, key, todayInToronto } from '../clients/client-text.ts';
import { caseKey } from '../clients/case-text.ts';
import { notificationGroupLines } from '../notifications/notifications-page.tsx';
import { PageButtons } from '../../components/page-buttons.tsx';

export function WorkPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="work" body={t('work.notAllowedBody')}>
      {(scope) => <Work {...scope} />}
    </RequireCan>
  );
}

// How many days without contact make a client "quiet": the worker's choice, kept in this browser.
const QUIET_KEY = 'continuum.quietDays';
const QUIET_DEFAULT = 30;
function storedQuietDays(): number {
  try {
    const value = Number(window.localStorage.getItem(QUIET_KEY));
    return Number.isInteger(value) && value >= 1 && value <= 365 ? value : QUIET_DEFAULT;
  } catch {
    return QUIET_DEFAULT;
  }
}
const SHOWN = 10;
const AGENCY_PER_PAGE = 50;

// The staff home page: the day's work in one place. Each part is read through its own route (tasks,
// transfers, access requests, notifications, caseload), so it shows exactly what that route allows.
function Work(scope: StaffPage) {
  const { user, can } = scope;
  const { t, language } = useI18n();
  useDocumentTitle(t('work.title'));
  const [version, setVersion] = useState(0);
  const [quietDays, setQuietDays] = useState(storedQuietDays);
  const notice = useNotice();
  const overdue = useApi(`work-overdue|${version}`, (signal) =>
    listMyTasks({ scope: 'mine', status: 'open', due: 'overdue', perPage: SHOWN }, signal),
  );
  const today = useApi(`work-today|${version}`, (signal) =>
    listMyTasks({ scope: 'mine', status: 'open', due: 'today', perPage: SHOWN }, signal),
  );
  const notifications = useApi(`work-notifications|${version}`, (signal) => listNotifications(true, signal));
  const changed = (message: string) => {
    setVersion((v) => v + 1);
    notificationsChanged();
    notice.show(message);
  };
  const chooseQuietDays = (days: number) => {
    setQuietDays(days);
    try {
      window.localStorage.setItem(QUIET_KEY, String(days));
    } catch {
      // A browser that keeps nothing still shows the list; the choice lasts for this visit.
    }
  };
  return (
    <>
      <PageHeading>{t('work.title')}</PageHeading>
      <p className="lead">{t('work.lead', { name: user.displayName, date: formatDate(todayInToronto(), language) })}</p>
      {notice.element}
      <WorkFigures overdue={overdue} today={today} notifications={notifications} />
      <section aria-labelledby="work-tasks" className="section">
        <h2 id="work-tasks">{t('work.tasks.heading')}</h2>
        <TaskList
          list={overdue}
          heading={t('work.tasks.overdue')}
          none={t('work.tasks.noneOverdue')}
          caption="work.tasks.overdueCaption"
          scope={scope}
          onCompleted={changed}
        />
        <TaskList
          list={today}
          heading={t('work.tasks.today')}
          none={t('work.tasks.noneToday')}
          caption="work.tasks.todayCaption"
          scope={scope}
          onCompleted={changed}
        />
        <p>
          <Link to="/tasks">{t('work.tasks.all')}</Link>
        </p>
      </section>
      {can.transfers || can.accessRequests ? <Handoffs can={can} version={version} /> : null}
      <NewNotifications list={notifications} />
      {can.caseload ? <QuietClients scope={scope} days={quietDays} onDays={chooseQuietDays} /> : null}
      {can.team ? <TeamSection quietDays={quietDays} /> : null}
      {can.agencyCaseload ? <AgencySearch csrfToken={scope.csrfToken} /> : null}
    </>
  );
}

type TaskLoad = Loadable<ListEnvelope<Task>>;

// The counts at a glance, each a link to its part of the page.
function WorkFigures({
  overdue,
  today,
  notifications,
}: {
  overdue: TaskLoad;
  today: TaskLoad;
  notifications: Loadable<{ unread: number }>;
}) {
  const { t, n } = useI18n();
  const figures: { key: string; label: string; value: number | undefined; target: string }[] = [
    {
      key: 'overdue',
      label: t('work.figures.overdue'),
      value: overdue.status === 'ready' ? overdue.data.total : undefined,
      target: '#work-tasks',
    },
    {
      key: 'today',
      label: t('work.figures.today'),
      value: today.status === 'ready' ? today.data.total : undefined,
      target: '#work-tasks',
    },
    {
      key: 'unread',
      label: t('work.figures.unread'),
      value: notifications.status === 'ready' ? notifications.data.unread : undefined,
      target: '#work-notifications',
    },
  ];
  return (
    <dl className="figures">
      {figures.map((figure) => (
        <div className="figure" key={figure.key}>
          <dt>
            <a href={figure.target}>{figure.label}</a>
          </dt>
          <dd>{figure.value === undefined ? '…' : n(figure.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function TaskList({
  list,
  heading,
  none,
  caption,
  scope,
  onCompleted,
}: {
  list: TaskLoad;
  heading: string;
  none: string;
  caption: PluralKey;
  scope: StaffPage;
  onCompleted: (message: string) => void;
}) {
  const { t, tp, language } = useI18n();
  return (
    <div aria-busy={list.status === 'loading'}>
      <h3>{heading}</h3>
      {list.status === 'loading' ? <Loading label={t('tasks.loading')} /> : null}
      {list.status === 'error' ? <SectionProblem error={list.error} title={t('tasks.loadFailed')} /> : null}
      {list.status === 'ready' && list.data.items.length === 0 ? <p>{none}</p> : null}
      {list.status === 'ready' && list.data.items.length > 0 ? (
        <TaskTable
          tasks={list.data.items}
          caption={tp(caption, list.data.total, { shown: list.data.items.length })}
          user={scope.user}
          csrfToken={scope.csrfToken}
          showClient
          onCompleted={(result, outcome) => onCompleted(completedMessage(result, outcome, t, language))}
        />
      ) : null}
      {list.status === 'ready' && list.data.total > list.data.items.length ? (
        <p>{t('work.tasks.more', { shown: list.data.items.length, count: list.data.total })}</p>
      ) : null}
    </div>
  );
}

// Handoffs waiting for this agency: transfers to accept or release, requests for access to answer.
function Handoffs({ can, version }: { can: StaffPage['can']; version: number }) {
  const { t, tp, language } = useI18n();
  const incoming = useApi(`work-transfers-in|${version}|${can.transfers}`, (signal) =>
    can.transfers ? listAgencyTransfers('incoming', 'open', signal) : Promise.resolve(undefined),
  );
  const outgoing = useApi(`work-transfers-out|${version}|${can.transfers}`, (signal) =>
    can.transfers ? listAgencyTransfers('outgoing', 'open', signal) : Promise.resolve(undefined),
  );
  const requests = useApi(`work-access|${version}|${can.accessRequests}`, (signal) =>
    can.accessRequests ? listAccessRequests('incoming', signal, 'open') : Promise.resolve(undefined),
  );
  const toAccept =
    incoming.status === 'ready' ? (incoming.data?.items ?? []).filter((x) => x.status === 'requested') : [];
  const toRelease =
    outgoing.status === 'ready' ? (outgoing.data?.items ?? []).filter((x) => x.status === 'accepted') : [];
  const openRequests = requests.status === 'ready' ? (requests.data?.total ?? 0) : 0;
  const loading = [incoming, outgoing, requests].some((l) => l.status === 'loading');
  const failed = [incoming, outgoing, requests].find((l) => l.status === 'error');
  const name = (x: AgencyTransfer) => x.clientName ?? t('work.handoffs.aClient');
  return (
    <section aria-labelledby="work-handoffs" className="section" aria-busy={loading}>
      <h2 id="work-handoffs">{t('work.handoffs.heading')}</h2>
      {loading ? <Loading label={t('work.handoffs.loading')} /> : null}
      {failed?.status === 'error' ? (
        <SectionProblem error={failed.error} title={t('work.handoffs.loadFailed')} />
      ) : null}
      {!loading && !failed && toAccept.length + toRelease.length + openRequests === 0 ? (
        <p>{t('work.handoffs.none')}</p>
      ) : null}
      {toAccept.length + toRelease.length > 0 ? (
        <ul className="plain-list handoff-list">
          {toAccept.map((x) => (
            <li key={x.id}>
              <Link to="/transfers">
                {t('work.handoffs.toAccept', { name: name(x), from: x.fromOrganizationName })}
              </Link>{' '}
              <span className="muted">{t('work.handoffs.askedOn', { date: formatDate(x.requestedAt, language) })}</span>
            </li>
          ))}
          {toRelease.map((x) => (
            <li key={x.id}>
              <Link to="/transfers">{t('work.handoffs.toRelease', { name: name(x), to: x.toOrganizationName })}</Link>{' '}
              {x.releaseDueOn ? (
                <span className={x.overdue ? 'status-overdue' : 'muted'}>
                  {t(x.overdue ? 'work.handoffs.releaseOverdue' : 'work.handoffs.releaseBy', {
                    date: formatDate(x.releaseDueOn, language),
                  })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {openRequests > 0 ? (
        <p>
          <Link to="/access-requests">{tp('work.handoffs.accessRequests', openRequests)}</Link>
        </p>
      ) : null}
    </section>
  );
}

// Unread notifications, grouped as on the notifications page, with a link there.
function NewNotifications({ list }: { list: Loadable<NotificationList> }) {
  const { t, tp } = useI18n();
  const lines = list.status === 'ready' ? notificationGroupLines(list.data.unreadByKind) : [];
  return (
    <section aria-labelledby="work-notifications" className="section" aria-busy={list.status === 'loading'}>
      <h2 id="work-notifications">{t('work.notifications.heading')}</h2>
      {list.status === 'loading' ? <Loading label={t('notifications.loading')} /> : null}
      {list.status === 'error' ? <SectionProblem error={list.error} title={t('notifications.loadFailed')} /> : null}
      {list.status === 'ready' ? <p>{tp('notifications.unread', list.data.unread)}</p> : null}
      {lines.length > 0 ? (
        <ul>
          {lines.map((line) => (
            <li key={line.kind}>
              {line.line
                ? tp(line.line, line.count, { clients: line.clients })
                : t('work.notifications.kindCount', {
                    count: line.count,
                    text: t(caseKey.notification(line.kind)),
                  })}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to="/notifications">{t('work.notifications.all')}</Link>
      </p>
    </section>
  );
}

// Active clients with no contact in a chosen number of days: the ones a worker may have lost sight of.
function QuietClients({ scope, days, onDays }: { scope: StaffPage; days: number; onDays: (days: number) => void }) {
  const { t, tp } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(String(days));
  const [invalid, setInvalid] = useState(false);
  const list = useApi(`work-quiet|${days}`, () =>
    searchCaseload({ quietDays: days, page: 1, perPage: SHOWN }, scope.csrfToken),
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number(draft);
    const ok = /^\d+$/.test(draft.trim()) && value >= 1 && value <= 365;
    setInvalid(!ok);
    if (ok) onDays(value);
  };
  return (
    <section aria-labelledby="work-quiet" className="section" aria-busy={list.status === 'loading'}>
      <h2 id="work-quiet">{tp('work.quiet.heading', days)}</h2>
      <p>{t('work.quiet.lead')}</p>
      <form className="inline-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('work.quiet.days')}</label>
          {invalid ? (
            <p id={`${id}-error`} className="field-error">
              {t('work.quiet.daysInvalid')}
            </p>
          ) : null}
          <input
            id={`${id}-days`}
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            value={draft}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-error` : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              if (invalid) setInvalid(false);
            }}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-secondary">
            {t('work.quiet.apply')}
          </button>
        </div>
      </form>
      {list.status === 'loading' ? <Loading label={t('caseload.loading')} /> : null}
      {list.status === 'error' ? <SectionProblem error={list.error} title={t('caseload.loadFailed')} /> : null}
      {list.status === 'ready' ? (
        <Announcement>{tp('work.quiet.count', list.data.total, { days })}</Announcement>
      ) : null}
      {list.status === 'ready' && list.data.items.length === 0 ? <p>{tp('work.quiet.none', days)}</p> : null}
      {list.status === 'ready' && list.data.items.length > 0 ? (
        <CaseloadTable
          items={list.data.items}
          caption={tp('work.quiet.caption', list.data.total, { shown: list.data.items.length, days })}
        />
      ) : null}
      {list.status === 'ready' && list.data.total > list.data.items.length ? (
        <p>{t('work.quiet.more', { shown: list.data.items.length, count: list.data.total })}</p>
      ) : null}
      <p>
        <Link to="/caseload">{t('work.quiet.caseload')}</Link>
      </p>
    </section>
  );
}

// A manager's view of the team: each worker's open work, as a table and a chart of overdue tasks.
function TeamSection({ quietDays }: { quietDays: number }) {
  const { t, n } = useI18n();
  const team = useApi(`work-team|${quietDays}`, (signal) => getTeamWork(quietDays, signal));
  return (
    <section aria-labelledby="work-team" className="section" aria-busy={team.status === 'loading'}>
      <h2 id="work-team">{t('work.team.heading')}</h2>
      <p>{t('work.team.lead')}</p>
      {team.status === 'loading' ? <Loading label={t('work.team.loading')} /> : null}
      {team.status === 'error' ? <SectionProblem error={team.error} title={t('work.team.loadFailed')} /> : null}
      {team.status === 'ready' ? <TeamTable team={team.data} /> : null}
      {team.status === 'ready' && team.data.workers.length > 0 ? (
        <SummaryChart
          caption={t('work.team.chartCaption')}
          items={team.data.workers.map((w) => ({ label: w.displayName, value: w.overdueTasks }))}
          alt={(values) => t('work.team.chartAlt', { values })}
          format={(value) => n(value)}
        />
      ) : null}
      <p>
        <Link to="/caseload/handover">{t('work.team.handover')}</Link>
      </p>
    </section>
  );
}

function TeamTable({ team }: { team: TeamWork }) {
  const { t, n } = useI18n();
  const id = useId();
  const columns: { key: 'clients' | 'openTasks' | 'overdueTasks' | 'dueToday' | 'quietClients'; label: string }[] = [
    { key: 'clients', label: t('work.team.clients') },
    { key: 'openTasks', label: t('work.team.openTasks') },
    { key: 'overdueTasks', label: t('work.team.overdueTasks') },
    { key: 'dueToday', label: t('work.team.dueToday') },
    { key: 'quietClients', label: t('work.team.quietClients', { days: team.quietDays }) },
  ];
  if (team.workers.length === 0) return <p>{t('work.team.none')}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data-table stack-on-phone">
        <caption id={`${id}-caption`}>{t('work.team.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('work.team.worker')}</th>
            {columns.map((c) => (
              <th scope="col" className="numeric" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {team.workers.map((w) => (
            <tr key={w.userId} className={w.overdueTasks > 0 ? 'overdue' : undefined}>
              <th scope="row">
                {w.displayName}
                {w.status === 'disabled' ? <span className="tag">{t('work.team.left')}</span> : null}
              </th>
              {columns.map((c) => (
                <td className="numeric" data-label={c.label} key={c.key}>
                  {n(w[c.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('work.team.total')}</th>
            {columns.map((c) => (
              <td className="numeric" data-label={c.label} key={c.key}>
                {n(team.totals[c.key])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

// Every file the agency holds, for its managers: found by name or identifier, with the primary worker.
function AgencySearch({ csrfToken }: { csrfToken: string }) {
  const { t, tp, language } = useI18n();
  const id = useId();
  const [words, setWords] = useState('');
  const [result, setResult] = useState<{
    q: string;
    data?: ListEnvelope<AgencyFile>;
    error?: ApiError;
    busy: boolean;
  }>({ q: '', busy: false });
  // The words stay in the request body, never in the address.
  const load = (q: string, page: number) => {
    setResult({ q, busy: true });
    searchAgencyFiles({ ...(q ? { q } : {}), page, perPage: AGENCY_PER_PAGE }, csrfToken).then(
      (data) => setResult({ q, data, busy: false }),
      (error: unknown) =>
        setResult({
          q,
          busy: false,
          error: error instanceof ApiError ? error : new ApiError(String(error), 'unexpected', 0, undefined),
        }),
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    load(words.trim(), 1);
  };
  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / AGENCY_PER_PAGE)) : 1;
  const none = t('caseload.never');
  return (
    <section aria-labelledby="work-agency" className="section" aria-busy={result.busy}>
      <h2 id="work-agency">{t('work.agency.heading')}</h2>
      <form
        role="search"
        aria-label={t('work.agency.searchLabel')}
        className="search-form"
        onSubmit={onSubmit}
        noValidate
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('caseload.q')}</label>
          <p id={`${id}-q-hint`} className="field-hint">
            {t('work.agency.hint')}
          </p>
          <input
            id={`${id}-q`}
            type="search"
            value={words}
            maxLength={100}
            autoComplete="off"
            aria-describedby={`${id}-q-hint`}
            onChange={(e) => setWords(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('directory.form.submit')}
          </button>
        </div>
      </form>
      {result.busy ? <Loading label={t('caseload.loading')} /> : null}
      {result.error ? <SectionProblem error={result.error} title={t('caseload.loadFailed')} /> : null}
      <Announcement>{result.data ? tp('caseload.count', result.data.total) : ''}</Announcement>
      {result.data && result.data.items.length === 0 ? <p>{t('work.agency.none')}</p> : null}
      {result.data && result.data.items.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="data-table stack-on-phone">
            <caption id={`${id}-caption`}>
              {tp('work.agency.caption', result.data.total, { page: result.data.page, pages })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('caseload.client')}</th>
                <th scope="col">{t('clients.summary.status')}</th>
                <th scope="col">{t('assessment.stream')}</th>
                <th scope="col">{t('work.agency.primaryWorker')}</th>
                <th scope="col" className="numeric">
                  {t('caseload.overdue')}
                </th>
                <th scope="col">{t('caseload.lastContact')}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.items.map((item) => {
                const name = item.name ?? t('tasks.clientFile');
                return (
                  <tr key={item.clientId} className={item.overdueTasks > 0 ? 'overdue' : undefined}>
                    <th scope="row">
                      <Link to={`/clients/${item.clientId}`}>{name}</Link>
                    </th>
                    <td data-label={t('clients.summary.status')}>{t(key.clientStatus(item.status))}</td>
                    <td data-label={t('assessment.stream')}>
                      {item.stream ? t(key.stream(item.stream)) : t('caseload.notAssessed')}
                    </td>
                    <td data-label={t('work.agency.primaryWorker')}>
                      {item.primaryWorker?.displayName ?? t('work.agency.noPrimaryWorker')}
                    </td>
                    <td className="numeric" data-label={t('caseload.overdue')}>
                      {item.overdueTasks}
                    </td>
                    <td data-label={t('caseload.lastContact')}>
                      {item.lastContactOn ? formatDate(item.lastContactOn, language) : none}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? <PageButtons page={data.page} pages={pages} onPage={(page) => load(result.q, page)} /> : null}
    </section>
  );
}
