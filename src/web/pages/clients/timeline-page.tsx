import { getTimeline, type TimelineEvent } from '../../api-case.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey, formatDateTime } from './case-text.ts';
import { formatDate, key } from './client-text.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';
import { referralKey } from '../referrals/referral-text.ts';
import { placementKey } from '../jobs/job-text.ts';

export function TimelinePage() {
  return <ClientSubPage section="timeline">{(scope) => <Timeline {...scope} />}</ClientSubPage>;
}

// One timeline across every agency of the case team, newest first, built by the server from the parts
// of the file the caller may read. Each line is worded here from the event's values, in the reader's
// language; only people's own words (a note, a reason, a task's title) stay as they were written.
function Timeline({ client }: ClientScope) {
  const { t, language } = useI18n();
  const events = useApi(`timeline|${client.id}`, (signal) => getTimeline(client.id, signal));
  const lines = (e: TimelineEvent): string[] => {
    const d = e.detail;
    const why = d.reason ? [t('timeline.line.because', { reason: d.reason })] : [];
    switch (e.kind) {
      case 'file_opened':
        return [];
      case 'file_status': {
        const change = d.statusChange ? t(`statusChange.${d.statusChange}` as MessageKey) : '';
        return [
          d.closedReason
            ? t('timeline.line.closed', { change, reason: t(caseKey.closedReason(d.closedReason)) })
            : change,
        ];
      }
      case 'assessment': {
        const kind = d.assessmentKind ? t(`assessmentKind.${d.assessmentKind}` as MessageKey) : '';
        const line =
          d.previousStream && d.previousStream !== d.stream
            ? t('timeline.line.streamChange', { kind, from: d.previousStream, to: d.stream ?? '' })
            : t('timeline.line.stream', { kind, stream: d.stream ?? '' });
        return [line, ...why];
      }
      case 'note':
        return [
          t('timeline.line.note', { kind: d.noteKind ? t(caseKey.noteKind(d.noteKind)) : '', body: d.body ?? '' }),
        ];
      case 'consent_granted':
        return [
          t('timeline.line.consent', {
            organization: d.namedOrganization ?? '',
            categories: (d.categories ?? []).map((c) => t(key.category(c))).join(', '),
            purpose: d.purpose ? t(key.purpose(d.purpose)) : '',
            date: d.expiresOn ? formatDate(d.expiresOn, language) : '',
          }),
        ];
      case 'consent_revoked':
        return [t('timeline.line.consentRevoked', { organization: d.namedOrganization ?? '' })];
      case 'team_joined':
        return [
          t('timeline.line.joined', {
            name: d.personName ?? '',
            role: d.teamRole ? t(caseKey.teamRole(d.teamRole)) : '',
          }),
        ];
      case 'team_left':
        return [
          d.removalReason
            ? t('timeline.line.left', { name: d.personName ?? '', reason: t(caseKey.removal(d.removalReason)) })
            : (d.personName ?? ''),
        ];
      case 'task_created':
      case 'task_closed':
        return [
          t('timeline.line.task', {
            status: d.taskStatus ? t(caseKey.taskStatus(d.taskStatus)) : '',
            title: d.taskTitle ?? '',
          }),
        ];
      case 'referral':
        return [
          t('timeline.line.referral', {
            step: d.referralStep
              ? d.referralStep === 'issue_raised' || d.referralStep === 'issue_resolved'
                ? t(d.referralStep === 'issue_raised' ? 'referral.event.issueRaised' : 'referral.event.issueResolved')
                : t(referralKey.status(d.referralStep))
              : '',
            target: d.programName ?? d.namedOrganization ?? '',
          }),
          ...(d.referralReason ? [t(referralKey.reason(d.referralReason))] : []),
        ];
      case 'placement':
        return [
          t('timeline.line.placement', {
            step: d.placementStep ? t(placementKey.status(d.placementStep)) : '',
            job: d.jobTitle ?? '',
            employer: d.namedOrganization ?? '',
          }),
          ...(d.placementReason ? [t(placementKey.reason(d.placementReason))] : []),
        ];
      default:
        return [];
    }
  };
  return (
    <section aria-labelledby="timeline-title" aria-busy={events.status === 'loading'}>
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <p>{t('timeline.lead')}</p>
      {events.status === 'loading' ? <Loading label={t('timeline.loading')} /> : null}
      {events.status === 'error' ? <SectionProblem error={events.error} title={t('timeline.loadFailed')} /> : null}
      {events.status === 'ready' && events.data.length === 0 ? <p>{t('timeline.none')}</p> : null}
      {events.status === 'ready' && events.data.length > 0 ? (
        <ol className="timeline">
          {events.data.map((e) => (
            <li key={`${e.kind}-${e.subjectId}-${e.at}`}>
              <p className="timeline-meta">
                <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
                <span className="tag">{t(caseKey.timeline(e.kind))}</span>
                {e.organizationName ? <span className="muted">{e.organizationName}</span> : null}
              </p>
              {lines(e).map((line, i) => (
                <p key={i} className={i === 0 ? 'timeline-summary' : 'timeline-summary muted'}>
                  {line}
                </p>
              ))}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
