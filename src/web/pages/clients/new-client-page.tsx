import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, createClient, problemFields, searchDuplicateClients, type DuplicateSearch } from '../../api.ts';
import { useDocumentTitle, useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireCan, type StaffPage } from '../../components/require-can.tsx';
import { isoDate, useForm, type FormError } from '../../components/form.tsx';
import { todayInToronto } from './client-text.ts';
import {
  draftFieldOf,
  emptyDraft,
  serverFieldError,
  stepOfField,
  steps,
  toNewClient,
  validateStep,
  type IntakeDraft,
  type Step,
} from './intake-draft.ts';
import { FindStep, type FindResults, type SearchIdKind } from './intake-find-step.tsx';
import { RecordStep } from './intake-record-step.tsx';
import { NeedsStep } from './intake-needs-step.tsx';
import { EquityStep } from './intake-equity-step.tsx';
import { ReviewStep, type Conflict } from './intake-review-step.tsx';

export function NewClientPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="newClient" body={t('clients.notAllowedBody')}>
      {(scope) => <Intake scope={scope} />}
    </RequireCan>
  );
}

const stepTitleKey: Record<Step, MessageKey> = {
  find: 'intake.step.find',
  record: 'intake.step.record',
  needs: 'intake.step.needs',
  equity: 'intake.step.equity',
  review: 'intake.step.review',
};

function failureOf(error: unknown, t: ReturnType<typeof useI18n>['t']): FormError {
  if (error instanceof ApiError && error.kind === 'network')
    return { key: 'network', message: t('error.network'), fields: [] };
  if (error instanceof ApiError && error.code === 'forbidden')
    return { key: 'forbidden', message: t('intake.error.forbidden'), fields: [] };
  if (error instanceof ApiError && error.code === 'rate_limited')
    return { key: 'rate', message: t('error.rateLimited'), fields: [] };
  return { key: 'generic', message: t('error.generic'), fields: [] };
}

// Intake in steps: is this person already known; the record; needs and identifiers; the voluntary
// equity questions; review and submit. What was typed stays while the worker moves between steps, and
// stays in the page only (never in the address or the browser's storage).
function Intake({ scope }: { scope: StaffPage }) {
  const { t, language } = useI18n();
  useDocumentTitle(t('intake.title'));
  const navigate = useNavigate();
  const id = useId();
  const [step, setStep] = useState<Step>('find');
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft(language));
  const [searchIdKind, setSearchIdKind] = useState<SearchIdKind>('ontario_works');
  const [results, setResults] = useState<FindResults>({ status: 'idle' });
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const reveal = useCallback((field: string) => setStep(stepOfField(field)), []);
  const form = useForm({ reveal });
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // A new step is announced by moving focus to its heading, as a new page is.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
  }, [step]);

  const edit = useCallback((change: (draft: IntakeDraft) => IntakeDraft) => setDraft(change), []);
  const goTo = (next: Step) => {
    form.clear();
    moved.current = true;
    setStep(next);
  };
  const today = todayInToronto();
  const continueFrom = (current: Step) => {
    const problems = validateStep(current, draft, t, today, searchIdKind);
    if (problems.length > 0) {
      form.fail(problems);
      return;
    }
    const next = steps[steps.indexOf(current) + 1];
    if (next) goTo(next);
  };
  const back = (current: Step) => {
    const previous = steps[steps.indexOf(current) - 1];
    if (previous) goTo(previous);
  };

  const search = () => {
    const problems = validateStep('find', draft, t, today, searchIdKind);
    if (problems.length > 0) {
      form.fail(problems);
      return;
    }
    form.clear();
    setResults({ status: 'searching' });
    searchDuplicateClients(duplicateSearchOf(draft, searchIdKind), scope.csrfToken).then(
      (matches) => setResults({ status: 'done', matches }),
      (error: unknown) => {
        setResults({ status: 'idle' });
        form.fail([failureOf(error, t)]);
      },
    );
  };

  const submit = () => {
    if (busy) return;
    const everything = (['record', 'needs', 'equity'] as const).flatMap((s) => validateStep(s, draft, t, today));
    if (everything.length > 0) {
      form.fail(everything);
      return;
    }
    if (conflict && reason.trim() === '') {
      form.fail([{ key: 'reason', message: t('intake.error.reason'), fields: ['notADuplicateReason'] }]);
      return;
    }
    const submitted = toNewClient(draft, conflict ? reason : undefined);
    setBusy(true);
    createClient(submitted.body, scope.csrfToken).then(
      (client) => void navigate(`/clients/${client.id}`, { state: { created: true } }),
      (error: unknown) => {
        setBusy(false);
        const fields = problemFields(error);
        if (error instanceof ApiError && error.code === 'conflict' && fields.some((f) => f.field === 'notADuplicate')) {
          // The server names no record in its refusal; the same search the worker ran shows them again.
          searchDuplicateClients(duplicateSearchOf(draft, searchIdKind, false), scope.csrfToken).then(
            (matches) => {
              setConflict({ matches });
              form.fail([
                { key: 'duplicate', message: t('intake.error.possibleDuplicate'), fields: ['notADuplicateReason'] },
              ]);
            },
            (failure: unknown) => form.fail([failureOf(failure, t)]),
          );
          return;
        }
        const placed = fields
          .map((f, i) => {
            const field = draftFieldOf(f.field, submitted);
            return field
              ? { key: `server-${i}`, message: serverFieldError(field, f.code, t), fields: [field] }
              : undefined;
          })
          .filter((e): e is FormError => e !== undefined);
        if (placed.length > 0) form.fail(placed);
        else if (error instanceof ApiError && error.code === 'invalid')
          form.fail([{ key: 'invalid', message: t('error.invalid'), fields: [] }]);
        else form.fail([failureOf(error, t)]);
      },
    );
  };

  const position = steps.indexOf(step) + 1;
  const headingId = `${id}-step`;
  return (
    <>
      <PageHeading>{t('intake.title')}</PageHeading>
      <ol className="wizard-steps" aria-label={t('intake.stepsLabel')}>
        {steps.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i + 1 < position ? 'done' : undefined}>
            {i + 1 < position ? <span className="visually-hidden">{t('intake.stepDone')} </span> : null}
            {t(stepTitleKey[s])}
          </li>
        ))}
      </ol>
      {form.summary}
      <section aria-labelledby={headingId} className="wizard-step">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {t('intake.stepOf', { n: position, total: steps.length })} {t(stepTitleKey[step])}
        </h2>
        {step === 'find' ? (
          <FindStep
            draft={draft}
            edit={(change) => {
              // A changed search is a new question: "continue" is offered only after asking it.
              edit(change);
              setResults({ status: 'idle' });
            }}
            form={form}
            searchIdKind={searchIdKind}
            onSearchIdKind={(kind) => {
              setSearchIdKind(kind);
              setResults({ status: 'idle' });
            }}
            results={results}
            onSearch={search}
            onContinue={() => goTo('record')}
            ownOrganizationId={scope.user.organizationId}
          />
        ) : null}
        {step === 'record' ? (
          <RecordStep
            draft={draft}
            edit={edit}
            form={form}
            onContinue={() => continueFrom('record')}
            onBack={() => back('record')}
          />
        ) : null}
        {step === 'needs' ? (
          <NeedsStep
            draft={draft}
            edit={edit}
            form={form}
            onContinue={() => continueFrom('needs')}
            onBack={() => back('needs')}
          />
        ) : null}
        {step === 'equity' ? (
          <EquityStep
            draft={draft}
            edit={edit}
            form={form}
            onContinue={() => continueFrom('equity')}
            onBack={() => back('equity')}
          />
        ) : null}
        {step === 'review' ? (
          <ReviewStep
            draft={draft}
            form={form}
            busy={busy}
            conflict={conflict}
            reason={reason}
            onReason={setReason}
            onChange={goTo}
            onSubmit={submit}
            onBack={() => back('review')}
            ownOrganizationId={scope.user.organizationId}
          />
        ) : null}
      </section>
    </>
  );
}

// The search the worker runs at step 1; the number is left out when searching again after a refusal,
// since the record may now hold other identifiers.
function duplicateSearchOf(draft: IntakeDraft, kind: SearchIdKind, withId = true): DuplicateSearch {
  const value = draft.externalIds[kind].trim();
  const dateOfBirth = isoDate(draft.dateOfBirth);
  return {
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
    ...(dateOfBirth ? { dateOfBirth } : {}),
    ...(withId && value !== '' ? { externalId: { kind, value } } : {}),
  };
}
