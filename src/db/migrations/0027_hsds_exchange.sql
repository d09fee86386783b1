-- The HSDS exchange (issue 13): a directory imported from another HSDS publisher, and ours exported to one.
-- What HSDS carries and the tables could not hold until now:
--   * an organization's description (HSDS requires one);
--   * a site's country: HSDS addresses name theirs, and a dataset may hold a provider's address outside
--     Canada (the official examples do). Canadian sites keep the Canadian postal code and province rules;
--     others keep what their dataset says;
--   * a listing not yet classified by kind of program: a general HSDS dataset names no workforce
--     intervention, so an imported listing may have none until its provider or the system manager says
--     (the forms still ask for at least one);
--   * a funder named in a sentence (HSDS funding.source is free text).
alter table organizations
  add column description text check (description is null or length(btrim(description)) between 1 and 4000);

alter table sites
  add column country text not null default 'CA' check (country ~ '^[A-Z]{2}$');
alter table sites drop constraint sites_postal_code_check;
alter table sites drop constraint sites_province_check;
alter table sites
  add constraint sites_postal_code_check check (
    case when country = 'CA'
      then postal_code ~ '^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$'
      else length(btrim(postal_code)) between 1 and 20 end),
  add constraint sites_province_check check (
    case when country = 'CA' then province ~ '^[A-Z]{2}$' else length(btrim(province)) between 1 and 100 end);

alter table services drop constraint services_intervention_types_check;
alter table services
  add constraint services_intervention_types_check check (
    cardinality(intervention_types) <= 7
    and intervention_types <@ array['life_stabilization', 'pre_employment', 'training', 'employment_services',
      'retention', 'entrepreneurship', 'work_integrated_learning']::text[]);
alter table services drop constraint services_funder_check;
alter table services
  add constraint services_funder_check check (length(btrim(funder)) between 1 and 1000);
