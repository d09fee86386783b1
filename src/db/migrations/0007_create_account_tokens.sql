-- Single-use tokens sent by e-mail: invitations (set a first password) and password resets.
create table account_tokens (
  id uuid primary key default gen_random_uuid(),
  -- SHA-256 of the token in the e-mailed link; the token itself is never stored.
  token_hash text not null unique,
  user_id uuid not null references users (id),
  purpose text not null check (purpose in ('invitation', 'password_reset')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index account_tokens_user_idx on account_tokens (user_id, purpose) where used_at is null;
create trigger account_tokens_updated_at before update on account_tokens
  for each row execute function set_updated_at();
