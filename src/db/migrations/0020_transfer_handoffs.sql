-- A transfer reaches the other side (issue 12): it carries the client's consent by which the receiving
-- agency sees the file while it decides, and the tasks it opens on each side (the receiving agency's
-- acceptance, the sending agency's release), which it closes as it moves on.
alter table transfers add column consent_id uuid references consents (id);
alter table transfers add column accept_task_id uuid references tasks (id);
alter table transfers add column release_task_id uuid references tasks (id);

alter table tasks drop constraint tasks_kind_check;
alter table tasks add constraint tasks_kind_check check (kind in (
  'follow_up', 'check_in', 'review_request', 'transfer_accept', 'transfer_release', 'other'));

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'task_assigned', 'task_overdue', 'note_added', 'assessment_changed', 'team_added', 'caseload_received', 'consent_revoked',
  'access_requested', 'access_answered', 'transfer_requested', 'transfer_accepted', 'transfer_released'));
