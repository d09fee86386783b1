-- The service plan across the continuum: goals, and steps in phases that may run in parallel and out
-- of order. A step may link to another record of the client; the kinds grow as modules arrive
-- (referrals, programs and jobs alter the check when they exist).
create table plan_goals (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  organization_id uuid not null references organizations (id),
  created_by uuid references users (id),
  description text not null check (length(btrim(description)) between 1 and 500),
  target_date date,
  status text not null default 'open' check (status in ('open', 'achieved', 'dropped')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_goals_client_idx on plan_goals (client_id);
create trigger plan_goals_updated_at before update on plan_goals
  for each row execute function set_updated_at();

create table plan_steps (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  goal_id uuid references plan_goals (id),
  organization_id uuid not null references organizations (id),
  created_by uuid references users (id),
  phase text not null check (phase in (
    'life_stabilization', 'pre_employment', 'training', 'job_search', 'placement', 'retention', 'advancement')),
  title text not null check (length(btrim(title)) between 1 and 200),
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'stopped')),
  starts_on date,
  due_on date,
  completed_on date,
  linked_kind text check (linked_kind in ('assessment', 'task', 'case_note')),
  linked_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((linked_kind is null) = (linked_id is null)),
  check (due_on is null or starts_on is null or due_on >= starts_on),
  check ((status = 'done') = (completed_on is not null))
);
create index plan_steps_client_idx on plan_steps (client_id, phase);
create trigger plan_steps_updated_at before update on plan_steps
  for each row execute function set_updated_at();

-- Every change of a step's status, appended: the plan's history.
create table plan_step_changes (
  id uuid primary key default gen_random_uuid(),
  step_id uuid not null references plan_steps (id),
  status text not null,
  changed_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_step_changes_step_idx on plan_step_changes (step_id, created_at);

-- The client's agreement (or not) with the plan, from their account or in person.
create table plan_acknowledgements (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  agrees boolean not null,
  method text not null check (method in ('in_person', 'phone', 'written', 'client_account')),
  comment text check (length(btrim(comment)) between 1 and 1000),
  recorded_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_acknowledgements_client_idx on plan_acknowledgements (client_id, created_at desc);
