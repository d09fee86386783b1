import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { getJobCandidates, getJobOrder, proposePlacement, updateJobOrder, type JobOrder } from '../../api-jobs.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireSignIn } from '../../components/require-sign-in.tsx';
import { RecordLoader } from '../../components/record-loader.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { useForm } from '../../components/form.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { useSession } from '../../session.tsx';
import { formatDate } from '../clients/client-text.ts';
import { formatWage, jobKey, jobOrderStatuses, pick } from './job-text.ts';
import { formatPoints, MatchFactors } from './match-factors.tsx';

export function JobPage() {
  return (
    <RequireSignIn>
      <JobLoader />
    </RequireSignIn>
  );
}

function JobLoader() {
  const { t } = useI18n();
  return (
    <RecordLoader what="job order" load={getJobOrder} notFound="job" loading={t('job.loading')} failed={t('job.error')}>
      {(loaded) => <Job job={loaded} />}
    </RecordLoader>
  );
}

// One job order: its terms, its decent-work score with every factor's reason, and, for a worker who
// may match, the best candidates among the clients they may offer, each with the reasons of its score
// and a button that proposes the client (the agency's own until shared with the employer).
function Job({ job: loaded }: { job: JobOrder }) {
  const { t, language } = useI18n();
  const session = useSession();
  const can = session.status === 'signedIn' ? session.can : undefined;
  const [job, setJob] = useState(loaded);
  const notice = useNotice();
  useDocumentTitle(job.title);
  // Those who keep this job order: its employer's own staff, or job developers and managers of any agency.
  const keeps =
    can?.postJobs === true &&
    (can.manageEmployers || (session.status === 'signedIn' && session.user.organizationId === job.employer.id));
  const dw = job.decentWork;
  return (
    <>
      <nav aria-label={t('organization.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/jobs">{t('jobs.title')}</Link>
          </li>
          <li aria-current="page">{job.title}</li>
        </ol>
      </nav>
      <PageHeading>{job.title}</PageHeading>
      {notice.element}
      <p className="lead">
        {can?.employers ? (
          <Link to={`/employers/${job.employer.id}`}>{t('job.at', { employer: job.employer.name })}</Link>
        ) : (
          t('job.at', { employer: job.employer.name })
        )}
      </p>
      <dl className="record-details">
        <div>
          <dt>{t('job.status')}</dt>
          <dd>{t(jobKey.status(job.status))}</dd>
        </div>
        <div>
          <dt>{t('job.occupation')}</dt>
          <dd>{t('job.nocLine', { title: job.nocTitle, code: job.nocCode, teer: job.teer })}</dd>
        </div>
        <div>
          <dt>{t('job.terms')}</dt>
          <dd>
            {t('jobs.terms', { hours: job.hoursPerWeek, wage: formatWage(job.hourlyWage, language) })} ·{' '}
            {t(jobKey.schedule(job.schedule))} · {t(jobKey.permanence(job.permanence))}
          </dd>
        </div>
        <div>
          <dt>{t('job.place')}</dt>
          <dd>
            {t(jobKey.workplace(job.workplace))}
            {job.postalCode ? ` · ${job.postalCode}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('job.openings')}</dt>
          <dd>
            {job.openings}
            {job.closingOn ? ` · ${t('job.closes', { date: formatDate(job.closingOn, language) })}` : ''}
          </dd>
        </div>
        {job.wilType ? (
          <div>
            <dt>{t('job.wil')}</dt>
            <dd>{t(jobKey.wil(job.wilType))}</dd>
          </div>
        ) : null}
        {job.skills.length > 0 ? (
          <div>
            <dt>{t('job.skills')}</dt>
            <dd lang="en">{job.skills.map((s) => s.label).join(', ')}</dd>
          </div>
        ) : null}
        {job.credentialsRequired.length > 0 ? (
          <div>
            <dt>{t('job.credentials')}</dt>
            <dd>{job.credentialsRequired.join(', ')}</dd>
          </div>
        ) : null}
        {job.incentive ? (
          <div>
            <dt>{t('job.incentive')}</dt>
            <dd>
              {t(jobKey.incentive(job.incentive))}
              {job.incentiveNote ? ` · ${job.incentiveNote}` : ''}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('job.description')}</dt>
          <dd>{job.description}</dd>
        </div>
      </dl>
      <section aria-labelledby="decent-work-title">
        <h2 id="decent-work-title">{t('job.decentWorkTitle', { score: dw.score })}</h2>
        <p>
          <span className={`status-tag band-${dw.band}`}>{pick(dw.bandLabel, language)}</span>{' '}
          {t('job.decentWorkModel', { version: dw.modelVersion })}
        </p>
        <ul className="factor-list">
          {dw.factors.map((f) => (
            <li key={f.code}>
              <strong>{pick(f.label, language)}</strong>{' '}
              <span className="muted">
                {t('match.points', {
                  points: formatPoints(f.points, language),
                  max: formatPoints(f.maxPoints, language),
                })}
              </span>
              <br />
              {pick(f.plain, language)}
            </li>
          ))}
        </ul>
      </section>
      {keeps ? (
        <p>
          <Link to={`/jobs/${job.id}/edit`} className="button-secondary">
            {t('job.change')}
          </Link>
        </p>
      ) : null}
      {keeps ? (
        <StatusChange
          job={job}
          onDone={(next) => {
            setJob(next);
            notice.show(t('job.statusChanged', { status: t(jobKey.status(next.status)) }));
          }}
        />
      ) : null}
      {can?.jobCandidates && job.status === 'open' ? <Candidates job={job} /> : null}
    </>
  );
}

// Puts the job order on hold, closes it, marks it filled, or opens it again: matching reads open ones only.
function StatusChange({ job, onDone }: { job: JobOrder; onDone: (next: JobOrder) => void }) {
  const { t } = useI18n();
  const id = useId();
  const session = useSession();
  const form = useForm();
  const [busy, setBusy] = useState(false);
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const choices = jobOrderStatuses.filter((s) => s !== job.status);
  const change = (status: (typeof jobOrderStatuses)[number]) => {
    setBusy(true);
    updateJobOrder(job.id, { status }, csrfToken).then(
      (next) => {
        setBusy(false);
        onDone(next);
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(formErrorsOf(error, t));
      },
    );
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('job.statusTitle')}</h2>
      {form.summary}
      <div className="form-actions">
        {choices.map((s) => (
          <button key={s} type="button" className="button-secondary" disabled={busy} onClick={() => change(s)}>
            {t(`job.setStatus.${s}`)}
          </button>
        ))}
      </div>
    </section>
  );
}

function Candidates({ job }: { job: JobOrder }) {
  const { t, language } = useI18n();
  const id = useId();
  const list = useApi(`job-candidates:${job.id}`, (signal) => getJobCandidates(job.id, signal));
  return (
    <section aria-labelledby={`${id}-title`} aria-busy={list.status === 'loading'}>
      <h2 id={`${id}-title`}>{t('job.candidatesTitle')}</h2>
      <p>{t('job.candidatesLead')}</p>
      {list.status === 'loading' ? <Loading label={t('job.candidatesLoading')} /> : null}
      {list.status === 'error' ? <SectionProblem error={list.error} title={t('job.candidatesFailed')} /> : null}
      {list.status === 'ready' && list.data.results.length === 0 ? <p>{t('job.noCandidates')}</p> : null}
      {list.status === 'ready' && list.data.results.length > 0 ? (
        <ol className="match-list">
          {list.data.results.map((r) => (
            <li key={r.client.id}>
              <p>
                <Link to={`/clients/${r.client.id}`}>{r.client.name}</Link>{' '}
                <strong>{t('match.score', { score: formatPoints(r.score, language) })}</strong>
              </p>
              <details>
                <summary>{t('match.why', { name: r.client.name })}</summary>
                <MatchFactors factors={r.factors} />
              </details>
              <ProposeButton
                clientId={r.client.id}
                jobOrderId={job.id}
                label={t('job.propose', { name: r.client.name })}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {list.status === 'ready' ? (
        <p className="muted">
          {t('match.model', { version: list.data.modelVersion, considered: list.data.considered })}
        </p>
      ) : null}
    </section>
  );
}

// Proposes the client for the job order, then opens the placement (where it is shared with the employer).
export function ProposeButton({
  clientId,
  jobOrderId,
  label,
}: {
  clientId: string;
  jobOrderId: string;
  label: string;
}) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const form = useForm();
  const [busy, setBusy] = useState(false);
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  return (
    <div>
      {form.summary}
      <button
        type="button"
        className="button-secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          proposePlacement(clientId, { jobOrderId }, csrfToken).then(
            (placement) => navigate(`/placements/${placement.id}`),
            (error: unknown) => {
              setBusy(false);
              form.fail(formErrorsOf(error, t, { conflict: t('placement.error.open') }));
            },
          );
        }}
      >
        {label}
      </button>
    </div>
  );
}
