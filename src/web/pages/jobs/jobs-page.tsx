import { useId } from 'react';
import { Link } from 'react-router';
import { listJobOrders } from '../../api-jobs.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { PageButtons, useAddressFilters } from '../../components/page-buttons.tsx';
import { RequireCan } from '../../components/require-can.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { useSession } from '../../session.tsx';
import { formatDate } from '../clients/client-text.ts';
import { formatWage, jobKey } from './job-text.ts';

export function JobsPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="jobs" body={t('jobs.notAllowed')}>
      {() => <Jobs />}
    </RequireCan>
  );
}

const PER_PAGE = 25;
const thresholds = ['', '50', '70'] as const;

// Job orders, open ones first by default, with their decent-work score: staff of every agency read every
// employer's; an employer's own staff read their own. The filters live in the address.
function Jobs() {
  const { t, language } = useI18n();
  const id = useId();
  const [params, set] = useAddressFilters();
  const q = params.get('q') ?? '';
  const all = params.get('status') === 'any';
  const minDecentWork = thresholds.find((x) => x === params.get('minDecentWork')) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  useDocumentTitle(t('jobs.title'));
  const session = useSession();
  const can = session.status === 'signedIn' ? session.can : undefined;
  // An employer's staff post for their own organization; agency staff post from the employer's page.
  const employerStaff = session.status === 'signedIn' && !can?.employers;
  const list = useApi(`jobs|${q}|${all}|${minDecentWork}|${page}`, (signal) =>
    listJobOrders(
      {
        ...(q.trim() ? { q: q.trim() } : {}),
        status: all ? 'any' : 'open',
        ...(minDecentWork ? { minDecentWork: Number(minDecentWork) } : {}),
        page,
        perPage: PER_PAGE,
      },
      signal,
    ),
  );
  return (
    <>
      <PageHeading>{t('jobs.title')}</PageHeading>
      <p className="lead">{t('jobs.lead')}</p>
      {can?.postJobs && employerStaff ? (
        <p>
          <Link to="/jobs/new" className="button">
            {t('jobs.post')}
          </Link>
        </p>
      ) : null}
      <form
        className="filters"
        role="search"
        aria-label={t('jobs.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          const words = new FormData(e.currentTarget).get('q');
          set({ q: typeof words === 'string' ? words : undefined });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('jobs.words')}</label>
          <input id={`${id}-q`} name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-dw`}>{t('jobs.minDecentWork')}</label>
          <select id={`${id}-dw`} value={minDecentWork} onChange={(e) => set({ minDecentWork: e.target.value })}>
            <option value="">{t('jobs.anyScore')}</option>
            <option value="50">{t('jobs.atLeast', { score: 50 })}</option>
            <option value="70">{t('jobs.atLeast', { score: 70 })}</option>
          </select>
        </div>
        <div className="field-check">
          <input
            id={`${id}-all`}
            type="checkbox"
            checked={all}
            onChange={(e) => set({ status: e.target.checked ? 'any' : undefined })}
          />
          <label htmlFor={`${id}-all`}>{t('jobs.showAll')}</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('jobs.search')}
          </button>
        </div>
      </form>
      <section aria-labelledby={`${id}-list`} aria-busy={list.status === 'loading'}>
        <h2 id={`${id}-list`}>
          {t(all ? 'jobs.allTitle' : 'jobs.openTitle')}
          {list.status === 'ready' ? ` (${list.data.total})` : ''}
        </h2>
        {list.status === 'loading' ? <Loading label={t('jobs.loading')} /> : null}
        {list.status === 'error' ? <SectionProblem error={list.error} title={t('jobs.loadFailed')} /> : null}
        {list.status === 'ready' && list.data.items.length === 0 ? <p>{t('jobs.none')}</p> : null}
        {list.status === 'ready' && list.data.items.length > 0 ? (
          <>
            <StackedTable>
              <caption className="visually-hidden">{t(all ? 'jobs.allTitle' : 'jobs.openTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('jobs.col.title')}</th>
                  <th scope="col">{t('jobs.col.employer')}</th>
                  <th scope="col">{t('jobs.col.occupation')}</th>
                  <th scope="col">{t('jobs.col.terms')}</th>
                  <th scope="col">{t('jobs.col.decentWork')}</th>
                  <th scope="col">{t('jobs.col.closing')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((j) => (
                  <tr key={j.id}>
                    <th scope="row">
                      <Link to={`/jobs/${j.id}`}>{j.title}</Link>
                      {j.status === 'open' ? null : (
                        <>
                          {' '}
                          <span className="status-tag">{t(jobKey.status(j.status))}</span>
                        </>
                      )}
                    </th>
                    <td>{j.employer.name}</td>
                    <td>
                      {j.nocTitle} ({j.nocCode})
                    </td>
                    <td>
                      {t('jobs.terms', {
                        hours: j.hoursPerWeek,
                        wage: formatWage(j.hourlyWage, language),
                      })}
                      <br />
                      <span className="muted">
                        {t(jobKey.permanence(j.permanence))} · {t(jobKey.workplace(j.workplace))}
                      </span>
                    </td>
                    <td>
                      {t('jobs.score', { score: j.decentWorkScore })}{' '}
                      <span className={`status-tag band-${j.decentWorkBand}`}>
                        {t(`decentBand.${j.decentWorkBand}`)}
                      </span>
                    </td>
                    <td>{j.closingOn ? formatDate(j.closingOn, language) : t('jobs.noClosing')}</td>
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
