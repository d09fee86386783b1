-- The Common Assessment's history: every assessment, reassessment and override is a row of its own,
-- never changed, so a client's stream never changes silently and every change has its reason.
create table assessments (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  sequence integer not null check (sequence >= 1),
  kind text not null check (kind in ('initial', 'reassessment', 'override')),
  -- The agency and worker that made it.
  organization_id uuid not null references organizations (id),
  assessed_by uuid references users (id),
  model_version text not null,
  model_checksum text not null check (model_checksum ~ '^[0-9a-f]{64}$'),
  assessed_on date not null,
  -- The answers the model scored and its factor-by-factor result (the `assessment` consent category).
  input jsonb not null,
  result jsonb not null,
  score numeric not null,
  computed_stream text not null check (computed_stream in ('A', 'B', 'C')),
  -- The stream in force: the model's, or a manager's override of it.
  stream text not null check (stream in ('A', 'B', 'C')),
  previous_stream text check (previous_stream in ('A', 'B', 'C')),
  -- Why a reassessment was made and what was newly learned; a manager's written justification.
  reason text check (length(btrim(reason)) between 1 and 2000),
  justification text check (length(btrim(justification)) between 20 and 2000),
  overrides_assessment_id uuid references assessments (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (client_id, sequence),
  check ((kind = 'override') = (justification is not null and overrides_assessment_id is not null)),
  check (kind <> 'reassessment' or reason is not null),
  check ((kind = 'initial') = (previous_stream is null))
);
create index assessments_client_idx on assessments (client_id, sequence desc);
create index assessments_organization_idx on assessments (organization_id, created_at);

create trigger assessments_no_update before update or delete on assessments
  for each row execute function consent_history_is_append_only();
