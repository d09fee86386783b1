import type { Actor } from '../../access/actor.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../server/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { organizationTypeSchema, type NewOrganization, type Organization, type OrganizationListQuery, type OrganizationType } from './organization.ts';
import {
  countOrganizationsByType,
  countSiteCoverage,
  insertOrganization,
  insertSite,
  locateSite,
  organizationNameTaken,
  selectOrganization,
  selectOrganizations,
  selectSites,
} from './organization.queries.ts';

// Organizations and their sites are the public directory of the system: no personal information.
export async function createOrganization(trx: Trx, actor: Actor, input: NewOrganization): Promise<Organization> {
  if (actor.kind !== 'system') throw new AppError('forbidden', 'Only an administrator can create organizations.');
  if (await organizationNameTaken(trx, input.name)) {
    throw new AppError('conflict', `An organization named "${input.name}" already exists.`, [
      { field: 'name', message: 'already exists' },
    ]);
  }
  const { sites, ...fields } = input;
  const organization = await insertOrganization(trx, fields);
  for (const site of sites) {
    const point =
      site.latitude !== undefined && site.longitude !== undefined
        ? { latitude: site.latitude, longitude: site.longitude }
        : undefined;
    if ((site.latitude === undefined) !== (site.longitude === undefined)) {
      throw new AppError('invalid', 'A site needs both latitude and longitude, or neither.', [
        { field: 'sites.latitude', message: 'give both coordinates or neither' },
      ]);
    }
    await insertSite(trx, organization.id, site, await locateSite(trx, site.postalCode, point));
  }
  return getOrganization(trx, actor, organization.id);
}

export async function getOrganization(db: DbOrTrx, _actor: Actor, id: string): Promise<Organization> {
  const organization = isUuid(id) ? await selectOrganization(db, id) : undefined;
  if (!organization) throw new AppError('not_found', 'No organization has that id.');
  const sites = await selectSites(db, [id]);
  return { ...organization, sites: sites.get(id) ?? [] };
}

export async function listOrganizations(
  db: DbOrTrx,
  _actor: Actor,
  query: OrganizationListQuery,
): Promise<ListEnvelope<Organization>> {
  const page = await selectOrganizations(db, query);
  const sites = await selectSites(
    db,
    page.items.map((o) => o.id),
  );
  return { ...page, items: page.items.map((o) => ({ ...o, sites: sites.get(o.id) ?? [] })) };
}

export async function countOrganizationsPerType(db: DbOrTrx): Promise<{ type: OrganizationType; count: number }[]> {
  const rows = await countOrganizationsByType(db);
  return rows.map((r) => ({ type: organizationTypeSchema.parse(r.type), count: r.count }));
}

export function countSites(db: DbOrTrx): Promise<{ sites: number; fsasServed: number; neighbourhoodsServed: number }> {
  return countSiteCoverage(db);
}
