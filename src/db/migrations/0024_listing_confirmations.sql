-- Listings confirmed on a schedule (issue 13, point 2): when a program's listing is about to go stale,
-- its agency's managers are prompted with a task and a notification, and the task closes when the
-- listing is confirmed. Such a task is about a program, not a client: a task names a client or a
-- program.
alter table tasks alter column client_id drop not null;
alter table tasks add column service_id uuid references services (id);
alter table tasks add constraint tasks_subject_check check (client_id is not null or service_id is not null);
create index tasks_service_open_idx on tasks (service_id) where status = 'open' and service_id is not null;

alter table tasks drop constraint tasks_kind_check;
alter table tasks add constraint tasks_kind_check check (kind in (
  'follow_up', 'check_in', 'review_request', 'transfer_accept', 'transfer_release', 'referral_respond',
  'referral_start', 'listing_confirm', 'other'));

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'task_assigned', 'task_overdue', 'note_added', 'assessment_changed', 'team_added', 'caseload_received', 'consent_revoked',
  'access_requested', 'access_answered', 'transfer_requested', 'transfer_accepted', 'transfer_released',
  'transfer_release_overdue', 'referral_received', 'referral_updated', 'referral_overdue', 'listing_confirm'));

-- When the agency was last prompted to confirm the listing (once per confirmation cycle).
alter table services add column confirm_prompted_at timestamptz;
