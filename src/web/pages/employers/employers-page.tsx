import { useId } from 'react';
import { Link } from 'react-router';
import { listEmployers } from '../../api-jobs.ts';
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
import { employerKey } from './employer-text.ts';

export function EmployersPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="employers" body={t('employers.notAllowed')}>
      {() => <Employers />}
    </RequireCan>
  );
}

const PER_PAGE = 25;

// One record per employer for every agency: who leads each account, its open job orders, and when an
// agency was last in touch, so employers are approached in a coordinated way.
function Employers() {
  const { t, language } = useI18n();
  const id = useId();
  const [params, set] = useAddressFilters();
  const q = params.get('q') ?? '';
  const noLead = params.get('noLead') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  useDocumentTitle(t('employers.title'));
  const session = useSession();
  const can = session.status === 'signedIn' ? session.can : undefined;
  const list = useApi(`employers|${q}|${noLead}|${page}`, (signal) =>
    listEmployers(
      { ...(q.trim() ? { q: q.trim() } : {}), ...(noLead ? { noLead: 'true' } : {}), page, perPage: PER_PAGE },
      signal,
    ),
  );
  return (
    <>
      <PageHeading>{t('employers.title')}</PageHeading>
      <p className="lead">{t('employers.lead')}</p>
      {can?.manageEmployers ? (
        <p>
          <Link to="/employers/new" className="button">
            {t('employers.add')}
          </Link>
        </p>
      ) : null}
      <form
        className="filters"
        role="search"
        aria-label={t('employers.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          const words = new FormData(e.currentTarget).get('q');
          set({ q: typeof words === 'string' ? words : undefined });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('employers.words')}</label>
          <input id={`${id}-q`} name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="form-actions">
          <div className="field-check">
            <input
              id={`${id}-nolead`}
              type="checkbox"
              checked={noLead}
              onChange={(e) => set({ noLead: e.target.checked ? 'true' : undefined })}
            />
            <label htmlFor={`${id}-nolead`}>{t('employers.noLead')}</label>
          </div>
          <button type="submit" className="button">
            {t('employers.search')}
          </button>
        </div>
      </form>
      <section aria-labelledby={`${id}-list`} aria-busy={list.status === 'loading'}>
        <h2 id={`${id}-list`}>
          {t('employers.listTitle')}
          {list.status === 'ready' ? ` (${list.data.total})` : ''}
        </h2>
        {list.status === 'loading' ? <Loading label={t('employers.loading')} /> : null}
        {list.status === 'error' ? <SectionProblem error={list.error} title={t('employers.loadFailed')} /> : null}
        {list.status === 'ready' && list.data.items.length === 0 ? <p>{t('employers.none')}</p> : null}
        {list.status === 'ready' && list.data.items.length > 0 ? (
          <>
            <StackedTable>
              <caption className="visually-hidden">{t('employers.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('employers.col.name')}</th>
                  <th scope="col">{t('employers.col.industry')}</th>
                  <th scope="col">{t('employers.col.lead')}</th>
                  <th scope="col">{t('employers.col.jobs')}</th>
                  <th scope="col">{t('employers.col.lastContact')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/employers/${e.id}`}>{language === 'fr' && e.nameFr ? e.nameFr : e.name}</Link>
                    </th>
                    <td>
                      {e.industry ? e.industry.title : '—'}
                      {e.size ? (
                        <>
                          <br />
                          <span className="muted">{t(employerKey.size(e.size))}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {e.lead
                        ? language === 'fr' && e.lead.nameFr
                          ? e.lead.nameFr
                          : e.lead.name
                        : t('employers.noneLeads')}
                    </td>
                    <td>{e.openJobOrders}</td>
                    <td>{e.lastEngagementOn ? formatDate(e.lastEngagementOn, language) : t('employers.never')}</td>
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
