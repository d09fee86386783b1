import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { getMyFile, getPlan, listNotes, listReviews } from '../../api-case.ts';
import {
  grantConsent,
  listAssessments,
  listConsents,
  revokeConsent,
  type Assessment,
  type ClientView,
  type Consent,
  type ConsentCategory,
  type User,
} from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { OrganizationSelect } from '../../components/admin-kit.tsx';
import {
  DateField,
  emptyDate,
  isoDate,
  SelectField,
  TextAreaField,
  useForm,
  type DateParts,
  type FormError,
} from '../../components/form.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { NotForYourRole } from '../../components/require-admin.tsx';
import { RequireSignIn } from '../../components/require-sign-in.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { loadAllOrganizations } from '../admin/organizations-lookup.ts';
import {
  consentCategories,
  consentPurposes,
  formatDate,
  key,
  sharedCategories,
  todayInToronto,
} from '../clients/client-text.ts';
import { NoteCard } from '../clients/notes-page.tsx';
import { AcknowledgeForm, PlanView } from '../clients/plan-page.tsx';
import { AccessLogSection, ContactSection } from './my-file-more.tsx';
import { AskForm, ReviewCard } from '../clients/reviews-page.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';

export function MyFilePage() {
  return (
    <RequireSignIn>
      <MyFileGate />
    </RequireSignIn>
  );
}

function MyFileGate() {
  const { t } = useI18n();
  const session = useSession();
  if (session.status !== 'signedIn') return null;
  if (!session.can.myFile) return <NotForYourRole body={t('myFile.notAllowedBody')} />;
  return <MyFile user={session.user} csrfToken={session.csrfToken} />;
}

const streamWords = { A: 'myFile.stream.A', B: 'myFile.stream.B', C: 'myFile.stream.C' } as const;

// The client's own file, in plain words and in their language: their stream and why, who their file
// is shared with (to change themselves), their plan, the notes written for them, and a way to ask
// for a review (docs/permissions.md 3.6: the client sees the stream, its reasons and any override).
function MyFile({ user, csrfToken }: { user: User; csrfToken: string }) {
  const { t } = useI18n();
  useDocumentTitle(t('myFile.title'));
  const file = useApi(`my-file|${user.id}`, (signal) => getMyFile(signal));
  return (
    <div aria-busy={file.status === 'loading'}>
      <PageHeading>{t('myFile.title')}</PageHeading>
      <p className="lead">{t('myFile.lead')}</p>
      {file.status === 'loading' ? <Loading label={t('clients.page.loading')} /> : null}
      {file.status === 'error' ? <SectionProblem error={file.error} title={t('clients.page.loadFailed')} /> : null}
      {file.status === 'ready' ? (
        <>
          <nav aria-label={t('myFile.onThisPage')} className="file-nav">
            <ul>
              <li>
                <a href="#my-stream">{t('myFile.streamTitle')}</a>
              </li>
              <li>
                <a href="#my-sharing">{t('myFile.sharingTitle')}</a>
              </li>
              <li>
                <a href="#my-plan">{t('myFile.planTitle')}</a>
              </li>
              <li>
                <a href="#my-notes">{t('myFile.notesTitle')}</a>
              </li>
              <li>
                <a href="#my-contact">{t('myFile.contactTitle')}</a>
              </li>
              {file.data.can.readAccessLog ? (
                <li>
                  <a href="#my-access">{t('myFile.accessTitle')}</a>
                </li>
              ) : null}
            </ul>
          </nav>
          <StreamSection client={file.data} csrfToken={csrfToken} />
          <SharingSection client={file.data} csrfToken={csrfToken} />
          <PlanSection client={file.data} csrfToken={csrfToken} />
          <NotesSection client={file.data} />
          <ContactSection client={file.data} csrfToken={csrfToken} />
          {file.data.can.readAccessLog ? <AccessLogSection client={file.data} /> : null}
        </>
      ) : null}
    </div>
  );
}

function StreamSection({ client, csrfToken }: { client: ClientView; csrfToken: string }) {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  const assessments = useApi(`my-assessments|${client.id}`, (signal) => listAssessments(client.id, signal));
  const reviews = useApi(`my-reviews|${client.id}|${version}`, (signal) => listReviews(client.id, signal));
  const history: Assessment[] = assessments.status === 'ready' ? assessments.data.items : [];
  const current = history[0];
  const open =
    reviews.status === 'ready' && reviews.data.items.some((r) => r.status === 'open' && r.assessmentId === current?.id);
  return (
    <section aria-labelledby="my-stream" aria-busy={assessments.status === 'loading'}>
      <h2 id="my-stream" tabIndex={-1}>
        {t('myFile.streamTitle')}
      </h2>
      {assessments.status === 'loading' ? <Loading label={t('assessment.loading')} /> : null}
      {assessments.status === 'error' ? (
        <SectionProblem error={assessments.error} title={t('assessment.loadFailed')} />
      ) : null}
      {assessments.status === 'ready' && !current ? <p>{t('myFile.notAssessed')}</p> : null}
      {current ? (
        <>
          <div className={`stream-box stream-${current.stream}`} role="group" aria-labelledby="my-stream-label">
            <p id="my-stream-label" className="stream-label">
              {t('myFile.yourStream')}
            </p>
            <p className="stream-value">{t(key.stream(current.stream))}</p>
            <p className="stream-meaning">{t(streamWords[current.stream])}</p>
            <p>{t('myFile.assessedOn', { date: formatDate(current.assessedOn, language) })}</p>
          </div>
          {current.kind === 'override' && current.justification ? (
            <>
              <h3>{t('myFile.changedByManager')}</h3>
              <blockquote className="justification">{current.justification}</blockquote>
            </>
          ) : null}
          <h3>{t('myFile.why')}</h3>
          {current.result.factors.some((f) => f.applies) ? (
            <ul className="reasons">
              {current.result.factors
                .filter((f) => f.applies)
                .map((f) => (
                  <li key={f.code}>{f.plain[language]}</li>
                ))}
            </ul>
          ) : (
            <p>{t('myFile.noReason')}</p>
          )}
          <p className="field-hint">{t('myFile.neverEquity')}</p>
        </>
      ) : null}
      {notice.element}
      {reviews.status === 'ready' && reviews.data.items.length > 0 ? (
        <>
          <h3>{t('myFile.reviewsTitle')}</h3>
          <ul className="plain-list review-requests">
            {reviews.data.items.map((r) => (
              <li key={r.id}>
                <ReviewCard review={r} assessment={history.find((a) => a.id === r.assessmentId)} forClient />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {current && !open ? (
        <AskForm
          key={`ask-${version}`}
          clientId={client.id}
          assessmentId={current.id}
          csrfToken={csrfToken}
          forClient
          onDone={() => {
            setVersion((v) => v + 1);
            notice.show(t('myFile.review.sent'));
          }}
        />
      ) : null}
    </section>
  );
}

function SharingSection({ client, csrfToken }: { client: ClientView; csrfToken: string }) {
  const { t, language } = useI18n();
  const id = useId();
  const [version, setVersion] = useState(0);
  const [withdrawing, setWithdrawing] = useState<Consent | undefined>();
  const notice = useNotice();
  const consents = useApi(`my-consents|${client.id}|${version}`, (signal) => listConsents(client.id, signal));
  const items = consents.status === 'ready' ? consents.data.items : [];
  const changed = (message: string) => {
    setWithdrawing(undefined);
    setVersion((v) => v + 1);
    notice.show(message);
  };
  return (
    <section aria-labelledby="my-sharing" aria-busy={consents.status === 'loading'}>
      <h2 id="my-sharing" tabIndex={-1}>
        {t('myFile.sharingTitle')}
      </h2>
      <p>{t('myFile.sharingLead')}</p>
      {notice.element}
      {consents.status === 'loading' ? <Loading label={t('consent.loading')} /> : null}
      {consents.status === 'error' ? <SectionProblem error={consents.error} title={t('consent.loadFailed')} /> : null}
      {consents.status === 'ready' && items.length === 0 ? <p>{t('myFile.noSharing')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <StackedTable>
            <caption id={`${id}-caption`}>{t('myFile.sharingCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('myFile.who')}</th>
                <th scope="col">{t('myFile.what')}</th>
                <th scope="col">{t('myFile.forWhat')}</th>
                <th scope="col">{t('myFile.until')}</th>
                <th scope="col">{t('consent.status')}</th>
                <th scope="col">{t('myFile.change')}</th>
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
                  <td>{formatDate(c.expiresOn, language)}</td>
                  <td>
                    <span className={`status-tag status-${c.status}`}>{t(key.consentStatus(c.status))}</span>
                    {c.revokedAt ? (
                      <>
                        <br />
                        {t('myFile.withdrawnOn', { date: formatDate(c.revokedAt.slice(0, 10), language) })}
                      </>
                    ) : null}
                  </td>
                  <td>
                    {c.status === 'active' || c.status === 'scheduled' ? (
                      <button type="button" className="button-secondary" onClick={() => setWithdrawing(c)}>
                        {t('myFile.withdraw', { name: c.organizationName })}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      ) : null}
      {withdrawing ? (
        <WithdrawForm
          key={withdrawing.id}
          clientId={client.id}
          consent={withdrawing}
          csrfToken={csrfToken}
          onDone={() => changed(t('myFile.withdrawn', { name: withdrawing.organizationName }))}
          onCancel={() => setWithdrawing(undefined)}
        />
      ) : null}
      <ShareForm
        key={`share-${version}`}
        client={client}
        csrfToken={csrfToken}
        onDone={(c) => changed(t('myFile.shared', { name: c.organizationName }))}
      />
    </section>
  );
}

function WithdrawForm({
  clientId,
  consent,
  csrfToken,
  onDone,
  onCancel,
}: {
  clientId: string;
  consent: Consent;
  csrfToken: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    revokeConsent(
      clientId,
      consent.id,
      { method: 'client_account', ...(reason.trim() ? { reason: reason.trim() } : {}) },
      csrfToken,
    ).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail(formErrorsOf(error, t, { conflict: t('consent.error.alreadyRevoked') }));
    });
  };
  return (
    <section className="confirm editor" aria-labelledby={`withdraw-${consent.id}`}>
      <h3 id={`withdraw-${consent.id}`} ref={heading} tabIndex={-1}>
        {t('myFile.withdrawTitle', { name: consent.organizationName })}
      </h3>
      <p>{t('myFile.withdrawLead', { name: consent.organizationName })}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextAreaField
          form={form}
          name="withdrawReason"
          label={t('myFile.withdrawReason')}
          hint={t('intake.optional')}
          value={reason}
          onChange={setReason}
          maxLength={500}
          rows={3}
        />
        <div className="form-actions">
          <button type="submit" className="button button-danger">
            {t('myFile.withdrawSubmit')}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('myFile.keepSharing')}
          </button>
        </div>
      </form>
    </section>
  );
}

const CONSENT_MAX_YEARS = 3;
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

type ShareDraft = { organizationId: string; categories: ConsentCategory[]; purpose: string; expiresOn: DateParts };

// The client shares parts of their file themself; nothing is chosen for them, equity least of all.
function ShareForm({
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
  const [draft, setDraft] = useState<ShareDraft>({
    organizationId: '',
    categories: [],
    purpose: '',
    expiresOn: emptyDate,
  });
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<ShareDraft>) => setDraft((d) => ({ ...d, ...change }));
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
      problems.push({ key: 'organization', message: t('myFile.error.organization'), fields: ['organizationId'] });
    if (draft.categories.length === 0)
      problems.push({
        key: 'categories',
        message: t('myFile.error.categories'),
        fields: ['category-identity_contact'],
      });
    if (draft.purpose === '')
      problems.push({ key: 'purpose', message: t('myFile.error.purpose'), fields: ['purpose'] });
    if (!expiresOn || expiresOn < today)
      problems.push({ key: 'expiresOn', message: t('myFile.error.until'), fields: ['expiresOn'] });
    else if (expiresOn > addYears(today, CONSENT_MAX_YEARS))
      problems.push({
        key: 'expiresOn',
        message: t('consent.error.tooLong', { years: CONSENT_MAX_YEARS }),
        fields: ['expiresOn'],
      });
    const purpose = consentPurposes.find((p) => p === draft.purpose);
    if (problems.length > 0 || !purpose || !expiresOn) {
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
        method: 'client_account',
        expiresOn,
      },
      csrfToken,
    ).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail(
        formErrorsOf(error, t, {
          fields: {
            organizationId: { field: 'organizationId', message: t('myFile.error.organization') },
            categories: { field: 'category-identity_contact', message: t('myFile.error.categories') },
            expiresOn: { field: 'expiresOn', message: t('myFile.error.until') },
          },
          invalid: t('myFile.error.share'),
        }),
      );
    });
  };

  const box = (category: ConsentCategory) => (
    <div key={category} className="field-check">
      <input
        id={form.fieldId(`category-${category}`)}
        type="checkbox"
        checked={draft.categories.includes(category)}
        onChange={(e) => toggle(category, e.target.checked)}
      />
      <label htmlFor={form.fieldId(`category-${category}`)}>{t(key.category(category))}</label>
    </div>
  );

  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('myFile.shareTitle')}</h3>
      <p>{t('myFile.shareLead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy || organizations.status === 'loading'}>
        <OrganizationSelect
          id={form.fieldId('organizationId')}
          label={t('myFile.shareWith')}
          placeholder={t('intake.choose')}
          value={draft.organizationId}
          onChange={(organizationId) => set({ organizationId })}
          organizations={organizations}
          exclude={[client.organizationId]}
          invalid={form.invalid('organizationId')}
          describedBy={form.describedBy('organizationId')}
          errors={form.inlineErrors('organizationId')}
        />
        <fieldset className="checkbox-group">
          <legend>{t('myFile.sharePartsLegend')}</legend>
          {form.inlineErrors('category-identity_contact')}
          {sharedCategories.map(box)}
        </fieldset>
        <fieldset className="checkbox-group equity-choice" aria-describedby={`${id}-equity`}>
          <legend>{t('myFile.shareEquityLegend')}</legend>
          <p id={`${id}-equity`} className="field-hint">
            {t('myFile.shareEquityHint')}
          </p>
          {box('equity')}
        </fieldset>
        <SelectField
          form={form}
          name="purpose"
          label={t('myFile.sharePurpose')}
          value={draft.purpose}
          placeholder={t('intake.choose')}
          onChange={(purpose) => set({ purpose })}
          choices={consentPurposes
            .filter((p) => p !== 'complaint')
            .map((p) => ({ value: p, label: t(key.purpose(p)) }))}
        />
        <DateField
          form={form}
          name="expiresOn"
          label={t('myFile.shareUntil')}
          hint={t('consent.expiresOnHint', { years: CONSENT_MAX_YEARS })}
          value={draft.expiresOn}
          onChange={(expiresOn) => set({ expiresOn })}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('myFile.shareSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function PlanSection({ client, csrfToken }: { client: ClientView; csrfToken: string }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  const plan = useApi(`my-plan|${client.id}|${version}`, (signal) => getPlan(client.id, signal));
  return (
    <section aria-labelledby="my-plan" aria-busy={plan.status === 'loading'} className="my-plan">
      <h2 id="my-plan" tabIndex={-1}>
        {t('myFile.planTitle')}
      </h2>
      {plan.status === 'loading' ? <Loading label={t('plan.loading')} /> : null}
      {plan.status === 'error' ? <SectionProblem error={plan.error} title={t('plan.loadFailed')} /> : null}
      {notice.element}
      {plan.status === 'ready' ? <PlanView plan={plan.data} forClient /> : null}
      {plan.status === 'ready' &&
      client.can.acknowledgePlan &&
      (plan.data.goals.length > 0 || plan.data.steps.length > 0) ? (
        <AcknowledgeForm
          key={version}
          clientId={client.id}
          csrfToken={csrfToken}
          forClient
          onDone={(answered) => {
            setVersion((v) => v + 1);
            notice.show(t(answered.acknowledgement?.agrees ? 'myFile.plan.thanksAgree' : 'myFile.plan.thanksDisagree'));
          }}
        />
      ) : null}
    </section>
  );
}

function NotesSection({ client }: { client: ClientView }) {
  const { t } = useI18n();
  const notes = useApi(`my-notes|${client.id}`, (signal) => listNotes(client.id, 1, signal));
  return (
    <section aria-labelledby="my-notes" aria-busy={notes.status === 'loading'}>
      <h2 id="my-notes" tabIndex={-1}>
        {t('myFile.notesTitle')}
      </h2>
      <p>{t('myFile.notesLead')}</p>
      {notes.status === 'loading' ? <Loading label={t('notes.loading')} /> : null}
      {notes.status === 'error' ? <SectionProblem error={notes.error} title={t('notes.loadFailed')} /> : null}
      {notes.status === 'ready' && notes.data.items.length === 0 ? <p>{t('myFile.noNotes')}</p> : null}
      {notes.status === 'ready' && notes.data.items.length > 0 ? (
        <ul className="plain-list note-list">
          {notes.data.items.map((note) => (
            <li key={note.id}>
              <NoteCard note={note} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
