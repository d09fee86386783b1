-- A client moving to another provider: the request, the acceptance, the release and their times.
-- A release overdue beyond TRANSFER_RELEASE_DAYS business days shows to the system manager.
create table transfers (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references clients (id),
  from_organization_id uuid not null references organizations (id),
  to_organization_id uuid not null references organizations (id),
  requested_by uuid references users (id),
  -- Who asked: the client (at either agency, or from their account) or the receiving agency.
  requested_by_kind text not null check (requested_by_kind in ('client', 'receiving_agency')),
  reason text check (length(btrim(reason)) between 1 and 1000),
  status text not null default 'requested' check (status in ('requested', 'accepted', 'released', 'cancelled')),
  accepted_at timestamptz,
  accepted_by uuid references users (id),
  -- The last business day (Toronto time) by which the sending agency must release the file.
  release_due_on date,
  released_at timestamptz,
  released_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (from_organization_id <> to_organization_id),
  check ((status in ('accepted', 'released')) = (accepted_at is not null)),
  check ((status = 'released') = (released_at is not null)),
  check (accepted_at is null or release_due_on is not null)
);
create unique index transfers_one_open_key on transfers (client_id) where status in ('requested', 'accepted');
create index transfers_overdue_idx on transfers (release_due_on) where status = 'accepted';
create index transfers_from_idx on transfers (from_organization_id, created_at);
create index transfers_to_idx on transfers (to_organization_id, created_at);
create trigger transfers_updated_at before update on transfers
  for each row execute function set_updated_at();

alter table client_status_changes drop constraint client_status_changes_kind_check;
alter table client_status_changes add constraint client_status_changes_kind_check
  check (kind in ('opened', 'on_hold', 'resumed', 'closed', 'reopened', 'transferred'));
