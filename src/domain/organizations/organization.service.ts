import type { Actor } from '../../access/actor.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { deniedError, writeAudit } from '../../access/audit.ts';
import { authorize, type Action, type Resource } from '../../access/authorize.ts';
import {
  organizationTypeSchema,
  type NewOrganization,
  type NewSite,
  type Organization,
  type OrganizationListQuery,
  type OrganizationPatch,
  type OrganizationType,
  type Site,
  type SitePatch,
} from './organization.ts';
import {
  countOrganizationsByType,
  countSiteCoverage,
  insertOrganization,
  insertSite,
  locateSite,
  organizationNameTaken,
  selectOrganization,
  selectOrganizations,
  selectSiteForUpdate,
  selectSites,
  updateOrganizationRow,
  updateSiteRow,
} from './organization.queries.ts';

// Organizations and their sites are the public directory of the system: no personal information.
// Changes follow docs/permissions.md 3.1: system administrators add organizations; they and an
// organization's agency manager change it and its sites. Every change writes an audit row.

function ensureAllowed(actor: Actor, action: Action, resource: Resource, requestId: string | undefined): void {
  const decision = authorize(actor, action, resource);
  if (decision.allowed) return;
  // The directory is public, so a refusal here is 403 (the record is visible), never a 404.
  throw deniedError(
    actor,
    { action, recordType: 'organization', recordId: resource.organizationId, reason: decision.reason, requestId },
    `Not allowed: ${decision.reason}.`,
  );
}

function pointOf(site: { latitude?: number | null | undefined; longitude?: number | null | undefined }, field: string) {
  const hasLatitude = site.latitude !== undefined && site.latitude !== null;
  const hasLongitude = site.longitude !== undefined && site.longitude !== null;
  if (hasLatitude !== hasLongitude) {
    throw new AppError('invalid', 'A site needs both latitude and longitude, or neither.', [
      { field: `${field}latitude`, message: 'give both coordinates or neither' },
    ]);
  }
  return hasLatitude && hasLongitude
    ? { latitude: site.latitude as number, longitude: site.longitude as number }
    : undefined;
}

async function assertNameFree(trx: Trx, name: string, exceptId?: string): Promise<void> {
  if (await organizationNameTaken(trx, name, exceptId)) {
    throw new AppError('conflict', `An organization named "${name}" already exists.`, [
      { field: 'name', message: 'already exists' },
    ]);
  }
}

export async function createOrganization(
  trx: Trx,
  actor: Actor,
  input: NewOrganization,
  requestId?: string,
): Promise<Organization> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first.');
  ensureAllowed(actor, 'organization.create', { kind: 'none' }, requestId);
  const id = await insertOrganizationWithSites(trx, input);
  await writeAudit(trx, actor, {
    action: 'organization.create',
    outcome: 'succeeded',
    recordType: 'organization',
    recordId: id,
    requestId,
  });
  return getOrganization(trx, actor, id);
}

// The organization and its sites, located, under a name no other organization has. The caller has
// decided who may add it (organization.create; employer.manage for an employer) and writes the audit row.
export async function insertOrganizationWithSites(trx: Trx, input: NewOrganization): Promise<string> {
  await assertNameFree(trx, input.name);
  const { sites, ...fields } = input;
  const organization = await insertOrganization(trx, fields);
  for (const [index, site] of sites.entries()) {
    const point = pointOf(site, `sites.${index}.`);
    await insertSite(trx, organization.id, site, await locateSite(trx, site.postalCode, point));
  }
  return organization.id;
}

// Changes an organization's own fields after the caller has decided who may (see insertOrganizationWithSites).
export async function updateOrganizationFields(trx: Trx, id: string, patch: OrganizationPatch): Promise<void> {
  if (patch.name !== undefined) await assertNameFree(trx, patch.name, id);
  await updateOrganizationRow(trx, id, patch);
}

// The organization, or the same 404 as for a random id.
async function existingOrganization(trx: Trx, id: string) {
  const organization = isUuid(id) ? await selectOrganization(trx, id) : undefined;
  if (!organization) throw new AppError('not_found', 'No organization has that id.');
  return organization;
}

export async function updateOrganization(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: OrganizationPatch,
  requestId?: string,
): Promise<Organization> {
  const organization = await existingOrganization(trx, id);
  ensureAllowed(actor, 'organization.update', { kind: 'organization', organizationId: organization.id }, requestId);
  await updateOrganizationFields(trx, organization.id, patch);
  await writeAudit(trx, actor, {
    action: 'organization.update',
    outcome: 'succeeded',
    recordType: 'organization',
    recordId: organization.id,
    requestId,
  });
  return getOrganization(trx, actor, organization.id);
}

async function siteOf(trx: Trx, organizationId: string, siteId: string): Promise<Site> {
  const sites = (await selectSites(trx, [organizationId])).get(organizationId) ?? [];
  const site = sites.find((s) => s.id === siteId);
  if (!site) throw new AppError('not_found', 'That organization has no site with that id.');
  return site;
}

export async function addSite(
  trx: Trx,
  actor: Actor,
  organizationId: string,
  input: NewSite,
  requestId?: string,
): Promise<Site> {
  const organization = await existingOrganization(trx, organizationId);
  ensureAllowed(actor, 'site.manage', { kind: 'organization', organizationId: organization.id }, requestId);
  const siteId = await insertSite(
    trx,
    organization.id,
    input,
    await locateSite(trx, input.postalCode, pointOf(input, '')),
  );
  await writeAudit(trx, actor, {
    action: 'site.manage',
    outcome: 'succeeded',
    recordType: 'site',
    recordId: siteId,
    requestId,
  });
  return siteOf(trx, organization.id, siteId);
}

export async function updateSite(
  trx: Trx,
  actor: Actor,
  organizationId: string,
  siteId: string,
  patch: SitePatch,
  requestId?: string,
): Promise<Site> {
  const organization = await existingOrganization(trx, organizationId);
  ensureAllowed(actor, 'site.manage', { kind: 'organization', organizationId: organization.id }, requestId);
  const current = isUuid(siteId) ? await selectSiteForUpdate(trx, organization.id, siteId) : undefined;
  if (!current) throw new AppError('not_found', 'That organization has no site with that id.');
  const { latitude, longitude, verified: _verified, ...fields } = patch;
  const coordinatesChanged = latitude !== undefined || longitude !== undefined;
  const located: Partial<{ latitude: number | null; longitude: number | null; neighbourhoodId: number | null }> = {};
  if (coordinatesChanged || fields.postalCode !== undefined) {
    // New coordinates win; otherwise the stored ones stay unless the postal code moved the site.
    const given = coordinatesChanged ? pointOf({ latitude, longitude }, '') : undefined;
    const keep =
      !coordinatesChanged &&
      fields.postalCode !== undefined &&
      fields.postalCode === current.postalCode &&
      current.latitude !== null &&
      current.longitude !== null
        ? { latitude: current.latitude, longitude: current.longitude }
        : undefined;
    Object.assign(located, await locateSite(trx, fields.postalCode ?? current.postalCode, given ?? keep));
  }
  await updateSiteRow(trx, current.id, { ...fields, ...located });
  await writeAudit(trx, actor, {
    action: 'site.manage',
    outcome: 'succeeded',
    recordType: 'site',
    recordId: current.id,
    requestId,
  });
  return siteOf(trx, organization.id, current.id);
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

// Where a postal code is: its FSA's centroid and nearest neighbourhood (for client records too).
export function locatePostalCode(
  db: DbOrTrx,
  postalCode: string,
): Promise<{ latitude: number | null; longitude: number | null; neighbourhoodId: number | null }> {
  return locateSite(db, postalCode, undefined);
}

// Where a place is: the point given (else its FSA's centroid) and the nearest neighbourhood in Toronto.
export function locatePlace(
  db: DbOrTrx,
  postalCode: string,
  point: { latitude: number; longitude: number } | undefined,
): Promise<{ latitude: number | null; longitude: number | null; neighbourhoodId: number | null }> {
  return locateSite(db, postalCode, point);
}
