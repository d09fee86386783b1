-- Shared helper: every table keeps updated_at current without each query remembering to.
create function set_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- City of Toronto's 140 social planning neighbourhoods (2016 model); rows are loaded by 0002.
create table neighbourhoods (
  id integer primary key check (id between 1 and 999),
  name text not null unique,
  population_2016 integer not null check (population_2016 >= 0),
  unemployment_rate numeric(5, 2) check (unemployment_rate between 0 and 100),
  -- Toronto Strong Neighbourhoods Strategy 2020 designation.
  designation text not null check (designation in ('nia', 'emerging', 'none')),
  latitude numeric(9, 6) not null check (latitude between 43.5 and 43.9),
  longitude numeric(9, 6) not null check (longitude between -79.7 and -79.1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger neighbourhoods_updated_at before update on neighbourhoods
  for each row execute function set_updated_at();

-- Toronto's forward sortation areas (first three characters of a postal code).
create table forward_sortation_areas (
  code text primary key check (code ~ '^M[0-9][A-Z]$'),
  place_name text not null,
  latitude numeric(9, 6) not null check (latitude between 43.5 and 43.9),
  longitude numeric(9, 6) not null check (longitude between -79.7 and -79.1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger forward_sortation_areas_updated_at before update on forward_sortation_areas
  for each row execute function set_updated_at();

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 2 and 200),
  name_fr text check (name_fr is null or length(btrim(name_fr)) between 2 and 200),
  type text not null check (type in (
    'system_manager', 'employment_service_provider', 'social_assistance_office',
    'training_organization', 'community_agency', 'employer')),
  website text check (website is null or website ~ '^https?://'),
  phone text,
  email text,
  -- Designated or able to serve in French (French Language Services Act).
  offers_french boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index organizations_name_key on organizations (lower(name));
create index organizations_type_idx on organizations (type);
create trigger organizations_updated_at before update on organizations
  for each row execute function set_updated_at();

create table sites (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(btrim(name)) between 2 and 200),
  street_address text not null check (length(btrim(street_address)) between 3 and 300),
  city text not null default 'Toronto',
  province text not null default 'ON' check (province ~ '^[A-Z]{2}$'),
  postal_code text not null check (postal_code ~ '^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$'),
  neighbourhood_id integer references neighbourhoods (id),
  latitude numeric(9, 6) check (latitude between -90 and 90),
  longitude numeric(9, 6) check (longitude between -180 and 180),
  wheelchair_accessible boolean,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((latitude is null) = (longitude is null))
);
create index sites_organization_idx on sites (organization_id);
create index sites_postal_fsa_idx on sites (left(postal_code, 3));
create trigger sites_updated_at before update on sites
  for each row execute function set_updated_at();
