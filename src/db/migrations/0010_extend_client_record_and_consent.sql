-- The client record of issue 4: identity and contact, languages, goals, work history, barriers,
-- accommodations, external identifiers and file status; duplicate search by trigram; consents.
create extension if not exists pg_trgm;

-- The key names are compared on: lower case, accents folded, hyphens and apostrophes as spaces.
-- Immutable (translate and regexp_replace are), so a stored column and its index can use it.
create function client_search_key(name text) returns text language sql immutable parallel safe as $$
  select btrim(regexp_replace(
    translate(lower(name),
      'àáâãäåāăąçćčďèéêëēĕėęěğìíîïīĭįıľłñńňòóôõöøōŏőŕřśšşťùúûüūŭůűųýÿźżžœæß',
      'aaaaaaaaacccdeeeeeeeeegiiiiiiiillnnnooooooooorrssstuuuuuuuuuyyzzzoas'),
    '[^a-z0-9]+', ' ', 'g'))
$$;

alter table clients
  add column preferred_name text check (length(btrim(preferred_name)) between 1 and 100),
  add column pronouns text check (length(btrim(pronouns)) between 1 and 40),
  add column other_languages text[] not null default '{}' check (cardinality(other_languages) <= 10),
  add column interpreter_needed boolean not null default false,
  add column interpreter_language text check (length(btrim(interpreter_language)) between 1 and 60),
  add column email text check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254),
  add column phone text check (length(phone) between 7 and 30),
  add column street_address text check (length(btrim(street_address)) between 1 and 200),
  add column literacy_numeracy text not null default 'unknown'
    check (literacy_numeracy in ('below_basic', 'basic', 'functional', 'proficient', 'unknown')),
  -- Goals: "a decent job for the next five years" is a valid goal, so the statement is free text.
  add column goal_statement text check (length(btrim(goal_statement)) between 1 and 1000),
  add column target_noc_codes text[] not null default '{}' check (cardinality(target_noc_codes) <= 10),
  add column hours_wanted integer check (hours_wanted between 1 and 80),
  add column time_horizon text check (time_horizon in ('now', 'within_6_months', 'within_a_year', 'long_term')),
  add column status text not null default 'active' check (status in ('active', 'on_hold', 'closed')),
  add column closed_reason text check (closed_reason in (
    'employed', 'moved_away', 'transferred', 'declined_services', 'no_contact', 'deceased', 'other')),
  add column created_by uuid references users (id),
  add column search_name text generated always as (client_search_key(given_name || ' ' || family_name)) stored,
  add constraint clients_closed_status_check check ((status = 'closed') = (closed_reason is not null)),
  add constraint clients_interpreter_check check (interpreter_language is null or interpreter_needed);

create index clients_search_name_trgm_idx on clients using gin (search_name gin_trgm_ops);
create index clients_date_of_birth_idx on clients (date_of_birth);

-- Every change of file status (opened, put on hold, closed with a reason, reopened), appended.
create table client_status_changes (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  status text not null check (status in ('active', 'on_hold', 'closed')),
  kind text not null check (kind in ('opened', 'on_hold', 'resumed', 'closed', 'reopened')),
  closed_reason text,
  note text check (length(note) <= 500),
  changed_by uuid references users (id),
  organization_id uuid not null references organizations (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index client_status_changes_client_idx on client_status_changes (client_id, created_at);

create table client_work_history (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  noc_code text not null check (noc_code ~ '^[0-9]{5}$'),
  job_title text check (length(btrim(job_title)) between 1 and 200),
  employer_name text check (length(btrim(employer_name)) between 1 and 200),
  start_date date not null,
  end_date date,
  hours_per_week numeric(4, 1) check (hours_per_week > 0 and hours_per_week <= 80),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date)
);
create index client_work_history_client_idx on client_work_history (client_id);

-- Barriers and life-stabilization needs; resolving one keeps it, with the date.
create table client_barriers (
  client_id uuid not null references clients (id),
  kind text not null check (kind in (
    'housing', 'food', 'mental_health', 'addictions', 'childcare', 'transportation', 'legal',
    'digital_access', 'language', 'disability', 'income', 'other')),
  status text not null check (status in ('active', 'resolved')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (client_id, kind)
);
create trigger client_barriers_updated_at before update on client_barriers
  for each row execute function set_updated_at();

create table client_accommodations (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  kind text not null check (kind in (
    'mobility', 'vision', 'hearing', 'cognitive', 'mental_health', 'communication', 'scheduling', 'other')),
  disability_related boolean not null,
  description text check (length(btrim(description)) between 1 and 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index client_accommodations_client_idx on client_accommodations (client_id);

-- Ontario Works / ODSP member numbers, EOIS-CaMS ids. Never the social insurance number.
create table client_external_ids (
  client_id uuid not null references clients (id),
  kind text not null check (kind in ('ontario_works', 'odsp', 'eois_cams', 'other')),
  value text not null check (value ~ '^[A-Za-z0-9-]{3,30}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (client_id, kind)
);
create unique index client_external_ids_value_key on client_external_ids (kind, value);

-- A client's consent to share categories of their file with one organization, for a purpose,
-- until a date. Never changed: a revocation is a row of its own, so history stays whole.
create table consents (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  -- The organization the client shares with, and the one that recorded the consent.
  organization_id uuid not null references organizations (id),
  recorded_by_organization_id uuid not null references organizations (id),
  recorded_by uuid references users (id),
  categories text[] not null check (
    cardinality(categories) between 1 and 6
    and categories <@ array['identity_contact', 'employment', 'assessment', 'plan', 'notes', 'equity']),
  purpose text not null check (purpose in (
    'integrated_case_management', 'referral', 'transfer', 'placement', 'complaint')),
  method text not null check (method in ('in_person', 'phone', 'written', 'client_account')),
  evidence text not null check (length(btrim(evidence)) between 1 and 500),
  starts_on date not null,
  expires_on date not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (expires_on >= starts_on),
  check (organization_id <> recorded_by_organization_id)
);
create index consents_client_idx on consents (client_id, organization_id);
create index consents_organization_idx on consents (organization_id, client_id);

create table consent_revocations (
  consent_id uuid primary key references consents (id),
  revoked_by uuid references users (id),
  method text not null check (method in ('in_person', 'phone', 'written', 'client_account')),
  reason text check (length(btrim(reason)) between 1 and 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Consents and their revocations are history: the database refuses to change or remove them.
create function consent_history_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % is not allowed', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger consents_no_update before update or delete on consents
  for each row execute function consent_history_is_append_only();
create trigger consent_revocations_no_update before update or delete on consent_revocations
  for each row execute function consent_history_is_append_only();

-- The rest of the self-identified equity questions; every answer optional and voluntary.
alter table client_equity
  add column indigenous_identity text check (indigenous_identity in ('first_nations', 'metis', 'inuit', 'no', 'prefer_not_to_say')),
  add column racialized_group text[] check (cardinality(racialized_group) <= 5),
  add column gender text check (length(btrim(gender)) between 1 and 60),
  add column lgbtq2s boolean;
