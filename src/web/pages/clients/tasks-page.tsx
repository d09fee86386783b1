import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  createTask,
  listClientTasks,
  listTeam,
  listTeamCandidates,
  type Recurrence,
  type TaskKind,
  type TaskPhase,
} from '../../api-case.ts';
import type { ClientView, User } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  DateField,
  datePartsOf,
  emptyDate,
  isDateEmpty,
  isoDate,
  SelectField,
  TextField,
  useForm,
  type FormError,
} from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { PageLinks } from '../../components/admin-kit.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey, manualTaskKinds, recurrences, taskPhases } from './case-text.ts';
import { todayInToronto } from './client-text.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';
import { completedMessage, TaskTable } from './task-table.tsx';

export function TasksPage() {
  return <ClientSubPage section="tasks">{(scope) => <Tasks {...scope} />}</ClientSubPage>;
}

// Follow-ups and recurring check-ins, before and after employment, so none falls through.
function Tasks({ client, user, csrfToken }: ClientScope) {
  const { t, tp, language } = useI18n();
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  // A long history pages, open tasks first (100 a page).
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const tasks = useApi(`client-tasks|${client.id}|${page}|${version}`, (signal) =>
    listClientTasks(client.id, page, signal),
  );
  const pages = tasks.status === 'ready' ? Math.ceil(tasks.data.total / tasks.data.perPage) : 1;
  const items = tasks.status === 'ready' ? tasks.data.items : [];
  const open = items.filter((task) => task.status === 'open');
  const closed = items.filter((task) => task.status !== 'open');
  return (
    <>
      <section aria-labelledby="tasks-title" aria-busy={tasks.status === 'loading'}>
        <h2 id="tasks-title">{t('tasks.openTitle')}</h2>
        {notice.element}
        {tasks.status === 'loading' ? <Loading label={t('tasks.loading')} /> : null}
        {tasks.status === 'error' ? <SectionProblem error={tasks.error} title={t('tasks.loadFailed')} /> : null}
        {tasks.status === 'ready' && open.length === 0 ? <p>{t('tasks.noneOpen')}</p> : null}
        {open.length > 0 ? (
          <TaskTable
            tasks={open}
            caption={tp('tasks.openCaption', open.length)}
            user={user}
            csrfToken={csrfToken}
            onCompleted={(result, outcome) => {
              setVersion((v) => v + 1);
              notice.show(completedMessage(result, outcome, t, language));
            }}
          />
        ) : null}
        {closed.length > 0 ? (
          <>
            <h3>{t('tasks.closedTitle')}</h3>
            <TaskTable
              tasks={closed}
              caption={tp('tasks.closedCaption', closed.length)}
              user={user}
              csrfToken={csrfToken}
              onCompleted={() => undefined}
            />
          </>
        ) : null}
        <PageLinks page={page} pages={pages} link={(p) => `/clients/${client.id}/tasks?page=${p}`} />
      </section>
      <TaskForm
        key={`task-${version}`}
        client={client}
        user={user}
        csrfToken={csrfToken}
        onDone={(title) => {
          setVersion((v) => v + 1);
          notice.show(t('tasks.created', { title }));
        }}
      />
    </>
  );
}

type Draft = {
  title: string;
  kind: TaskKind | '';
  phase: TaskPhase | '';
  dueOn: ReturnType<typeof datePartsOf>;
  recurrence: Recurrence;
  recurUntil: ReturnType<typeof datePartsOf>;
  assignedTo: string;
};

type Assignee = { userId: string; displayName: string; organizationName: string | null };

// Whom a task may go to: the client's active case team (any agency), and at the holding agency its
// staff who work with clients. Another agency's name is shown beside its people.
function useAssignees(client: ClientView, user: User) {
  // The holding agency's staff come from the candidates for the team, for those who may add to it.
  const candidatesOpen = client.can.addTeamMember;
  return useApi(`task-assignees|${client.id}|${user.id}`, async (signal) => {
    const [team, candidates] = await Promise.all([
      listTeam(client.id, signal),
      candidatesOpen ? listTeamCandidates(client.id, signal) : Promise.resolve({ items: [] }),
    ]);
    const out = new Map<string, Assignee>();
    for (const m of team.items) {
      if (m.removedAt === null)
        out.set(m.userId, {
          userId: m.userId,
          displayName: m.displayName,
          organizationName: m.organizationId === user.organizationId ? null : m.organizationName,
        });
    }
    for (const c of candidates.items)
      if (!c.throughConsent && !out.has(c.userId))
        out.set(c.userId, { userId: c.userId, displayName: c.displayName, organizationName: null });
    out.delete(user.id);
    return [...out.values()];
  });
}

function TaskForm({
  client,
  user,
  csrfToken,
  onDone,
}: {
  client: ClientView;
  user: User;
  csrfToken: string;
  onDone: (title: string) => void;
}) {
  const clientId = client.id;
  const { t } = useI18n();
  const form = useForm();
  const assignees = useAssignees(client, user);
  const [draft, setDraft] = useState<Draft>(() => ({
    title: '',
    kind: '',
    phase: '',
    dueOn: datePartsOf(todayInToronto()),
    recurrence: 'none',
    recurUntil: emptyDate,
    assignedTo: '',
  }));
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const others = assignees.status === 'ready' ? assignees.data : [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const today = todayInToronto();
    const dueOn = isoDate(draft.dueOn);
    const until = isDateEmpty(draft.recurUntil) ? undefined : isoDate(draft.recurUntil);
    const problems: FormError[] = [];
    if (draft.title.trim() === '') problems.push({ key: 'title', message: t('tasks.error.title'), fields: ['title'] });
    if (draft.kind === '') problems.push({ key: 'kind', message: t('tasks.error.kind'), fields: ['kind'] });
    if (draft.phase === '') problems.push({ key: 'phase', message: t('tasks.error.phase'), fields: ['phase'] });
    if (!dueOn || dueOn < today) problems.push({ key: 'dueOn', message: t('tasks.error.dueOn'), fields: ['dueOn'] });
    if (
      draft.recurrence !== 'none' &&
      !isDateEmpty(draft.recurUntil) &&
      (!until || (dueOn !== undefined && until < dueOn))
    ) {
      problems.push({ key: 'recurUntil', message: t('tasks.error.recurUntil'), fields: ['recurUntil'] });
    }
    if (problems.length > 0 || draft.kind === '' || draft.phase === '' || !dueOn) {
      form.fail(problems);
      return;
    }
    setBusy(true);
    const title = draft.title.trim();
    createTask(
      clientId,
      {
        title,
        kind: draft.kind,
        phase: draft.phase,
        dueOn,
        recurrence: draft.recurrence,
        ...(draft.recurrence !== 'none' && until ? { recurUntil: until } : {}),
        ...(draft.assignedTo ? { assignedTo: draft.assignedTo } : {}),
      },
      csrfToken,
    ).then(
      () => onDone(title),
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: {
              title: { field: 'title', message: t('tasks.error.title') },
              dueOn: { field: 'dueOn', message: t('tasks.error.dueOn') },
              recurUntil: { field: 'recurUntil', message: t('tasks.error.recurUntil') },
              assignedTo: { field: 'assignedTo', message: t('tasks.error.assignee') },
            },
          }),
        );
      },
    );
  };

  return (
    <section className="editor" aria-labelledby="task-form-title">
      <h2 id="task-form-title">{t('tasks.newTitle')}</h2>
      <p>{t('tasks.newLead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextField
          form={form}
          name="title"
          label={t('tasks.title')}
          hint={t('tasks.titleHint')}
          value={draft.title}
          onChange={(title) => set({ title })}
          maxLength={200}
        />
        <SelectField
          form={form}
          name="kind"
          label={t('tasks.kind')}
          value={draft.kind}
          placeholder={t('intake.choose')}
          onChange={(v) => set({ kind: manualTaskKinds.find((k) => k === v) ?? '' })}
          choices={manualTaskKinds.map((k) => ({ value: k, label: t(caseKey.taskKind(k)) }))}
        />
        <SelectField
          form={form}
          name="phase"
          label={t('tasks.phase')}
          value={draft.phase}
          placeholder={t('intake.choose')}
          onChange={(v) => set({ phase: taskPhases.find((p) => p === v) ?? '' })}
          choices={taskPhases.map((p) => ({ value: p, label: t(caseKey.taskPhase(p)) }))}
        />
        <DateField
          form={form}
          name="dueOn"
          label={t('tasks.dueOn')}
          hint={t('tasks.dueOnHint')}
          value={draft.dueOn}
          onChange={(dueOn) => set({ dueOn })}
        />
        <SelectField
          form={form}
          name="recurrence"
          label={t('tasks.recurrence')}
          value={draft.recurrence}
          onChange={(v) => set({ recurrence: recurrences.find((r) => r === v) ?? 'none' })}
          choices={recurrences.map((r) => ({ value: r, label: t(caseKey.recurrence(r)) }))}
        />
        {draft.recurrence !== 'none' ? (
          <DateField
            form={form}
            name="recurUntil"
            label={t('tasks.recurUntil')}
            hint={t('tasks.recurUntilHint')}
            value={draft.recurUntil}
            onChange={(recurUntil) => set({ recurUntil })}
          />
        ) : null}
        <SelectField
          form={form}
          name="assignedTo"
          label={t('tasks.assignTo')}
          value={draft.assignedTo}
          placeholder={t('tasks.assignToMe', { name: user.displayName })}
          onChange={(assignedTo) => set({ assignedTo })}
          choices={others.map((a) => ({
            value: a.userId,
            label: a.organizationName
              ? t('tasks.assigneeElsewhere', { name: a.displayName, organization: a.organizationName })
              : a.displayName,
          }))}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('tasks.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
