-- Closed-loop referrals (issue 13): a worker refers a client to a program in the directory, or to a
-- named specialist at another agency. Both sides see every step of it, with its time; the deadlines
-- to acknowledge and to start come from a versioned referral policy, recorded on each referral.
create table referrals (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  from_organization_id uuid not null references organizations (id),
  to_organization_id uuid not null references organizations (id),
  -- The program referred to, or the named specialist (the generalist-specialist pattern), or both.
  service_id uuid references services (id),
  to_user_id uuid references users (id),
  sent_by uuid references users (id),
  -- The receiving worker who last answered it (accepted, enrolled…): the sender's counterpart.
  handled_by uuid references users (id),
  note text check (length(btrim(note)) between 1 and 2000),
  status text not null default 'sent' check (status in ('sent', 'received', 'accepted', 'declined', 'waitlisted',
    'enrolled', 'attending', 'completed', 'dropped', 'withdrawn')),
  -- Why it was declined, dropped or withdrawn (coded, with the person's words beside it).
  reason text check (reason in ('no_capacity', 'not_eligible', 'could_not_contact', 'no_longer_interested',
    'referred_elsewhere', 'other')),
  reason_note text check (length(btrim(reason_note)) between 1 and 1000),
  -- An issue raised by either side, open until it is resolved.
  issue_open boolean not null default false,
  -- The client's consent by which the receiving agency reaches the file (null: one was in force already,
  -- or the referral stays within the agency holding the file).
  consent_id uuid references consents (id),
  -- The plan step that carries the referral on the client's plan.
  plan_step_id uuid references plan_steps (id),
  -- The referral policy version that set the deadlines, and the deadlines (Toronto business days).
  policy_version text not null,
  acknowledge_due_on date not null,
  first_service_due_on date,
  received_at timestamptz,
  accepted_at timestamptz,
  enrolled_at timestamptz,
  closed_at timestamptz,
  -- The receiving side's task to answer, then to start the service.
  respond_task_id uuid references tasks (id),
  start_task_id uuid references tasks (id),
  -- When a missed deadline was announced to both sides: once each.
  acknowledge_overdue_notified_at timestamptz,
  first_service_overdue_notified_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (service_id is not null or to_user_id is not null),
  check ((status in ('declined', 'completed', 'dropped', 'withdrawn')) = (closed_at is not null)),
  check ((status in ('declined', 'dropped')) <= (reason is not null)),
  check (reason is null or status in ('declined', 'dropped', 'withdrawn')),
  check ((accepted_at is null) = (first_service_due_on is null))
);
-- An agency's inbox and outbox, newest first; open ones by status.
create index referrals_to_idx on referrals (to_organization_id, created_at desc, id);
create index referrals_from_idx on referrals (from_organization_id, created_at desc, id);
create index referrals_client_idx on referrals (client_id, created_at desc);
create index referrals_service_idx on referrals (service_id, status) where service_id is not null;
-- One open referral of a client to the same program at a time.
create unique index referrals_one_open_key on referrals (client_id, service_id)
  where service_id is not null and closed_at is null;
create index referrals_acknowledge_due_idx on referrals (acknowledge_due_on)
  where status = 'sent' and acknowledge_overdue_notified_at is null;
create index referrals_first_service_due_idx on referrals (first_service_due_on)
  where status = 'accepted' and first_service_overdue_notified_at is null;
create trigger referrals_updated_at before update on referrals
  for each row execute function set_updated_at();

-- Every step of a referral, appended, with who took it and from which agency: the history both sides see.
create table referral_events (
  id uuid primary key default gen_random_uuid(),
  -- The order steps were taken in, where several share a moment (one request, or a test's clock).
  seq bigint generated always as identity,
  referral_id uuid not null references referrals (id),
  kind text not null check (kind in ('status', 'issue_raised', 'issue_resolved', 'rated')),
  status text check (status in ('sent', 'received', 'accepted', 'declined', 'waitlisted',
    'enrolled', 'attending', 'completed', 'dropped', 'withdrawn')),
  reason text check (reason in ('no_capacity', 'not_eligible', 'could_not_contact', 'no_longer_interested',
    'referred_elsewhere', 'other')),
  note text check (length(btrim(note)) between 1 and 2000),
  actor_id uuid references users (id),
  organization_id uuid references organizations (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'status') = (status is not null))
);
create index referral_events_referral_idx on referral_events (referral_id, created_at, seq);

-- How well the referral fit, from the receiving worker and from the client: one rating each, changeable.
create table referral_ratings (
  id uuid primary key default gen_random_uuid(),
  referral_id uuid not null references referrals (id),
  rater text not null check (rater in ('receiving_worker', 'client')),
  fit text not null check (fit in ('good', 'partial', 'poor')),
  comment text check (length(btrim(comment)) between 1 and 1000),
  rated_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (referral_id, rater)
);
create trigger referral_ratings_updated_at before update on referral_ratings
  for each row execute function set_updated_at();

alter table plan_steps drop constraint plan_steps_linked_kind_check;
alter table plan_steps add constraint plan_steps_linked_kind_check
  check (linked_kind in ('assessment', 'task', 'case_note', 'referral'));

alter table tasks drop constraint tasks_kind_check;
alter table tasks add constraint tasks_kind_check check (kind in (
  'follow_up', 'check_in', 'review_request', 'transfer_accept', 'transfer_release', 'referral_respond',
  'referral_start', 'other'));

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'task_assigned', 'task_overdue', 'note_added', 'assessment_changed', 'team_added', 'caseload_received', 'consent_revoked',
  'access_requested', 'access_answered', 'transfer_requested', 'transfer_accepted', 'transfer_released',
  'transfer_release_overdue', 'referral_received', 'referral_updated', 'referral_overdue'));
