-- The directory of workforce programs (issue 13): services on the Open Referral HSDS 3 model, attached
-- to the organizations and sites that exist, with the workforce fields HSDS does not have. Each part of
-- a listing records when it was last confirmed, so a stale part can be flagged and its provider asked.

create table services (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(btrim(name)) between 2 and 200),
  name_fr text check (length(btrim(name_fr)) between 2 and 200),
  alternate_name text check (length(btrim(alternate_name)) between 1 and 200),
  description text not null check (length(btrim(description)) between 10 and 4000),
  description_fr text check (length(btrim(description_fr)) between 10 and 4000),
  url text check (url ~ '^https?://' and length(url) <= 500),
  email text check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254),
  phone text check (length(phone) between 7 and 30),
  -- HSDS's four statuses; HSDS writes the last one with a space.
  status text not null default 'active' check (status in ('active', 'inactive', 'defunct', 'temporarily_closed')),
  intervention_types text[] not null check (
    cardinality(intervention_types) between 1 and 7
    and intervention_types <@ array['life_stabilization', 'pre_employment', 'training', 'employment_services',
      'retention', 'entrepreneurship', 'work_integrated_learning']::text[]),
  -- NOC 2021 unit groups and NAICS Canada 2022 classes, checked against the vendored lists by the service.
  target_noc_codes text[] not null default '{}' check (cardinality(target_noc_codes) <= 50),
  target_naics_codes text[] not null default '{}' check (cardinality(target_naics_codes) <= 50),
  target_populations text[] not null default '{}' check (target_populations <@ array['youth', 'newcomers', 'women',
    'indigenous', 'black', 'racialized', 'persons_with_disabilities', 'social_assistance_recipients', 'mature_workers',
    'francophones', 'lgbtq2s', 'justice_involved', 'veterans', 'unhoused', 'laid_off_workers']::text[]),
  -- ISO 639 language codes the service is delivered in.
  languages text[] not null default '{en}' check (cardinality(languages) between 1 and 20),
  delivery_mode text not null default 'in_person' check (delivery_mode in ('in_person', 'virtual', 'hybrid')),
  eligibility_description text check (length(btrim(eligibility_description)) between 1 and 2000),
  eligibility_description_fr text check (length(btrim(eligibility_description_fr)) between 1 and 2000),
  minimum_age integer check (minimum_age between 0 and 120),
  maximum_age integer check (maximum_age between 0 and 120),
  application_process text check (length(btrim(application_process)) between 1 and 2000),
  fees_description text check (length(btrim(fees_description)) between 1 and 1000),
  credential_awarded text check (length(btrim(credential_awarded)) between 1 and 200),
  funder text check (length(btrim(funder)) between 1 and 200),
  starts_on date,
  ends_on date,
  seats integer check (seats between 0 and 100000),
  seats_open integer check (seats_open >= 0),
  -- When each part was last confirmed by its provider (or an import).
  details_verified_at timestamptz not null default now(),
  capacity_verified_at timestamptz,
  verified_by uuid references users (id),
  -- The last time the provider was asked to confirm a stale listing, so a sweep asks once per period.
  verification_requested_at timestamptz,
  -- Words the service writes for the full-text search beyond its own columns (its organization's name,
  -- the titles of its occupations and industries): kept by the service, folded here.
  search_text text not null default '',
  -- The name as lists sort it: lower case, accents folded (so "École" sorts with the e's).
  sort_name text generated always as (client_search_key(name)) stored,
  search_document tsvector generated always as (
    setweight(to_tsvector('english', client_search_key(name || ' ' || coalesce(name_fr, '') || ' ' || coalesce(alternate_name, ''))), 'A')
    || setweight(to_tsvector('french', client_search_key(name || ' ' || coalesce(name_fr, '') || ' ' || coalesce(alternate_name, ''))), 'A')
    || to_tsvector('english', client_search_key(description || ' ' || coalesce(description_fr, '') || ' '
      || coalesce(eligibility_description, '') || ' ' || coalesce(eligibility_description_fr, '') || ' ' || search_text))
    || to_tsvector('french', client_search_key(description || ' ' || coalesce(description_fr, '') || ' '
      || coalesce(eligibility_description, '') || ' ' || coalesce(eligibility_description_fr, '') || ' ' || search_text))
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (minimum_age is null or maximum_age is null or minimum_age <= maximum_age),
  check (starts_on is null or ends_on is null or starts_on <= ends_on),
  check (seats_open is null or (seats is not null and seats_open <= seats)),
  check ((seats is null) = (capacity_verified_at is null))
);
create index services_organization_idx on services (organization_id);
create index services_search_idx on services using gin (search_document);
create index services_interventions_idx on services using gin (intervention_types);
create index services_noc_idx on services using gin (target_noc_codes);
create index services_naics_idx on services using gin (target_naics_codes);
create index services_populations_idx on services using gin (target_populations);
create index services_name_trgm_idx on services using gin (sort_name gin_trgm_ops);
create index services_sort_name_idx on services (sort_name, id);
-- Online services are in reach of every search near a postal code.
create index services_virtual_idx on services (id) where delivery_mode = 'virtual';
create index services_verified_idx on services (details_verified_at) where status = 'active';
create trigger services_updated_at before update on services
  for each row execute function set_updated_at();

-- HSDS service_at_location: where a service is delivered.
create table service_sites (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references services (id),
  site_id uuid not null references sites (id),
  description text check (length(btrim(description)) between 1 and 1000),
  verified_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (service_id, site_id)
);
create index service_sites_site_idx on service_sites (site_id);
create trigger service_sites_updated_at before update on service_sites
  for each row execute function set_updated_at();

-- Opening hours, HSDS schedule in its weekly form (freq WEEKLY, byday).
create table service_schedules (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references services (id),
  weekdays text[] not null check (
    cardinality(weekdays) between 1 and 7 and weekdays <@ array['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']::text[]),
  opens_at time not null,
  closes_at time not null,
  description text check (length(btrim(description)) between 1 and 500),
  verified_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (opens_at < closes_at)
);
create index service_schedules_service_idx on service_schedules (service_id);
create trigger service_schedules_updated_at before update on service_schedules
  for each row execute function set_updated_at();

-- When a program takes applications; no closing day means continuous intake.
create table service_intake_windows (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references services (id),
  opens_on date not null,
  closes_on date,
  note text check (length(btrim(note)) between 1 and 500),
  verified_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (closes_on is null or opens_on <= closes_on)
);
create index service_intake_windows_service_idx on service_intake_windows (service_id, opens_on);
create trigger service_intake_windows_updated_at before update on service_intake_windows
  for each row execute function set_updated_at();

-- The people the public may contact about a service (HSDS contact); published, so work details only.
create table service_contacts (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references services (id),
  name text check (length(btrim(name)) between 1 and 200),
  title text check (length(btrim(title)) between 1 and 200),
  email text check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254),
  phone text check (length(phone) between 7 and 30),
  verified_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (name is not null or title is not null)
);
create index service_contacts_service_idx on service_contacts (service_id);
create trigger service_contacts_updated_at before update on service_contacts
  for each row execute function set_updated_at();

-- HSDS location fields the sites lacked, and when a site's details were last confirmed.
alter table sites
  add column accessibility_description text check (length(btrim(accessibility_description)) between 1 and 1000),
  add column transportation text check (length(btrim(transportation)) between 1 and 500),
  add column verified_at timestamptz not null default now();
