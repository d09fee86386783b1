-- Handoffs that stall are seen (issue 12): an overdue release is announced once, to both agencies'
-- managers and to the system manager; and staff may choose a daily e-mail digest of their unread
-- notifications, sent through the outbox.
alter table transfers add column release_overdue_notified_at timestamptz;
create index transfers_release_overdue_idx on transfers (release_due_on)
  where status = 'accepted' and release_overdue_notified_at is null;

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'task_assigned', 'task_overdue', 'note_added', 'assessment_changed', 'team_added', 'caseload_received', 'consent_revoked',
  'access_requested', 'access_answered', 'transfer_requested', 'transfer_accepted', 'transfer_released',
  'transfer_release_overdue'));

alter table users add column notification_digest text not null default 'off'
  check (notification_digest in ('off', 'daily'));
alter table users add column digest_sent_on date;
