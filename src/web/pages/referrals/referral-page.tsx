import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  getReferral,
  rateReferral,
  referralIssue,
  stepReferral,
  type ReferralDetail,
  type ReferralReason,
  type ReferralStatus,
} from '../../api-referrals.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireSignIn } from '../../components/require-sign-in.tsx';
import { SelectField, TextAreaField, useForm } from '../../components/form.tsx';
import { notificationsChanged } from '../../components/notification-count.tsx';
import { formErrorsOf, useNotice } from '../../components/section-state.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { loadById } from '../../components/back-to-search.tsx';
import { useApi } from '../../use-api.ts';
import { useSession } from '../../session.tsx';
import { NotFoundContent } from '../not-found-page.tsx';
import { formatDateTime } from '../clients/case-text.ts';
import { dueLine, StatusLine } from './referrals-page.tsx';
import { fits, referralKey, referralReasons, referralTarget } from './referral-text.ts';

export function ReferralPage() {
  return (
    <RequireSignIn>
      <ReferralLoader />
    </RequireSignIn>
  );
}

function ReferralLoader() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const loaded = useApi(`referral:${id}`, (signal) => loadById(id, (x) => getReferral(x, signal), 'referral'));
  if (loaded.status === 'error' && loaded.error.status === 404) return <NotFoundContent kind="referral" />;
  if (loaded.status === 'ready') return <Referral key={loaded.data.id} loaded={loaded.data} />;
  return (
    <div aria-busy={loaded.status === 'loading'}>
      <PageHeading ready={loaded.status === 'error'}>
        {loaded.status === 'loading' ? t('referral.loading') : t('referral.error')}
      </PageHeading>
      {loaded.status === 'error' ? <ErrorAlert title={t('referral.error')} error={loaded.error} /> : null}
    </div>
  );
}

// One referral as both agencies see it: where it stands, its deadlines, what the reader may do next,
// and every step with its time, agency and words.
function Referral({ loaded }: { loaded: ReferralDetail }) {
  const { t, language } = useI18n();
  const [referral, setReferral] = useState(loaded);
  const notice = useNotice();
  const r = referral;
  const target = referralTarget(r, language);
  const title = r.clientName
    ? t('referral.titleNamed', { name: r.clientName, target })
    : t('referral.title', { target });
  useDocumentTitle(title);
  const changed = (next: ReferralDetail, message: string) => {
    setReferral(next);
    notificationsChanged();
    notice.show(message);
  };
  const box = r.side === 'sending' ? 'outbox' : 'inbox';
  return (
    <>
      <nav aria-label={t('organization.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          {r.side === 'client' ? null : (
            <li>
              <Link to={`/referrals?box=${box}`}>{t(box === 'inbox' ? 'referrals.inbox' : 'referrals.outbox')}</Link>
            </li>
          )}
          <li aria-current="page">{target}</li>
        </ol>
      </nav>
      <PageHeading>{title}</PageHeading>
      {notice.element}
      <dl className="record-details">
        <div>
          <dt>{t('referral.client')}</dt>
          <dd>
            {r.clientName && r.side !== 'client' ? (
              <Link to={`/clients/${r.clientId}`}>{r.clientName}</Link>
            ) : (
              (r.clientName ?? t('referrals.aClient'))
            )}
          </dd>
        </div>
        <div>
          <dt>{t('referral.status')}</dt>
          <dd>
            <StatusLine referral={r} />
          </dd>
        </div>
        {r.service ? (
          <div>
            <dt>{t('referral.program')}</dt>
            <dd>
              <Link to={`/services/${r.service.id}`}>
                {language === 'fr' && r.service.nameFr ? r.service.nameFr : r.service.name}
              </Link>
            </dd>
          </div>
        ) : null}
        {r.toUser ? (
          <div>
            <dt>{t('referral.specialist')}</dt>
            <dd>{r.toUser.name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('referral.from')}</dt>
          <dd>{r.sentBy ? t('referral.person', { name: r.sentBy.name, agency: r.from.name }) : r.from.name}</dd>
        </div>
        <div>
          <dt>{t('referral.to')}</dt>
          <dd>{r.handledBy ? t('referral.person', { name: r.handledBy.name, agency: r.to.name }) : r.to.name}</dd>
        </div>
        <div>
          <dt>{t('referral.sent')}</dt>
          <dd>{formatDateTime(r.sentAt, language)}</dd>
        </div>
        {r.closedAt === null ? (
          <div>
            <dt>{t('referral.next')}</dt>
            <dd>{dueLine(r, t, language)}</dd>
          </div>
        ) : null}
        {r.reason ? (
          <div>
            <dt>{t('referral.reason')}</dt>
            <dd>
              {t(referralKey.reason(r.reason))}
              {r.reasonNote ? ` — ${r.reasonNote}` : ''}
            </dd>
          </div>
        ) : null}
        {r.note ? (
          <div>
            <dt>{t('referral.note')}</dt>
            <dd>{r.note}</dd>
          </div>
        ) : null}
      </dl>
      {r.nextStatuses.length > 0 ? (
        <NextStep
          referral={r}
          onDone={(next) => changed(next, t('referral.moved', { status: t(referralKey.status(next.status)) }))}
        />
      ) : null}
      {r.canRaiseIssue ? (
        <IssueForm
          referral={r}
          onDone={(next) => changed(next, t(next.issueOpen ? 'referral.issueRaised' : 'referral.issueResolved'))}
        />
      ) : null}
      {r.canRate ? <RatingForm referral={r} onDone={(next) => changed(next, t('referral.rated'))} /> : null}
      <History referral={r} />
    </>
  );
}

function useCsrf(): string {
  const session = useSession();
  return session.status === 'signedIn' ? session.csrfToken : '';
}

// The steps the reader's side may take from here, with a reason where one is needed.
function NextStep({ referral: r, onDone }: { referral: ReferralDetail; onDone: (next: ReferralDetail) => void }) {
  const { t } = useI18n();
  const id = useId();
  const form = useForm();
  const csrfToken = useCsrf();
  const [status, setStatus] = useState<ReferralStatus | ''>('');
  const [reason, setReason] = useState<ReferralReason | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const needsReason = status === 'declined' || status === 'dropped';
  const takesReason = needsReason || status === 'withdrawn';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = [];
    if (status === '')
      problems.push({ key: 'status', message: t('referral.error.status'), fields: [`${id}-${r.nextStatuses[0]}`] });
    if (needsReason && reason === '')
      problems.push({ key: 'reason', message: t('referral.error.reason'), fields: ['reason'] });
    if (problems.length > 0 || status === '') {
      form.fail(problems);
      return;
    }
    setBusy(true);
    stepReferral(
      r.id,
      { status, ...(takesReason && reason ? { reason } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
      csrfToken,
    ).then(
      (next) => {
        setBusy(false);
        setStatus('');
        setReason('');
        setNote('');
        onDone(next);
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(formErrorsOf(error, t, { conflict: t('referral.error.order') }));
      },
    );
  };
  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('referral.nextTitle')}</h2>
      {form.summary}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset className="radio-group">
          <legend>{t('referral.nextQuestion')}</legend>
          {r.nextStatuses.map((s) => (
            <div className="field-check" key={s}>
              <input
                id={`${id}-${s}`}
                type="radio"
                name="status"
                checked={status === s}
                onChange={() => {
                  setStatus(s);
                  form.resolve(`${id}-${r.nextStatuses[0]}`);
                }}
              />
              <label htmlFor={`${id}-${s}`}>{t(referralKey.action(s))}</label>
            </div>
          ))}
        </fieldset>
        {takesReason ? (
          <SelectField
            form={form}
            name="reason"
            label={needsReason ? t('referral.reasonLabel') : t('referral.reasonOptional')}
            value={reason}
            placeholder={t('intake.choose')}
            onChange={(v) => setReason(v as ReferralReason | '')}
            choices={referralReasons.map((x) => ({ value: x, label: t(referralKey.reason(x)) }))}
          />
        ) : null}
        <TextAreaField
          form={form}
          name="stepNote"
          label={t('referral.stepNote')}
          hint={t('intake.optional')}
          value={note}
          onChange={setNote}
          maxLength={1000}
          rows={2}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('referral.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function IssueForm({ referral: r, onDone }: { referral: ReferralDetail; onDone: (next: ReferralDetail) => void }) {
  const { t } = useI18n();
  const id = useId();
  const form = useForm();
  const csrfToken = useCsrf();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const action = r.issueOpen ? 'resolve' : 'raise';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (note.trim() === '') {
      form.fail([{ key: 'note', message: t('referral.error.issueNote'), fields: ['issueNote'] }]);
      return;
    }
    setBusy(true);
    referralIssue(r.id, { action, note: note.trim() }, csrfToken).then(
      (next) => {
        setBusy(false);
        setNote('');
        onDone(next);
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(formErrorsOf(error, t));
      },
    );
  };
  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(r.issueOpen ? 'referral.issueOpenTitle' : 'referral.issueTitle')}</h2>
      <p>{t(r.issueOpen ? 'referral.issueOpenLead' : 'referral.issueLead')}</p>
      {form.summary}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextAreaField
          form={form}
          name="issueNote"
          label={t(r.issueOpen ? 'referral.resolveNote' : 'referral.issueNote')}
          value={note}
          onChange={setNote}
          maxLength={1000}
          rows={2}
        />
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={busy}>
            {t(r.issueOpen ? 'referral.resolve' : 'referral.raise')}
          </button>
        </div>
      </form>
    </section>
  );
}

function RatingForm({ referral: r, onDone }: { referral: ReferralDetail; onDone: (next: ReferralDetail) => void }) {
  const { t } = useI18n();
  const id = useId();
  const form = useForm();
  const csrfToken = useCsrf();
  const mine = r.ratings.find((x) => x.rater === (r.side === 'client' ? 'client' : 'receiving_worker'));
  const [fit, setFit] = useState<(typeof fits)[number] | ''>(mine?.fit ?? '');
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (fit === '') {
      form.fail([{ key: 'fit', message: t('referral.error.fit'), fields: [`${id}-good`] }]);
      return;
    }
    setBusy(true);
    rateReferral(r.id, { fit, ...(comment.trim() ? { comment: comment.trim() } : {}) }, csrfToken).then(
      (next) => {
        setBusy(false);
        onDone(next);
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(formErrorsOf(error, t, { conflict: t('referral.error.notAnswered') }));
      },
    );
  };
  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(r.side === 'client' ? 'referral.rateTitleClient' : 'referral.rateTitle')}</h2>
      {form.summary}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset className="radio-group">
          <legend>{t('referral.fitQuestion')}</legend>
          {fits.map((f) => (
            <div className="field-check" key={f}>
              <input
                id={`${id}-${f}`}
                type="radio"
                name="fit"
                checked={fit === f}
                onChange={() => {
                  setFit(f);
                  form.resolve(`${id}-good`);
                }}
              />
              <label htmlFor={`${id}-${f}`}>{t(referralKey.fit(f))}</label>
            </div>
          ))}
        </fieldset>
        <TextAreaField
          form={form}
          name="fitComment"
          label={t('referral.fitComment')}
          hint={t('intake.optional')}
          value={comment}
          onChange={setComment}
          maxLength={1000}
          rows={2}
        />
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={busy}>
            {t('referral.rate')}
          </button>
        </div>
      </form>
    </section>
  );
}

// Every step, oldest first: when, which agency and who, what, and their words.
function History({ referral: r }: { referral: ReferralDetail }) {
  const { t, language } = useI18n();
  const id = useId();
  const what = (e: ReferralDetail['events'][number]) =>
    e.kind === 'status' && e.status
      ? t(referralKey.status(e.status))
      : t(
          e.kind === 'issue_raised'
            ? 'referral.event.issueRaised'
            : e.kind === 'issue_resolved'
              ? 'referral.event.issueResolved'
              : 'referral.event.rated',
        );
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('referral.history')}</h2>
      <ol className="timeline">
        {r.events.map((e) => (
          <li key={e.id}>
            <p className="timeline-meta">
              <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
              <span className="tag">{what(e)}</span>
              {e.organization ? <span className="muted">{e.organization.name}</span> : null}
            </p>
            {e.actorName ? <p className="timeline-summary">{e.actorName}</p> : null}
            {e.reason ? <p className="timeline-summary">{t(referralKey.reason(e.reason))}</p> : null}
            {e.note ? <p className="timeline-summary muted">{e.note}</p> : null}
          </li>
        ))}
      </ol>
      {r.ratings.length > 0 ? (
        <>
          <h3>{t('referral.ratings')}</h3>
          <ul className="plain-list">
            {r.ratings.map((x) => (
              <li key={x.rater}>
                {t(x.rater === 'client' ? 'referral.ratedByClient' : 'referral.ratedByWorker', {
                  fit: t(referralKey.fit(x.fit)),
                })}
                {x.comment ? ` — ${x.comment}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
