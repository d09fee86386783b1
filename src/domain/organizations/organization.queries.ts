import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { containsPattern } from '../../lib/sql-text.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import type {
  NewOrganization,
  NewSite,
  Organization,
  OrganizationListQuery,
  OrganizationPatch,
  Site,
} from './organization.ts';

type OrganizationRow = Omit<Organization, 'sites'>;

const organizationColumns = ['id', 'name', 'nameFr', 'type', 'website', 'phone', 'email', 'offersFrench'] as const;

export async function insertOrganization(db: DbOrTrx, input: Omit<NewOrganization, 'sites'>): Promise<OrganizationRow> {
  const row = await db
    .insertInto('organizations')
    .values({
      name: input.name,
      nameFr: input.nameFr ?? null,
      type: input.type,
      website: input.website ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      offersFrench: input.offersFrench,
    })
    .returning(organizationColumns)
    .executeTakeFirstOrThrow();
  return row as OrganizationRow;
}

// Whether another organization (not `exceptId`) already has this name, in any letter case.
export async function organizationNameTaken(db: DbOrTrx, name: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('organizations')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function updateOrganizationRow(db: DbOrTrx, id: string, patch: OrganizationPatch): Promise<void> {
  await db.updateTable('organizations').set(patch).where('id', '=', id).execute();
}

// The site as stored, for a change: undefined when the organization has no such site.
export async function selectSiteForUpdate(db: DbOrTrx, organizationId: string, siteId: string) {
  return db
    .selectFrom('sites')
    .select(['id', 'postalCode', 'latitude', 'longitude'])
    .where('id', '=', siteId)
    .where('organizationId', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateSiteRow(
  db: DbOrTrx,
  siteId: string,
  fields: Partial<{
    name: string;
    streetAddress: string;
    city: string;
    province: string;
    postalCode: string;
    wheelchairAccessible: boolean | null;
    accessibilityDescription: string | null;
    transportation: string | null;
    latitude: number | null;
    longitude: number | null;
    neighbourhoodId: number | null;
  }>,
): Promise<void> {
  // Any change confirms the site's details as they now stand.
  await db
    .updateTable('sites')
    .set({ ...fields, verifiedAt: sql<Date>`now()` })
    .where('id', '=', siteId)
    .execute();
}

// Where a site is when only its postal code is known: the FSA's centroid (an approximation)
// and the neighbourhood whose centroid is nearest to the point.
export async function locateSite(
  db: DbOrTrx,
  postalCode: string,
  point: { latitude: number; longitude: number } | undefined,
): Promise<{ latitude: number | null; longitude: number | null; neighbourhoodId: number | null }> {
  let located = point;
  if (!located) {
    const fsa = await db
      .selectFrom('forwardSortationAreas')
      .select(['latitude', 'longitude'])
      .where('code', '=', postalCode.slice(0, 3))
      .executeTakeFirst();
    if (fsa) located = { latitude: fsa.latitude, longitude: fsa.longitude };
  }
  if (!located) return { latitude: null, longitude: null, neighbourhoodId: null };
  // Equirectangular distance is plenty at a city's scale.
  const nearest = await db
    .selectFrom('neighbourhoods')
    .select('id')
    .orderBy(sql`power(latitude - ${located.latitude}, 2) + power((longitude - ${located.longitude}) * 0.7236, 2)`)
    .limit(1)
    .executeTakeFirst();
  const inToronto =
    located.latitude > 43.55 && located.latitude < 43.9 && located.longitude > -79.7 && located.longitude < -79.1;
  return {
    latitude: located.latitude,
    longitude: located.longitude,
    neighbourhoodId: inToronto ? (nearest?.id ?? null) : null,
  };
}

export async function insertSite(
  db: DbOrTrx,
  organizationId: string,
  site: NewSite,
  location: { latitude: number | null; longitude: number | null; neighbourhoodId: number | null },
): Promise<string> {
  const row = await db
    .insertInto('sites')
    .values({
      organizationId,
      name: site.name,
      streetAddress: site.streetAddress,
      city: site.city,
      province: site.province,
      postalCode: site.postalCode,
      latitude: location.latitude,
      longitude: location.longitude,
      neighbourhoodId: location.neighbourhoodId,
      wheelchairAccessible: site.wheelchairAccessible ?? null,
      accessibilityDescription: site.accessibilityDescription ?? null,
      transportation: site.transportation ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function selectSites(db: DbOrTrx, organizationIds: string[]): Promise<Map<string, Site[]>> {
  const bySite = new Map<string, Site[]>();
  if (organizationIds.length === 0) return bySite;
  const rows = await db
    .selectFrom('sites')
    .leftJoin('neighbourhoods', 'neighbourhoods.id', 'sites.neighbourhoodId')
    .select([
      'sites.id',
      'sites.organizationId',
      'sites.name',
      'sites.streetAddress',
      'sites.city',
      'sites.province',
      'sites.postalCode',
      'sites.neighbourhoodId',
      'neighbourhoods.name as neighbourhoodName',
      'sites.latitude',
      'sites.longitude',
      'sites.wheelchairAccessible',
      'sites.accessibilityDescription',
      'sites.transportation',
      'sites.verifiedAt',
    ])
    .where('sites.organizationId', 'in', organizationIds)
    .orderBy('sites.name')
    .execute();
  for (const { organizationId, ...site } of rows) {
    const list = bySite.get(organizationId) ?? [];
    list.push({ ...site, verifiedAt: new Date(site.verifiedAt).toISOString() });
    bySite.set(organizationId, list);
  }
  return bySite;
}

export async function selectOrganization(db: DbOrTrx, id: string): Promise<OrganizationRow | undefined> {
  const row = await db.selectFrom('organizations').select(organizationColumns).where('id', '=', id).executeTakeFirst();
  return row as OrganizationRow | undefined;
}

export async function selectOrganizations(
  db: DbOrTrx,
  query: OrganizationListQuery,
): Promise<ListEnvelope<OrganizationRow>> {
  let base = db.selectFrom('organizations');
  if (query.type) base = base.where('type', '=', query.type);
  if (query.offersFrench !== undefined) base = base.where('offersFrench', '=', query.offersFrench);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('nameFr', 'ilike', pattern)]));
  }
  if (query.fsa) {
    const fsa = query.fsa;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('sites')
          .select(sql`1`.as('one'))
          .whereRef('sites.organizationId', '=', 'organizations.id')
          .where(sql<string>`left(sites.postal_code, 3)`, '=', fsa),
      ),
    );
  }
  const [items, count] = await Promise.all([
    base
      .select(organizationColumns)
      .orderBy('name')
      .orderBy('id')
      .limit(query.perPage)
      .offset((query.page - 1) * query.perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as OrganizationRow[], total: Number(count.total), page: query.page, perPage: query.perPage };
}

export async function countOrganizationsByType(db: DbOrTrx): Promise<{ type: string; count: number }[]> {
  const rows = await db
    .selectFrom('organizations')
    .select(['type', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('type')
    .orderBy('type')
    .execute();
  return rows.map((r) => ({ type: r.type, count: Number(r.count) }));
}

export async function countSiteCoverage(
  db: DbOrTrx,
): Promise<{ sites: number; fsasServed: number; neighbourhoodsServed: number }> {
  const row = await db
    .selectFrom('sites')
    .select([
      (eb) => eb.fn.countAll<number>().as('sites'),
      sql<number>`count(distinct left(postal_code, 3))`.as('fsasServed'),
      sql<number>`count(distinct neighbourhood_id)`.as('neighbourhoodsServed'),
    ])
    .executeTakeFirstOrThrow();
  return {
    sites: Number(row.sites),
    fsasServed: Number(row.fsasServed),
    neighbourhoodsServed: Number(row.neighbourhoodsServed),
  };
}
