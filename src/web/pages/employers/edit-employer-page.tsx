import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { getEmployer, updateEmployer, type Employer } from '../../api-jobs.ts';
import type { Industry, Skill } from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RecordLoader } from '../../components/record-loader.tsx';
import { RequireCan } from '../../components/require-can.tsx';
import { SelectField, TextField, useForm, type FormError } from '../../components/form.tsx';
import { IndustryPicker, SkillPicker } from '../../components/occupation-picker.tsx';
import { formErrorsOf } from '../../components/section-state.tsx';
import { useSession } from '../../session.tsx';
import {
  EmployerNeedsFields,
  EmployerReachFields,
  type EmployerNeeds,
  type EmployerReach,
} from './employer-fields.tsx';

export function EditEmployerPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="manageEmployers" body={t('newEmployer.notAllowed')}>
      {() => (
        <RecordLoader
          what="employer"
          load={getEmployer}
          notFound="organization"
          loading={t('employer.loading')}
          failed={t('employer.error')}
        >
          {(employer) => <EditEmployer employer={employer} />}
        </RecordLoader>
      )}
    </RequireCan>
  );
}

type Contact = {
  key: number;
  name: string;
  jobTitle: string;
  phone: string;
  email: string;
  preferredLanguage: 'en' | 'fr';
  isPrimary: boolean;
};

const phonePattern = /^[0-9+()\-. ]{7,25}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// The employer's record as every agency shares it: its name and ways to reach it, industry, size, hiring
// plans, the skills and HR support it needs, and its contacts. The lead agency and the sites have their own
// ways (taking the lead; the organization's sites); the engagement log is only ever added to.
function EditEmployer({ employer: e }: { employer: Employer }) {
  const { t } = useI18n();
  const id = useId();
  const session = useSession();
  const navigate = useNavigate();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const heading = t('editEmployer.title', { name: e.name });
  useDocumentTitle(heading);
  const form = useForm();
  const [reach, setReach] = useState<EmployerReach>({
    name: e.name,
    website: e.website ?? '',
    phone: e.phone ?? '',
    email: e.email ?? '',
  });
  const { name, website, phone, email } = reach;
  const [industry, setIndustry] = useState<Industry[]>(e.industry ? [e.industry] : []);
  const [needs, setNeeds] = useState<EmployerNeeds>({
    size: e.size ?? '',
    hiringPlans: e.hiringPlans ?? '',
    hr: e.hrSupportWanted,
  });
  const { size, hiringPlans, hr } = needs;
  const [skills, setSkills] = useState<Skill[]>(e.skillsNeeded);
  const [contacts, setContacts] = useState<Contact[]>(
    e.contacts.map((c, key) => ({
      key,
      name: c.name,
      jobTitle: c.jobTitle ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
      preferredLanguage: c.preferredLanguage,
      isPrimary: c.isPrimary,
    })),
  );
  const [nextKey, setNextKey] = useState(e.contacts.length);
  const [busy, setBusy] = useState(false);
  const change = (key: number, part: Partial<Contact>) =>
    setContacts((list) =>
      list.map((c) => (c.key === key ? { ...c, ...part } : part.isPrimary === true ? { ...c, isPrimary: false } : c)),
    );

  const check = (): FormError[] => {
    const problems: FormError[] = [];
    if (name.trim().length < 2) problems.push({ key: 'name', message: t('newEmployer.error.name'), fields: ['name'] });
    if (phone.trim() && !phonePattern.test(phone.trim()))
      problems.push({ key: 'phone', message: t('newEmployer.error.phone'), fields: ['phone'] });
    if (email.trim() && !emailPattern.test(email.trim()))
      problems.push({ key: 'email', message: t('newEmployer.error.email'), fields: ['email'] });
    for (const c of contacts) {
      if (c.name.trim() === '')
        problems.push({
          key: `contact-${c.key}`,
          message: t('editEmployer.error.contactName'),
          fields: [`contact-${c.key}-name`],
        });
      else if (
        (c.phone.trim() && !phonePattern.test(c.phone.trim())) ||
        (c.email.trim() && !emailPattern.test(c.email.trim()))
      )
        problems.push({
          key: `contact-${c.key}`,
          message: t('editEmployer.error.contacts'),
          fields: [
            c.phone.trim() && !phonePattern.test(c.phone.trim()) ? `contact-${c.key}-phone` : `contact-${c.key}-email`,
          ],
        });
    }
    return problems;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = check();
    if (problems.length > 0) {
      form.fail(problems);
      return;
    }
    const optional = (v: string) => (v.trim() === '' ? null : v.trim());
    setBusy(true);
    updateEmployer(
      e.id,
      {
        name: name.trim(),
        website: optional(website),
        phone: optional(phone),
        email: optional(email),
        naicsCode: industry[0]?.code ?? null,
        size: size === '' ? null : size,
        hiringPlans: optional(hiringPlans),
        skillsNeeded: skills.map((s) => s.uri),
        hrSupportWanted: hr,
        contacts: contacts.map((c) => ({
          name: c.name.trim(),
          jobTitle: optional(c.jobTitle),
          phone: optional(c.phone),
          email: optional(c.email),
          preferredLanguage: c.preferredLanguage,
          isPrimary: c.isPrimary,
        })),
      },
      csrfToken,
    ).then(
      (saved) => void navigate(`/employers/${saved.id}`, { state: { saved: true } }),
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: {
              name: { field: 'name', message: t('newEmployer.error.name') },
              website: { field: 'website', message: t('newEmployer.error.website') },
              phone: { field: 'phone', message: t('newEmployer.error.phone') },
              email: { field: 'email', message: t('newEmployer.error.email') },
              naicsCode: { field: 'industry', message: t('newEmployer.error.industry') },
              skillsNeeded: { field: 'skills', message: t('jobProfile.error.skills') },
              contacts: { field: 'contacts', message: t('editEmployer.error.contacts') },
            },
          }),
        );
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
          <li>
            <Link to="/employers">{t('employers.title')}</Link>
          </li>
          <li>
            <Link to={`/employers/${e.id}`}>{e.name}</Link>
          </li>
          <li aria-current="page">{t('editEmployer.crumb')}</li>
        </ol>
      </nav>
      <PageHeading>{heading}</PageHeading>
      <p className="lead">{t('editEmployer.lead')}</p>
      <section className="editor" aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`} className="visually-hidden">
          {heading}
        </h2>
        {form.summary}
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <EmployerReachFields form={form} value={reach} onChange={(c) => setReach((r) => ({ ...r, ...c }))} />
          <IndustryPicker
            form={form}
            name="industry"
            label={t('employer.industry')}
            hint={t('editEmployer.industryHint')}
            chosen={industry}
            onChange={setIndustry}
          />
          <SkillPicker
            form={form}
            name="skills"
            label={t('employer.skillsNeeded')}
            hint={t('jobProfile.skillsHint')}
            chosen={skills}
            onChange={setSkills}
          />
          <EmployerNeedsFields form={form} value={needs} onChange={(c) => setNeeds((n) => ({ ...n, ...c }))} />
          <fieldset className="form-group">
            <legend>{t('editEmployer.contacts')}</legend>
            <p className="field-hint">{t('editEmployer.contactsHint')}</p>
            {form.inlineErrors('contacts')}
            {contacts.map((c, index) => (
              <fieldset className="form-group" key={c.key}>
                <legend>{t('editEmployer.contactLegend', { number: index + 1 })}</legend>
                <TextField
                  form={form}
                  name={`contact-${c.key}-name`}
                  label={t('editEmployer.contactName')}
                  value={c.name}
                  onChange={(v) => change(c.key, { name: v })}
                  maxLength={200}
                  autoComplete="off"
                />
                <TextField
                  form={form}
                  name={`contact-${c.key}-title`}
                  label={t('editEmployer.contactTitle')}
                  hint={t('intake.optional')}
                  value={c.jobTitle}
                  onChange={(v) => change(c.key, { jobTitle: v })}
                  maxLength={200}
                  autoComplete="off"
                />
                <TextField
                  form={form}
                  name={`contact-${c.key}-phone`}
                  label={t('editEmployer.contactPhone')}
                  hint={t('intake.optional')}
                  type="tel"
                  value={c.phone}
                  onChange={(v) => change(c.key, { phone: v })}
                  autoComplete="off"
                />
                <TextField
                  form={form}
                  name={`contact-${c.key}-email`}
                  label={t('editEmployer.contactEmail')}
                  hint={t('intake.optional')}
                  type="email"
                  value={c.email}
                  onChange={(v) => change(c.key, { email: v })}
                  autoComplete="off"
                />
                <SelectField
                  form={form}
                  name={`contact-${c.key}-language`}
                  label={t('editEmployer.contactLanguage')}
                  value={c.preferredLanguage}
                  onChange={(v) => change(c.key, { preferredLanguage: v === 'fr' ? 'fr' : 'en' })}
                  choices={[
                    { value: 'en', label: t('intake.language.en') },
                    { value: 'fr', label: t('intake.language.fr') },
                  ]}
                />
                <div className="field-check">
                  <input
                    id={`${id}-primary-${c.key}`}
                    type="checkbox"
                    checked={c.isPrimary}
                    onChange={(event) => change(c.key, { isPrimary: event.target.checked })}
                  />
                  <label htmlFor={`${id}-primary-${c.key}`}>{t('editEmployer.contactPrimary')}</label>
                </div>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => setContacts((list) => list.filter((x) => x.key !== c.key))}
                >
                  {t('editEmployer.removeContact', { number: index + 1 })}
                </button>
              </fieldset>
            ))}
            {contacts.length < 20 ? (
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  setContacts((list) => [
                    ...list,
                    {
                      key: nextKey,
                      name: '',
                      jobTitle: '',
                      phone: '',
                      email: '',
                      preferredLanguage: 'en',
                      isPrimary: list.length === 0,
                    },
                  ]);
                  setNextKey((k) => k + 1);
                }}
              >
                {t('editEmployer.addContact')}
              </button>
            ) : null}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('editEmployer.save')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
