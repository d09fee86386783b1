import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  ApiError,
  grantConsent,
  listConsents,
  problemFields,
  revokeConsent,
  type ClientView,
  type Consent,
  type ConsentCategory,
  type User,
} from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { reasonKey } from '../../error-reasons.ts';
import {
  DateField,
  emptyDate,
  isoDate,
  SelectField,
  TextAreaField,
  useForm,
  type DateParts,
  type Form,
  type FormError,
} from '../../components/form.tsx';
import { OrganizationSelect } from '../../components/admin-kit.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { loadAllOrganizations } from '../admin/organizations-lookup.ts';
import {
  consentCategories,
  consentPurposes,
  formatDate,
  key,
  sharedCategories,
  staffConsentMethods,
  todayInToronto,
  type StaffConsentMethod,
} from './client-text.ts';
import { StackedTable } from '../../components/stacked-table.tsx';

type T = ReturnType<typeof useI18n>['t'];
const CONSENT_MAX_YEARS = 3;

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

// The server explains its consent rules in English (consent.service.ts); each rule has words here.
function grantError(field: string, code: string | undefined, t: T): FormError {
  const on = (name: string, text: string): FormError => ({ key: `${field}-${text}`, message: text, fields: [name] });
  switch (code) {
    case 'consent_holder':
    case 'unknown_organization':
    case 'consent_system_manager':
      return on(code === 'consent_system_manager' ? 'purpose' : 'organizationId', t(reasonKey(code)!));
    case 'consent_employer_equity':
      return on('category-equity', t('consent.error.employerEquity'));
    case 'consent_employer_categories':
      return on('category-identity_contact', t('consent.error.employerCategories'));
    case 'consent_too_long':
      return on('expiresOn', t('consent.error.tooLong', { years: CONSENT_MAX_YEARS }));
    case undefined:
    default:
      break;
  }
  if (field === 'expiresOn') return on('expiresOn', t('consent.error.expiresOn'));
  if (field === 'categories') return on('category-identity_contact', t('consent.error.categories'));
  if (field === 'purpose') return on('purpose', t('consent.error.purpose'));
  if (field === 'method') return on('method', t('consent.error.method'));
  if (field === 'evidence') return on('evidence', t('consent.error.evidence'));
  if (field === 'organizationId') return on('organizationId', t('consent.error.organization'));
  return { key: `${field}-generic`, message: t('error.invalid'), fields: [] };
}

function failureOf(error: unknown, t: T): FormError {
  if (error instanceof ApiError && error.kind === 'network')
    return { key: 'network', message: t('error.network'), fields: [] };
  if (error instanceof ApiError && error.code === 'forbidden')
    return { key: 'forbidden', message: t('consent.error.forbidden'), fields: [] };
  if (error instanceof ApiError && error.code === 'conflict')
    return { key: 'conflict', message: t('consent.error.alreadyRevoked'), fields: [] };
  return { key: 'generic', message: t('error.generic'), fields: [] };
}

// A client's consents: who they share which parts of their file with, for what, until when; the
// holding agency records a new one, and the holding agency or the organization a consent names
// records its revocation (docs/permissions.md 2.3 and 3.5).
export function ConsentsSection({ client, user, csrfToken }: { client: ClientView; user: User; csrfToken: string }) {
  const { t, language } = useI18n();
  const id = useId();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState('');
  const [revoking, setRevoking] = useState<Consent | undefined>();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const focusNotice = useRef(false);
  const consents = useApi(`consents|${client.id}|${version}`, (signal) => listConsents(client.id, signal));
  const holder = client.access.scope === 'own';
  const mayGrant = client.can.grantConsent;
  // Another agency revokes only the consents naming it (the client tells them to stop).
  const mayRevoke = (c: Consent) =>
    (client.can.revokeConsents || (client.can.revokeConsentsNamingYou && c.organizationId === user.organizationId)) &&
    (c.status === 'active' || c.status === 'scheduled');

  useEffect(() => {
    if (consents.status !== 'ready' || !focusNotice.current) return;
    focusNotice.current = false;
    noticeRef.current?.focus();
  }, [consents.status]);

  const changed = (message: string) => {
    setRevoking(undefined);
    setNotice(message);
    focusNotice.current = true;
    setVersion((v) => v + 1);
  };

  const items = consents.status === 'ready' ? consents.data.items : [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('consent.title')}</h2>
      <p>{holder ? t('consent.leadHolder') : t('consent.leadShared')}</p>
      <p role="status" className="notice" tabIndex={-1} ref={noticeRef} hidden={notice === ''}>
        {notice}
      </p>
      <div aria-busy={consents.status === 'loading'}>
        {consents.status === 'loading' ? <Loading label={t('consent.loading')} /> : null}
        {consents.status === 'error' ? <ErrorAlert title={t('consent.loadFailed')} error={consents.error} /> : null}
        {consents.status === 'ready' && items.length === 0 ? <p>{t('consent.none')}</p> : null}
        {items.length > 0 ? (
          <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
            <StackedTable>
              <caption id={`${id}-caption`}>{t('consent.caption', { count: items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('consent.organization')}</th>
                  <th scope="col">{t('consent.categories')}</th>
                  <th scope="col">{t('consent.purpose')}</th>
                  <th scope="col">{t('consent.method')}</th>
                  <th scope="col">{t('consent.dates')}</th>
                  <th scope="col">{t('consent.status')}</th>
                  <th scope="col">{t('admin.users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.organizationName}</th>
                    <td>
                      {consentCategories
                        .filter((k) => c.categories.includes(k))
                        .map((k) => t(key.category(k)))
                        .join(', ')}
                    </td>
                    <td>{t(key.purpose(c.purpose))}</td>
                    <td>
                      {t(key.method(c.method))}
                      <br />
                      <span className="muted">{c.evidence}</span>
                    </td>
                    <td>
                      {t('consent.fromTo', {
                        from: formatDate(c.startsOn, language),
                        to: formatDate(c.expiresOn, language),
                      })}
                    </td>
                    <td>
                      <span className={`status-tag status-${c.status}`}>{t(key.consentStatus(c.status))}</span>
                      {c.status === 'revoked' && c.revokedAt ? (
                        <>
                          <br />
                          {t('consent.revokedOn', {
                            date: formatDate(c.revokedAt.slice(0, 10), language),
                            method: c.revocationMethod ? t(key.method(c.revocationMethod)) : '',
                          })}
                          {c.revocationReason ? (
                            <>
                              <br />
                              <span className="muted">{c.revocationReason}</span>
                            </>
                          ) : null}
                        </>
                      ) : null}
                    </td>
                    <td>
                      {mayRevoke(c) ? (
                        <button type="button" className="button-secondary" onClick={() => setRevoking(c)}>
                          {t('consent.revokeOf', { name: c.organizationName })}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          </div>
        ) : null}
      </div>
      {revoking ? (
        <RevokeForm
          key={revoking.id}
          client={client}
          consent={revoking}
          csrfToken={csrfToken}
          onDone={() => changed(t('consent.revoked', { name: revoking.organizationName }))}
          onCancel={() => setRevoking(undefined)}
        />
      ) : null}
      {mayGrant ? (
        <GrantForm
          key={`grant-${version}`}
          client={client}
          csrfToken={csrfToken}
          onDone={(c) => changed(t('consent.granted', { name: c.organizationName }))}
        />
      ) : null}
    </section>
  );
}

type GrantDraft = {
  organizationId: string;
  categories: ConsentCategory[];
  purpose: string;
  method: string;
  evidence: string;
  expiresOn: DateParts;
};

function GrantForm({
  client,
  csrfToken,
  onDone,
}: {
  client: ClientView;
  csrfToken: string;
  onDone: (consent: Consent) => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const id = useId();
  const organizations = useApi('organizations', loadAllOrganizations);
  // Nothing is chosen for the client: no organization, category, purpose or method.
  const [draft, setDraft] = useState<GrantDraft>({
    organizationId: '',
    categories: [],
    purpose: '',
    method: '',
    evidence: '',
    expiresOn: emptyDate,
  });
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<GrantDraft>) => setDraft((d) => ({ ...d, ...change }));
  const toggle = (category: ConsentCategory, on: boolean) =>
    set({
      categories: on
        ? [...draft.categories.filter((c) => c !== category), category]
        : draft.categories.filter((c) => c !== category),
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const today = todayInToronto();
    const expiresOn = isoDate(draft.expiresOn);
    const problems: FormError[] = [];
    if (draft.organizationId === '')
      problems.push({ key: 'organization', message: t('consent.error.organization'), fields: ['organizationId'] });
    if (draft.categories.length === 0)
      problems.push({
        key: 'categories',
        message: t('consent.error.categories'),
        fields: ['category-identity_contact'],
      });
    if (draft.purpose === '')
      problems.push({ key: 'purpose', message: t('consent.error.purpose'), fields: ['purpose'] });
    if (draft.method === '') problems.push({ key: 'method', message: t('consent.error.method'), fields: ['method'] });
    if (draft.evidence.trim() === '')
      problems.push({ key: 'evidence', message: t('consent.error.evidence'), fields: ['evidence'] });
    if (!expiresOn || expiresOn < today)
      problems.push({ key: 'expiresOn', message: t('consent.error.expiresOn'), fields: ['expiresOn'] });
    else if (expiresOn > addYears(today, CONSENT_MAX_YEARS))
      problems.push({
        key: 'expiresOn',
        message: t('consent.error.tooLong', { years: CONSENT_MAX_YEARS }),
        fields: ['expiresOn'],
      });
    const purpose = consentPurposes.find((p) => p === draft.purpose);
    const method = staffConsentMethods.find((m) => m === draft.method);
    if (problems.length > 0 || !purpose || !method || !expiresOn) {
      form.fail(problems);
      return;
    }
    setBusy(true);
    grantConsent(
      client.id,
      {
        organizationId: draft.organizationId,
        categories: consentCategories.filter((c) => draft.categories.includes(c)),
        purpose,
        method,
        evidence: draft.evidence.trim(),
        expiresOn,
      },
      csrfToken,
    ).then(onDone, (error: unknown) => {
      setBusy(false);
      const fields = problemFields(error);
      form.fail(fields.length > 0 ? fields.map((f) => grantError(f.field, f.code, t)) : [failureOf(error, t)]);
    });
  };

  const categoryBox = (category: ConsentCategory) => (
    <ConsentCategoryBox
      key={category}
      form={form}
      category={category}
      checked={draft.categories.includes(category)}
      onChange={(on) => toggle(category, on)}
    />
  );

  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('consent.grantTitle')}</h3>
      <p>{t('consent.grantLead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy || organizations.status === 'loading'}>
        <OrganizationSelect
          id={form.fieldId('organizationId')}
          label={t('consent.organizationNamed')}
          placeholder={t('consent.chooseOrganization')}
          value={draft.organizationId}
          onChange={(organizationId) => set({ organizationId })}
          organizations={organizations}
          exclude={[client.organizationId]}
          invalid={form.invalid('organizationId')}
          describedBy={form.describedBy('organizationId')}
          errors={form.inlineErrors('organizationId')}
        />
        <fieldset
          className="checkbox-group"
          aria-describedby={[`${id}-categories-hint`, form.describedBy('category-identity_contact')]
            .filter(Boolean)
            .join(' ')}
        >
          <legend>{t('consent.categoriesLegend')}</legend>
          <p id={`${id}-categories-hint`} className="field-hint">
            {t('consent.categoriesHint')}
          </p>
          {form.inlineErrors('category-identity_contact')}
          {sharedCategories.map(categoryBox)}
        </fieldset>
        <fieldset className="checkbox-group equity-choice" aria-describedby={`${id}-equity-hint`}>
          <legend>{t('consent.equityLegend')}</legend>
          <p id={`${id}-equity-hint`} className="field-hint">
            {t('consent.equityHint')}
          </p>
          {form.inlineErrors('category-equity')}
          {categoryBox('equity')}
        </fieldset>
        <SelectField
          form={form}
          name="purpose"
          label={t('consent.purpose')}
          value={draft.purpose}
          placeholder={t('intake.choose')}
          onChange={(purpose) => set({ purpose })}
          choices={consentPurposes.map((p) => ({ value: p, label: t(key.purpose(p)) }))}
        />
        <ConsentMethodField
          form={form}
          name="method"
          label={t('consent.methodQuestion')}
          value={draft.method}
          onChange={(method) => set({ method })}
        />
        <ConsentEvidenceField form={form} value={draft.evidence} onChange={(evidence) => set({ evidence })} rows={3} />
        <DateField
          form={form}
          name="expiresOn"
          label={t('consent.expiresOn')}
          hint={t('consent.expiresOnHint', { years: CONSENT_MAX_YEARS })}
          value={draft.expiresOn}
          onChange={(expiresOn) => set({ expiresOn })}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('consent.grant')}
          </button>
        </div>
      </form>
    </section>
  );
}

function RevokeForm({
  client,
  consent,
  csrfToken,
  onDone,
  onCancel,
}: {
  client: ClientView;
  consent: Consent;
  csrfToken: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [method, setMethod] = useState<StaffConsentMethod | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (method === '') {
      form.fail([{ key: 'method', message: t('consent.error.revokeMethod'), fields: ['revokeMethod'] }]);
      return;
    }
    setBusy(true);
    revokeConsent(
      client.id,
      consent.id,
      { method, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      csrfToken,
    ).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail([failureOf(error, t)]);
    });
  };

  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('consent.revokeOf', { name: consent.organizationName })}
      </h3>
      <p>{t('consent.revokeLead', { name: consent.organizationName })}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <ConsentMethodField
          form={form}
          name="revokeMethod"
          label={t('consent.revokeMethod')}
          value={method}
          onChange={setMethod}
        />
        <TextAreaField
          form={form}
          name="revokeReason"
          label={t('consent.revokeReason')}
          hint={t('intake.optional')}
          value={reason}
          onChange={setReason}
          maxLength={500}
          rows={3}
        />
        <div className="form-actions">
          <button type="submit" className="button button-danger">
            {t('consent.revokeSubmit')}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('account.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

// The fields every consent form asks the same way (granting, revoking, a transfer's consent).

// How the client gave (or withdrew) their consent.
export function ConsentMethodField({
  form,
  name,
  label,
  value,
  onChange,
}: {
  form: Form;
  name: string;
  label: string;
  value: string;
  onChange: (method: StaffConsentMethod | '') => void;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      form={form}
      name={name}
      label={label}
      value={value}
      placeholder={t('intake.choose')}
      onChange={(v) => onChange(staffConsentMethods.find((m) => m === v) ?? '')}
      choices={staffConsentMethods.map((m) => ({ value: m, label: t(key.method(m)) }))}
    />
  );
}

// What shows the consent was given.
export function ConsentEvidenceField({
  form,
  value,
  onChange,
  rows,
}: {
  form: Form;
  value: string;
  onChange: (evidence: string) => void;
  rows: number;
}) {
  const { t } = useI18n();
  return (
    <TextAreaField
      form={form}
      name="evidence"
      label={t('consent.evidence')}
      hint={t('consent.evidenceHint')}
      value={value}
      onChange={onChange}
      maxLength={500}
      rows={rows}
    />
  );
}

// One part of the file, ticked when the client agrees to share it.
export function ConsentCategoryBox({
  form,
  category,
  checked,
  onChange,
}: {
  form: Form;
  category: ConsentCategory;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="field-check">
      <input
        id={form.fieldId(`category-${category}`)}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={form.fieldId(`category-${category}`)}>{t(key.category(category))}</label>
    </div>
  );
}

// The client's consent a handoff carries (a transfer, a referral): the parts of the file, how it was
// given and what shows it. Nothing is pre-selected.
export function HandoffConsentFields({
  form,
  legend,
  hint,
  categories,
  onCategories,
  method,
  onMethod,
  evidence,
  onEvidence,
  only,
}: {
  form: Form;
  legend: string;
  hint: string;
  // The categories this handoff may share (an employer: identity and contact, employment); all by default.
  only?: readonly ConsentCategory[];
  categories: ConsentCategory[];
  onCategories: (categories: ConsentCategory[]) => void;
  method: StaffConsentMethod | '';
  onMethod: (method: StaffConsentMethod | '') => void;
  evidence: string;
  onEvidence: (evidence: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <fieldset
        className="checkbox-group"
        aria-describedby={[form.fieldId('categories-hint'), form.describedBy('category-identity_contact')]
          .filter(Boolean)
          .join(' ')}
      >
        <legend>{legend}</legend>
        <p id={form.fieldId('categories-hint')} className="field-hint">
          {hint}
        </p>
        {form.inlineErrors('category-identity_contact')}
        {(only ?? consentCategories).map((category) => (
          <ConsentCategoryBox
            key={category}
            form={form}
            category={category}
            checked={categories.includes(category)}
            onChange={(on) => onCategories(on ? [...categories, category] : categories.filter((c) => c !== category))}
          />
        ))}
      </fieldset>
      <ConsentMethodField
        form={form}
        name="method"
        label={t('consent.methodQuestion')}
        value={method}
        onChange={onMethod}
      />
      <ConsentEvidenceField form={form} value={evidence} onChange={onEvidence} rows={2} />
    </>
  );
}

// What a handoff's consent fields still lack (a transfer's always, a referral's once any is filled in).
export function handoffConsentProblems(
  consent: { categories: readonly ConsentCategory[]; method: string; evidence: string },
  t: T,
): FormError[] {
  const problems: FormError[] = [];
  if (consent.categories.length === 0)
    problems.push({
      key: 'categories',
      message: t('transfers.error.categories'),
      fields: ['category-identity_contact'],
    });
  if (consent.method === '') problems.push({ key: 'method', message: t('transfers.error.method'), fields: ['method'] });
  if (consent.evidence.trim() === '')
    problems.push({ key: 'evidence', message: t('transfers.error.evidence'), fields: ['evidence'] });
  return problems;
}
