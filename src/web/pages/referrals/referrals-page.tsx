import { useId } from 'react';
import { Link } from 'react-router';
import { listReferrals, type Referral } from '../../api-referrals.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { PageButtons, useAddressFilters } from '../../components/page-buttons.tsx';
import { RequireCan } from '../../components/require-can.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { formatDateTime } from '../clients/case-text.ts';
import { formatDate } from '../clients/client-text.ts';
import { referralKey, referralTarget } from './referral-text.ts';

export function ReferralsPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="referrals" body={t('clients.notAllowedBody')}>
      {() => <Referrals />}
    </RequireCan>
  );
}

const PER_PAGE = 25;

// The agency's referrals: its inbox (clients referred to it, to answer) and its outbox (clients it
// referred, to follow), each where it stands, overdue ones marked. The place in the lists lives in the
// address, so a link or the back button returns to it.
function Referrals() {
  const { t, language } = useI18n();
  const id = useId();
  const [params, set] = useAddressFilters();
  const box = params.get('box') === 'outbox' ? 'outbox' : 'inbox';
  const status = params.get('status') === 'all' ? 'all' : 'open';
  const overdue = params.get('overdue') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  useDocumentTitle(t(box === 'inbox' ? 'referrals.inboxTitle' : 'referrals.outboxTitle'));
  const list = useApi(`referrals|${box}|${status}|${overdue}|${page}`, (signal) =>
    listReferrals({ box, status, ...(overdue ? { overdue: 'true' } : {}), page, perPage: PER_PAGE }, signal),
  );
  const boxLink = (which: 'inbox' | 'outbox') => (
    <Link
      to={`/referrals?box=${which}`}
      className={which === box ? 'button' : 'button-secondary'}
      aria-current={which === box ? 'page' : undefined}
    >
      {t(which === 'inbox' ? 'referrals.inbox' : 'referrals.outbox')}
    </Link>
  );
  return (
    <>
      <PageHeading>{t('referrals.title')}</PageHeading>
      <p className="lead">{t('referrals.lead')}</p>
      <nav aria-label={t('referrals.boxes')} className="form-actions">
        {boxLink('inbox')}
        {boxLink('outbox')}
      </nav>
      <div className="form-actions">
        <div className="field-check">
          <input
            id={`${id}-all`}
            type="checkbox"
            checked={status === 'all'}
            onChange={(e) => set({ status: e.target.checked ? 'all' : undefined })}
          />
          <label htmlFor={`${id}-all`}>{t('referrals.showClosed')}</label>
        </div>
        <div className="field-check">
          <input
            id={`${id}-overdue`}
            type="checkbox"
            checked={overdue}
            onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
          />
          <label htmlFor={`${id}-overdue`}>{t('referrals.onlyOverdue')}</label>
        </div>
      </div>
      <section aria-labelledby={`${id}-list`} aria-busy={list.status === 'loading'}>
        <h2 id={`${id}-list`}>
          {t(box === 'inbox' ? 'referrals.inboxTitle' : 'referrals.outboxTitle')}
          {list.status === 'ready' ? ` (${list.data.total})` : ''}
        </h2>
        {list.status === 'loading' ? <Loading label={t('referrals.loading')} /> : null}
        {list.status === 'error' ? <SectionProblem error={list.error} title={t('referrals.loadFailed')} /> : null}
        {list.status === 'ready' && list.data.items.length === 0 ? (
          <p>{t(box === 'inbox' ? 'referrals.noneIn' : 'referrals.noneOut')}</p>
        ) : null}
        {list.status === 'ready' && list.data.items.length > 0 ? (
          <>
            <StackedTable>
              <caption className="visually-hidden">
                {t(box === 'inbox' ? 'referrals.inboxTitle' : 'referrals.outboxTitle')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('referrals.col.client')}</th>
                  <th scope="col">{t('referrals.col.to')}</th>
                  <th scope="col">{t(box === 'inbox' ? 'referrals.col.from' : 'referrals.col.agency')}</th>
                  <th scope="col">{t('referrals.col.status')}</th>
                  <th scope="col">{t('referrals.col.sent')}</th>
                  <th scope="col">{t('referrals.col.due')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.id} className={r.overdue ? 'overdue' : undefined}>
                    <th scope="row">
                      <Link to={`/referrals/${r.id}`}>{r.clientName ?? t('referrals.aClient')}</Link>
                    </th>
                    <td>{referralTarget(r, language)}</td>
                    <td>{box === 'inbox' ? r.from.name : r.to.name}</td>
                    <td>
                      <StatusLine referral={r} />
                    </td>
                    <td>{formatDateTime(r.sentAt, language)}</td>
                    <td>{dueLine(r, t, language)}</td>
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

// Where it stands, with its flags: overdue, an open issue.
export function StatusLine({ referral: r }: { referral: Referral }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`status-tag status-${r.status}`}>{t(referralKey.status(r.status))}</span>
      {r.overdue ? (
        <>
          {' '}
          <span className="status-tag status-overdue">{t('referrals.overdue')}</span>
        </>
      ) : null}
      {r.issueOpen ? (
        <>
          {' '}
          <span className="status-tag status-overdue">{t('referrals.issueOpen')}</span>
        </>
      ) : null}
    </>
  );
}

// The deadline the referral waits on now: the answer, or the start of the service.
export function dueLine(r: Referral, t: ReturnType<typeof useI18n>['t'], language: 'en' | 'fr'): string {
  if (r.status === 'sent') return t('referrals.answerBy', { date: formatDate(r.acknowledgeDueOn, language) });
  if (r.status === 'accepted' && r.firstServiceDueOn)
    return t('referrals.startBy', { date: formatDate(r.firstServiceDueOn, language) });
  return '—';
}
