import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { updateClient, type ClientPatch } from '../../api-case.ts';
import type { ClientView, DuplicateMatch } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  DateField,
  datePartsOf,
  emptyDate,
  isoDate,
  SelectField,
  TextField,
  useForm,
  type DateParts,
  type FormError,
} from '../../components/form.tsx';
import { formErrorsOf, useNotice } from '../../components/section-state.tsx';
import {
  barrierKinds,
  barrierStatuses,
  educationLevels,
  incomeSources,
  key,
  literacyLevels,
  todayInToronto,
} from './client-text.ts';
import { MatchList } from './intake-matches.tsx';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';

type BarrierKind = (typeof barrierKinds)[number];
type BarrierStatus = (typeof barrierStatuses)[number];

export function EditClientPage() {
  return <ClientSubPage section="edit">{(scope) => <EditRecord {...scope} />}</ClientSubPage>;
}

type Draft = {
  givenName: string;
  familyName: string;
  dateOfBirth: DateParts;
  preferredName: string;
  pronouns: string;
  preferredLanguage: 'en' | 'fr';
  email: string;
  phone: string;
  streetAddress: string;
  postalCode: string;
  educationLevel: string;
  literacyNumeracy: string;
  incomeSource: string;
  barriers: Partial<Record<BarrierKind, BarrierStatus>>;
};

function draftOf(client: ClientView): Draft {
  const i = client.identityContact;
  const e = client.employment;
  const a = client.assessment;
  return {
    givenName: i?.givenName ?? '',
    familyName: i?.familyName ?? '',
    dateOfBirth: i?.dateOfBirth ? datePartsOf(i.dateOfBirth) : emptyDate,
    preferredName: i?.preferredName ?? '',
    pronouns: i?.pronouns ?? '',
    preferredLanguage: i?.preferredLanguage ?? 'en',
    email: i?.email ?? '',
    phone: i?.phone ?? '',
    streetAddress: i?.streetAddress ?? '',
    postalCode: i?.postalCode ?? '',
    educationLevel: e?.educationLevel ?? '',
    literacyNumeracy: e?.literacyNumeracy ?? '',
    incomeSource: a?.incomeSource ?? '',
    barriers: Object.fromEntries((a?.barriers ?? []).map((b) => [b.kind, b.status])),
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^[0-9 +().-]{7,30}$/;
const postalCodePattern = /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/;
const namePattern = /[0-9@<>{}[\]\\/|]/;

// Only what changed, and only of the categories the caller may see; an emptied optional field is null.
function patchOf(before: Draft, after: Draft, client: ClientView): ClientPatch {
  const patch: Record<string, unknown> = {};
  const text = (field: 'preferredName' | 'pronouns' | 'email' | 'phone' | 'streetAddress' | 'postalCode') => {
    if (after[field].trim() !== before[field].trim())
      patch[field] = after[field].trim() === '' ? null : after[field].trim();
  };
  if (client.identityContact) {
    if (after.givenName.trim() !== before.givenName) patch.givenName = after.givenName.trim();
    if (after.familyName.trim() !== before.familyName) patch.familyName = after.familyName.trim();
    const born = isoDate(after.dateOfBirth);
    if (born && born !== isoDate(before.dateOfBirth)) patch.dateOfBirth = born;
    if (after.preferredLanguage !== before.preferredLanguage) patch.preferredLanguage = after.preferredLanguage;
    for (const field of ['preferredName', 'pronouns', 'email', 'phone', 'streetAddress', 'postalCode'] as const)
      text(field);
  }
  if (client.employment) {
    if (after.educationLevel !== before.educationLevel) patch.educationLevel = after.educationLevel;
    if (after.literacyNumeracy !== before.literacyNumeracy) patch.literacyNumeracy = after.literacyNumeracy;
  }
  if (client.assessment) {
    if (after.incomeSource !== before.incomeSource) patch.incomeSource = after.incomeSource;
    const changed = barrierKinds.some((k) => after.barriers[k] !== before.barriers[k]);
    if (changed)
      patch.barriers = barrierKinds.flatMap((kind) =>
        after.barriers[kind] ? [{ kind, status: after.barriers[kind] }] : [],
      );
  }
  return patch as ClientPatch;
}

function check(draft: Draft, client: ClientView, t: ReturnType<typeof useI18n>['t']): FormError[] {
  const errors: FormError[] = [];
  if (client.identityContact) {
    for (const field of ['givenName', 'familyName'] as const) {
      const value = draft[field].trim();
      if (value === '')
        errors.push({
          key: field,
          message: t(field === 'givenName' ? 'clients.error.givenName' : 'clients.error.familyName'),
          fields: [field],
        });
      else if (value.length > 100 || namePattern.test(value))
        errors.push({ key: field, message: t('clients.error.nameCharacters'), fields: [field] });
    }
    const born = isoDate(draft.dateOfBirth);
    if (!born || born <= '1900-01-01' || born > todayInToronto())
      errors.push({ key: 'dateOfBirth', message: t('edit.error.dateOfBirth'), fields: ['dateOfBirth'] });
    if (draft.preferredName.trim() !== '' && namePattern.test(draft.preferredName))
      errors.push({ key: 'preferredName', message: t('clients.error.nameCharacters'), fields: ['preferredName'] });
    if (draft.email.trim() !== '' && !emailPattern.test(draft.email.trim()))
      errors.push({ key: 'email', message: t('clients.error.email'), fields: ['email'] });
    if (draft.phone.trim() !== '' && !phonePattern.test(draft.phone.trim()))
      errors.push({ key: 'phone', message: t('clients.error.phone'), fields: ['phone'] });
    if (draft.postalCode.trim() !== '' && !postalCodePattern.test(draft.postalCode.trim()))
      errors.push({ key: 'postalCode', message: t('clients.error.postalCode'), fields: ['postalCode'] });
  }
  return errors;
}

// The main fields of the record, by category, as far as the caller may change them. New facts the
// assessment reads do not change the stream by themselves: the server says when to reassess.
function EditRecord({ client, csrfToken, replaceClient }: ClientScope) {
  const { t } = useI18n();
  const form = useForm();
  const notice = useNotice();
  const before = useRef(draftOf(client));
  const [draft, setDraft] = useState<Draft>(() => draftOf(client));
  const [busy, setBusy] = useState(false);
  const [reassess, setReassess] = useState(false);
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const errors = check(draft, client, t);
    if (errors.length > 0) {
      form.fail(errors);
      return;
    }
    const patch = patchOf(before.current, draft, client);
    if (Object.keys(patch).length === 0) {
      form.fail([{ key: 'nothing', message: t('edit.nothing'), fields: [] }]);
      return;
    }
    setBusy(true);
    updateClient(client.id, patch, csrfToken).then(
      ({ reassessmentSuggested, possibleDuplicates, ...view }) => {
        setBusy(false);
        setMatches(possibleDuplicates);
        form.clear();
        before.current = draftOf(view);
        setDraft(draftOf(view));
        replaceClient(view);
        setReassess(reassessmentSuggested);
        notice.show(reassessmentSuggested ? t('edit.savedReassess') : t('edit.saved'));
      },
      (error: unknown) => {
        setBusy(false);
        const field = (name: string, message: string) => ({ field: name, message });
        form.fail(
          formErrorsOf(error, t, {
            fields: {
              givenName: field('givenName', t('clients.error.nameCharacters')),
              familyName: field('familyName', t('clients.error.nameCharacters')),
              dateOfBirth: field('dateOfBirth', t('edit.error.dateOfBirth')),
              preferredName: field('preferredName', t('clients.error.nameCharacters')),
              email: field('email', t('clients.error.email')),
              phone: field('phone', t('clients.error.phone')),
              postalCode: field('postalCode', t('clients.error.postalCode')),
              streetAddress: field('streetAddress', t('clients.error.tooLong', { max: 200 })),
              pronouns: field('pronouns', t('clients.error.tooLong', { max: 40 })),
            },
            forbidden: t('edit.forbidden'),
          }),
        );
      },
    );
  };

  const group = (title: string, children: ReactNode) => (
    <fieldset className="form-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );

  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('edit.title')}</h2>
      <p>{t('edit.lead')}</p>
      {notice.element}
      {reassess ? (
        <div className="alert alert-warning" role="region" aria-labelledby="reassess-title">
          <h3 id="reassess-title" className="alert-title">
            {t('edit.reassessTitle')}
          </h3>
          <p>{t('edit.reassessBody')}</p>
          <p>
            <Link to={`/clients/${client.id}`} className="button">
              {t('edit.reassessLink')}
            </Link>
          </p>
        </div>
      ) : null}
      {matches.length > 0 ? (
        <div className="alert alert-warning" role="region" aria-labelledby="corrected-matches-title">
          <h3 id="corrected-matches-title" className="alert-title">
            {t('edit.matchesTitle', { count: matches.length })}
          </h3>
          <p>{t('edit.matchesBody')}</p>
          <MatchList matches={matches} ownOrganizationId={client.organizationId} />
        </div>
      ) : null}
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        {client.identityContact
          ? group(
              t('category.identity_contact'),
              <>
                <TextField
                  form={form}
                  name="givenName"
                  label={t('intake.givenName')}
                  value={draft.givenName}
                  onChange={(givenName) => set({ givenName })}
                  maxLength={100}
                  autoComplete="off"
                />
                <TextField
                  form={form}
                  name="familyName"
                  label={t('intake.familyName')}
                  value={draft.familyName}
                  onChange={(familyName) => set({ familyName })}
                  maxLength={100}
                  autoComplete="off"
                />
                <DateField
                  form={form}
                  name="dateOfBirth"
                  label={t('intake.dateOfBirth')}
                  hint={t('edit.dateOfBirthHint')}
                  value={draft.dateOfBirth}
                  onChange={(dateOfBirth) => set({ dateOfBirth })}
                />
                <TextField
                  form={form}
                  name="preferredName"
                  label={t('intake.preferredName')}
                  hint={t('intake.optional')}
                  value={draft.preferredName}
                  onChange={(preferredName) => set({ preferredName })}
                  maxLength={100}
                  autoComplete="off"
                />
                <TextField
                  form={form}
                  name="pronouns"
                  label={t('intake.pronouns')}
                  hint={t('intake.optional')}
                  value={draft.pronouns}
                  onChange={(pronouns) => set({ pronouns })}
                  maxLength={40}
                  autoComplete="off"
                />
                <SelectField
                  form={form}
                  name="preferredLanguage"
                  label={t('intake.preferredLanguage')}
                  value={draft.preferredLanguage}
                  onChange={(v) => set({ preferredLanguage: v === 'fr' ? 'fr' : 'en' })}
                  choices={[
                    { value: 'en', label: t('intake.language.en') },
                    { value: 'fr', label: t('intake.language.fr') },
                  ]}
                />
                <TextField
                  form={form}
                  name="email"
                  type="email"
                  label={t('intake.email')}
                  hint={t('intake.optional')}
                  value={draft.email}
                  onChange={(email) => set({ email })}
                  maxLength={254}
                  autoComplete="off"
                />
                <TextField
                  form={form}
                  name="phone"
                  type="tel"
                  label={t('intake.phone')}
                  hint={t('intake.optional')}
                  value={draft.phone}
                  onChange={(phone) => set({ phone })}
                  maxLength={30}
                  autoComplete="off"
                />
                <TextField
                  form={form}
                  name="streetAddress"
                  label={t('intake.streetAddress')}
                  hint={t('intake.optional')}
                  value={draft.streetAddress}
                  onChange={(streetAddress) => set({ streetAddress })}
                  maxLength={200}
                  autoComplete="off"
                />
                <TextField
                  form={form}
                  name="postalCode"
                  label={t('intake.postalCode')}
                  hint={t('intake.optional')}
                  value={draft.postalCode}
                  onChange={(postalCode) => set({ postalCode })}
                  maxLength={7}
                  autoComplete="off"
                  className="input-short"
                />
              </>,
            )
          : null}
        {client.employment
          ? group(
              t('category.employment'),
              <>
                <SelectField
                  form={form}
                  name="educationLevel"
                  label={t('intake.educationLevel')}
                  value={draft.educationLevel}
                  onChange={(educationLevel) => set({ educationLevel })}
                  choices={educationLevels.map((v) => ({ value: v, label: t(key.education(v)) }))}
                />
                <SelectField
                  form={form}
                  name="literacyNumeracy"
                  label={t('intake.literacyNumeracy')}
                  value={draft.literacyNumeracy}
                  onChange={(literacyNumeracy) => set({ literacyNumeracy })}
                  choices={literacyLevels.map((v) => ({ value: v, label: t(key.literacy(v)) }))}
                />
              </>,
            )
          : null}
        {client.assessment
          ? group(
              t('edit.assessmentGroup'),
              <>
                <SelectField
                  form={form}
                  name="incomeSource"
                  label={t('intake.incomeSource')}
                  value={draft.incomeSource}
                  onChange={(incomeSource) => set({ incomeSource })}
                  choices={incomeSources.map((v) => ({ value: v, label: t(key.income(v)) }))}
                />
                <p className="field-hint">{t('edit.barriersHint')}</p>
                <div className="barrier-grid">
                  {barrierKinds.map((kind) => (
                    <SelectField
                      key={kind}
                      form={form}
                      name={`barrier-${kind}`}
                      label={t(key.barrier(kind))}
                      value={draft.barriers[kind] ?? ''}
                      // A need once recorded stays on the record: it can be resolved, not erased.
                      placeholder={before.current.barriers[kind] ? undefined : t('intake.barrierNone')}
                      onChange={(value) =>
                        set({ barriers: { ...draft.barriers, [kind]: barrierStatuses.find((s) => s === value) } })
                      }
                      choices={barrierStatuses.map((status) => ({
                        value: status,
                        label: t(key.barrierStatus(status)),
                      }))}
                    />
                  ))}
                </div>
              </>,
            )
          : null}
        <div className="form-actions">
          <button type="submit" className="button">
            {t('edit.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
