import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import {
  addEngagement,
  getEmployer,
  listEngagements,
  listJobOrders,
  updateEmployer,
  type Employer,
  type NewEngagement,
} from '../../api-jobs.ts';
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
  useForm,
  type DateParts,
} from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { useSession } from '../../session.tsx';
import { formatDate } from '../clients/client-text.ts';
import { formatWage } from '../jobs/job-text.ts';
import { employerKey, engagementKinds, hrSupports } from './employer-text.ts';

export function EmployerPage() {
  return (
    <RequireSignIn>
      <EmployerLoader />
    </RequireSignIn>
  );
}

function EmployerLoader() {
  const { t } = useI18n();
  return (
    <RecordLoader
      what="employer"
      load={getEmployer}
      notFound="organization"
      loading={t('employer.loading')}
      failed={t('employer.error')}
    >
      {(loaded) => <EmployerView loaded={loaded} />}
    </RecordLoader>
  );
}

// One employer as every agency sees it: its profile and needs, who leads the account, its contacts, its
// open job orders, and the agencies' engagement log, where a contact is logged in one step.
function EmployerView({ loaded }: { loaded: Employer }) {
  const { t, language } = useI18n();
  const session = useSession();
  const can = session.status === 'signedIn' ? session.can : undefined;
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const ownOrganization = session.status === 'signedIn' ? session.user.organizationId : undefined;
  const [employer, setEmployer] = useState(loaded);
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  // Back from the record's change page: say it is saved.
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  const announced = useRef(false);
  useEffect(() => {
    // Once, on arriving.
    if (saved && !announced.current) notice.show(t('editEmployer.saved'));
    announced.current = true;
  }, [saved, notice, t]);
  const leadForm = useForm();
  const [busy, setBusy] = useState(false);
  const e = employer;
  const name = language === 'fr' && e.nameFr ? e.nameFr : e.name;
  useDocumentTitle(name);
  const jobs = useApi(`employer-jobs:${e.id}`, (signal) => listJobOrders({ employerId: e.id, perPage: 50 }, signal));
  const takeLead = () => {
    if (!ownOrganization) return;
    setBusy(true);
    updateEmployer(e.id, { leadOrganizationId: ownOrganization }, csrfToken).then(
      (next) => {
        setBusy(false);
        setEmployer(next);
        setVersion((v) => v + 1);
        notice.show(t('employer.leadTaken'));
      },
      (error: unknown) => {
        setBusy(false);
        leadForm.fail(formErrorsOf(error, t));
      },
    );
  };
  return (
    <>
      <nav aria-label={t('organization.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          {can?.employers ? (
            <li>
              <Link to="/employers">{t('employers.title')}</Link>
            </li>
          ) : null}
          <li aria-current="page">{name}</li>
        </ol>
      </nav>
      <PageHeading>{name}</PageHeading>
      {notice.element}

      <dl className="record-details">
        <div>
          <dt>{t('employer.lead')}</dt>
          <dd>
            {e.lead ? (language === 'fr' && e.lead.nameFr ? e.lead.nameFr : e.lead.name) : t('employers.noneLeads')}
          </dd>
        </div>
        <div>
          <dt>{t('employer.industry')}</dt>
          <dd>{e.industry ? `${e.industry.title} (${e.industry.code})` : '—'}</dd>
        </div>
        <div>
          <dt>{t('employer.size')}</dt>
          <dd>{e.size ? t(employerKey.size(e.size)) : '—'}</dd>
        </div>
        {e.website || e.phone || e.email ? (
          <div>
            <dt>{t('employer.reach')}</dt>
            <dd>{[e.website, e.phone, e.email].filter(Boolean).join(' · ')}</dd>
          </div>
        ) : null}
        {e.sites.length > 0 ? (
          <div>
            <dt>{t('employer.sites')}</dt>
            <dd>{e.sites.map((s) => [s.name, s.streetAddress, s.postalCode].filter(Boolean).join(', ')).join('; ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('employer.hiringPlans')}</dt>
          <dd>{e.hiringPlans ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('employer.skillsNeeded')}</dt>
          <dd>{e.skillsNeeded.length > 0 ? e.skillsNeeded.map((s) => s.label).join(', ') : '—'}</dd>
        </div>
        <div>
          <dt>{t('employer.hrSupportWanted')}</dt>
          <dd>
            {e.hrSupportWanted.length > 0 ? e.hrSupportWanted.map((h) => t(employerKey.hrSupport(h))).join(', ') : '—'}
          </dd>
        </div>
      </dl>
      {can?.manageEmployers ? (
        <p>
          <Link to={`/employers/${e.id}/edit`} className="button-secondary">
            {t('editEmployer.link')}
          </Link>
        </p>
      ) : null}
      {e.lead === null && can?.manageEmployers ? (
        <div className="form-actions">
          {leadForm.summary}
          <button type="button" className="button-secondary" disabled={busy} onClick={takeLead}>
            {t('employer.takeLead')}
          </button>
        </div>
      ) : null}
      {e.contacts.length > 0 ? (
        <section aria-labelledby="contacts-title">
          <h2 id="contacts-title">{t('employer.contactsTitle')}</h2>
          <ul>
            {e.contacts.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong>
                {c.jobTitle ? `, ${c.jobTitle}` : ''}
                {c.isPrimary ? ` (${t('employer.primary')})` : ''}
                {[c.phone, c.email].some(Boolean) ? ` — ${[c.phone, c.email].filter(Boolean).join(' · ')}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="jobs-title" aria-busy={jobs.status === 'loading'}>
        <h2 id="jobs-title">{t('employer.jobsTitle')}</h2>
        {can?.postJobs && can.manageEmployers ? (
          <p>
            <Link to={`/jobs/new?employer=${e.id}`} className="button-secondary">
              {t('employer.postJob')}
            </Link>
          </p>
        ) : null}
        {jobs.status === 'loading' ? <Loading label={t('jobs.loading')} /> : null}
        {jobs.status === 'error' ? <SectionProblem error={jobs.error} title={t('jobs.loadFailed')} /> : null}
        {jobs.status === 'ready' && jobs.data.items.length === 0 ? <p>{t('employer.noJobs')}</p> : null}
        {jobs.status === 'ready' && jobs.data.items.length > 0 ? (
          <ul>
            {jobs.data.items.map((j) => (
              <li key={j.id}>
                <Link to={`/jobs/${j.id}`}>{j.title}</Link> —{' '}
                {t('jobs.terms', { hours: j.hoursPerWeek, wage: formatWage(j.hourlyWage, language) })} ·{' '}
                {t('jobs.score', { score: j.decentWorkScore })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {can?.employers ? (
        <EngagementLog key={version} employerId={e.id} onLogged={() => notice.show(t('employer.logged'))} />
      ) : null}
    </>
  );
}

function EngagementLog({ employerId, onLogged }: { employerId: string; onLogged: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const session = useSession();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const [version, setVersion] = useState(0);
  const log = useApi(`engagements:${employerId}:${version}`, (signal) => listEngagements(employerId, signal));
  const form = useForm();
  const [kind, setKind] = useState<NewEngagement['kind'] | ''>('');
  const [hrSupport, setHrSupport] = useState<(typeof hrSupports)[number] | ''>('');
  const [occurred, setOccurred] = useState<DateParts>(emptyDate);
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = [];
    const occurredOn = isoDate(occurred);
    if (kind === '') problems.push({ key: 'kind', message: t('employer.error.kind'), fields: ['kind'] });
    if (kind === 'hr_support' && hrSupport === '')
      problems.push({ key: 'hrSupport', message: t('employer.error.hrSupport'), fields: ['hrSupport'] });
    if (!occurredOn)
      problems.push({ key: 'occurredOn', message: t('employer.error.occurredOn'), fields: ['occurredOn'] });
    if (summary.trim() === '')
      problems.push({ key: 'summary', message: t('employer.error.summary'), fields: ['summary'] });
    if (problems.length > 0 || kind === '' || !occurredOn) {
      form.fail(problems);
      return;
    }
    setBusy(true);
    addEngagement(
      employerId,
      {
        kind,
        hrSupport: kind === 'hr_support' && hrSupport !== '' ? hrSupport : null,
        occurredOn,
        summary: summary.trim(),
      },
      csrfToken,
    ).then(
      () => {
        setBusy(false);
        setKind('');
        setHrSupport('');
        setOccurred(emptyDate);
        setSummary('');
        setVersion((v) => v + 1);
        onLogged();
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(formErrorsOf(error, t));
      },
    );
  };
  const kinds = engagementKinds.filter((k) => k !== 'lead_change');
  return (
    <>
      <section aria-labelledby={`${id}-log`} aria-busy={log.status === 'loading'}>
        <h2 id={`${id}-log`}>{t('employer.logTitle')}</h2>
        <p>{t('employer.logLead')}</p>
        {log.status === 'loading' ? <Loading label={t('employer.logLoading')} /> : null}
        {log.status === 'error' ? <SectionProblem error={log.error} title={t('employer.logFailed')} /> : null}
        {log.status === 'ready' && log.data.items.length === 0 ? <p>{t('employer.logEmpty')}</p> : null}
        {log.status === 'ready' && log.data.items.length > 0 ? (
          <ol className="history">
            {log.data.items.map((g) => (
              <li key={g.id}>
                <p>
                  <strong>{t(employerKey.engagement(g.kind))}</strong>
                  {g.hrSupport ? ` — ${t(employerKey.hrSupport(g.hrSupport))}` : ''} ·{' '}
                  {formatDate(g.occurredOn, language)}
                </p>
                <p className="muted">
                  {g.author
                    ? t('employer.byPerson', { name: g.author, agency: g.organization.name })
                    : g.organization.name}
                </p>
                {/* A lead change's words are the server's, in English: its kind says it in the reader's language. */}
                {g.kind === 'lead_change' ? null : <p>{g.summary}</p>}
              </li>
            ))}
          </ol>
        ) : null}
      </section>
      <section className="editor" aria-labelledby={`${id}-add`}>
        <h2 id={`${id}-add`}>{t('employer.logAdd')}</h2>
        <p>{t('employer.noClients')}</p>
        {form.summary}
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <SelectField
            form={form}
            name="kind"
            label={t('employer.kind')}
            value={kind}
            placeholder={t('intake.choose')}
            onChange={(v) => setKind(v as NewEngagement['kind'] | '')}
            choices={kinds.map((k) => ({ value: k, label: t(employerKey.engagement(k)) }))}
          />
          {kind === 'hr_support' ? (
            <SelectField
              form={form}
              name="hrSupport"
              label={t('employer.hrSupportGiven')}
              value={hrSupport}
              placeholder={t('intake.choose')}
              onChange={(v) => setHrSupport(v as (typeof hrSupports)[number] | '')}
              choices={hrSupports.map((h) => ({ value: h, label: t(employerKey.hrSupport(h)) }))}
            />
          ) : null}
          <DateField
            form={form}
            name="occurredOn"
            label={t('employer.occurredOn')}
            value={occurred}
            onChange={setOccurred}
          />
          <TextAreaField
            form={form}
            name="summary"
            label={t('employer.summary')}
            value={summary}
            onChange={setSummary}
            maxLength={2000}
            rows={3}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('employer.logSave')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
