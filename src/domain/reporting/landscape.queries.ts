import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { intakeOpenOn, kmBetween, staleListing } from '../directory/listing-sql.ts';

// The SQL of the landscape (./landscape.service.ts). Programs, sites and neighbourhoods are public;
// the unmet demand reads referrals and the neighbourhood of the clients they name, and returns counts only.

export type LandscapeFilters = {
  intervention?: string | undefined;
  population?: string | undefined;
  noc?: string | undefined;
};

// The listing `s` matches the filters: each names the program's field explicitly (a program that names
// no population is not counted as one for newcomers, say).
function matches(
  f: LandscapeFilters,
  only: ('intervention' | 'population' | 'noc')[] = ['intervention', 'population', 'noc'],
) {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (f.intervention && only.includes('intervention'))
    parts.push(sql<SqlBool>`${f.intervention}::text = any(s.intervention_types)`);
  if (f.population && only.includes('population'))
    parts.push(sql<SqlBool>`${f.population}::text = any(s.target_populations)`);
  if (f.noc && only.includes('noc'))
    parts.push(sql<SqlBool>`exists (select from unnest(s.target_noc_codes) c where c like ${`${f.noc}%`})`);
  return sql.join(parts, sql` and `);
}

// Running on `today`: active and not ended.
const running = (today: string) =>
  sql<SqlBool>`s.status = 'active' and (s.ends_on is null or s.ends_on >= ${today}::date)`;

export type AreaRow = {
  id: number;
  name: string;
  designation: 'nia' | 'emerging' | 'none';
  population: number;
  unemploymentRate: number | null;
  latitude: number;
  longitude: number;
  servicesWithin: number;
  staleWithin: number;
  servicesInside: number;
  nearestKm: number | null;
};

// Every neighbourhood with the matching programs that have a site within `withinKm` of its centre (a
// box first, then the great-circle distance), those with a site in it, and, where none is near, how far
// the nearest site is.
export async function selectAreas(
  db: DbOrTrx,
  f: LandscapeFilters,
  q: { today: string; withinKm: number; staleBefore: Date },
): Promise<AreaRow[]> {
  // Toronto lies near 43.7° N: a degree of latitude is 111 km, of longitude 111 km × cos(43.7°); the
  // box is widened a little for the city's northern edge.
  const dLat = q.withinKm / 111;
  const dLon = q.withinKm / (111 * Math.cos((43.9 * Math.PI) / 180));
  const n = { latitude: sql.ref<number>('n.latitude'), longitude: sql.ref<number>('n.longitude') };
  // Raw SQL: CTEs materialized once, a box join and a distance per neighbourhood.
  const { rows } = await sql<AreaRow>`
    with m as materialized (
      select s.id, ${staleListing(q.staleBefore, true)} as stale from services s
      where ${running(q.today)} and ${matches(f)}),
    ms as materialized (
      select distinct ss.service_id, st.latitude, st.longitude, st.neighbourhood_id, m.stale
      from service_sites ss join sites st on st.id = ss.site_id join m on m.id = ss.service_id
      where st.latitude is not null and st.longitude is not null),
    points as materialized (select distinct latitude, longitude from ms),
    pairs as (
      select n.id as nid, ms.service_id, ms.stale from neighbourhoods n join ms
        on ms.latitude between n.latitude - ${dLat} and n.latitude + ${dLat}
        and ms.longitude between n.longitude - ${dLon} and n.longitude + ${dLon}
      where ${kmBetween(n, { latitude: sql.ref<number>('ms.latitude'), longitude: sql.ref<number>('ms.longitude') })} <= ${q.withinKm})
    select n.id, n.name, n.designation, n.population_2016 as population, n.unemployment_rate::float8 as "unemploymentRate",
      n.latitude::float8 as latitude, n.longitude::float8 as longitude,
      coalesce(w.within, 0)::int as "servicesWithin", coalesce(w.stale_within, 0)::int as "staleWithin",
      coalesce(i.inside, 0)::int as "servicesInside",
      case when coalesce(w.within, 0) = 0 then round((select min(${kmBetween(n, { latitude: sql.ref<number>('p.latitude'), longitude: sql.ref<number>('p.longitude') })}) from points p)::numeric, 1)::float8 end as "nearestKm"
    from neighbourhoods n
    left join (select nid, count(distinct service_id) as within, count(distinct service_id) filter (where stale) as stale_within
      from pairs group by nid) w on w.nid = n.id
    left join (select neighbourhood_id, count(distinct service_id) as inside from ms group by neighbourhood_id) i
      on i.neighbourhood_id = n.id
    order by n.id`.execute(db);
  return rows;
}

export type TotalsRow = { services: number; inPerson: number; onlineOnly: number; openNow: number; stale: number };

export async function selectTotals(
  db: DbOrTrx,
  f: LandscapeFilters,
  q: { today: string; staleBefore: Date },
): Promise<TotalsRow> {
  const { rows } = await sql<TotalsRow>`
    select count(*)::int as services,
      count(*) filter (where exists (select from service_sites ss join sites st on st.id = ss.site_id
        where ss.service_id = s.id and st.latitude is not null))::int as "inPerson",
      count(*) filter (where s.delivery_mode = 'virtual')::int as "onlineOnly",
      count(*) filter (where ${intakeOpenOn(q.today)})::int as "openNow",
      count(*) filter (where ${staleListing(q.staleBefore, true)})::int as stale
    from services s where ${running(q.today)} and ${matches(f)}`.execute(db);
  return rows[0]!;
}

// Programs by intervention and population ('everyone' where none is named), under the occupation filter.
export async function selectMatrix(db: DbOrTrx, f: LandscapeFilters, today: string) {
  const { rows } = await sql<{ intervention: string; population: string; services: number }>`
    select i as intervention, p as population, count(*)::int as services
    from services s, unnest(s.intervention_types) i,
      unnest(case when cardinality(s.target_populations) = 0 then array['everyone'] else s.target_populations end) p
    where ${running(today)} and ${matches(f, ['noc'])}
    group by i, p`.execute(db);
  return rows;
}

// Programs by the broad occupational category they train for ('any' where none is named), under the
// intervention and population filters.
export async function selectOccupations(db: DbOrTrx, f: LandscapeFilters, today: string) {
  const { rows } = await sql<{ category: string; services: number }>`
    select c as category, count(*)::int as services from services s,
      unnest(case when cardinality(s.target_noc_codes) = 0 then array['any']
        else array(select distinct left(x, 1) from unnest(s.target_noc_codes) x) end) c
    where ${running(today)} and ${matches(f, ['intervention', 'population'])}
    group by c order by c`.execute(db);
  return rows;
}

// "No capacity" declines of referrals sent in the period to matching programs (whether or not they still
// run), by the neighbourhood of the client (null: not known) and by the program's intervention.
export async function selectUnmetDemand(
  db: DbOrTrx,
  f: LandscapeFilters,
  q: { from: string; to: string; timeZone: string },
) {
  const declined = sql<SqlBool>`r.status = 'declined' and r.reason = 'no_capacity'
    and (r.created_at at time zone ${q.timeZone})::date between ${q.from}::date and ${q.to}::date and ${matches(f)}`;
  // One statement: the declines once, counted by area and by intervention.
  const { rows } = await sql<{ by: 'area' | 'kind'; area: number | null; kind: string | null; declines: number }>`
    with d as materialized (
      select c.neighbourhood_id, s.intervention_types
      from referrals r join services s on s.id = r.service_id join clients c on c.id = r.client_id
      where ${declined})
    select 'area' as by, d.neighbourhood_id as area, null as kind, count(*)::int as declines from d group by d.neighbourhood_id
    union all
    select 'kind', null, i, count(*)::int from d, unnest(d.intervention_types) i group by i`.execute(db);
  return {
    byArea: rows.filter((r) => r.by === 'area').map((r) => ({ neighbourhoodId: r.area, declines: r.declines })),
    byIntervention: rows.filter((r) => r.by === 'kind').map((r) => ({ intervention: r.kind!, declines: r.declines })),
  };
}
