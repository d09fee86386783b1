import { sql, type RawBuilder, type SqlBool } from 'kysely';

// SQL conditions over a listing (`s`) that the directory's search and the landscape report share:
// whether it is stale, whether it takes people on a day, and the distance between two points.

// Whether the listing `s` has a part last confirmed before `staleBefore` (its capacity too, for staff).
export function staleListing(staleBefore: Date, capacity: boolean) {
  return sql<SqlBool>`(s.details_verified_at < ${staleBefore} ${capacity ? sql`or s.capacity_verified_at < ${staleBefore}` : sql``}
      or exists (select from service_sites x join sites y on y.id = x.site_id where x.service_id = s.id
        and least(x.verified_at, y.verified_at) < ${staleBefore})
      or exists (select from service_schedules x where x.service_id = s.id and x.verified_at < ${staleBefore})
      or exists (select from service_intake_windows x where x.service_id = s.id and x.verified_at < ${staleBefore})
      or exists (select from service_contacts x where x.service_id = s.id and x.verified_at < ${staleBefore}))`;
}

// Whether the listing `s` takes people between `today` and `until`: a seat left, and a window open on one
// of those days (no window: continuous intake). The windows are on the listing as a multirange (0028).
export function intakeOpenOn(today: string, until = today) {
  return sql<SqlBool>`(coalesce(s.seats_open, 1) > 0
    and (s.intake_ranges is null or s.intake_ranges && daterange(${today}::date, ${until}::date, '[]')))`;
}

// The great-circle distance in km between two points given as SQL expressions.
export function kmBetween(
  a: { latitude: RawBuilder<number> | number; longitude: RawBuilder<number> | number },
  b: { latitude: RawBuilder<number> | number; longitude: RawBuilder<number> | number },
) {
  return sql<number>`(2 * 6371 * asin(least(1, sqrt(power(sin(radians(${b.latitude} - ${a.latitude}) / 2), 2)
    + cos(radians(${a.latitude})) * cos(radians(${b.latitude})) * power(sin(radians(${b.longitude} - ${a.longitude}) / 2), 2)))))`;
}
