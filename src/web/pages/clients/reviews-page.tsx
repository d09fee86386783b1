import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { answerReview, listReviews, requestReview, type Review, type ReviewOutcome } from '../../api-case.ts';
import { listAssessments, type Assessment } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TextAreaField, useForm, type FormError } from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey, formatDateTime, reviewOutcomes } from './case-text.ts';
import { formatDate, key } from './client-text.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';

export function ReviewsPage() {
  return <ClientSubPage section="reviews">{(scope) => <Reviews {...scope} />}</ClientSubPage>;
}

// Requests to review an assessment, from the client or their worker, and the manager's written
// answer, which the client reads. A manager other than the one who overrode answers.
function Reviews({ client, user, csrfToken }: ClientScope) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  const reviews = useApi(`reviews|${client.id}|${version}`, (signal) => listReviews(client.id, signal));
  const assessments = useApi(`assessments|${client.id}|${version}`, (signal) => listAssessments(client.id, signal));
  const mayAsk = client.can.requestReview;
  const mayAnswer = client.can.answerReview;
  const history = assessments.status === 'ready' ? assessments.data.items : [];
  const current = history[0];
  const changed = (message: string) => {
    setVersion((v) => v + 1);
    notice.show(message);
  };
  return (
    <>
      <section aria-labelledby="reviews-title" aria-busy={reviews.status === 'loading'}>
        <h2 id="reviews-title">{t('reviews.title')}</h2>
        <p>{t('reviews.lead')}</p>
        {notice.element}
        {reviews.status === 'loading' ? <Loading label={t('reviews.loading')} /> : null}
        {reviews.status === 'error' ? <SectionProblem error={reviews.error} title={t('reviews.loadFailed')} /> : null}
        {reviews.status === 'ready' && reviews.data.items.length === 0 ? <p>{t('reviews.none')}</p> : null}
        {reviews.status === 'ready' && reviews.data.items.length > 0 ? (
          <ul className="plain-list review-requests">
            {reviews.data.items.map((review) => (
              <li key={review.id}>
                <ReviewCard review={review} assessment={history.find((a) => a.id === review.assessmentId)} />
                {mayAnswer && review.status === 'open' ? (
                  <AnswerForm
                    clientId={client.id}
                    review={review}
                    overriddenByMe={history.some(
                      (a) => a.id === review.assessmentId && a.kind === 'override' && a.assessedBy === user.id,
                    )}
                    csrfToken={csrfToken}
                    onDone={(answered) =>
                      changed(
                        t('reviews.answered', { outcome: t(caseKey.reviewOutcome(answered.outcome ?? 'upheld')) }),
                      )
                    }
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {mayAsk && current ? (
        <AskForm
          key={`ask-${version}`}
          clientId={client.id}
          assessmentId={current.id}
          csrfToken={csrfToken}
          forClient={false}
          onDone={() => changed(t('reviews.asked'))}
        />
      ) : null}
    </>
  );
}

export function ReviewCard({
  review,
  assessment,
  forClient = false,
}: {
  review: Review;
  assessment: Assessment | undefined;
  forClient?: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <article className="card review">
      <p className="review-meta">
        <span className={`status-tag status-${review.status}`}>
          {review.status === 'open' ? t('reviews.statusOpen') : t('reviews.statusAnswered')}
        </span>{' '}
        {forClient
          ? t('myFile.review.askedOn', { date: formatDateTime(review.createdAt, language) })
          : t(review.requestedVia === 'client_account' ? 'reviews.askedByClient' : 'reviews.askedByStaff', {
              date: formatDateTime(review.createdAt, language),
            })}
      </p>
      {assessment ? (
        <p className="muted">
          {t('reviews.ofAssessment', {
            stream: t(key.stream(assessment.stream)),
            date: formatDate(assessment.assessedOn, language),
          })}
        </p>
      ) : null}
      <h3 className="review-heading">{forClient ? t('myFile.review.yourReason') : t('reviews.reason')}</h3>
      <blockquote className="justification">{review.reason}</blockquote>
      {review.status === 'answered' && review.answer ? (
        <>
          <h3 className="review-heading">{forClient ? t('myFile.review.answer') : t('reviews.answer')}</h3>
          <p>{review.outcome ? <strong>{t(caseKey.reviewOutcome(review.outcome))}</strong> : null}</p>
          <blockquote className="justification">{review.answer}</blockquote>
          {review.answeredAt ? (
            <p className="muted">{t('reviews.answeredOn', { date: formatDateTime(review.answeredAt, language) })}</p>
          ) : null}
        </>
      ) : (
        <p>{forClient ? t('myFile.review.waiting') : t('reviews.waiting')}</p>
      )}
    </article>
  );
}

export function AskForm({
  clientId,
  assessmentId,
  csrfToken,
  forClient,
  onDone,
}: {
  clientId: string;
  assessmentId: string;
  csrfToken: string;
  forClient: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (reason.trim() === '') {
      form.fail([
        {
          key: 'reason',
          message: forClient ? t('myFile.review.error') : t('reviews.error.reason'),
          fields: ['reviewReason'],
        },
      ]);
      return;
    }
    setBusy(true);
    requestReview(clientId, assessmentId, reason.trim(), csrfToken).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail(
        formErrorsOf(error, t, {
          fields: { reason: { field: 'reviewReason', message: t('reviews.error.reason') } },
          conflict: t('reviews.error.noManager'),
        }),
      );
    });
  };
  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{forClient ? t('myFile.review.title') : t('reviews.askTitle')}</h2>
      <p>{forClient ? t('myFile.review.lead') : t('reviews.askLead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextAreaField
          form={form}
          name="reviewReason"
          label={forClient ? t('myFile.review.reason') : t('reviews.reason')}
          hint={forClient ? t('myFile.review.hint') : t('reviews.reasonHint')}
          value={reason}
          onChange={setReason}
          maxLength={2000}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {forClient ? t('myFile.review.submit') : t('reviews.ask')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AnswerForm({
  clientId,
  review,
  overriddenByMe,
  csrfToken,
  onDone,
}: {
  clientId: string;
  review: Review;
  overriddenByMe: boolean;
  csrfToken: string;
  onDone: (review: Review) => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const [answer, setAnswer] = useState('');
  const [outcome, setOutcome] = useState<ReviewOutcome | ''>('');
  const [busy, setBusy] = useState(false);
  if (overriddenByMe) return <p className="field-hint">{t('reviews.ownOverride')}</p>;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (answer.trim().length < 20)
      problems.push({ key: 'answer', message: t('reviews.error.answer'), fields: ['answer'] });
    if (outcome === '') problems.push({ key: 'outcome', message: t('reviews.error.outcome'), fields: ['outcome'] });
    if (problems.length > 0 || outcome === '') {
      form.fail(problems);
      return;
    }
    setBusy(true);
    answerReview(clientId, review.id, { answer: answer.trim(), outcome }, csrfToken).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail(
        formErrorsOf(error, t, {
          fields: { answer: { field: 'answer', message: t('reviews.error.answer') } },
          forbidden: t('reviews.ownOverride'),
          conflict: t('reviews.error.answeredAlready'),
        }),
      );
    });
  };
  return (
    <section className="editor" aria-labelledby={`answer-${review.id}`}>
      <h3 id={`answer-${review.id}`}>{t('reviews.answerTitle')}</h3>
      <p>{t('reviews.answerLead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextAreaField
          form={form}
          name="answer"
          label={t('reviews.answerLabel')}
          hint={t('reviews.answerHint')}
          value={answer}
          onChange={setAnswer}
          maxLength={4000}
        />
        <fieldset className="radio-group" aria-describedby={form.describedBy('outcome')}>
          <legend>{t('reviews.outcome')}</legend>
          {form.inlineErrors('outcome')}
          {reviewOutcomes.map((o, i) => (
            <div className="field-check" key={o}>
              <input
                id={i === 0 ? form.fieldId('outcome') : form.fieldId(`outcome-${o}`)}
                type="radio"
                name={`outcome-${review.id}`}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              <label htmlFor={i === 0 ? form.fieldId('outcome') : form.fieldId(`outcome-${o}`)}>
                {t(caseKey.reviewOutcome(o))}
              </label>
            </div>
          ))}
        </fieldset>
        {outcome === 'changed' ? (
          <p className="field-hint">
            {t('reviews.changedHint')} <Link to={`/clients/${clientId}`}>{t('reviews.toAssessment')}</Link>
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button">
            {t('reviews.sendAnswer')}
          </button>
        </div>
      </form>
    </section>
  );
}
