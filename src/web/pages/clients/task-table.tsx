import { useId, useState } from 'react';
import { Link } from 'react-router';
import { completeTask, type Task } from '../../api-case.ts';
import type { SessionCan, User } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formErrorsOf } from '../../components/section-state.tsx';
import { useSession } from '../../session.tsx';
import { caseKey } from './case-text.ts';
import { formatDate } from './client-text.ts';

// Who closes a task (docs/permissions.md 3.9, task.update): its assignee or creator where their roles
// hold `self`, and staff of the organization it belongs to where theirs hold `own`, as the session's
// `can` says.
// Tasks the system opens and closes when their act is done; those with a title in the reader's words.
const systemKinds = [
  'review_request',
  'transfer_accept',
  'transfer_release',
  'referral_respond',
  'referral_start',
  'listing_confirm',
  'placement_review',
  'employer_lead',
] as const;
const titledKinds = [
  'review_request',
  'transfer_accept',
  'transfer_release',
  'listing_confirm',
  'placement_review',
  'employer_lead',
] as const;
function isSystemKind(kind: string): kind is (typeof systemKinds)[number] {
  return (systemKinds as readonly string[]).includes(kind);
}
function isTitledKind(kind: string): kind is (typeof titledKinds)[number] {
  return (titledKinds as readonly string[]).includes(kind);
}

export function mayComplete(
  user: User,
  can: Pick<SessionCan, 'completeOwnTasks' | 'completeAgencyTasks'>,
  task: Task,
): boolean {
  // A review's or a transfer's task closes by that act, never by hand.
  if (task.status !== 'open' || isSystemKind(task.kind)) return false;
  const mine = task.assignedTo === user.id || task.createdBy === user.id;
  return (mine && can.completeOwnTasks) || (task.organizationId === user.organizationId && can.completeAgencyTasks);
}

const nothing = { completeOwnTasks: false, completeAgencyTasks: false };

export type Completed = { task: Task; next: Task | null };

// The part of the file a task is about: a review request is answered on the reviews page.
function taskPath(task: Task): string {
  // A listing to confirm is about a program: its page holds the button that confirms it.
  if (task.employerId) return `/employers/${task.employerId}`;
  if (!task.clientId) return `/services/${task.serviceId ?? ''}`;
  // A candidate to review: the employer's placements (it reads no client file).
  if (task.kind === 'placement_review') return '/placements';
  const part = task.kind === 'review_request' ? 'reviews' : task.kind === 'transfer_release' ? 'transfers' : 'tasks';
  return `/clients/${task.clientId}/${part}`;
}

// Tasks as a table, overdue ones marked in words (not by colour alone), each open one with buttons to
// mark it done or cancel it. A recurring task done gets its next occurrence from the server.
export function TaskTable({
  tasks,
  caption,
  user,
  csrfToken,
  showClient = false,
  onCompleted,
}: {
  tasks: Task[];
  caption: string;
  user: User;
  csrfToken: string;
  showClient?: boolean;
  onCompleted: (completed: Completed, outcome: 'done' | 'cancelled') => void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState<string | undefined>();
  const [failure, setFailure] = useState<{ taskId: string; message: string } | undefined>();
  const session = useSession();
  const can = session.status === 'signedIn' ? session.can : nothing;
  const anyAction = tasks.some((task) => mayComplete(user, can, task));

  const complete = (task: Task, outcome: 'done' | 'cancelled') => {
    setBusy(task.id);
    setFailure(undefined);
    completeTask(task.id, outcome, csrfToken).then(
      (result) => {
        setBusy(undefined);
        onCompleted(result, outcome);
      },
      (error: unknown) => {
        setBusy(undefined);
        setFailure({
          taskId: task.id,
          message:
            formErrorsOf(error, t, { conflict: t('tasks.error.closed'), forbidden: t('tasks.error.forbidden') })[0]
              ?.message ?? t('error.generic'),
        });
      },
    );
  };

  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data-table stack-on-phone">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tasks.task')}</th>
            {showClient ? <th scope="col">{t('tasks.about')}</th> : null}
            <th scope="col">{t('tasks.due')}</th>
            <th scope="col">{t('tasks.repeats')}</th>
            <th scope="col">{t('tasks.assignee')}</th>
            <th scope="col">{t('tasks.status')}</th>
            {anyAction ? <th scope="col">{t('admin.users.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id} className={task.overdue ? 'overdue' : undefined}>
              <th scope="row">
                {/* A system task's title in the reader's words: the stored one is the server's English. */}
                {isTitledKind(task.kind) ? t(`tasks.systemTitle.${task.kind}`) : task.title}
                <br />
                <span className="muted">
                  {t(caseKey.taskKind(task.kind))} · {t(caseKey.taskPhase(task.phase))}
                </span>
                {isSystemKind(task.kind) && task.status === 'open' ? (
                  <>
                    <br />
                    <span className="muted">{t(`tasks.closesItself.${task.kind}`)}</span>
                  </>
                ) : null}
              </th>
              {showClient ? (
                <td data-label={t('tasks.about')}>
                  <Link to={taskPath(task)}>
                    {task.kind === 'placement_review'
                      ? t('tasks.candidates')
                      : task.clientId
                        ? (task.clientName ?? t('tasks.clientFile'))
                        : (task.employerName ?? task.serviceName ?? t('tasks.program'))}
                  </Link>
                </td>
              ) : null}
              <td data-label={t('tasks.due')}>
                <time dateTime={task.dueOn}>{formatDate(task.dueOn, language)}</time>
                {task.overdue && task.status === 'open' ? (
                  <>
                    {' '}
                    <span className="status-tag status-overdue">{t('tasks.overdue')}</span>
                  </>
                ) : null}
              </td>
              <td data-label={t('tasks.repeats')}>
                {t(caseKey.recurrence(task.recurrence))}
                {task.recurUntil ? (
                  <>
                    <br />
                    <span className="muted">{t('tasks.until', { date: formatDate(task.recurUntil, language) })}</span>
                  </>
                ) : null}
              </td>
              <td data-label={t('tasks.assignee')}>
                {task.assignedTo === user.id ? t('tasks.you') : task.assigneeName}
              </td>
              <td data-label={t('tasks.status')}>{t(caseKey.taskStatus(task.status))}</td>
              {anyAction ? (
                <td>
                  {mayComplete(user, can, task) ? (
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={busy === task.id}
                        onClick={() => complete(task, 'done')}
                      >
                        {t('tasks.markDone', { title: task.title })}
                      </button>
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={busy === task.id}
                        onClick={() => complete(task, 'cancelled')}
                      >
                        {t('tasks.cancelTask', { title: task.title })}
                      </button>
                    </div>
                  ) : null}
                  {failure?.taskId === task.id ? <p className="field-error">{failure.message}</p> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// What to say once a task is closed: for a recurring one, when the next is due.
export function completedMessage(
  { task, next }: Completed,
  outcome: 'done' | 'cancelled',
  t: ReturnType<typeof useI18n>['t'],
  language: ReturnType<typeof useI18n>['language'],
): string {
  if (outcome === 'cancelled') return t('tasks.cancelled', { title: task.title });
  return next
    ? t('tasks.doneNext', { title: task.title, date: formatDate(next.dueOn, language) })
    : t('tasks.done', { title: task.title });
}
