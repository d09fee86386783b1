import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { searchCaseload, type CaseloadItem } from '../../api-case.ts';
import { ApiError, type ListEnvelope } from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireCan, type StaffPage } from '../../components/require-can.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { Announcement } from '../../components/form.tsx';
import { Loading } from '../../components/status.tsx';
import { caseKey, teamRoles } from '../clients/case-text.ts';
import { formatDate, key } from '../clients/client-text.ts';
import { useColleagues } from '../clients/team-page.tsx';
import { PageButtons } from '../../components/page-buttons.tsx';

const PER_PAGE = 50;
export function CaseloadPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="caseload" body={t('caseload.notAllowedBody')}>
      {(scope) => <Caseload {...scope} />}
    </RequireCan>
  );
}

type Search = { workerId: string; q: string; page: number };

// Loads a caseload by POST: the search words (a name, an identifier) stay out of the address.
export function useCaseload(search: Search, csrfToken: string) {
  const [state, setState] = useState<{ key: string; data?: ListEnvelope<CaseloadItem>; error?: ApiError }>({ key: '' });
  const requestKey = JSON.stringify(search);
  useEffect(() => {
    let current = true;
    searchCaseload(
      {
        ...(search.workerId ? { workerId: search.workerId } : {}),
        ...(search.q ? { q: search.q } : {}),
        page: search.page,
        perPage: PER_PAGE,
      },
      csrfToken,
    ).then(
      (data) => {
        if (current) setState({ key: requestKey, data });
      },
      (error: unknown) => {
        if (current)
          setState({
            key: requestKey,
            error: error instanceof ApiError ? error : new ApiError(String(error), 'unexpected', 0, undefined),
          });
      },
    );
    return () => {
      current = false;
    };
    // The key holds every input of the request, so it alone decides when to ask again.
  }, [requestKey, csrfToken]);
  return state.key === requestKey ? state : { key: requestKey };
}

function Caseload({ user, csrfToken, can }: StaffPage) {
  const { t, tp } = useI18n();
  // Another worker's caseload (caseload.read in the agency's scope), and the handover page.
  const manager = can.agencyCaseload;
  const colleagues = useColleagues(user);
  const [search, setSearch] = useState<Search>({ workerId: '', q: '', page: 1 });
  const [words, setWords] = useState('');
  const [worker, setWorker] = useState('');
  const id = useId();
  useDocumentTitle(t('caseload.title'));
  const result = useCaseload(search, csrfToken);
  const loading = !result.data && !result.error;
  const pages = result.data ? Math.max(1, Math.ceil(result.data.total / PER_PAGE)) : 1;
  const workerName = search.workerId
    ? colleagues.status === 'ready'
      ? colleagues.data.find((u) => u.id === search.workerId)?.displayName
      : undefined
    : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch({ workerId: worker, q: words.trim(), page: 1 });
  };

  return (
    <>
      <PageHeading>{t('caseload.title')}</PageHeading>
      <p className="lead">{manager ? t('caseload.leadManager') : t('caseload.lead')}</p>
      {can.handover ? (
        <p>
          <Link to="/caseload/handover">{t('caseload.handoverLink')}</Link>
        </p>
      ) : null}
      <form role="search" aria-label={t('caseload.searchLabel')} className="search-form" onSubmit={onSubmit} noValidate>
        {manager ? (
          <div className="field">
            <label htmlFor={`${id}-worker`}>{t('caseload.worker')}</label>
            <select id={`${id}-worker`} value={worker} onChange={(e) => setWorker(e.target.value)}>
              <option value="">{t('caseload.me', { name: user.displayName })}</option>
              {colleagues.status === 'ready'
                ? colleagues.data
                    .filter((u) => u.id !== user.id)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.displayName}
                      </option>
                    ))
                : null}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('caseload.q')}</label>
          <p id={`${id}-q-hint`} className="field-hint">
            {t('caseload.qHint')}
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
      <section aria-labelledby={`${id}-results`} className="results" aria-busy={loading}>
        <h2 id={`${id}-results`}>
          {workerName ? t('caseload.resultsOf', { name: workerName }) : t('caseload.results')}
        </h2>
        <Announcement>{result.data ? tp('caseload.count', result.data.total) : ''}</Announcement>
        {loading ? <Loading label={t('caseload.loading')} /> : null}
        {result.error ? <SectionProblem error={result.error} title={t('caseload.loadFailed')} /> : null}
        {result.data && result.data.items.length > 0 ? (
          <CaseloadTable items={result.data.items} caption={t('caseload.caption')} />
        ) : null}
        <PageButtons page={search.page} pages={pages} onPage={(page) => setSearch({ ...search, page })} />
      </section>
    </>
  );
}

function isTeamRole(role: string): role is (typeof teamRoles)[number] {
  return teamRoles.some((r) => r === role);
}

// Overdue work first (the server's order), each client linking to the file and to its summary.
export function CaseloadTable({ items, caption }: { items: CaseloadItem[]; caption: string }) {
  const { t, language } = useI18n();
  const id = useId();
  const none = t('caseload.never');
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data-table stack-on-phone">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseload.client')}</th>
            <th scope="col">{t('clients.summary.status')}</th>
            <th scope="col">{t('assessment.stream')}</th>
            <th scope="col">{t('team.role')}</th>
            <th scope="col" className="numeric">
              {t('caseload.overdue')}
            </th>
            <th scope="col" className="numeric">
              {t('caseload.open')}
            </th>
            <th scope="col">{t('caseload.nextDue')}</th>
            <th scope="col">{t('caseload.lastContact')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = item.name ?? t('tasks.clientFile');
            return (
              <tr key={item.clientId} className={item.overdueTasks > 0 ? 'overdue' : undefined}>
                <th scope="row">
                  <Link to={`/clients/${item.clientId}`}>{name}</Link>
                  <br />
                  <Link to={`/clients/${item.clientId}/summary`} className="muted">
                    {t('caseload.summaryOf', { name })}
                  </Link>
                </th>
                <td data-label={t('clients.summary.status')}>{t(key.clientStatus(item.status))}</td>
                <td data-label={t('assessment.stream')}>
                  {item.stream ? t(key.stream(item.stream)) : t('caseload.notAssessed')}
                </td>
                <td data-label={t('team.role')}>
                  {isTeamRole(item.teamRole) ? t(caseKey.teamRole(item.teamRole)) : item.teamRole}
                </td>
                <td className="numeric" data-label={t('caseload.overdue')}>
                  {item.overdueTasks > 0 ? (
                    <strong className="status-overdue">{item.overdueTasks}</strong>
                  ) : (
                    item.overdueTasks
                  )}
                </td>
                <td className="numeric" data-label={t('caseload.open')}>
                  {item.openTasks}
                </td>
                <td data-label={t('caseload.nextDue')}>
                  {item.nextDueOn ? formatDate(item.nextDueOn, language) : none}
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
  );
}
