import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { createEmployer, findEmployerDuplicates, type EmployerDuplicate } from '../../api-jobs.ts';
import { ApiError } from '../../api.ts';
import { useDocumentTitle, useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireCan } from '../../components/require-can.tsx';
import { TextField, useForm } from '../../components/form.tsx';
import { formErrorsOf } from '../../components/section-state.tsx';
import { useSession } from '../../session.tsx';
import {
  EmployerNeedsFields,
  EmployerReachFields,
  type EmployerNeeds,
  type EmployerReach,
} from './employer-fields.tsx';

export function NewEmployerPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="manageEmployers" body={t('newEmployer.notAllowed')}>
      {() => <NewEmployer />}
    </RequireCan>
  );
}

// Adds an employer that no agency has recorded yet: the server checks for a likely duplicate (the same
// name, website or phone, or a similar name at the same postal code) and, if it finds one, the page lists
// them with links, so the worker opens the existing record or confirms this is another employer.
function NewEmployer() {
  const { t } = useI18n();
  const id = useId();
  const session = useSession();
  const navigate = useNavigate();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  useDocumentTitle(t('newEmployer.title'));
  const form = useForm();
  const [reach, setReach] = useState<EmployerReach>({ name: '', website: '', phone: '', email: '' });
  const { name, website, phone, email } = reach;
  const [street, setStreet] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [needs, setNeeds] = useState<EmployerNeeds>({ size: '', hiringPlans: '', hr: [] });
  const { size, hiringPlans, hr } = needs;
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [duplicates, setDuplicates] = useState<EmployerDuplicate[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = [];
    if (name.trim().length < 2) problems.push({ key: 'name', message: t('newEmployer.error.name'), fields: ['name'] });
    if ((street.trim() === '') !== (postalCode.trim() === ''))
      problems.push({
        key: 'site',
        message: t('newEmployer.error.site'),
        fields: [street.trim() ? 'postalCode' : 'street'],
      });
    if (problems.length > 0) {
      form.fail(problems);
      return;
    }
    const place = postalCode.trim().toUpperCase();
    setBusy(true);
    createEmployer(
      {
        name: name.trim(),
        ...(website.trim() ? { website: website.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        sites: street.trim()
          ? [
              {
                name: t('newEmployer.mainSite'),
                streetAddress: street.trim(),
                postalCode: place,
                city: 'Toronto',
                province: 'ON',
              },
            ]
          : [],
        ...(size ? { size } : {}),
        ...(hiringPlans.trim() ? { hiringPlans: hiringPlans.trim() } : {}),
        hrSupportWanted: hr,
        contacts: contactName.trim()
          ? [
              {
                name: contactName.trim(),
                ...(contactPhone.trim() ? { phone: contactPhone.trim() } : {}),
                isPrimary: true,
                preferredLanguage: 'en',
              },
            ]
          : [],
        confirmNotDuplicate: confirmed,
      },
      csrfToken,
    ).then(
      (employer) => navigate(`/employers/${employer.id}`),
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ApiError && error.reason === 'possible_duplicate_employer') {
          findEmployerDuplicates({
            name: name.trim(),
            ...(website.trim() ? { website: website.trim() } : {}),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            ...(place ? { postalCode: place } : {}),
          }).then(
            (found) => setDuplicates(found.items),
            () => undefined,
          );
          form.fail([{ key: 'duplicate', message: t('newEmployer.error.duplicate'), fields: ['confirm'] }]);
          return;
        }
        form.fail(
          formErrorsOf(error, t, {
            fields: {
              name: { field: 'name', message: t('newEmployer.error.name') },
              website: { field: 'website', message: t('newEmployer.error.website') },
              phone: { field: 'phone', message: t('newEmployer.error.phone') },
              email: { field: 'email', message: t('newEmployer.error.email') },
              sites: { field: 'postalCode', message: t('newEmployer.error.site') },
              contacts: { field: 'contactName', message: t('newEmployer.error.contact') },
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
          <li aria-current="page">{t('newEmployer.title')}</li>
        </ol>
      </nav>
      <PageHeading>{t('newEmployer.title')}</PageHeading>
      <p className="lead">{t('newEmployer.lead')}</p>
      <section className="editor" aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`} className="visually-hidden">
          {t('newEmployer.title')}
        </h2>
        {form.summary}
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <EmployerReachFields form={form} value={reach} onChange={(c) => setReach((r) => ({ ...r, ...c }))} />
          <TextField
            form={form}
            name="street"
            label={t('newEmployer.street')}
            hint={t('intake.optional')}
            value={street}
            onChange={setStreet}
          />
          <TextField
            form={form}
            name="postalCode"
            label={t('newEmployer.postalCode')}
            hint={t('intake.optional')}
            value={postalCode}
            onChange={setPostalCode}
            maxLength={7}
          />
          <EmployerNeedsFields form={form} value={needs} onChange={(c) => setNeeds((n) => ({ ...n, ...c }))} />
          <TextField
            form={form}
            name="contactName"
            label={t('newEmployer.contactName')}
            hint={t('intake.optional')}
            value={contactName}
            onChange={setContactName}
            maxLength={200}
          />
          <TextField
            form={form}
            name="contactPhone"
            label={t('newEmployer.contactPhone')}
            hint={t('intake.optional')}
            type="tel"
            value={contactPhone}
            onChange={setContactPhone}
          />
          {duplicates.length > 0 ? (
            <div className="conflict" role="group" aria-labelledby={`${id}-dup`}>
              <h3 id={`${id}-dup`}>{t('newEmployer.duplicatesTitle')}</h3>
              <ul>
                {duplicates.map((d) => (
                  <li key={d.id}>
                    <Link to={`/employers/${d.id}`}>{d.name}</Link> —{' '}
                    {d.reasons.map((r) => t(`duplicateReason.${r}` as MessageKey)).join(', ')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {duplicates.length > 0 || form.invalid('confirm') ? (
            <div className="field-check">
              <input
                id={form.fieldId('confirm')}
                type="checkbox"
                checked={confirmed}
                onChange={(e) => setConfirmed(e.target.checked)}
              />
              <label htmlFor={form.fieldId('confirm')}>{t('newEmployer.confirm')}</label>
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('newEmployer.save')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
