import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listPlacements, type PlacementStatus, type PlacementSummary } from '../../api-jobs.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireCan } from '../../components/require-can.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { useSession } from '../../session.tsx';
import { formatDateTime } from '../clients/case-text.ts';
import { placementKey } from '../jobs/job-text.ts';

export function PlacementsPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="placements" body={t('placements.notAllowed')}>
      {() => <Placements />}
    </RequireCan>
  );
}

// The board's columns, left to right as a placement moves; the ended ones together at the end.
const columns: { key: string; statuses: PlacementStatus[] }[] = [
  { key: 'proposed', statuses: ['proposed'] },
  { key: 'shared', statuses: ['shared'] },
  { key: 'interview', statuses: ['interview'] },
  { key: 'offer', statuses: ['offer'] },
  { key: 'ended', statuses: ['hired', 'not_hired', 'withdrawn'] },
];

// The pipeline as a board: the agency's placements (or, for an employer, the candidates shared with it;
// for a client, their own), one column per stage, each card naming the candidate where the reader may see
// them, the job order, and the other side. On a phone the columns stack.
function Placements() {
  const { t, language } = useI18n();
  const id = useId();
  const session = useSession();
  const employer = session.status === 'signedIn' && session.user.roles.includes('employer_user');
  const [params, setParams] = useSearchParams();
  const ended = params.get('ended') === 'true';
  useDocumentTitle(t('placements.title'));
  const list = useApi(`placements|${ended}`, (signal) =>
    listPlacements({ ...(ended ? {} : { status: 'open' }), perPage: 200 }, signal),
  );
  const shown = ended ? columns : columns.filter((c) => c.key !== 'ended');
  const visible = employer ? shown.filter((c) => c.key !== 'proposed') : shown;
  const card = (p: PlacementSummary) => (
    <li key={p.id} className="board-card">
      <p>
        <Link to={`/placements/${p.id}`}>
          {p.candidate.name ?? t('placements.aCandidate')} — {p.job.title}
        </Link>
      </p>
      <p className="muted">{employer ? p.agency.name : p.job.employer.name}</p>
      {p.status === 'hired' || p.status === 'not_hired' || p.status === 'withdrawn' ? (
        <p>
          <span className={`status-tag status-${p.status}`}>{t(placementKey.status(p.status))}</span>
        </p>
      ) : null}
      {p.interviewAt && p.status === 'interview' ? (
        <p>{t('placements.interviewAt', { at: formatDateTime(p.interviewAt, language) })}</p>
      ) : null}
      <p className="muted">{t('placements.changed', { at: formatDateTime(p.updatedAt, language) })}</p>
    </li>
  );
  return (
    <>
      <PageHeading>{t('placements.title')}</PageHeading>
      <p className="lead">{t(employer ? 'placements.leadEmployer' : 'placements.lead')}</p>
      <div className="form-actions">
        <div className="field-check">
          <input
            id={`${id}-ended`}
            type="checkbox"
            checked={ended}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.checked) next.set('ended', 'true');
              else next.delete('ended');
              setParams(next);
            }}
          />
          <label htmlFor={`${id}-ended`}>{t('placements.showEnded')}</label>
        </div>
      </div>
      <div aria-busy={list.status === 'loading'}>
        {list.status === 'loading' ? <Loading label={t('placements.loading')} /> : null}
        {list.status === 'error' ? <SectionProblem error={list.error} title={t('placements.loadFailed')} /> : null}
        {list.status === 'ready' && list.data.items.length === 0 ? <p>{t('placements.none')}</p> : null}
        {list.status === 'ready' && list.data.items.length > 0 ? (
          <div className="board">
            {visible.map((column) => {
              const items = list.data.items.filter((p) => column.statuses.includes(p.status));
              return (
                <section key={column.key} className="board-column" aria-labelledby={`${id}-${column.key}`}>
                  <h2 id={`${id}-${column.key}`}>
                    {t(`placements.column.${column.key}` as Parameters<typeof t>[0])} ({items.length})
                  </h2>
                  {items.length === 0 ? (
                    <p className="muted">{t('placements.emptyColumn')}</p>
                  ) : (
                    <ul className="board-cards">{items.map(card)}</ul>
                  )}
                </section>
              );
            })}
          </div>
        ) : null}
      </div>
    </>
  );
}
