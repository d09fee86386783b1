-- Integrated case management: a client's case team across agencies, typed case notes whose
-- corrections are appended, follow-up tasks and check-ins, and in-app notifications.

create table case_team_members (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  user_id uuid not null references users (id),
  -- The member's organization when added (a member from another agency needs a consent naming it).
  organization_id uuid not null references organizations (id),
  team_role text not null check (team_role in (
    'primary_worker', 'employment_counsellor', 'caseworker', 'job_developer', 'trainer', 'other')),
  added_by uuid references users (id),
  removed_at timestamptz,
  removed_by uuid references users (id),
  removal_reason text check (removal_reason in ('left_team', 'removed', 'handover', 'consent_revoked', 'transferred')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((removed_at is null) = (removal_reason is null))
);
create unique index case_team_members_active_key on case_team_members (client_id, user_id) where removed_at is null;
-- A worker's caseload: their active places on case teams.
create index case_team_members_user_idx on case_team_members (user_id, client_id) where removed_at is null;
create trigger case_team_members_updated_at before update on case_team_members
  for each row execute function set_updated_at();

create table case_notes (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  -- The author's organization: an `agency` note stays with it.
  organization_id uuid not null references organizations (id),
  author_id uuid references users (id),
  kind text not null check (kind in (
    'contact', 'assessment', 'plan', 'referral', 'employer', 'retention', 'life_stabilization', 'transfer', 'other')),
  visibility text not null check (visibility in ('agency', 'case_team', 'client')),
  contact_on date not null,
  body text not null check (length(btrim(body)) between 1 and 10000),
  -- A correction is a new note pointing at the one it corrects, which stays.
  corrects_note_id uuid references case_notes (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index case_notes_client_idx on case_notes (client_id, created_at desc);
create unique index case_notes_one_correction_key on case_notes (corrects_note_id) where corrects_note_id is not null;
create trigger case_notes_no_update before update or delete on case_notes
  for each row execute function consent_history_is_append_only();

create table tasks (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  -- The organization of the person who created it.
  organization_id uuid not null references organizations (id),
  created_by uuid references users (id),
  assigned_to uuid not null references users (id),
  kind text not null check (kind in ('follow_up', 'check_in', 'review_request', 'transfer_release', 'other')),
  -- Check-ins before a job starts and after (retention), as the continuum needs both.
  phase text not null default 'any' check (phase in ('before_employment', 'after_employment', 'any')),
  title text not null check (length(btrim(title)) between 1 and 200),
  due_on date not null,
  recurrence text not null default 'none' check (recurrence in ('none', 'weekly', 'every_2_weeks', 'monthly', 'every_3_months')),
  recur_until date,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  completed_at timestamptz,
  completed_by uuid references users (id),
  -- The occurrence a recurring task follows.
  previous_task_id uuid references tasks (id),
  overdue_notified_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'open') = (completed_at is null)),
  check (recur_until is null or recurrence <> 'none')
);
create index tasks_assignee_open_idx on tasks (assigned_to, due_on) where status = 'open';
create index tasks_client_idx on tasks (client_id, due_on);
create index tasks_overdue_idx on tasks (due_on) where status = 'open' and overdue_notified_at is null;
create unique index tasks_next_occurrence_key on tasks (previous_task_id) where previous_task_id is not null;
create trigger tasks_updated_at before update on tasks
  for each row execute function set_updated_at();

-- In-app notifications: the text is rendered from the kind in the reader's language, so no
-- personal information is stored here beyond the ids.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  kind text not null check (kind in (
    'task_assigned', 'task_overdue', 'note_added', 'assessment_changed', 'team_added', 'caseload_received', 'consent_revoked')),
  client_id uuid references clients (id),
  subject_id uuid,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;
create trigger notifications_updated_at before update on notifications
  for each row execute function set_updated_at();
