import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { getClientSummary, type ClientSummary } from '../../api-case.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey } from './case-text.ts';
import { formatDate, key } from './client-text.ts';
import { Details } from './record-details.tsx';
import { StatusLine } from '../referrals/referrals-page.tsx';
import { referralTarget } from '../referrals/referral-text.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';
import { NoteCard } from './notes-page.tsx';

export function SummaryPage() {
  return <ClientSubPage section="summary">{(scope) => <Summary {...scope} />}</ClientSubPage>;
}

// The one page a new worker reads after a handover, so the client never has to start over: who they
// are, the stream and why, the last contacts, what is due, and who else works with them.
function Summary({ client }: ClientScope) {
  const { t } = useI18n();
  const summary = useApi(`summary|${client.id}`, (signal) => getClientSummary(client.id, signal));
  return (
    <div aria-busy={summary.status === 'loading'}>
      <p className="lead">{t('summary.lead')}</p>
      {summary.status === 'loading' ? <Loading label={t('summary.loading')} /> : null}
      {summary.status === 'error' ? <SectionProblem error={summary.error} title={t('summary.loadFailed')} /> : null}
      {summary.status === 'ready' ? <SummaryContent summary={summary.data} /> : null}
    </div>
  );
}

function SummaryContent({ summary }: { summary: ClientSummary }) {
  const { t, language } = useI18n();
  const { client, currentAssessment: assessment } = summary;
  const identity = client.identityContact;
  const none = t('intake.notGiven');
  const stream = assessment?.stream ?? client.assessment?.stream ?? client.stream ?? null;
  return (
    <div className="summary-page">
      <section aria-labelledby="summary-about">
        <h2 id="summary-about">{t('summary.about')}</h2>
        <Details
          rows={[
            [t('clients.summary.status'), t(key.clientStatus(client.status))],
            [t('assessment.streamInForce'), stream ? t(key.stream(stream)) : t('assessment.none')],
            ...(identity
              ? ([
                  [t('intake.preferredName'), identity.preferredName ?? none],
                  [t('intake.pronouns'), identity.pronouns ?? none],
                  [
                    t('intake.preferredLanguage'),
                    t(identity.preferredLanguage === 'en' ? 'intake.language.en' : 'intake.language.fr'),
                  ],
                  [
                    t('intake.interpreter'),
                    identity.interpreterNeeded ? (identity.interpreterLanguage ?? t('common.yes')) : t('common.no'),
                  ],
                  [t('intake.phone'), identity.phone ?? none],
                  [t('intake.email'), identity.email ?? none],
                ] as [string, ReactNode][])
              : []),
            ...(client.employment?.goals.statement
              ? [[t('intake.goalStatement'), client.employment.goals.statement] as [string, ReactNode]]
              : []),
          ]}
        />
        <p>
          <Link to={`/clients/${client.id}`}>{t('summary.openFile')}</Link>
        </p>
      </section>
      {assessment ? (
        <section aria-labelledby="summary-assessment">
          <h2 id="summary-assessment">
            {t('summary.assessment', {
              stream: t(key.stream(assessment.stream)),
              date: formatDate(assessment.assessedOn, language),
            })}
          </h2>
          <p>{t(key.streamMeaning(assessment.stream))}</p>
          {assessment.result.factors.some((f) => f.applies) ? (
            <ul className="reasons">
              {assessment.result.factors
                .filter((f) => f.applies)
                .map((f) => (
                  <li key={f.code}>{f.plain[language]}</li>
                ))}
            </ul>
          ) : (
            <p>{t('assessment.noFactor')}</p>
          )}
          {assessment.justification ? (
            <blockquote className="justification">{assessment.justification}</blockquote>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="summary-contacts">
        <h2 id="summary-contacts">{t('summary.contacts')}</h2>
        {summary.lastContacts.length === 0 ? (
          <p>{t('summary.noContacts')}</p>
        ) : (
          <ul className="plain-list note-list">
            {summary.lastContacts.map((note) => (
              <li key={note.id}>
                <NoteCard note={note} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="summary-tasks">
        <h2 id="summary-tasks">{t('summary.tasks')}</h2>
        {summary.openTasks.length === 0 ? (
          <p>{t('tasks.noneOpen')}</p>
        ) : (
          <ul className="plain-list">
            {summary.openTasks.map((task) => (
              <li key={task.id}>
                {t('summary.task', {
                  title: task.title,
                  date: formatDate(task.dueOn, language),
                  who: task.assigneeName,
                })}
                {task.overdue ? (
                  <>
                    {' '}
                    <span className="status-tag status-overdue">{t('tasks.overdue')}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="summary-team">
        <h2 id="summary-team">{t('summary.team')}</h2>
        {summary.team.length === 0 ? (
          <p>{t('team.none')}</p>
        ) : (
          <ul className="plain-list">
            {summary.team.map((m) => (
              <li key={m.id}>
                {t('summary.member', {
                  name: m.displayName,
                  role: t(caseKey.teamRole(m.teamRole)),
                  organization: m.organizationName,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="summary-referrals">
        <h2 id="summary-referrals">{t('summary.referrals')}</h2>
        {summary.openReferrals.length === 0 ? (
          <p>{t('summary.noReferrals')}</p>
        ) : (
          <ul className="plain-list">
            {summary.openReferrals.map((r) => (
              <li key={r.id}>
                <Link to={`/referrals/${r.id}`}>{referralTarget(r, language)}</Link> ({r.to.name}):{' '}
                <StatusLine referral={r} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
