import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type Notification,
  type UnreadGroup,
} from '../../api-case.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireSignIn } from '../../components/require-sign-in.tsx';
import { notificationsChanged } from '../../components/notification-count.tsx';
import { SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import type { SessionCan } from '../../api.ts';
import { useApi } from '../../use-api.ts';
import { caseKey, formatDateTime } from '../clients/case-text.ts';

export function NotificationsPage() {
  return (
    <RequireSignIn>
      <Notifications />
    </RequireSignIn>
  );
}

// Where a notification leads: the part of the client's file it is about, or the list it concerns.
export function notificationTarget(n: Notification, can?: SessionCan): string | undefined {
  switch (n.kind) {
    case 'task_assigned':
    case 'task_overdue':
      return n.clientId ? `/clients/${n.clientId}/tasks` : '/tasks';
    case 'note_added':
      return n.clientId ? `/clients/${n.clientId}/notes` : undefined;
    case 'team_added':
    case 'assessment_changed':
      return n.clientId ? `/clients/${n.clientId}` : undefined;
    case 'caseload_received':
      return '/caseload';
    case 'access_requested':
    case 'access_answered':
      return '/access-requests';
    // A transfer: the agency's transfers, incoming and outgoing (the file itself may be out of reach).
    case 'transfer_requested':
    case 'transfer_accepted':
    case 'transfer_released':
      return '/transfers';
    // An overdue release: the agency's transfers; for the system manager, the report of overdue releases.
    case 'transfer_release_overdue':
      return can?.transfers === false && can.reports ? '/reports/assessments#overdue-releases' : '/transfers';
    // A referral: its page, where both sides see where it stands.
    case 'referral_received':
    case 'referral_updated':
    case 'referral_overdue':
      return n.subjectId ? `/referrals/${n.subjectId}` : '/referrals';
    // A listing to confirm: the program's page, where its managers confirm it.
    case 'listing_confirm':
      return n.subjectId ? `/services/${n.subjectId}` : '/tasks';
    // A placement: its page, where both sides see where it stands.
    case 'placement_shared':
    case 'placement_updated':
      return n.subjectId ? `/placements/${n.subjectId}` : '/placements';
    // An employer the agency now leads: the employer's page.
    case 'employer_lead_assigned':
      return n.subjectId ? `/employers/${n.subjectId}` : '/employers';
    // An employer event: its page, where the employers taking part and the agencies see where it stands.
    case 'hiring_event_joined':
    case 'hiring_event_cancelled':
      return n.subjectId ? `/events/${n.subjectId}` : '/events';
    // The consent that opened the file is gone: there is nothing left to open.
    case 'consent_revoked':
      return undefined;
    default: {
      const unknown: never = n.kind;
      return unknown;
    }
  }
}

const groupKeys = {
  task_overdue: 'notifications.group.task_overdue',
  task_assigned: 'notifications.group.task_assigned',
  note_added: 'notifications.group.note_added',
} as const;

// The unread notifications by kind, each with the grouped line of the kinds that come in numbers.
export function notificationGroupLines(unreadByKind: UnreadGroup[]) {
  return unreadByKind.map((g) => ({
    kind: g.kind,
    count: g.count,
    clients: g.clients,
    line: Object.hasOwn(groupKeys, g.kind) ? groupKeys[g.kind as keyof typeof groupKeys] : undefined,
  }));
}

// In-app notifications, in the reader's language: the words come from the kind, never from the
// server, which stores no personal information with them.
function Notifications() {
  const { t, tp, language } = useI18n();
  const session = useSession();
  useDocumentTitle(t('notifications.title'));
  const id = useId();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const notice = useNotice();
  const list = useApi(`notifications|${unreadOnly}|${version}`, (signal) => listNotifications(unreadOnly, signal));
  if (session.status !== 'signedIn') return null;
  const { csrfToken } = session;
  const changed = (message?: string) => {
    setVersion((v) => v + 1);
    notificationsChanged();
    if (message) notice.show(message);
  };
  const markOne = (n: Notification) => {
    setBusy(true);
    markNotificationRead(n.id, csrfToken).then(
      () => {
        setBusy(false);
        changed(t('notifications.markedOne'));
      },
      () => {
        setBusy(false);
        notice.show(t('error.generic'));
      },
    );
  };
  const markAll = () => {
    setBusy(true);
    markAllNotificationsRead(csrfToken).then(
      ({ marked }) => {
        setBusy(false);
        changed(tp('notifications.markedAll', marked));
      },
      () => {
        setBusy(false);
        notice.show(t('error.generic'));
      },
    );
  };
  const data = list.status === 'ready' ? list.data : undefined;
  // The kinds that come in numbers, grouped: several unread of one kind read as one line.
  const groups = notificationGroupLines(data?.unreadByKind ?? []).flatMap(({ line, ...g }) =>
    g.count > 1 && line ? [{ ...g, line }] : [],
  );
  return (
    <>
      <PageHeading>{t('notifications.title')}</PageHeading>
      <p className="lead">{data ? tp('notifications.unread', data.unread) : t('notifications.lead')}</p>
      {notice.element}
      <div className="form-actions">
        <div className="field-check">
          <input
            id={`${id}-unread`}
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.target.checked)}
          />
          <label htmlFor={`${id}-unread`}>{t('notifications.unreadOnly')}</label>
        </div>
        {data && data.unread > 0 ? (
          <button type="button" className="button-secondary" disabled={busy} onClick={markAll}>
            {t('notifications.markAll')}
          </button>
        ) : null}
      </div>
      {groups.length > 0 ? (
        <section aria-labelledby={`${id}-summary`} className="notification-summary">
          <h2 id={`${id}-summary`}>{t('notifications.summaryTitle')}</h2>
          <ul>
            {groups.map((g) => (
              <li key={g.kind}>
                {tp(g.line, g.count, { clients: g.clients })}{' '}
                {g.kind === 'note_added' ? null : <Link to="/tasks">{t('notifications.groupLink')}</Link>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby={`${id}-list`} aria-busy={list.status === 'loading'}>
        <h2 id={`${id}-list`}>{unreadOnly ? t('notifications.unreadTitle') : t('notifications.allTitle')}</h2>
        {list.status === 'loading' ? <Loading label={t('notifications.loading')} /> : null}
        {list.status === 'error' ? <SectionProblem error={list.error} title={t('notifications.loadFailed')} /> : null}
        {data && data.items.length === 0 ? <p>{t('notifications.none')}</p> : null}
        {data && data.items.length > 0 ? (
          <ul className="notification-list">
            {data.items.map((n) => {
              const target = notificationTarget(n, session.can);
              const text =
                n.kind === 'listing_confirm' && n.programName
                  ? t('notifications.listingConfirm', { program: n.programName })
                  : n.kind === 'placement_shared' && n.jobTitle
                    ? t('notifications.placementShared', { job: n.jobTitle })
                    : n.kind === 'placement_updated' && n.jobTitle
                      ? t('notifications.placementUpdated', { job: n.jobTitle })
                      : n.kind === 'employer_lead_assigned' && n.employerName
                        ? t('notifications.employerLead', { employer: n.employerName })
                        : n.kind === 'hiring_event_joined' && n.eventTitle
                          ? t('notifications.eventJoined', { event: n.eventTitle })
                          : n.kind === 'hiring_event_cancelled' && n.eventTitle
                            ? t('notifications.eventCancelled', { event: n.eventTitle })
                            : t(caseKey.notification(n.kind));
              return (
                <li key={n.id} className={n.readAt ? 'notification' : 'notification unread'}>
                  <p>
                    {n.readAt ? null : <span className="tag">{t('notifications.new')}</span>}{' '}
                    {target ? (
                      <Link
                        to={target}
                        onClick={() => {
                          if (!n.readAt)
                            markNotificationRead(n.id, csrfToken).then(notificationsChanged, () => undefined);
                        }}
                      >
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </p>
                  {n.clientId ? (
                    <p className="notification-client">
                      {n.clientName ? t('notifications.about', { name: n.clientName }) : t('notifications.aboutHidden')}
                    </p>
                  ) : null}
                  <p className="muted">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, language)}</time>
                  </p>
                  <div className="row-actions">
                    {n.readAt ? null : (
                      <button type="button" className="button-secondary" disabled={busy} onClick={() => markOne(n)}>
                        {t('notifications.markRead')}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>
    </>
  );
}
