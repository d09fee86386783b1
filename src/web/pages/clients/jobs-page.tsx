import { useId, useState } from 'react';
import { Link } from 'react-router';
import { getClientJobMatches, listClientPlacements } from '../../api-jobs.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { formatDateTime } from './case-text.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';
import { ProposeButton } from '../jobs/job-page.tsx';
import { formatWage, placementKey } from '../jobs/job-text.ts';
import { formatPoints, MatchFactors } from '../jobs/match-factors.tsx';
import { ClientEvents } from './client-events.tsx';
import { JobProfile } from './job-profile.tsx';

export function ClientJobsPage() {
  return <ClientSubPage section="jobs">{(scope) => <ClientJobs {...scope} />}</ClientSubPage>;
}

// The client's placements (those the reader's agency proposed), then the open job orders that best fit
// the client's goals, past work, hours, commute and accommodations, each with the reasons of its score
// and a button that proposes the client: the worker reviews; nothing reaches the employer by itself.
function ClientJobs(scope: ClientScope) {
  const { client } = scope;
  const { t, language } = useI18n();
  const id = useId();
  // Saving what the matches read works them out again.
  const [revision, setRevision] = useState(0);
  const placements = useApi(`client-placements|${client.id}`, (signal) =>
    client.can.readPlacements ? listClientPlacements(client.id, signal) : Promise.resolve(undefined),
  );
  const matches = useApi(`client-matches|${client.id}|${revision}`, (signal) =>
    client.can.readJobMatches ? getClientJobMatches(client.id, signal) : Promise.resolve(undefined),
  );
  return (
    <>
      {client.can.readPlacements ? (
        <section aria-labelledby={`${id}-placements`} aria-busy={placements.status === 'loading'}>
          <h2 id={`${id}-placements`}>{t('clientJobs.placementsTitle')}</h2>
          {placements.status === 'loading' ? <Loading label={t('placements.loading')} /> : null}
          {placements.status === 'error' ? (
            <SectionProblem error={placements.error} title={t('placements.loadFailed')} />
          ) : null}
          {placements.status === 'ready' && placements.data?.items.length === 0 ? (
            <p>{t('clientJobs.noPlacements')}</p>
          ) : null}
          {placements.status === 'ready' && placements.data && placements.data.items.length > 0 ? (
            <StackedTable>
              <caption className="visually-hidden">{t('clientJobs.placementsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('clientJobs.col.job')}</th>
                  <th scope="col">{t('clientJobs.col.employer')}</th>
                  <th scope="col">{t('clientJobs.col.status')}</th>
                  <th scope="col">{t('clientJobs.col.changed')}</th>
                </tr>
              </thead>
              <tbody>
                {placements.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/placements/${p.id}`}>{p.job.title}</Link>
                    </th>
                    <td>{p.job.employer.name}</td>
                    <td>
                      <span className={`status-tag status-${p.status}`}>{t(placementKey.status(p.status))}</span>
                    </td>
                    <td>{formatDateTime(p.updatedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          ) : null}
        </section>
      ) : null}
      {client.can.readJobMatches ? (
        <section aria-labelledby={`${id}-matches`} aria-busy={matches.status === 'loading'}>
          <h2 id={`${id}-matches`}>{t('clientJobs.matchesTitle')}</h2>
          <p>{t('clientJobs.matchesLead')}</p>
          {matches.status === 'loading' ? <Loading label={t('clientJobs.matchesLoading')} /> : null}
          {matches.status === 'error' ? (
            <SectionProblem error={matches.error} title={t('clientJobs.matchesFailed')} />
          ) : null}
          {matches.status === 'ready' && matches.data?.needs === 'job_goal' ? <p>{t('clientJobs.needsGoal')}</p> : null}
          {matches.status === 'ready' && matches.data && !matches.data.needs && matches.data.results.length === 0 ? (
            <p>{t('clientJobs.noMatches')}</p>
          ) : null}
          {matches.status === 'ready' && matches.data && matches.data.results.length > 0 ? (
            <ol className="match-list">
              {matches.data.results.map((r) => (
                <li key={r.job.id}>
                  <p>
                    <Link to={`/jobs/${r.job.id}`}>{r.job.title}</Link> · {r.job.employer.name}{' '}
                    <strong>{t('match.score', { score: formatPoints(r.score, language) })}</strong>
                  </p>
                  <p className="muted">
                    {t('jobs.terms', { hours: r.job.hoursPerWeek, wage: formatWage(r.job.hourlyWage, language) })} ·{' '}
                    {t('jobs.score', { score: r.job.decentWorkScore })}
                  </p>
                  <details>
                    <summary>{t('clientJobs.why', { job: r.job.title })}</summary>
                    <MatchFactors factors={r.factors} />
                  </details>
                  {client.can.proposePlacement ? (
                    <ProposeButton
                      clientId={client.id}
                      jobOrderId={r.job.id}
                      label={t('clientJobs.propose', { job: r.job.title })}
                    />
                  ) : null}
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ) : null}
      <JobProfile {...scope} onSaved={() => setRevision((r) => r + 1)} />
      {client.can.readPlacements ? <ClientEvents clientId={client.id} can={client.can} /> : null}
    </>
  );
}
