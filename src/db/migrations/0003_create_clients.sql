-- The client record's core. The Clients issue extends it (contact, goals, barriers, consent).
create table clients (
  id uuid primary key default gen_random_uuid(),
  -- The agency that holds the client's file.
  organization_id uuid not null references organizations (id),
  given_name text not null check (length(btrim(given_name)) between 1 and 100),
  family_name text not null check (length(btrim(family_name)) between 1 and 100),
  date_of_birth date not null check (date_of_birth > date '1900-01-01'),
  preferred_language text not null default 'en' check (preferred_language in ('en', 'fr')),
  postal_code text check (postal_code ~ '^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$'),
  neighbourhood_id integer references neighbourhoods (id),
  education_level text not null check (education_level in (
    'less_than_high_school', 'high_school', 'apprenticeship_or_trades', 'college',
    'bachelor', 'graduate', 'unknown')),
  income_source text not null check (income_source in ('ontario_works', 'odsp', 'ei', 'none', 'other')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index clients_organization_idx on clients (organization_id);
create index clients_neighbourhood_idx on clients (neighbourhood_id);
create trigger clients_updated_at before update on clients
  for each row execute function set_updated_at();

-- Self-identified equity data: voluntary, kept apart from the record, never a scoring factor by default.
create table client_equity (
  client_id uuid primary key references clients (id) on delete cascade,
  newcomer boolean,
  arrival_year integer check (arrival_year between 1900 and 2100),
  disability boolean,
  francophone boolean,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (arrival_year is null or newcomer)
);
create trigger client_equity_updated_at before update on client_equity
  for each row execute function set_updated_at();

-- Each synthetic city loaded into this database, so a benchmark can reuse one per seed.
create table synthetic_loads (
  id uuid primary key default gen_random_uuid(),
  seed integer not null,
  clients integer not null,
  organizations integer not null,
  duration_ms integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
