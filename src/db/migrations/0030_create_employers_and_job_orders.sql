-- Employers and job orders (issue 14, points 1 to 3; docs/jobs.md, docs/permissions.md 3.14).
--
-- An employer is an organization of type `employer` (employer users belong to it). Its profile, contacts
-- and engagement log are one record shared by every agency, so employers are approached in a coordinated
-- way. None of it holds a client's personal information: the engagement log has no client column.

create table employer_profiles (
  organization_id uuid primary key references organizations (id),
  -- NAICS Canada 2022 (vendored): checked against the list by the application.
  naics_code text check (naics_code ~ '^[0-9]{2,6}$'),
  size text check (size in ('1_4', '5_19', '20_99', '100_499', '500_plus')),
  -- The agency that leads the relationship; others log their contacts and coordinate with it.
  lead_organization_id uuid references organizations (id),
  hiring_plans text check (hiring_plans is null or length(btrim(hiring_plans)) between 1 and 2000),
  -- ESCO skill URIs (vendored table esco_skills).
  skills_needed text[] not null default '{}' check (cardinality(skills_needed) <= 30),
  hr_support_wanted text[] not null default '{}' check (
    hr_support_wanted <@ array['recruitment', 'onboarding', 'accommodation', 'retention', 'training',
      'incentives']::text[]),
  created_by_organization_id uuid references organizations (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index employer_profiles_lead_idx on employer_profiles (lead_organization_id);
create trigger employer_profiles_updated_at before update on employer_profiles
  for each row execute function set_updated_at();

create table employer_contacts (
  id uuid primary key default gen_random_uuid(),
  employer_id uuid not null references organizations (id),
  name text not null check (length(btrim(name)) between 1 and 200),
  job_title text check (job_title is null or length(btrim(job_title)) between 1 and 200),
  phone text check (phone is null or length(btrim(phone)) between 7 and 40),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  preferred_language text not null default 'en' check (preferred_language in ('en', 'fr')),
  is_primary boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index employer_contacts_employer_idx on employer_contacts (employer_id);
create trigger employer_contacts_updated_at before update on employer_contacts
  for each row execute function set_updated_at();

-- Appended, never changed: who from which agency did what with the employer, and when.
create table employer_engagements (
  id uuid primary key default gen_random_uuid(),
  employer_id uuid not null references organizations (id),
  organization_id uuid not null references organizations (id),
  user_id uuid references users (id),
  kind text not null check (kind in ('call', 'visit', 'meeting', 'email', 'event', 'hr_support', 'lead_change')),
  hr_support text check (hr_support is null or hr_support in ('recruitment', 'onboarding', 'accommodation',
    'retention', 'training', 'incentives')),
  occurred_on date not null,
  summary text not null check (length(btrim(summary)) between 1 and 2000),
  created_at timestamptz not null default now(),
  check ((kind = 'hr_support') = (hr_support is not null))
);
create index employer_engagements_employer_idx on employer_engagements (employer_id, occurred_on desc, created_at desc);

create table job_orders (
  id uuid primary key default gen_random_uuid(),
  employer_id uuid not null references organizations (id),
  -- The organization that posted it: the employer itself, or the agency of the job developer posting on
  -- its behalf.
  posted_by_organization_id uuid not null references organizations (id),
  posted_by_user_id uuid references users (id),
  title text not null check (length(btrim(title)) between 2 and 200),
  noc_code text not null check (noc_code ~ '^[0-9]{5}$'),
  description text not null check (length(btrim(description)) between 20 and 5000),
  skills text[] not null default '{}' check (cardinality(skills) <= 30),
  credentials_required text[] not null default '{}' check (cardinality(credentials_required) <= 10),
  hours_per_week smallint not null check (hours_per_week between 0 and 80),
  schedule text not null check (schedule in ('fixed', 'predictable', 'variable', 'on_call')),
  hourly_wage_cents integer not null check (hourly_wage_cents between 1 and 100000),
  hourly_wage_max_cents integer check (hourly_wage_max_cents is null or hourly_wage_max_cents >= hourly_wage_cents),
  benefits text[] not null default '{}' check (
    benefits <@ array['health', 'dental', 'vision', 'prescription_drugs', 'pension', 'life_insurance',
      'disability_insurance', 'employee_assistance', 'tuition_support']::text[]),
  paid_sick_days smallint not null default 0 check (paid_sick_days between 0 and 30),
  permanence text not null check (permanence in ('permanent', 'contract', 'temporary', 'seasonal')),
  duration_months smallint check (duration_months between 1 and 60),
  advancement_path boolean not null default false,
  training_provided boolean not null default false,
  safety_training boolean not null default false,
  workplace text not null check (workplace in ('on_site', 'hybrid', 'remote')),
  site_id uuid references sites (id),
  postal_code text check (postal_code ~ '^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$'),
  accommodations_offered text[] not null default '{}' check (
    accommodations_offered <@ array['mobility', 'vision', 'hearing', 'cognitive', 'mental_health',
      'communication', 'scheduling', 'other']::text[]),
  openings smallint not null check (openings between 1 and 500),
  closing_on date,
  wil_type text check (wil_type in ('co_op', 'internship', 'work_placement', 'apprenticeship',
    'paid_work_experience')),
  incentive text check (incentive in ('wage_subsidy', 'training_subsidy', 'hiring_incentive', 'other')),
  incentive_note text check (incentive_note is null or length(btrim(incentive_note)) between 1 and 500),
  status text not null default 'open' check (status in ('open', 'on_hold', 'filled', 'closed')),
  -- The decent-work score at the last change, and the scorecard version that gave it (the reasons are
  -- worked out again from the columns and that version).
  decent_work_score smallint not null check (decent_work_score between 0 and 100),
  decent_work_model text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (workplace = 'remote' or postal_code is not null)
);
create index job_orders_employer_idx on job_orders (employer_id, created_at desc);
create index job_orders_open_idx on job_orders (created_at desc) where status = 'open';
-- Matching reads open job orders by ranges of NOC codes (a unit group, or the groups above it).
create index job_orders_open_noc_idx on job_orders (noc_code) where status = 'open';
create trigger job_orders_updated_at before update on job_orders
  for each row execute function set_updated_at();
