import { useId, useState } from 'react';
import { listMyTasks } from '../../api-case.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey, taskStatuses } from '../clients/case-text.ts';
import { completedMessage, TaskTable } from '../clients/task-table.tsx';
import { RequireCan, type StaffPage } from '../../components/require-can.tsx';

export function MyTasksPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="tasks" body={t('myTasks.notAllowedBody')}>
      {(scope) => <MyTasks {...scope} />}
    </RequireCan>
  );
}

type Status = (typeof taskStatuses)[number];

// The worker's follow-ups across every client, overdue ones first and on a list of their own, so
// nothing falls through; a manager may look at the whole agency's.
function MyTasks({ user, csrfToken, can }: StaffPage) {
  const { t, tp, language } = useI18n();
  useDocumentTitle(t('myTasks.title'));
  const id = useId();
  // The agency's list (task.read in the agency's scope).
  const manager = can.agencyTasks;
  const [scope, setScope] = useState<'mine' | 'agency'>('mine');
  const [status, setStatus] = useState<Status>('open');
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  const overdue = useApi(`tasks-overdue|${scope}|${version}`, (signal) =>
    listMyTasks({ scope, status: 'open', overdue: true }, signal),
  );
  const list = useApi(`tasks|${scope}|${status}|${version}`, (signal) => listMyTasks({ scope, status }, signal));
  const completed = (message: string) => {
    setVersion((v) => v + 1);
    notice.show(message);
  };
  return (
    <>
      <PageHeading>{t('myTasks.title')}</PageHeading>
      <p className="lead">{t('myTasks.lead')}</p>
      {notice.element}
      <div className="search-form">
        {manager ? (
          <div className="field">
            <label htmlFor={`${id}-scope`}>{t('myTasks.scope')}</label>
            <select
              id={`${id}-scope`}
              value={scope}
              onChange={(e) => setScope(e.target.value === 'agency' ? 'agency' : 'mine')}
            >
              <option value="mine">{t('myTasks.scopeMine')}</option>
              <option value="agency">{t('myTasks.scopeAgency')}</option>
            </select>
          </div>
        ) : null}
      </div>
      <section aria-labelledby={`${id}-overdue`} aria-busy={overdue.status === 'loading'}>
        <h2 id={`${id}-overdue`}>{t('myTasks.overdueTitle')}</h2>
        {overdue.status === 'loading' ? <Loading label={t('tasks.loading')} /> : null}
        {overdue.status === 'error' ? <SectionProblem error={overdue.error} title={t('tasks.loadFailed')} /> : null}
        {overdue.status === 'ready' && overdue.data.items.length === 0 ? <p>{t('myTasks.noneOverdue')}</p> : null}
        {overdue.status === 'ready' && overdue.data.items.length > 0 ? (
          <TaskTable
            tasks={overdue.data.items}
            caption={tp('myTasks.overdueCaption', overdue.data.total)}
            user={user}
            csrfToken={csrfToken}
            showClient
            onCompleted={(result, outcome) => completed(completedMessage(result, outcome, t, language))}
          />
        ) : null}
      </section>
      <section aria-labelledby={`${id}-all`} aria-busy={list.status === 'loading'}>
        <h2 id={`${id}-all`}>{t('myTasks.allTitle')}</h2>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('myTasks.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => setStatus(taskStatuses.find((s) => s === e.target.value) ?? 'open')}
          >
            {taskStatuses.map((s) => (
              <option key={s} value={s}>
                {t(caseKey.taskStatus(s))}
              </option>
            ))}
          </select>
        </div>
        {list.status === 'loading' ? <Loading label={t('tasks.loading')} /> : null}
        {list.status === 'error' ? <SectionProblem error={list.error} title={t('tasks.loadFailed')} /> : null}
        {list.status === 'ready' && list.data.items.length === 0 ? <p>{t('myTasks.none')}</p> : null}
        {list.status === 'ready' && list.data.items.length > 0 ? (
          <TaskTable
            tasks={list.data.items}
            caption={tp('myTasks.caption', list.data.total)}
            user={user}
            csrfToken={csrfToken}
            showClient
            onCompleted={(result, outcome) => completed(completedMessage(result, outcome, t, language))}
          />
        ) : null}
      </section>
    </>
  );
}
