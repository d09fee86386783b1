-- People who sign in, their roles and sessions, and the append-only audit log.
create table users (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254),
  display_name text not null check (length(btrim(display_name)) between 1 and 200),
  -- argon2id; null until an invitation is accepted.
  password_hash text,
  status text not null default 'active' check (status in ('invited', 'active', 'disabled')),
  preferred_language text not null default 'en' check (preferred_language in ('en', 'fr')),
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'disabled') = (disabled_at is not null))
);
create unique index users_email_key on users (lower(email));
create index users_organization_idx on users (organization_id);
create trigger users_updated_at before update on users
  for each row execute function set_updated_at();

create table user_roles (
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in (
    'system_administrator', 'system_analyst', 'agency_manager', 'employment_counsellor',
    'job_developer', 'caseworker', 'trainer', 'employer_user', 'job_seeker', 'ombudsperson')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, role)
);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  -- SHA-256 of the cookie's token: a copy of the database does not hold usable sessions.
  token_hash text not null unique,
  user_id uuid not null references users (id),
  csrf_token text not null,
  last_seen_at timestamptz not null default now(),
  absolute_expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason in ('sign_out', 'sign_out_everywhere', 'user_disabled', 'password_changed')),
  user_agent text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sessions_active_user_idx on sessions (user_id) where revoked_at is null;
create trigger sessions_updated_at before update on sessions
  for each row execute function set_updated_at();

-- Who did what to which record, for what purpose. Rows are never changed or removed: the
-- database itself refuses UPDATE, DELETE and TRUNCATE. Rows hold ids, never note text,
-- secrets or sensitive field values.
create table audit_log (
  id bigint generated always as identity primary key,
  actor_kind text not null check (actor_kind in ('user', 'system', 'anonymous')),
  actor_user_id uuid references users (id),
  -- A system actor's name, or the e-mail given at a sign-in attempt.
  actor_name text,
  actor_organization_id uuid references organizations (id),
  action text not null check (action ~ '^[a-z][a-z_]*(\.[a-z_]+)+$'),
  outcome text not null check (outcome in ('allowed', 'denied', 'succeeded', 'failed')),
  record_type text,
  record_id uuid,
  -- A list read: the ids it returned.
  record_ids uuid[],
  -- The client the record belongs to, so a client's rows can be found.
  client_id uuid,
  purpose text,
  reason text,
  request_id text,
  created_at timestamptz not null default now()
);
create index audit_log_actor_idx on audit_log (actor_user_id, created_at);
create index audit_log_client_idx on audit_log (client_id, created_at) where client_id is not null;
create index audit_log_record_idx on audit_log (record_id) where record_id is not null;

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
