-- The placement pipeline (issue 14, point 5; docs/placements.md, docs/permissions.md 3.14).
--
-- A worker proposes a client for a job order; the proposal is the agency's own until it is shared with
-- the employer under the client's consent; then either side records the interview, the offer and the
-- end: hired (which opens the employment record the outcomes measure) or not hired, with a coded reason.

create table placements (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  job_order_id uuid not null references job_orders (id),
  -- The job order's employer, kept here so an employer's placements are one index read.
  employer_id uuid not null references organizations (id),
  -- The proposing agency and worker.
  organization_id uuid not null references organizations (id),
  proposed_by uuid references users (id),
  status text not null default 'proposed' check (status in (
    'proposed', 'shared', 'interview', 'offer', 'hired', 'not_hired', 'withdrawn')),
  -- Why not hired, or withdrawn (coded; docs/placements.md).
  reason text check (reason in ('not_selected', 'candidate_declined', 'no_show', 'position_filled',
    'not_qualified', 'consent_withdrawn', 'client_found_other_work', 'other')),
  -- The worker's words to the employer when sharing (no case note: what the client chose to share).
  pitch text check (pitch is null or length(btrim(pitch)) between 1 and 1000),
  -- The consent naming the employer under which it was shared.
  consent_id uuid references consents (id),
  shared_at timestamptz,
  interview_at timestamptz,
  -- The employer's open task (review the candidate), closed by their first answer.
  employer_task_id uuid references tasks (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status in ('not_hired', 'withdrawn')) = (reason is not null)),
  check (status = 'proposed' or status = 'withdrawn' or consent_id is not null)
);
-- One open proposal of a client for a job order.
create unique index placements_open_uniq on placements (client_id, job_order_id)
  where status not in ('hired', 'not_hired', 'withdrawn');
create index placements_client_idx on placements (client_id, created_at desc);
create index placements_agency_idx on placements (organization_id, status, updated_at desc);
create index placements_employer_idx on placements (employer_id, status, updated_at desc) where shared_at is not null;
create index placements_job_idx on placements (job_order_id, status);
create trigger placements_updated_at before update on placements
  for each row execute function set_updated_at();

-- Every step, stamped with who and which side; appended, never changed.
create table placement_events (
  id uuid primary key default gen_random_uuid(),
  placement_id uuid not null references placements (id),
  status text not null check (status in (
    'proposed', 'shared', 'interview', 'offer', 'hired', 'not_hired', 'withdrawn')),
  reason text check (reason in ('not_selected', 'candidate_declined', 'no_show', 'position_filled',
    'not_qualified', 'consent_withdrawn', 'client_found_other_work', 'other')),
  note text check (note is null or length(btrim(note)) between 1 and 1000),
  actor_id uuid references users (id),
  organization_id uuid not null references organizations (id),
  at timestamptz not null default now(),
  -- The order steps were written in (two steps may share a moment).
  seq bigint generated always as identity
);
create index placement_events_placement_idx on placement_events (placement_id, seq);

-- A work placement's evaluation of the trainee by the employer (co-op, internship, work placement,
-- apprenticeship, paid work experience): ratings from 1 (needs much support) to 4 (strong).
create table placement_evaluations (
  id uuid primary key default gen_random_uuid(),
  placement_id uuid not null references placements (id),
  evaluated_by uuid references users (id),
  organization_id uuid not null references organizations (id),
  period_end date not null,
  attendance smallint not null check (attendance between 1 and 4),
  punctuality smallint not null check (punctuality between 1 and 4),
  job_skills smallint not null check (job_skills between 1 and 4),
  teamwork smallint not null check (teamwork between 1 and 4),
  communication smallint not null check (communication between 1 and 4),
  would_hire text not null check (would_hire in ('yes', 'maybe', 'no')),
  comments text check (comments is null or length(btrim(comments)) between 1 and 2000),
  created_at timestamptz not null default now(),
  unique (placement_id, period_end)
);

-- A client's job: what the outcome milestones (1, 3, 6 and 12 months) will be measured on. A hire
-- through a placement opens one; the outcomes issue adds those a client reports.
create table employments (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  placement_id uuid unique references placements (id),
  employer_id uuid references organizations (id),
  -- The agency that recorded it.
  organization_id uuid not null references organizations (id),
  recorded_by uuid references users (id),
  job_title text not null check (length(btrim(job_title)) between 2 and 200),
  noc_code text not null check (noc_code ~ '^[0-9]{5}$'),
  start_date date not null,
  end_date date check (end_date is null or end_date >= start_date),
  hours_per_week numeric(4, 1) not null check (hours_per_week > 0 and hours_per_week <= 80),
  hourly_wage_cents integer not null check (hourly_wage_cents between 1 and 100000),
  created_at timestamptz not null default now()
);
create index employments_client_idx on employments (client_id, start_date desc);

-- A change of an employer's lead agency reaches the new lead's managers as a task about the employer.
alter table tasks add column employer_id uuid references organizations (id);
alter table tasks drop constraint tasks_subject_check;
alter table tasks add constraint tasks_subject_check
  check (client_id is not null or service_id is not null or employer_id is not null);

alter table tasks drop constraint tasks_kind_check;
alter table tasks add constraint tasks_kind_check check (kind in (
  'follow_up', 'check_in', 'review_request', 'transfer_accept', 'transfer_release', 'referral_respond',
  'referral_start', 'listing_confirm', 'placement_review', 'employer_lead', 'other'));

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'task_assigned', 'task_overdue', 'note_added', 'assessment_changed', 'team_added', 'caseload_received', 'consent_revoked',
  'access_requested', 'access_answered', 'transfer_requested', 'transfer_accepted', 'transfer_released',
  'transfer_release_overdue', 'referral_received', 'referral_updated', 'referral_overdue', 'listing_confirm',
  'placement_shared', 'placement_updated', 'employer_lead_assigned'));
