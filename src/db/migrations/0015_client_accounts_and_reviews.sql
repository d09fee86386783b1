-- A client's own account, tied to their record (role job_seeker), and their requests for a review of
-- the assessment, each answered in writing by a manager.
alter table users add column client_id uuid references clients (id);
create unique index users_client_key on users (client_id) where client_id is not null;

create table assessment_reviews (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  assessment_id uuid not null references assessments (id),
  requested_by uuid references users (id),
  -- Asked from the client's account, or by staff on the client's behalf.
  requested_via text not null check (requested_via in ('client_account', 'staff')),
  reason text not null check (length(btrim(reason)) between 1 and 2000),
  task_id uuid references tasks (id),
  status text not null default 'open' check (status in ('open', 'answered')),
  answered_by uuid references users (id),
  answer text check (length(btrim(answer)) between 20 and 4000),
  outcome text check (outcome in ('upheld', 'changed')),
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'answered') = (answer is not null and outcome is not null and answered_at is not null))
);
create index assessment_reviews_client_idx on assessment_reviews (client_id, created_at desc);
create trigger assessment_reviews_updated_at before update on assessment_reviews
  for each row execute function set_updated_at();
