import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { createJobOrder, getEmployer, getJobOrder, updateJobOrder, type JobOrder } from '../../api-jobs.ts';
import type { Occupation, Skill } from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireCan } from '../../components/require-can.tsx';
import { RecordLoader } from '../../components/record-loader.tsx';
import {
  DateField,
  datePartsOf,
  emptyDate,
  isDateEmpty,
  isoDate,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
  type DateParts,
} from '../../components/form.tsx';
import { OccupationPicker, SkillPicker } from '../../components/occupation-picker.tsx';
import { formErrorsOf } from '../../components/section-state.tsx';
import { useApi } from '../../use-api.ts';
import { useSession } from '../../session.tsx';
import type { MessageKey } from '../../i18n/i18n.tsx';
import { accommodationKinds, key as clientKey } from '../clients/client-text.ts';
import {
  jobBenefits,
  jobIncentives,
  jobPermanence,
  jobSchedules,
  wilTypes,
  workplaceModes,
} from '../../../domain/jobs/job-vocabulary.ts';
import { jobKey } from './job-text.ts';

export function JobFormPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="postJobs" body={t('jobForm.notAllowed')}>
      {() => <JobForm />}
    </RequireCan>
  );
}

// A job order's change: the same form, filled in, for those who keep it (its employer's own staff, job
// developers and managers); the server holds the change to the rules of a new one and scores it again.
export function JobEditPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="postJobs" body={t('jobForm.notAllowed')}>
      {() => (
        <RecordLoader
          what="job order"
          load={getJobOrder}
          notFound="job"
          loading={t('job.loading')}
          failed={t('job.error')}
        >
          {(job) => <JobForm job={job} />}
        </RecordLoader>
      )}
    </RequireCan>
  );
}

type Choice<T extends string> = T | '';
// A number as the reader's language writes it (a decimal comma in French).
const shown = (n: number | null | undefined, language: 'en' | 'fr') =>
  n === null || n === undefined ? '' : language === 'fr' ? String(n).replace('.', ',') : String(n);

// A new job order: an employer's staff post for their own organization; a job developer or a manager
// posts for the employer whose page they came from (?employer=). The server scores it for decent work
// and refuses a wage under the minimum, hours over 80 or an unknown occupation, each in words here.
// Given a job order, the form changes it instead.
function JobForm({ job }: { job?: JobOrder }) {
  const { t, language } = useI18n();
  const id = useId();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const employerId = job ? job.employer.id : (params.get('employer') ?? '');
  const employer = useApi(`job-form-employer:${employerId}`, (signal) =>
    employerId && !job ? getEmployer(employerId, signal) : Promise.resolve(undefined),
  );
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const heading = job ? t('jobForm.editTitle', { title: job.title }) : t('jobForm.title');
  useDocumentTitle(heading);
  const form = useForm();
  const [title, setTitle] = useState(job?.title ?? '');
  const [occupation, setOccupation] = useState<Occupation[]>(
    job ? [{ code: job.nocCode, title: job.nocTitle, teer: job.teer }] : [],
  );
  const [description, setDescription] = useState(job?.description ?? '');
  const [hours, setHours] = useState(job ? String(job.hoursPerWeek) : '');
  const [schedule, setSchedule] = useState<Choice<(typeof jobSchedules)[number]>>(job?.schedule ?? '');
  const [wage, setWage] = useState(shown(job?.hourlyWage, language));
  const [benefits, setBenefits] = useState<(typeof jobBenefits)[number][]>(job?.benefits ?? []);
  const [sickDays, setSickDays] = useState(String(job?.paidSickDays ?? 0));
  const [permanence, setPermanence] = useState<Choice<(typeof jobPermanence)[number]>>(job?.permanence ?? '');
  const [duration, setDuration] = useState(shown(job?.durationMonths, language));
  const [advancement, setAdvancement] = useState(job?.advancementPath ?? false);
  const [training, setTraining] = useState(job?.trainingProvided ?? false);
  const [safety, setSafety] = useState(job?.safetyTraining ?? false);
  const [workplace, setWorkplace] = useState<Choice<(typeof workplaceModes)[number]>>(job?.workplace ?? '');
  const [postalCode, setPostalCode] = useState(job?.postalCode ?? '');
  const [accommodations, setAccommodations] = useState<(typeof accommodationKinds)[number][]>(
    job?.accommodationsOffered ?? [],
  );
  const [skills, setSkills] = useState<Skill[]>(job?.skills ?? []);
  const [openings, setOpenings] = useState(String(job?.openings ?? 1));
  const [closing, setClosing] = useState<DateParts>(job?.closingOn ? datePartsOf(job.closingOn) : emptyDate);
  const [wil, setWil] = useState<Choice<(typeof wilTypes)[number]>>(job?.wilType ?? '');
  const [incentive, setIncentive] = useState<Choice<(typeof jobIncentives)[number]>>(job?.incentive ?? '');
  const [incentiveNote, setIncentiveNote] = useState(job?.incentiveNote ?? '');
  const [credentials, setCredentials] = useState((job?.credentialsRequired ?? []).join('\n'));
  const [busy, setBusy] = useState(false);
  const number = (s: string) => Number(s.trim().replace(',', '.'));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = [];
    if (title.trim().length < 2) problems.push({ key: 'title', message: t('jobForm.error.title'), fields: ['title'] });
    if (occupation.length === 0)
      problems.push({ key: 'occupation', message: t('jobForm.error.occupation'), fields: ['occupation'] });
    if (description.trim().length < 20)
      problems.push({ key: 'description', message: t('jobForm.error.description'), fields: ['description'] });
    const h = number(hours);
    if (hours.trim() === '' || !Number.isInteger(h) || h < 0 || h > 80)
      problems.push({ key: 'hours', message: t('jobForm.error.hours'), fields: ['hours'] });
    if (schedule === '') problems.push({ key: 'schedule', message: t('jobForm.error.choose'), fields: ['schedule'] });
    const w = number(wage);
    if (!(w > 0)) problems.push({ key: 'wage', message: t('jobForm.error.wage'), fields: ['wage'] });
    if (permanence === '')
      problems.push({ key: 'permanence', message: t('jobForm.error.choose'), fields: ['permanence'] });
    if (workplace === '')
      problems.push({ key: 'workplace', message: t('jobForm.error.choose'), fields: ['workplace'] });
    const o = number(openings);
    if (!Number.isInteger(o) || o < 1 || o > 500)
      problems.push({ key: 'openings', message: t('jobForm.error.openings'), fields: ['openings'] });
    const closingOn = isoDate(closing);
    if (!isDateEmpty(closing) && !closingOn)
      problems.push({ key: 'closing', message: t('jobForm.error.closing'), fields: ['closing'] });
    if (incentive === '' && incentiveNote.trim() !== '')
      problems.push({ key: 'incentive', message: t('jobForm.error.incentiveNote'), fields: ['incentive'] });
    if (problems.length > 0 || schedule === '' || permanence === '' || workplace === '') {
      form.fail(problems);
      return;
    }
    setBusy(true);
    const fields = {
      title: title.trim(),
      nocCode: occupation[0]!.code,
      description: description.trim(),
      hoursPerWeek: h,
      schedule,
      hourlyWage: w,
      benefits,
      paidSickDays: number(sickDays) || 0,
      permanence,
      durationMonths: permanence !== 'permanent' && duration.trim() ? number(duration) : null,
      advancementPath: advancement,
      trainingProvided: training,
      safetyTraining: safety,
      workplace,
      postalCode: postalCode.trim() ? postalCode.trim().toUpperCase() : null,
      accommodationsOffered: accommodations,
      openings: o,
      closingOn: closingOn ?? null,
      wilType: wil === '' ? null : wil,
      credentialsRequired: credentials
        .split('\n')
        .map((c) => c.trim())
        .filter(Boolean),
      skills: skills.map((s) => s.uri),
      incentive: incentive === '' ? null : incentive,
      incentiveNote: incentive !== '' && incentiveNote.trim() ? incentiveNote.trim() : null,
    };
    (job
      ? updateJobOrder(job.id, fields, csrfToken)
      : createJobOrder({ ...(employerId ? { employerId } : {}), ...fields }, csrfToken)
    ).then(
      (saved) => navigate(`/jobs/${saved.id}`),
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: {
              title: { field: 'title', message: t('jobForm.error.title') },
              hourlyWage: { field: 'wage', message: t('jobForm.error.wage') },
              hoursPerWeek: { field: 'hours', message: t('jobForm.error.hours') },
              nocCode: { field: 'occupation', message: t('jobForm.error.occupation') },
              description: { field: 'description', message: t('jobForm.error.description') },
              postalCode: { field: 'postalCode', message: t('jobForm.error.postalCode') },
              closingOn: { field: 'closing', message: t('jobForm.error.closing') },
              durationMonths: { field: 'duration', message: t('jobForm.error.duration') },
              openings: { field: 'openings', message: t('jobForm.error.openings') },
              skills: { field: 'skills', message: t('jobProfile.error.skills') },
              incentiveNote: { field: 'incentive', message: t('jobForm.error.incentiveNote') },
            },
          }),
        );
      },
    );
  };
  const boxes = <T extends string>(
    legend: string,
    all: readonly T[],
    chosen: T[],
    onChange: (next: T[]) => void,
    label: (v: T) => string,
    name: string,
  ) => (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {all.map((v) => (
        <div className="field-check" key={v}>
          <input
            id={`${id}-${name}-${v}`}
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v))}
          />
          <label htmlFor={`${id}-${name}-${v}`}>{label(v)}</label>
        </div>
      ))}
    </fieldset>
  );
  const check = (name: string, label: string, value: boolean, onChange: (v: boolean) => void) => (
    <div className="field-check">
      <input id={`${id}-${name}`} type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={`${id}-${name}`}>{label}</label>
    </div>
  );
  const employerName = employer.status === 'ready' && employer.data ? employer.data.name : undefined;
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
          {job ? (
            <li>
              <Link to={`/jobs/${job.id}`}>{job.title}</Link>
            </li>
          ) : null}
          <li aria-current="page">{job ? t('jobForm.editCrumb') : t('jobForm.title')}</li>
        </ol>
      </nav>
      <PageHeading>{heading}</PageHeading>
      <p className="lead">
        {job
          ? t('jobForm.editLead', { employer: job.employer.name })
          : employerName
            ? t('jobForm.forEmployer', { employer: employerName })
            : t('jobForm.lead')}
      </p>
      <section className="editor" aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`} className="visually-hidden">
          {heading}
        </h2>
        {form.summary}
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <TextField
            form={form}
            name="title"
            label={t('jobForm.jobTitle')}
            value={title}
            onChange={setTitle}
            maxLength={200}
          />
          <OccupationPicker
            form={form}
            name="occupation"
            label={t('jobForm.occupation')}
            hint={t('jobForm.occupationHint')}
            mode="one"
            chosen={occupation}
            onChange={setOccupation}
          />
          <TextAreaField
            form={form}
            name="description"
            label={t('jobForm.description')}
            hint={t('jobForm.descriptionHint')}
            value={description}
            onChange={setDescription}
            maxLength={5000}
            rows={4}
          />
          <TextField
            form={form}
            name="hours"
            label={t('jobForm.hours')}
            inputMode="numeric"
            value={hours}
            onChange={setHours}
          />
          <SelectField
            form={form}
            name="schedule"
            label={t('jobForm.schedule')}
            value={schedule}
            placeholder={t('intake.choose')}
            onChange={(v) => setSchedule(v as Choice<(typeof jobSchedules)[number]>)}
            choices={jobSchedules.map((s) => ({ value: s, label: t(jobKey.schedule(s)) }))}
          />
          <TextField
            form={form}
            name="wage"
            label={t('jobForm.wage')}
            hint={t('jobForm.wageHint')}
            inputMode="decimal"
            value={wage}
            onChange={setWage}
          />
          {boxes(
            t('jobForm.benefits'),
            jobBenefits,
            benefits,
            setBenefits,
            (b) => t(`jobBenefit.${b}` as MessageKey),
            'benefit',
          )}
          <TextField
            form={form}
            name="sickDays"
            label={t('jobForm.sickDays')}
            inputMode="numeric"
            value={sickDays}
            onChange={setSickDays}
          />
          <SelectField
            form={form}
            name="permanence"
            label={t('jobForm.permanence')}
            value={permanence}
            placeholder={t('intake.choose')}
            onChange={(v) => setPermanence(v as Choice<(typeof jobPermanence)[number]>)}
            choices={jobPermanence.map((p) => ({ value: p, label: t(jobKey.permanence(p)) }))}
          />
          {permanence !== '' && permanence !== 'permanent' ? (
            <TextField
              form={form}
              name="duration"
              label={t('jobForm.duration')}
              hint={t('intake.optional')}
              inputMode="numeric"
              value={duration}
              onChange={setDuration}
            />
          ) : null}
          <fieldset className="checkbox-group">
            <legend>{t('jobForm.growth')}</legend>
            {check('advancement', t('jobForm.advancement'), advancement, setAdvancement)}
            {check('training', t('jobForm.training'), training, setTraining)}
            {check('safety', t('jobForm.safety'), safety, setSafety)}
          </fieldset>
          <SelectField
            form={form}
            name="workplace"
            label={t('jobForm.workplace')}
            value={workplace}
            placeholder={t('intake.choose')}
            onChange={(v) => setWorkplace(v as Choice<(typeof workplaceModes)[number]>)}
            choices={workplaceModes.map((w) => ({ value: w, label: t(jobKey.workplace(w)) }))}
          />
          <TextField
            form={form}
            name="postalCode"
            label={t('jobForm.postalCode')}
            hint={t('jobForm.postalCodeHint')}
            value={postalCode}
            onChange={setPostalCode}
            maxLength={7}
            autoComplete="off"
          />
          {boxes(
            t('jobForm.accommodations'),
            accommodationKinds,
            accommodations,
            setAccommodations,
            (a) => t(clientKey.accommodation(a)),
            'accommodation',
          )}
          <SkillPicker
            form={form}
            name="skills"
            label={t('jobForm.skills')}
            hint={t('jobProfile.skillsHint')}
            chosen={skills}
            onChange={setSkills}
          />
          <TextAreaField
            form={form}
            name="credentials"
            label={t('jobForm.credentials')}
            hint={t('jobForm.credentialsHint')}
            value={credentials}
            onChange={setCredentials}
            rows={2}
          />
          <TextField
            form={form}
            name="openings"
            label={t('jobForm.openings')}
            inputMode="numeric"
            value={openings}
            onChange={setOpenings}
          />
          <DateField
            form={form}
            name="closing"
            label={t('jobForm.closing')}
            hint={t('intake.optional')}
            value={closing}
            onChange={setClosing}
          />
          <SelectField
            form={form}
            name="wil"
            label={t('jobForm.wil')}
            value={wil}
            placeholder={t('jobForm.noWil')}
            onChange={(v) => setWil(v as Choice<(typeof wilTypes)[number]>)}
            choices={wilTypes.map((w) => ({ value: w, label: t(jobKey.wil(w)) }))}
          />
          <SelectField
            form={form}
            name="incentive"
            label={t('jobForm.incentive')}
            value={incentive}
            placeholder={t('jobForm.noIncentive')}
            onChange={(v) => setIncentive(v as Choice<(typeof jobIncentives)[number]>)}
            choices={jobIncentives.map((i) => ({ value: i, label: t(jobKey.incentive(i)) }))}
          />
          {incentive !== '' ? (
            <TextField
              form={form}
              name="incentiveNote"
              label={t('jobForm.incentiveNote')}
              hint={t('intake.optional')}
              value={incentiveNote}
              onChange={setIncentiveNote}
              maxLength={500}
            />
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {job ? t('jobForm.saveChange') : t('jobForm.save')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
