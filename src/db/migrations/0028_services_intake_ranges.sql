-- When each listing takes applications, as one value on the listing: its intake windows as a multirange
-- of days (none: continuous intake, null). Whether a listing takes people between two days is then a
-- test of the listing's own row (`intake_ranges && daterange(from, to, '[]')`), read from the search's
-- covering index, instead of a look into service_intake_windows for every candidate: a search near a
-- postal code with intake open soon weighed about 4,000 candidates that way (issue 13, speed).
-- Kept by triggers on service_intake_windows, once per statement (a bulk load is one update), and never
-- written when unchanged, so confirming a listing's windows does not touch the listing.
alter table services add column intake_ranges datemultirange;

create function services_refresh_intake_ranges(service_ids uuid[]) returns void language sql as $$
  update services s set intake_ranges = x.ranges
  from (
    select i.id, (select range_agg(daterange(w.opens_on, w.closes_on, '[]'))
      from service_intake_windows w where w.service_id = i.id) as ranges
    from unnest(service_ids) as i(id)
  ) x
  where s.id = x.id and s.intake_ranges is distinct from x.ranges;
$$;

create function service_intake_windows_inserted() returns trigger language plpgsql as $$
begin
  perform services_refresh_intake_ranges(array(select distinct service_id from changed_rows));
  return null;
end;
$$;
create function service_intake_windows_updated() returns trigger language plpgsql as $$
begin
  perform services_refresh_intake_ranges(array(
    select service_id from old_rows union select service_id from changed_rows));
  return null;
end;
$$;

create trigger service_intake_windows_insert_ranges after insert on service_intake_windows
  referencing new table as changed_rows for each statement execute function service_intake_windows_inserted();
create trigger service_intake_windows_delete_ranges after delete on service_intake_windows
  referencing old table as changed_rows for each statement execute function service_intake_windows_inserted();
create trigger service_intake_windows_update_ranges after update on service_intake_windows
  referencing old table as old_rows new table as changed_rows
  for each statement execute function service_intake_windows_updated();

update services s set intake_ranges = x.ranges
from (select service_id, range_agg(daterange(opens_on, closes_on, '[]')) as ranges
  from service_intake_windows group by service_id) x
where x.service_id = s.id;

-- The search's covering index carries it (0026).
drop index services_sort_name_idx;
create index services_sort_name_idx on services (sort_name, id)
  include (status, intervention_types, target_populations, target_noc_codes, target_naics_codes, languages,
    delivery_mode, organization_id, seats_open, intake_ranges);

-- What a search near a postal code weighs for every running listing, and nothing else: reach (online or
-- not), seats, intake days and the name it sorts by. A fifth of the covering index's size, so weighing a
-- city's 20,000 listings against the distances reads 2 MB instead of 10 (a search near a postal code
-- with intake open soon: 20 to 12 ms of SQL).
create index services_in_reach_idx on services (id)
  include (seats_open, intake_ranges, delivery_mode, sort_name) where status = 'active';
