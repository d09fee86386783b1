import { sql, type Expression, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { CUSTOM_PLAN } from '../../db/connection.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { NewContact, NewIntakeWindow, NewSchedule, ServiceStatus } from './service.ts';
import { intakeOpenOn, kmBetween, staleListing } from './listing-sql.ts';

// All SQL of the directory. It reads organizations, sites, neighbourhoods and forward sortation areas
// (public reference data) and writes only its own tables.

export type ServiceRow = {
  id: string;
  organizationId: string;
  status: ServiceStatus;
  seats: number | null;
  seatsOpen: number | null;
  minimumAge: number | null;
  maximumAge: number | null;
  startsOn: string | null;
  endsOn: string | null;
};

export type ServiceColumns = {
  name: string;
  nameFr: string | null;
  alternateName: string | null;
  description: string;
  descriptionFr: string | null;
  url: string | null;
  email: string | null;
  phone: string | null;
  status: ServiceStatus;
  interventionTypes: string[];
  targetNocCodes: string[];
  targetNaicsCodes: string[];
  targetPopulations: string[];
  languages: string[];
  deliveryMode: 'in_person' | 'virtual' | 'hybrid';
  eligibilityDescription: string | null;
  eligibilityDescriptionFr: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  credentialAwarded: string | null;
  funder: string | null;
  startsOn: string | null;
  endsOn: string | null;
  seats: number | null;
  seatsOpen: number | null;
  searchText: string;
};

export async function insertService(
  trx: Trx,
  organizationId: string,
  columns: ServiceColumns,
  verifiedBy: string | null,
): Promise<string> {
  const row = await trx
    .insertInto('services')
    .values({
      organizationId,
      ...columns,
      capacityVerifiedAt: columns.seats === null ? null : sql<Date>`now()`,
      verifiedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function selectServiceForUpdate(trx: Trx, id: string): Promise<ServiceRow | undefined> {
  return trx
    .selectFrom('services')
    .select(['id', 'organizationId', 'status', 'seats', 'seatsOpen', 'minimumAge', 'maximumAge', 'startsOn', 'endsOn'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

// A change: the columns given, the details confirmed; capacity confirmed when seats were touched.
export async function updateServiceRow(
  trx: Trx,
  id: string,
  columns: Partial<ServiceColumns>,
  options: { capacityTouched: boolean; verifiedBy: string | null },
): Promise<void> {
  await trx
    .updateTable('services')
    .set({
      ...columns,
      detailsVerifiedAt: sql<Date>`now()`,
      verifiedBy: options.verifiedBy,
      verificationRequestedAt: null,
      ...(options.capacityTouched
        ? { capacityVerifiedAt: sql<Date | null>`case when ${sql.ref('seats')} is null then null else now() end` }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

// Confirms every part of a listing as it stands.
export async function markServiceVerified(trx: Trx, id: string, verifiedBy: string | null): Promise<void> {
  await trx
    .updateTable('services')
    .set({
      detailsVerifiedAt: sql<Date>`now()`,
      capacityVerifiedAt: sql<Date | null>`case when seats is null then null else now() end`,
      verifiedBy,
      verificationRequestedAt: null,
    })
    .where('id', '=', id)
    .execute();
  for (const table of ['serviceSites', 'serviceSchedules', 'serviceIntakeWindows', 'serviceContacts'] as const) {
    await trx
      .updateTable(table)
      .set({ verifiedAt: sql<Date>`now()` })
      .where('serviceId', '=', id)
      .execute();
  }
}

// Which of these sites belong to the organization.
export async function selectOwnSiteIds(
  db: DbOrTrx,
  organizationId: string,
  siteIds: readonly string[],
): Promise<Set<string>> {
  if (siteIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('sites')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', 'in', [...siteIds])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function selectOrganizationForService(
  db: DbOrTrx,
  id: string,
): Promise<{ id: string; name: string; nameFr: string | null; type: string } | undefined> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'nameFr', 'type'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function replaceServiceSites(trx: Trx, serviceId: string, siteIds: readonly string[]): Promise<void> {
  let remove = trx.deleteFrom('serviceSites').where('serviceId', '=', serviceId);
  if (siteIds.length > 0) remove = remove.where('siteId', 'not in', [...siteIds]);
  await remove.execute();
  if (siteIds.length === 0) return;
  await trx
    .insertInto('serviceSites')
    .values(siteIds.map((siteId) => ({ serviceId, siteId })))
    .onConflict((oc) => oc.columns(['serviceId', 'siteId']).doUpdateSet({ verifiedAt: sql<Date>`now()` }))
    .execute();
}

export async function replaceSchedules(trx: Trx, serviceId: string, schedules: readonly NewSchedule[]): Promise<void> {
  await trx.deleteFrom('serviceSchedules').where('serviceId', '=', serviceId).execute();
  if (schedules.length === 0) return;
  await trx
    .insertInto('serviceSchedules')
    .values(
      schedules.map((s) => ({
        serviceId,
        weekdays: [...new Set(s.weekdays)],
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        description: s.description ?? null,
      })),
    )
    .execute();
}

export async function replaceIntakeWindows(
  trx: Trx,
  serviceId: string,
  windows: readonly NewIntakeWindow[],
): Promise<void> {
  await trx.deleteFrom('serviceIntakeWindows').where('serviceId', '=', serviceId).execute();
  if (windows.length === 0) return;
  await trx
    .insertInto('serviceIntakeWindows')
    .values(windows.map((w) => ({ serviceId, opensOn: w.opensOn, closesOn: w.closesOn ?? null, note: w.note ?? null })))
    .execute();
}

export async function replaceContacts(trx: Trx, serviceId: string, contacts: readonly NewContact[]): Promise<void> {
  await trx.deleteFrom('serviceContacts').where('serviceId', '=', serviceId).execute();
  if (contacts.length === 0) return;
  await trx
    .insertInto('serviceContacts')
    .values(
      contacts.map((c) => ({
        serviceId,
        name: c.name ?? null,
        title: c.title ?? null,
        email: c.email ?? null,
        phone: c.phone ?? null,
      })),
    )
    .execute();
}

// Timestamps come back from json_agg as text in the server's format: one form for every answer.
const iso = (value: string | Date) => new Date(value).toISOString();

// What every answer about a listing names: the listing, its provider, its names and descriptions.
const listingColumns = [
  's.id',
  's.organizationId',
  'o.name as organizationName',
  'o.nameFr as organizationNameFr',
  's.name',
  's.nameFr',
  's.alternateName',
  's.description',
  's.descriptionFr',
] as const;

// Full listings, with their organization, sites, schedules, intake windows and contacts, in one statement.
export async function selectServiceRecords(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('services as s')
    .innerJoin('organizations as o', 'o.id', 's.organizationId')
    .select([
      ...listingColumns,
      's.url',
      's.email',
      's.phone',
      's.status',
      's.interventionTypes',
      's.targetNocCodes',
      's.targetNaicsCodes',
      's.targetPopulations',
      's.languages',
      's.deliveryMode',
      's.eligibilityDescription',
      's.eligibilityDescriptionFr',
      's.minimumAge',
      's.maximumAge',
      's.applicationProcess',
      's.feesDescription',
      's.credentialAwarded',
      's.funder',
      's.startsOn',
      's.endsOn',
      's.seats',
      's.seatsOpen',
      's.detailsVerifiedAt',
      's.capacityVerifiedAt',
      's.createdAt',
      's.updatedAt',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('serviceSites as ss')
          .innerJoin('sites as st', 'st.id', 'ss.siteId')
          .leftJoin('neighbourhoods as n', 'n.id', 'st.neighbourhoodId')
          .select([
            'ss.id',
            'ss.siteId',
            'st.name',
            'st.streetAddress',
            'st.city',
            'st.province',
            'st.postalCode',
            'st.country',
            'st.neighbourhoodId',
            'n.name as neighbourhoodName',
            'st.latitude',
            'st.longitude',
            'st.wheelchairAccessible',
            'st.accessibilityDescription',
            'st.transportation',
            'st.organizationId',
            // The older of the two confirmations: the link and the site's own details.
            sql<string>`least(ss.verified_at, st.verified_at)`.as('verifiedAt'),
          ])
          .whereRef('ss.serviceId', '=', 's.id')
          .orderBy('st.name'),
      ).as('sites'),
      jsonArrayFrom(
        eb
          .selectFrom('serviceSchedules as sc')
          .select(['sc.id', 'sc.weekdays', 'sc.opensAt', 'sc.closesAt', 'sc.description', 'sc.verifiedAt'])
          .whereRef('sc.serviceId', '=', 's.id')
          .orderBy('sc.opensAt')
          .orderBy('sc.id'),
      ).as('schedules'),
      jsonArrayFrom(
        eb
          .selectFrom('serviceIntakeWindows as iw')
          .select(['iw.id', 'iw.opensOn', 'iw.closesOn', 'iw.note', 'iw.verifiedAt'])
          .whereRef('iw.serviceId', '=', 's.id')
          .orderBy('iw.opensOn')
          .orderBy('iw.id'),
      ).as('intakeWindows'),
      jsonArrayFrom(
        eb
          .selectFrom('serviceContacts as c')
          .select(['c.id', 'c.name', 'c.title', 'c.email', 'c.phone', 'c.verifiedAt'])
          .whereRef('c.serviceId', '=', 's.id')
          .orderBy('c.createdAt')
          .orderBy('c.id'),
      ).as('contacts'),
    ])
    .where('s.id', 'in', [...ids])
    .execute();
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        ...r,
        detailsVerifiedAt: iso(r.detailsVerifiedAt),
        capacityVerifiedAt: r.capacityVerifiedAt === null ? null : iso(r.capacityVerifiedAt),
        createdAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
        sites: r.sites.map((s) => ({ ...s, verifiedAt: iso(s.verifiedAt) })),
        schedules: r.schedules.map((s) => ({
          ...s,
          opensAt: s.opensAt.slice(0, 5),
          closesAt: s.closesAt.slice(0, 5),
          verifiedAt: iso(s.verifiedAt),
        })),
        intakeWindows: r.intakeWindows.map((w) => ({ ...w, verifiedAt: iso(w.verifiedAt) })),
        contacts: r.contacts.map((c) => ({ ...c, verifiedAt: iso(c.verifiedAt) })),
      },
    ]),
  );
  // In the order asked.
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
export type ServiceRecordRow = Awaited<ReturnType<typeof selectServiceRecords>>[number];

export async function fsaCentre(
  db: DbOrTrx,
  fsa: string,
): Promise<{ latitude: number; longitude: number } | undefined> {
  return db
    .selectFrom('forwardSortationAreas')
    .select(['latitude', 'longitude'])
    .where('code', '=', fsa)
    .executeTakeFirst();
}

export type SearchFilters = {
  words?: string | undefined;
  interventionTypes?: readonly string[] | undefined;
  nocPrefix?: string | undefined;
  naicsCodes?: readonly string[] | undefined;
  populations?: readonly string[] | undefined;
  language?: string | undefined;
  deliveryMode?: string | undefined;
  organizationId?: string | undefined;
  origin?: { latitude: number; longitude: number } | undefined;
  withinKm: number;
  intake?: 'open_now' | 'open_soon' | undefined;
  stale?: boolean | undefined;
  // Whether capacity's confirmation counts (staff only: the public is not told capacity exists).
  staleCapacity: boolean;
  includeInactive: boolean;
  today: string;
  soon: string;
  staleBefore: Date;
  sort: 'relevance' | 'distance' | 'name';
  limit: number;
  offset: number;
};

// The words as a query in both languages, accents folded the way the stored document was.
function wordsQuery(words: string) {
  return sql`(websearch_to_tsquery('english', client_search_key(${words})) || websearch_to_tsquery('french', client_search_key(${words})))`;
}

// Kilometres from the origin to a site `st` (haversine on the earth's mean radius).
function kmFrom(origin: { latitude: number; longitude: number }) {
  return kmBetween(origin, { latitude: sql.ref<number>('st.latitude'), longitude: sql.ref<number>('st.longitude') });
}

// One page of matching listings (ids, with the distance to the nearest site when an origin is given) and
// the total. Distances are measured from the sites within a box around the origin (a city has a few
// thousand sites, a box of 5 km a few hundred), so no listing is measured one by one; the listings are
// then weighed from the covering index alone (0026, 0028), a hash join away from their distances.
export async function searchServiceIds(db: DbOrTrx, f: SearchFilters) {
  const origin = f.origin;
  let selected = db
    // The listings with a site within reach of the origin, and the distance to the nearest one. Without
    // an origin the table is empty, and the planner drops it.
    .with('near', (eb) => {
      if (!origin)
        return eb
          .selectFrom('serviceSites as ss')
          .select(['ss.serviceId', sql<number>`0`.as('km')])
          .where(sql<SqlBool>`false`);
      // The box holds every point within withinKm: a degree of latitude is 111 km, of longitude
      // 111 km × cos(latitude).
      const dLat = f.withinKm / 111;
      const dLon = f.withinKm / (111 * Math.cos((origin.latitude * Math.PI) / 180));
      const sites = eb
        .selectFrom('sites as st')
        .select(['st.id', kmFrom(origin).as('km')])
        .where('st.latitude', '>=', origin.latitude - dLat)
        .where('st.latitude', '<=', origin.latitude + dLat)
        .where('st.longitude', '>=', origin.longitude - dLon)
        .where('st.longitude', '<=', origin.longitude + dLon)
        .as('st');
      return eb
        .selectFrom(sites)
        .innerJoin('serviceSites as ss', 'ss.siteId', 'st.id')
        .select(['ss.serviceId', sql<number>`min(st.km)`.as('km')])
        .where('st.km', '<=', f.withinKm)
        .groupBy('ss.serviceId');
    })
    .selectFrom('services as s')
    .leftJoin('near', 'near.serviceId', 's.id')
    .select(['s.id', 'near.km'])
    .select(sql<number>`count(*) over ()`.as('total'));

  const conditions: Expression<SqlBool>[] = [];
  if (!f.includeInactive) selected = selected.where('s.status', '=', 'active');
  if (f.words) conditions.push(sql<SqlBool>`s.search_document @@ ${wordsQuery(f.words)}`);
  if (f.interventionTypes?.length)
    conditions.push(sql<SqlBool>`s.intervention_types && ${sql.val([...f.interventionTypes])}::text[]`);
  if (f.nocPrefix)
    conditions.push(sql<SqlBool>`exists (select from unnest(s.target_noc_codes) c where c like ${`${f.nocPrefix}%`})`);
  if (f.naicsCodes?.length)
    conditions.push(sql<SqlBool>`s.target_naics_codes && ${sql.val([...f.naicsCodes])}::text[]`);
  if (f.populations?.length)
    conditions.push(sql<SqlBool>`s.target_populations && ${sql.val([...f.populations])}::text[]`);
  if (f.language) conditions.push(sql<SqlBool>`${f.language} = any (s.languages)`);
  if (f.deliveryMode) conditions.push(sql<SqlBool>`s.delivery_mode = ${f.deliveryMode}`);
  if (f.organizationId) conditions.push(sql<SqlBool>`s.organization_id = ${f.organizationId}`);
  // In reach: a site near enough, or online (online services reach everyone, wherever they are).
  if (f.origin) conditions.push(sql<SqlBool>`(near.km is not null or s.delivery_mode = 'virtual')`);
  if (f.intake) {
    // Seats left, and a window open by then (no window at all: continuous intake).
    conditions.push(intakeOpenOn(f.today, f.intake === 'open_now' ? f.today : f.soon));
  }
  if (f.stale !== undefined) {
    const stale = staleListing(f.staleBefore, f.staleCapacity);
    conditions.push(f.stale ? stale : sql<SqlBool>`not ${stale}`);
  }
  for (const condition of conditions) selected = selected.where(condition);

  const byName = sql`s.sort_name, s.id`;
  const byDistance = sql`near.km asc nulls last, ${byName}`;
  switch (f.sort) {
    case 'relevance':
      selected = f.words
        ? selected.orderBy(sql`ts_rank(s.search_document, ${wordsQuery(f.words)}) desc, ${byName}`)
        : selected.orderBy(f.origin ? byDistance : byName);
      break;
    case 'distance':
      selected = selected.orderBy(f.origin ? byDistance : byName);
      break;
    case 'name':
      selected = selected.orderBy(byName);
      break;
    default: {
      const unknown: never = f.sort;
      throw new Error(`unknown sort ${String(unknown)}`);
    }
  }
  const rows = await selected.limit(f.limit).offset(f.offset).modifyEnd(sql.raw(CUSTOM_PLAN)).execute();
  return {
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
    rows: rows.map((r) => ({ id: r.id, km: r.km === null ? null : Number(r.km) })),
  };
}

// Summaries for a page of search results: the columns a result shows and the facts its rules need.
export async function selectServiceSummaries(
  db: DbOrTrx,
  ids: readonly string[],
  origin: { latitude: number; longitude: number } | undefined,
) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('services as s')
    .innerJoin('organizations as o', 'o.id', 's.organizationId')
    .select([
      ...listingColumns,
      's.eligibilityDescription',
      's.eligibilityDescriptionFr',
      's.credentialAwarded',
      's.funder',
      's.status',
      's.interventionTypes',
      's.targetNocCodes',
      's.targetNaicsCodes',
      's.targetPopulations',
      's.languages',
      's.deliveryMode',
      's.seats',
      's.seatsOpen',
      's.detailsVerifiedAt',
      's.capacityVerifiedAt',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('serviceIntakeWindows as iw')
          .select(['iw.opensOn', 'iw.closesOn'])
          .whereRef('iw.serviceId', '=', 's.id'),
      ).as('intakeWindows'),
      // The nearest site to the origin (without one, the first by name), for the page's rows only.
      jsonArrayFrom(
        eb
          .selectFrom('serviceSites as ss')
          .innerJoin('sites as st', 'st.id', 'ss.siteId')
          .leftJoin('neighbourhoods as n', 'n.id', 'st.neighbourhoodId')
          .select(['st.name', 'n.name as neighbourhoodName'])
          .select(origin ? kmFrom(origin).as('km') : sql<number | null>`null::float8`.as('km'))
          .whereRef('ss.serviceId', '=', 's.id')
          .orderBy(origin ? kmFrom(origin) : sql`st.name`)
          .limit(1),
      ).as('nearestSite'),
      // The oldest confirmation among the listing's parts, for the stale flag.
      sql<string | null>`(select min(t) from (
        select least(x.verified_at, y.verified_at) t from service_sites x join sites y on y.id = x.site_id where x.service_id = s.id
        union all select x.verified_at from service_schedules x where x.service_id = s.id
        union all select x.verified_at from service_intake_windows x where x.service_id = s.id
        union all select x.verified_at from service_contacts x where x.service_id = s.id) parts)`.as('partsVerifiedAt'),
    ])
    .where('s.id', 'in', [...ids])
    .execute();
}

// Listings of organizations, for HSDS (organization list and record).
export async function selectDirectoryOrganizations(
  db: DbOrTrx,
  options: { ids?: readonly string[]; words?: string; limit: number; offset: number },
) {
  let query = db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.name', 'o.nameFr', 'o.type', 'o.website', 'o.email', 'o.phone', 'o.description', 'o.updatedAt'])
    .select(sql<number>`count(*) over ()`.as('total'))
    // Employers are not providers: the directory lists those who deliver services.
    .where('o.type', '!=', 'employer');
  if (options.ids)
    query = query.where('o.id', 'in', options.ids.length ? [...options.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (options.words)
    query = query.where(
      sql<SqlBool>`client_search_key(o.name || ' ' || coalesce(o.name_fr, '')) like ${`%${options.words}%`}`,
    );
  return query.orderBy('o.name').orderBy('o.id').limit(options.limit).offset(options.offset).execute();
}

export async function selectServiceIdsOfOrganizations(db: DbOrTrx, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .selectFrom('services')
    .select(['id', 'organizationId'])
    .where('organizationId', 'in', [...organizationIds])
    .where('status', '!=', 'defunct')
    .orderBy('name')
    .execute();
}

// Sites as HSDS locations, with the organization's id.
export async function selectDirectorySites(
  db: DbOrTrx,
  options: { ids?: readonly string[]; organizationIds?: readonly string[]; limit: number; offset: number },
) {
  let query = db
    .selectFrom('sites as st')
    .innerJoin('organizations as o', 'o.id', 'st.organizationId')
    .select([
      'st.id',
      'st.organizationId',
      'st.name',
      'st.streetAddress',
      'st.city',
      'st.province',
      'st.postalCode',
      'st.country',
      'st.latitude',
      'st.longitude',
      'st.wheelchairAccessible',
      'st.accessibilityDescription',
      'st.transportation',
      'st.updatedAt',
    ])
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('o.type', '!=', 'employer');
  if (options.ids)
    query = query.where(
      'st.id',
      'in',
      options.ids.length ? [...options.ids] : ['00000000-0000-0000-0000-000000000000'],
    );
  if (options.organizationIds)
    query = query.where(
      'st.organizationId',
      'in',
      options.organizationIds.length ? [...options.organizationIds] : ['00000000-0000-0000-0000-000000000000'],
    );
  return query.orderBy('st.name').orderBy('st.id').limit(options.limit).offset(options.offset).execute();
}

// Services page for HSDS, filtered as HSDS defines: full text, organization, modified after.
export async function selectHsdsServiceIds(
  db: DbOrTrx,
  options: { words?: string; organizationId?: string; modifiedAfter?: Date; limit: number; offset: number },
) {
  let query = db
    .selectFrom('services as s')
    .select(['s.id'])
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('s.status', '!=', 'defunct');
  if (options.words) query = query.where(sql<SqlBool>`s.search_document @@ ${wordsQuery(options.words)}`);
  if (options.organizationId) query = query.where('s.organizationId', '=', options.organizationId);
  if (options.modifiedAfter) query = query.where('s.updatedAt', '>=', options.modifiedAfter);
  const rows = await query
    .orderBy('s.sortName')
    .orderBy('s.id')
    .limit(options.limit)
    .offset(options.offset)
    .modifyEnd(sql.raw(CUSTOM_PLAN))
    .execute();
  return { total: rows.length ? Number(rows[0]!.total) : 0, ids: rows.map((r) => r.id) };
}

// Likely duplicates of a listing: another listing of the same provider, or at a shared site, whose name
// reads nearly the same (trigram similarity of the folded names at least 0.6); or one of another
// provider with the same folded name and a kind of program in common, when the two providers' names also
// read nearly the same (the same agency entered twice, by hand or by an import).
export async function selectPossibleDuplicates(db: DbOrTrx, serviceId: string) {
  const { rows } = await sql<{
    id: string;
    name: string;
    organizationId: string;
    organizationName: string;
    similarity: number;
  }>`
    select o.id, o.name, o.organization_id as "organizationId", org.name as "organizationName",
      round(similarity(o.sort_name, s.sort_name)::numeric, 2)::float8 as similarity
    from services s
    join services o on o.id <> s.id and o.status <> 'defunct'
      and o.sort_name % s.sort_name
    join organizations org on org.id = o.organization_id
    join organizations sorg on sorg.id = s.organization_id
    where s.id = ${serviceId}
      and similarity(o.sort_name, s.sort_name) >= 0.6
      and (
        o.organization_id = s.organization_id
        or exists (select from service_sites a join service_sites b on b.site_id = a.site_id
          where a.service_id = s.id and b.service_id = o.id)
        or (o.sort_name = s.sort_name and o.intervention_types && s.intervention_types
          and similarity(client_search_key(org.name), client_search_key(sorg.name)) >= 0.6)
      )
    order by similarity desc, o.name, o.id
    limit 5`.execute(db);
  return rows;
}

// Every listing's id, in id order from after the one given (the export pages through the directory).
export async function selectServiceIdsAfter(db: DbOrTrx, afterId: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('services').select('id').orderBy('id').limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return (await query.execute()).map((r) => r.id);
}

export async function countServices(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('services')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
