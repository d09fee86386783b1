-- Attachments to a client's file (résumé, signed consent), size-capped, and requests for access that
-- a duplicate search leads to instead of a second record.
create table client_attachments (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  organization_id uuid not null references organizations (id),
  uploaded_by uuid references users (id),
  kind text not null check (kind in ('resume', 'signed_consent', 'other')),
  file_name text not null check (length(btrim(file_name)) between 1 and 200),
  content_type text not null,
  size_bytes integer not null check (size_bytes between 1 and 20971520),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (octet_length(content) = size_bytes)
);
create index client_attachments_client_idx on client_attachments (client_id, created_at desc);

create table client_access_requests (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  requesting_organization_id uuid not null references organizations (id),
  requested_by uuid references users (id),
  reason text not null check (length(btrim(reason)) between 1 and 1000),
  status text not null default 'open' check (status in ('open', 'granted', 'declined')),
  answered_by uuid references users (id),
  answered_at timestamptz,
  consent_id uuid references consents (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'open') = (answered_at is null)),
  check (status <> 'granted' or consent_id is not null)
);
create unique index client_access_requests_open_key on client_access_requests (client_id, requesting_organization_id) where status = 'open';
create index client_access_requests_requester_idx on client_access_requests (requesting_organization_id, created_at desc);
create trigger client_access_requests_updated_at before update on client_access_requests
  for each row execute function set_updated_at();

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in (
  'task_assigned', 'task_overdue', 'note_added', 'assessment_changed', 'team_added', 'caseload_received', 'consent_revoked',
  'access_requested', 'access_answered'));
