-- Counters for throttling (failed sign-ins now, per-user request limits later). They live in
-- PostgreSQL so every server process sees the same counts.
create table rate_limits (
  key text primary key check (length(key) between 3 and 400),
  hits integer not null default 0 check (hits >= 0),
  window_started_at timestamptz not null default now(),
  blocked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index rate_limits_window_idx on rate_limits (window_started_at);
create trigger rate_limits_updated_at before update on rate_limits
  for each row execute function set_updated_at();
