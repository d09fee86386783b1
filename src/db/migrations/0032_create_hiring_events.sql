-- Employer events: job fairs, hiring events, networking and information sessions (issue 14, point 6;
-- docs/hiring-events.md, docs/permissions.md 3.14). An event is judged by hires, not sign-ups: it keeps
-- the employers taking part and the job orders they bring, the clients agencies register and whether they
-- came, and the placements proposed from it, whose interviews and hires the event's results count.

create table hiring_events (
  id uuid primary key default gen_random_uuid(),
  -- The host: an agency, or an employer holding its own hiring event.
  organization_id uuid not null references organizations (id),
  created_by uuid references users (id),
  kind text not null check (kind in ('job_fair', 'hiring_event', 'networking', 'information_session')),
  title text not null check (length(btrim(title)) between 3 and 200),
  description text check (description is null or length(btrim(description)) between 1 and 5000),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  online boolean not null default false,
  address text check (address is null or length(btrim(address)) between 3 and 300),
  postal_code text check (postal_code is null or postal_code ~ '^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$'),
  capacity integer check (capacity is null or capacity between 1 and 100000),
  status text not null default 'planned' check (status in ('planned', 'held', 'cancelled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at and ends_at <= starts_at + interval '3 days'),
  check (online or (address is not null and postal_code is not null))
);
create index hiring_events_starts_idx on hiring_events (starts_at, id);
create index hiring_events_host_idx on hiring_events (organization_id, starts_at desc);
create trigger hiring_events_updated_at before update on hiring_events
  for each row execute function set_updated_at();

-- The employers taking part, and who added them.
create table hiring_event_employers (
  event_id uuid not null references hiring_events (id),
  employer_id uuid not null references organizations (id),
  added_by uuid references users (id),
  added_by_organization_id uuid not null references organizations (id),
  added_at timestamptz not null default now(),
  primary key (event_id, employer_id)
);
create index hiring_event_employers_employer_idx on hiring_event_employers (employer_id);

-- The job orders on offer at the event: each is a taking-part employer's own.
create table hiring_event_jobs (
  event_id uuid not null,
  employer_id uuid not null,
  job_order_id uuid not null references job_orders (id),
  primary key (event_id, job_order_id),
  foreign key (event_id, employer_id) references hiring_event_employers (event_id, employer_id) on delete cascade
);

-- A client registered by an agency that may read the file (`event.register`: own, cons), whether they came.
create table hiring_event_registrations (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references hiring_events (id),
  client_id uuid not null references clients (id),
  organization_id uuid not null references organizations (id),
  registered_by uuid references users (id),
  registered_at timestamptz not null default now(),
  -- Null until the registering agency records it.
  attended boolean,
  attendance_recorded_by uuid references users (id),
  attendance_recorded_at timestamptz,
  cancelled_at timestamptz,
  unique (event_id, client_id),
  check (cancelled_at is null or attended is null)
);
create index hiring_event_registrations_agency_idx on hiring_event_registrations (event_id, organization_id);
create index hiring_event_registrations_client_idx on hiring_event_registrations (client_id);

-- A placement proposed from an event (for a job order on offer there) counts in the event's results.
alter table placements add column hiring_event_id uuid references hiring_events (id);
create index placements_hiring_event_idx on placements (hiring_event_id, status) where hiring_event_id is not null;

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'task_assigned', 'task_overdue', 'note_added', 'assessment_changed', 'team_added', 'caseload_received', 'consent_revoked',
  'access_requested', 'access_answered', 'transfer_requested', 'transfer_accepted', 'transfer_released',
  'transfer_release_overdue', 'referral_received', 'referral_updated', 'referral_overdue', 'listing_confirm',
  'placement_shared', 'placement_updated', 'employer_lead_assigned', 'hiring_event_joined',
  'hiring_event_cancelled'));
