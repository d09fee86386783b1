import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  acknowledgePlan,
  addGoal,
  addStep,
  changeGoal,
  changeStep,
  getPlan,
  type Goal,
  type GoalStatus,
  type Plan,
  type PlanPhase,
  type Step,
  type StepStatus,
} from '../../api-case.ts';
import type { User } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  DateField,
  emptyDate,
  isDateEmpty,
  isoDate,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
  type DateParts,
  type FormError,
} from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey, formatDateTime, goalStatuses, planPhases, stepStatuses } from './case-text.ts';
import { formatDate, key } from './client-text.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';

type T = ReturnType<typeof useI18n>['t'];

export function PlanPage() {
  return <ClientSubPage section="plan">{(scope) => <PlanSection {...scope} />}</ClientSubPage>;
}

const linkKey = {
  assessment: 'plan.link.assessment',
  task: 'plan.link.task',
  case_note: 'plan.link.case_note',
  referral: 'plan.link.referral',
} as const;

// The service plan: goals, and steps in the phases of the continuum. Steps run in parallel and in
// any order, so they are shown by phase, never as a sequence to get through.
function PlanSection({ client, user, csrfToken }: ClientScope) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [current, setCurrent] = useState<Plan | undefined>();
  const notice = useNotice();
  const loaded = useApi(`plan|${client.id}|${version}`, (signal) => getPlan(client.id, signal));
  const plan = current ?? (loaded.status === 'ready' ? loaded.data : undefined);
  // Only the holding agency's managers, counsellors and caseworkers write the plan (docs/permissions.md 3.7).
  const editable = client.can.updatePlan;
  const mayAdd = client.can.createPlan;
  const mayAcknowledge = client.can.acknowledgePlan;
  const saved = (next: Plan, message: string) => {
    setCurrent(next);
    notice.show(message);
  };
  const reloadAfterFailure = () => {
    setCurrent(undefined);
    setVersion((v) => v + 1);
    notice.show(t('plan.changeFailed'));
  };

  return (
    <div aria-busy={loaded.status === 'loading' && !plan}>
      {notice.element}
      {loaded.status === 'loading' && !plan ? <Loading label={t('plan.loading')} /> : null}
      {loaded.status === 'error' && !plan ? <SectionProblem error={loaded.error} title={t('plan.loadFailed')} /> : null}
      {plan ? (
        <>
          <PlanView
            plan={plan}
            user={user}
            editor={
              editable
                ? {
                    onGoal: (goal, status) =>
                      changeGoal(client.id, goal.id, { status }, csrfToken).then(
                        (next) => saved(next, t('plan.goalChanged', { status: t(caseKey.goalStatus(status)) })),
                        reloadAfterFailure,
                      ),
                    onStep: (step, status) =>
                      changeStep(client.id, step.id, { status }, csrfToken).then(
                        (next) =>
                          saved(
                            next,
                            t('plan.stepChanged', { title: step.title, status: t(caseKey.stepStatus(status)) }),
                          ),
                        reloadAfterFailure,
                      ),
                  }
                : undefined
            }
          />
          {mayAdd ? (
            <>
              <GoalForm
                key={`goal-${plan.goals.length}`}
                clientId={client.id}
                csrfToken={csrfToken}
                onDone={(next) => saved(next, t('plan.goalAdded'))}
              />
              <StepForm
                key={`step-${plan.steps.length}`}
                clientId={client.id}
                goals={plan.goals}
                csrfToken={csrfToken}
                onDone={(next) => saved(next, t('plan.stepAdded'))}
              />
            </>
          ) : null}
          {mayAcknowledge ? (
            <AcknowledgeForm
              clientId={client.id}
              csrfToken={csrfToken}
              onDone={(next) => saved(next, t('plan.acknowledged'))}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

type Editor = {
  onGoal: (goal: Goal, status: GoalStatus) => Promise<void>;
  onStep: (step: Step, status: StepStatus) => Promise<void>;
};

// The plan as it is: shared by the staff page and the client's own (read-only there).
export function PlanView({
  plan,
  editor,
  forClient = false,
}: {
  plan: Plan;
  user?: User;
  editor?: Editor | undefined;
  forClient?: boolean;
}) {
  const { t, language } = useI18n();
  const ack = plan.acknowledgement;
  // On the client's own page the plan sits under a heading of its own, one level down.
  const Heading = forClient ? 'h3' : 'h2';
  const PhaseHeading = forClient ? 'h4' : 'h3';
  return (
    <>
      <section aria-labelledby="plan-goals">
        <Heading id="plan-goals">{forClient ? t('myFile.plan.goals') : t('plan.goals')}</Heading>
        {plan.goals.length === 0 ? <p>{t('plan.noGoals')}</p> : null}
        <ul className="plain-list goal-list">
          {plan.goals.map((goal) => (
            <li key={goal.id} className="goal">
              <p className="goal-title">{goal.description}</p>
              <p className="muted">
                <span className={`status-tag status-${goal.status}`}>{t(caseKey.goalStatus(goal.status))}</span>
                {goal.targetDate ? ` · ${t('plan.target', { date: formatDate(goal.targetDate, language) })}` : ''}
              </p>
              {editor ? (
                <StatusChanger
                  label={t('plan.goalStatusOf', { goal: goal.description })}
                  value={goal.status}
                  options={goalStatuses}
                  labelOf={(s) => t(caseKey.goalStatus(s))}
                  onSave={(s) => editor.onGoal(goal, s)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="plan-steps">
        <Heading id="plan-steps">{forClient ? t('myFile.plan.steps') : t('plan.steps')}</Heading>
        <p>{t('plan.stepsLead')}</p>
        <div className="phase-grid">
          {planPhases.map((phase) => {
            const steps = plan.steps.filter((s) => s.phase === phase);
            return (
              <section key={phase} className="phase" aria-labelledby={`phase-${phase}`}>
                <PhaseHeading id={`phase-${phase}`}>{t(caseKey.phase(phase))}</PhaseHeading>
                {steps.length === 0 ? (
                  <p className="muted">{t('plan.noSteps')}</p>
                ) : (
                  <ul className="plain-list">
                    {steps.map((step) => (
                      <li key={step.id} className="step">
                        <p className="step-title">{step.title}</p>
                        <p className="muted">
                          <span className={`status-tag status-${step.status}`}>
                            {t(caseKey.stepStatus(step.status))}
                          </span>
                          {stepDates(step, t, language)}
                        </p>
                        {step.goalId ? (
                          <p className="muted">
                            {t('plan.forGoal', {
                              goal: plan.goals.find((g) => g.id === step.goalId)?.description ?? '',
                            })}
                          </p>
                        ) : null}
                        {step.link?.kind === 'referral' ? (
                          <p>
                            <Link to={`/referrals/${step.link.id}`}>{t('plan.link.referralOpen')}</Link>
                          </p>
                        ) : step.link && !forClient ? (
                          <p className="muted">{t(linkKey[step.link.kind])}</p>
                        ) : null}
                        {/* A referral's step follows the referral: it moves on the referral's page. */}
                        {editor && step.link?.kind !== 'referral' ? (
                          <StatusChanger
                            label={t('plan.stepStatusOf', { step: step.title })}
                            value={step.status}
                            options={stepStatuses}
                            labelOf={(s) => t(caseKey.stepStatus(s))}
                            onSave={(s) => editor.onStep(step, s)}
                          />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      </section>
      <section aria-labelledby="plan-agreement">
        <Heading id="plan-agreement">{forClient ? t('myFile.plan.agreement') : t('plan.agreement')}</Heading>
        {ack ? (
          <p>
            {t(
              forClient
                ? ack.agrees
                  ? 'myFile.plan.youAgreed'
                  : 'myFile.plan.youDisagreed'
                : ack.agrees
                  ? 'plan.agrees'
                  : 'plan.disagrees',
              { date: formatDateTime(ack.createdAt, language) },
            )}
            {ack.comment ? (
              <>
                <br />
                <span className="muted">{ack.comment}</span>
              </>
            ) : null}
          </p>
        ) : (
          <p>{t(forClient ? 'myFile.plan.notYet' : 'plan.notAcknowledged')}</p>
        )}
      </section>
    </>
  );
}

function stepDates(step: Step, t: T, language: 'en' | 'fr'): string {
  const parts = [
    step.startsOn ? t('plan.startsOn', { date: formatDate(step.startsOn, language) }) : '',
    step.dueOn ? t('plan.dueOn', { date: formatDate(step.dueOn, language) }) : '',
    step.completedOn ? t('plan.completedOn', { date: formatDate(step.completedOn, language) }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` · ${parts.join(' · ')}` : '';
}

// A status chosen in a list and saved with its own button: choosing alone never sends anything.
function StatusChanger<S extends string>({
  label,
  value,
  options,
  labelOf,
  onSave,
}: {
  label: string;
  value: S;
  options: readonly S[];
  labelOf: (s: S) => string;
  onSave: (s: S) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [chosen, setChosen] = useState<S>(value);
  const [busy, setBusy] = useState(false);
  return (
    <div className="inline-change">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={chosen} onChange={(e) => setChosen(options.find((o) => o === e.target.value) ?? value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button-secondary"
        disabled={busy || chosen === value}
        onClick={() => {
          setBusy(true);
          void onSave(chosen).finally(() => setBusy(false));
        }}
      >
        {t('plan.saveStatus')}
      </button>
    </div>
  );
}

function GoalForm({
  clientId,
  csrfToken,
  onDone,
}: {
  clientId: string;
  csrfToken: string;
  onDone: (plan: Plan) => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const [description, setDescription] = useState('');
  const [target, setTarget] = useState<DateParts>(emptyDate);
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const targetDate = isDateEmpty(target) ? undefined : isoDate(target);
    const problems: FormError[] = [];
    if (description.trim() === '')
      problems.push({ key: 'description', message: t('plan.error.goal'), fields: ['description'] });
    if (!isDateEmpty(target) && !targetDate)
      problems.push({ key: 'targetDate', message: t('plan.error.date'), fields: ['targetDate'] });
    if (problems.length > 0) {
      form.fail(problems);
      return;
    }
    setBusy(true);
    addGoal(clientId, { description: description.trim(), ...(targetDate ? { targetDate } : {}) }, csrfToken).then(
      onDone,
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: {
              description: { field: 'description', message: t('plan.error.goal') },
              targetDate: { field: 'targetDate', message: t('plan.error.date') },
            },
          }),
        );
      },
    );
  };
  return (
    <section className="editor" aria-labelledby="goal-form-title">
      <h2 id="goal-form-title">{t('plan.addGoal')}</h2>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextAreaField
          form={form}
          name="description"
          label={t('plan.goal')}
          hint={t('plan.goalHint')}
          value={description}
          onChange={setDescription}
          maxLength={500}
          rows={2}
        />
        <DateField
          form={form}
          name="targetDate"
          label={t('plan.targetDate')}
          hint={t('intake.optional')}
          value={target}
          onChange={setTarget}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('plan.saveGoal')}
          </button>
        </div>
      </form>
    </section>
  );
}

function StepForm({
  clientId,
  goals,
  csrfToken,
  onDone,
}: {
  clientId: string;
  goals: Goal[];
  csrfToken: string;
  onDone: (plan: Plan) => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const [phase, setPhase] = useState<PlanPhase | ''>('');
  const [title, setTitle] = useState('');
  const [goalId, setGoalId] = useState('');
  const [startsOn, setStartsOn] = useState<DateParts>(emptyDate);
  const [dueOn, setDueOn] = useState<DateParts>(emptyDate);
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const start = isDateEmpty(startsOn) ? undefined : isoDate(startsOn);
    const due = isDateEmpty(dueOn) ? undefined : isoDate(dueOn);
    const problems: FormError[] = [];
    if (phase === '') problems.push({ key: 'phase', message: t('plan.error.phase'), fields: ['stepPhase'] });
    if (title.trim() === '') problems.push({ key: 'title', message: t('plan.error.step'), fields: ['stepTitle'] });
    if (!isDateEmpty(startsOn) && !start)
      problems.push({ key: 'startsOn', message: t('plan.error.date'), fields: ['startsOn'] });
    if (!isDateEmpty(dueOn) && !due)
      problems.push({ key: 'dueOn', message: t('plan.error.date'), fields: ['stepDueOn'] });
    else if (start && due && due < start)
      problems.push({ key: 'dueOn', message: t('plan.error.dueBeforeStart'), fields: ['stepDueOn'] });
    if (problems.length > 0 || phase === '') {
      form.fail(problems);
      return;
    }
    setBusy(true);
    addStep(
      clientId,
      {
        phase,
        title: title.trim(),
        ...(goalId ? { goalId } : {}),
        ...(start ? { startsOn: start } : {}),
        ...(due ? { dueOn: due } : {}),
      },
      csrfToken,
    ).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail(
        formErrorsOf(error, t, {
          fields: {
            title: { field: 'stepTitle', message: t('plan.error.step') },
            dueOn: { field: 'stepDueOn', message: t('plan.error.dueBeforeStart') },
          },
        }),
      );
    });
  };
  return (
    <section className="editor" aria-labelledby="step-form-title">
      <h2 id="step-form-title">{t('plan.addStep')}</h2>
      <p>{t('plan.addStepLead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <SelectField
          form={form}
          name="stepPhase"
          label={t('plan.phase')}
          value={phase}
          placeholder={t('intake.choose')}
          onChange={(v) => setPhase(planPhases.find((p) => p === v) ?? '')}
          choices={planPhases.map((p) => ({ value: p, label: t(caseKey.phase(p)) }))}
        />
        <TextField
          form={form}
          name="stepTitle"
          label={t('plan.step')}
          value={title}
          onChange={setTitle}
          maxLength={200}
        />
        <SelectField
          form={form}
          name="goalId"
          label={t('plan.stepGoal')}
          value={goalId}
          placeholder={t('plan.noGoal')}
          onChange={setGoalId}
          choices={goals.filter((g) => g.status === 'open').map((g) => ({ value: g.id, label: g.description }))}
        />
        <DateField
          form={form}
          name="startsOn"
          label={t('plan.stepStarts')}
          hint={t('intake.optional')}
          value={startsOn}
          onChange={setStartsOn}
        />
        <DateField
          form={form}
          name="stepDueOn"
          label={t('plan.stepDue')}
          hint={t('intake.optional')}
          value={dueOn}
          onChange={setDueOn}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('plan.saveStep')}
          </button>
        </div>
      </form>
    </section>
  );
}

const ackMethods = ['in_person', 'phone', 'written'] as const;

// Staff record how the client answered; the client answers from their own account (forClient), in
// words written for them and with no method to choose.
export function AcknowledgeForm({
  clientId,
  csrfToken,
  onDone,
  forClient = false,
}: {
  clientId: string;
  csrfToken: string;
  onDone: (plan: Plan) => void;
  forClient?: boolean;
}) {
  const { t } = useI18n();
  const form = useForm();
  const [agrees, setAgrees] = useState<'' | 'yes' | 'no'>('');
  const [method, setMethod] = useState<(typeof ackMethods)[number] | ''>('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (agrees === '')
      problems.push({
        key: 'agrees',
        message: t(forClient ? 'myFile.plan.error.agrees' : 'plan.error.agrees'),
        fields: ['agrees'],
      });
    if (!forClient && method === '')
      problems.push({ key: 'method', message: t('plan.error.method'), fields: ['ackMethod'] });
    const chosen = forClient ? 'client_account' : method;
    if (problems.length > 0 || chosen === '') {
      form.fail(problems);
      return;
    }
    setBusy(true);
    acknowledgePlan(
      clientId,
      { agrees: agrees === 'yes', method: chosen, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      csrfToken,
    ).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail(formErrorsOf(error, t));
    });
  };
  return (
    <section className="editor" aria-labelledby="ack-form-title">
      {forClient ? (
        <h3 id="ack-form-title">{t('myFile.plan.answerTitle')}</h3>
      ) : (
        <h2 id="ack-form-title">{t('plan.ackTitle')}</h2>
      )}
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <fieldset className="radio-group" aria-describedby={form.describedBy('agrees')}>
          <legend>{t(forClient ? 'myFile.plan.question' : 'plan.ackQuestion')}</legend>
          {form.inlineErrors('agrees')}
          <div className="field-check">
            <input
              id={form.fieldId('agrees')}
              type="radio"
              name="agrees"
              checked={agrees === 'yes'}
              onChange={() => setAgrees('yes')}
            />
            <label htmlFor={form.fieldId('agrees')}>{t(forClient ? 'myFile.plan.yes' : 'plan.ackYes')}</label>
          </div>
          <div className="field-check">
            <input
              id={form.fieldId('agrees-no')}
              type="radio"
              name="agrees"
              checked={agrees === 'no'}
              onChange={() => setAgrees('no')}
            />
            <label htmlFor={form.fieldId('agrees-no')}>{t(forClient ? 'myFile.plan.no' : 'plan.ackNo')}</label>
          </div>
        </fieldset>
        {forClient ? null : (
          <SelectField
            form={form}
            name="ackMethod"
            label={t('plan.ackMethod')}
            value={method}
            placeholder={t('intake.choose')}
            onChange={(v) => setMethod(ackMethods.find((m) => m === v) ?? '')}
            choices={ackMethods.map((m) => ({ value: m, label: t(key.method(m)) }))}
          />
        )}
        <TextAreaField
          form={form}
          name="ackComment"
          label={t(forClient ? 'myFile.plan.comment' : 'plan.ackComment')}
          hint={t(forClient ? 'myFile.plan.commentHint' : 'intake.optional')}
          value={comment}
          onChange={setComment}
          maxLength={1000}
          rows={3}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t(forClient ? 'myFile.plan.send' : 'plan.ackSave')}
          </button>
        </div>
      </form>
    </section>
  );
}
