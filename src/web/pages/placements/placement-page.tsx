import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  evaluatePlacement,
  getPlacement,
  stepPlacement,
  type Placement,
  type PlacementReason,
  type PlacementStatus,
  type PlacementStep,
} from '../../api-jobs.ts';
import type { ConsentCategory } from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireSignIn } from '../../components/require-sign-in.tsx';
import { RecordLoader } from '../../components/record-loader.tsx';
import {
  DateField,
  emptyDate,
  isoDate,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
  type DateParts,
} from '../../components/form.tsx';
import { notificationsChanged } from '../../components/notification-count.tsx';
import { formErrorsOf, useNotice } from '../../components/section-state.tsx';
import { useSession } from '../../session.tsx';
import { formatDateTime, torontoInstant } from '../clients/case-text.ts';
import { formatDate } from '../clients/client-text.ts';
import type { StaffConsentMethod } from '../clients/client-text.ts';
import { HandoffConsentFields, handoffConsentProblems } from '../clients/consents-section.tsx';
import { formatWage, notHiredReasons, placementKey, withdrawnReasons } from '../jobs/job-text.ts';

export function PlacementPage() {
  return (
    <RequireSignIn>
      <PlacementLoader />
    </RequireSignIn>
  );
}

function PlacementLoader() {
  const { t } = useI18n();
  return (
    <RecordLoader
      what="placement"
      load={getPlacement}
      notFound="placement"
      loading={t('placement.loading')}
      failed={t('placement.error')}
    >
      {(loaded) => <PlacementView loaded={loaded} />}
    </RecordLoader>
  );
}

// One placement as both sides see it: the job order, the candidate as the reader may see them, where it
// stands, every step with its side and words, what the reader may record next.
function PlacementView({ loaded }: { loaded: Placement }) {
  const { t, language } = useI18n();
  const [placement, setPlacement] = useState(loaded);
  const notice = useNotice();
  const p = placement;
  const name = p.candidate.name ?? t('placements.aCandidate');
  const title = t('placement.title', { name, job: p.job.title });
  useDocumentTitle(title);
  const changed = (next: Placement, message: string) => {
    setPlacement(next);
    notificationsChanged();
    notice.show(message);
  };
  return (
    <>
      <nav aria-label={t('organization.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/placements">{t('placements.title')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <PageHeading>{title}</PageHeading>
      {notice.element}
      <dl className="record-details">
        <div>
          <dt>{t('placement.status')}</dt>
          <dd>
            <span className={`status-tag status-${p.status}`}>{t(placementKey.status(p.status))}</span>
            {p.reason ? ` — ${t(placementKey.reason(p.reason))}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('placement.job')}</dt>
          <dd>
            <Link to={`/jobs/${p.job.id}`}>{p.job.title}</Link> · {p.job.employer.name}
          </dd>
        </div>
        <div>
          <dt>{t('placement.agency')}</dt>
          <dd>{p.agency.name}</dd>
        </div>
        {p.interviewAt ? (
          <div>
            <dt>{t('placement.interviewAt')}</dt>
            <dd>{formatDateTime(p.interviewAt, language, true)}</dd>
          </div>
        ) : null}
        {p.pitch ? (
          <div>
            <dt>{t('placement.pitch')}</dt>
            <dd>{p.pitch}</dd>
          </div>
        ) : null}
      </dl>
      <Candidate placement={p} />
      {p.employment ? (
        <section aria-labelledby="employment-title">
          <h2 id="employment-title">{t('placement.employmentTitle')}</h2>
          <p>
            {t('placement.employmentLine', {
              title: p.employment.jobTitle,
              start: formatDate(p.employment.startDate, language),
              hours: p.employment.hoursPerWeek,
              wage: formatWage(p.employment.hourlyWage, language),
            })}
          </p>
        </section>
      ) : null}
      {p.next.length > 0 ? (
        <NextStep
          placement={p}
          onDone={(next) => changed(next, t('placement.moved', { status: t(placementKey.status(next.status)) }))}
        />
      ) : null}
      {p.mayEvaluate ? (
        <EvaluationForm placement={p} onDone={(next) => changed(next, t('placement.evaluated'))} />
      ) : null}
      {p.evaluations.length > 0 ? <Evaluations placement={p} /> : null}
      <History placement={p} />
    </>
  );
}

function Candidate({ placement: p }: { placement: Placement }) {
  const { t, language } = useI18n();
  const c = p.candidate;
  return (
    <section aria-labelledby="candidate-title">
      <h2 id="candidate-title">{t('placement.candidateTitle')}</h2>
      {c.sharedCategories === null ? (
        <p>{t('placement.notShared')}</p>
      ) : c.sharedCategories.length === 0 ? (
        <p>{t('placement.consentEnded')}</p>
      ) : (
        <p>
          {t('placement.sharedUnder', {
            categories: c.sharedCategories.map((x) => t(`category.${x}`)).join(', '),
            date: c.consentEndsOn ? formatDate(c.consentEndsOn, language) : '—',
          })}
        </p>
      )}
      <dl className="record-details">
        {c.name ? (
          <div>
            <dt>{t('placement.name')}</dt>
            <dd>{c.id ? <Link to={`/clients/${c.id}`}>{c.name}</Link> : c.name}</dd>
          </div>
        ) : null}
        {c.email ? (
          <div>
            <dt>{t('placement.email')}</dt>
            <dd>{c.email}</dd>
          </div>
        ) : null}
        {c.phone ? (
          <div>
            <dt>{t('placement.phone')}</dt>
            <dd>{c.phone}</dd>
          </div>
        ) : null}
        {c.employment ? (
          <>
            <div>
              <dt>{t('placement.goals')}</dt>
              <dd>{c.employment.targetNocCodes.join(', ') || '—'}</dd>
            </div>
            <div>
              <dt>{t('placement.hoursWanted')}</dt>
              <dd>{c.employment.hoursWanted ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('placement.workHistory')}</dt>
              <dd>
                {c.employment.workHistory.length === 0
                  ? '—'
                  : c.employment.workHistory
                      .map((w) =>
                        t('placement.historyLine', {
                          noc: w.nocCode,
                          from: formatDate(w.startDate, language),
                          to: w.endDate ? formatDate(w.endDate, language) : t('placement.now'),
                        }),
                      )
                      .join('; ')}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function useCsrf(): string {
  const session = useSession();
  return session.status === 'signedIn' ? session.csrfToken : '';
}

const employerCategories: readonly ConsentCategory[] = ['identity_contact', 'employment'];

// The steps the reader's side may take from here, each with what it needs.
function NextStep({ placement: p, onDone }: { placement: Placement; onDone: (next: Placement) => void }) {
  const { t } = useI18n();
  const id = useId();
  const form = useForm();
  const csrfToken = useCsrf();
  const [status, setStatus] = useState<PlacementStatus | ''>('');
  const [reason, setReason] = useState<PlacementReason | ''>('');
  const [note, setNote] = useState('');
  const [withConsent, setWithConsent] = useState(false);
  const [categories, setCategories] = useState<ConsentCategory[]>([]);
  const [method, setMethod] = useState<StaffConsentMethod | ''>('');
  const [evidence, setEvidence] = useState('');
  const [interviewDay, setInterviewDay] = useState<DateParts>(emptyDate);
  const [interviewTime, setInterviewTime] = useState('');
  const [start, setStart] = useState<DateParts>(emptyDate);
  const [hours, setHours] = useState('');
  const [wage, setWage] = useState('');
  const [busy, setBusy] = useState(false);
  const reasons = status === 'not_hired' ? notHiredReasons : status === 'withdrawn' ? withdrawnReasons : [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = [];
    if (status === '')
      problems.push({ key: 'status', message: t('placement.error.status'), fields: [`${id}-${p.next[0]}`] });
    if (reasons.length > 0 && reason === '')
      problems.push({ key: 'reason', message: t('placement.error.reason'), fields: ['reason'] });
    if (status === 'shared' && withConsent)
      problems.push(...handoffConsentProblems({ categories, method, evidence }, t));
    const startDate = isoDate(start);
    const hoursNumber = Number(hours.replace(',', '.'));
    const wageNumber = wage.trim() === '' ? undefined : Number(wage.replace(',', '.'));
    if (status === 'hired') {
      if (!startDate) problems.push({ key: 'start', message: t('placement.error.start'), fields: ['start'] });
      if (!(hoursNumber > 0 && hoursNumber <= 80))
        problems.push({ key: 'hours', message: t('placement.error.hours'), fields: ['hours'] });
      if (wageNumber !== undefined && !(wageNumber > 0))
        problems.push({ key: 'wage', message: t('placement.error.wage'), fields: ['wage'] });
    }
    const interviewDate = isoDate(interviewDay);
    if (status === 'interview' && interviewTime !== '' && !interviewDate)
      problems.push({ key: 'interview', message: t('placement.error.interview'), fields: ['interview'] });
    if (problems.length > 0 || status === '') {
      form.fail(problems);
      return;
    }
    const words = note.trim() ? { note: note.trim() } : {};
    const body: PlacementStep =
      status === 'shared'
        ? {
            status,
            ...words,
            ...(withConsent && method !== ''
              ? {
                  consent: {
                    categories: categories.filter((c): c is 'identity_contact' | 'employment' =>
                      employerCategories.includes(c),
                    ),
                    method,
                    evidence: evidence.trim(),
                  },
                }
              : {}),
          }
        : status === 'interview'
          ? {
              status,
              ...words,
              ...(interviewDate ? { interviewAt: torontoInstant(interviewDate, interviewTime || '09:00') } : {}),
            }
          : status === 'hired'
            ? {
                status,
                ...words,
                employment: {
                  startDate: startDate!,
                  hoursPerWeek: hoursNumber,
                  ...(wageNumber !== undefined ? { hourlyWage: wageNumber } : {}),
                },
              }
            : status === 'not_hired'
              ? { status, reason: reason as (typeof notHiredReasons)[number], ...words }
              : status === 'withdrawn'
                ? { status, reason: reason as (typeof withdrawnReasons)[number], ...words }
                : { status: 'offer', ...words };
    setBusy(true);
    stepPlacement(p.id, body, csrfToken).then(
      (next) => {
        setBusy(false);
        setStatus('');
        setReason('');
        setNote('');
        onDone(next);
      },
      (error: unknown) => {
        setBusy(false);
        const step = { field: `${id}-${p.next[0]}`, message: t('placement.error.status') };
        form.fail(
          formErrorsOf(error, t, {
            conflict: t('placement.error.order'),
            fields: {
              consent: { field: step.field, message: t('placement.error.consent') },
              status: step,
              employment: { field: 'start', message: t('placement.error.start') },
              'employment.hourlyWage': { field: 'wage', message: t('placement.error.wage') },
              'employment.hoursPerWeek': { field: 'hours', message: t('placement.error.hours') },
              reason: { field: 'reason', message: t('placement.error.reason') },
            },
          }),
        );
      },
    );
  };
  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('placement.nextTitle')}</h2>
      {form.summary}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset className="radio-group">
          <legend>{t('placement.nextQuestion')}</legend>
          {p.next.map((s) => (
            <div className="field-check" key={s}>
              <input
                id={`${id}-${s}`}
                type="radio"
                name="status"
                checked={status === s}
                onChange={() => {
                  setStatus(s);
                  setReason('');
                  form.resolve(`${id}-${p.next[0]}`);
                }}
              />
              <label htmlFor={`${id}-${s}`}>{t(placementKey.action(s))}</label>
            </div>
          ))}
        </fieldset>
        {status === 'shared' ? (
          <>
            <p>{t('placement.shareLead', { employer: p.job.employer.name })}</p>
            <div className="field-check">
              <input
                id={`${id}-consent`}
                type="checkbox"
                checked={withConsent}
                onChange={(e) => setWithConsent(e.target.checked)}
              />
              <label htmlFor={`${id}-consent`}>{t('placement.recordConsent')}</label>
            </div>
            {withConsent ? (
              <HandoffConsentFields
                form={form}
                legend={t('placement.consentLegend', { employer: p.job.employer.name })}
                hint={t('placement.consentHint')}
                only={employerCategories}
                categories={categories}
                onCategories={setCategories}
                method={method}
                onMethod={setMethod}
                evidence={evidence}
                onEvidence={setEvidence}
              />
            ) : null}
          </>
        ) : null}
        {status === 'interview' ? (
          <>
            <DateField
              form={form}
              name="interview"
              label={t('placement.interviewDay')}
              hint={t('intake.optional')}
              value={interviewDay}
              onChange={setInterviewDay}
            />
            <TextField
              form={form}
              name="interviewTime"
              label={t('placement.interviewTime')}
              hint={t('placement.interviewTimeHint')}
              type="time"
              value={interviewTime}
              onChange={setInterviewTime}
            />
          </>
        ) : null}
        {status === 'hired' ? (
          <>
            <DateField form={form} name="start" label={t('placement.startDate')} value={start} onChange={setStart} />
            <TextField
              form={form}
              name="hours"
              label={t('placement.hours')}
              inputMode="decimal"
              value={hours}
              onChange={setHours}
            />
            <TextField
              form={form}
              name="wage"
              label={t('placement.wage')}
              hint={t('placement.wageHint')}
              inputMode="decimal"
              value={wage}
              onChange={setWage}
            />
          </>
        ) : null}
        {reasons.length > 0 ? (
          <SelectField
            form={form}
            name="reason"
            label={t('placement.reasonLabel')}
            value={reason}
            placeholder={t('intake.choose')}
            onChange={(v) => setReason(v as PlacementReason | '')}
            choices={reasons.map((x) => ({ value: x, label: t(placementKey.reason(x)) }))}
          />
        ) : null}
        <TextAreaField
          form={form}
          name="stepNote"
          label={t('placement.stepNote')}
          hint={t('placement.stepNoteHint')}
          value={note}
          onChange={setNote}
          maxLength={1000}
          rows={2}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('placement.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

const ratings = ['attendance', 'punctuality', 'jobSkills', 'teamwork', 'communication'] as const;

function EvaluationForm({ placement: p, onDone }: { placement: Placement; onDone: (next: Placement) => void }) {
  const { t } = useI18n();
  const id = useId();
  const form = useForm();
  const csrfToken = useCsrf();
  const [periodEnd, setPeriodEnd] = useState<DateParts>(emptyDate);
  const [scores, setScores] = useState<Record<(typeof ratings)[number], string>>({
    attendance: '',
    punctuality: '',
    jobSkills: '',
    teamwork: '',
    communication: '',
  });
  const [wouldHire, setWouldHire] = useState<'yes' | 'maybe' | 'no' | ''>('');
  const [comments, setComments] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = [];
    const end = isoDate(periodEnd);
    if (!end) problems.push({ key: 'periodEnd', message: t('placement.error.periodEnd'), fields: ['periodEnd'] });
    for (const r of ratings)
      if (scores[r] === '') problems.push({ key: r, message: t('placement.error.rating'), fields: [r] });
    if (wouldHire === '')
      problems.push({ key: 'wouldHire', message: t('placement.error.wouldHire'), fields: ['wouldHire'] });
    if (problems.length > 0 || !end || wouldHire === '') {
      form.fail(problems);
      return;
    }
    setBusy(true);
    evaluatePlacement(
      p.id,
      {
        periodEnd: end,
        attendance: Number(scores.attendance),
        punctuality: Number(scores.punctuality),
        jobSkills: Number(scores.jobSkills),
        teamwork: Number(scores.teamwork),
        communication: Number(scores.communication),
        wouldHire,
        ...(comments.trim() ? { comments: comments.trim() } : {}),
      },
      csrfToken,
    ).then(
      (next) => {
        setBusy(false);
        onDone(next);
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            conflict: t('placement.error.evaluationExists'),
            fields: { periodEnd: { field: 'periodEnd', message: t('placement.error.periodEnd') } },
          }),
        );
      },
    );
  };
  const scale = [1, 2, 3, 4].map((n) => ({
    value: String(n),
    label: t(`placement.rating.${n}` as Parameters<typeof t>[0]),
  }));
  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('placement.evaluationTitle')}</h2>
      <p>{t('placement.evaluationLead')}</p>
      {form.summary}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <DateField
          form={form}
          name="periodEnd"
          label={t('placement.periodEnd')}
          value={periodEnd}
          onChange={setPeriodEnd}
        />
        {ratings.map((r) => (
          <SelectField
            key={r}
            form={form}
            name={r}
            label={t(`placement.ratingOf.${r}`)}
            value={scores[r]}
            placeholder={t('intake.choose')}
            onChange={(v) => setScores((s) => ({ ...s, [r]: v }))}
            choices={scale}
          />
        ))}
        <SelectField
          form={form}
          name="wouldHire"
          label={t('placement.wouldHire')}
          value={wouldHire}
          placeholder={t('intake.choose')}
          onChange={(v) => setWouldHire(v as 'yes' | 'maybe' | 'no' | '')}
          choices={(['yes', 'maybe', 'no'] as const).map((v) => ({ value: v, label: t(`placement.wouldHire.${v}`) }))}
        />
        <TextAreaField
          form={form}
          name="comments"
          label={t('placement.comments')}
          hint={t('intake.optional')}
          value={comments}
          onChange={setComments}
          maxLength={2000}
          rows={3}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('placement.saveEvaluation')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Evaluations({ placement: p }: { placement: Placement }) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="evaluations-title">
      <h2 id="evaluations-title">{t('placement.evaluationsTitle')}</h2>
      <ul>
        {p.evaluations.map((e) => (
          <li key={e.id}>
            <p>
              <strong>{t('placement.periodEndLine', { date: formatDate(e.periodEnd, language) })}</strong>
            </p>
            <p>
              {ratings
                .map(
                  (r) => `${t(`placement.ratingOf.${r}`)}: ${t(`placement.rating.${e[r]}` as Parameters<typeof t>[0])}`,
                )
                .join(' · ')}
            </p>
            <p>
              {t('placement.wouldHire')}: {t(`placement.wouldHire.${e.wouldHire}`)}
            </p>
            {e.comments ? <p>{e.comments}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ placement: p }: { placement: Placement }) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('placement.historyTitle')}</h2>
      <ol className="history">
        {p.events.map((e, i) => (
          <li key={i}>
            <p>
              <strong>{t(placementKey.status(e.status))}</strong>
              {e.reason ? ` — ${t(placementKey.reason(e.reason))}` : ''}
            </p>
            <p className="muted">
              {t('placement.by', { organization: e.organization.name })} ·{' '}
              <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
            </p>
            {e.note ? <p>{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
