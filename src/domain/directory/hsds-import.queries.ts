import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { OrganizationType } from '../organizations/organization.ts';
import type { NewContact, NewIntakeWindow, NewSchedule } from './service.ts';
import type { ServiceColumns } from './service.queries.ts';

// The SQL of the HSDS import (docs/directory.md, "Exchange"). HSDS carries organizations and their
// locations with the services, so the import is the one writer of organizations and sites outside their
// own module: it writes only the columns HSDS describes, and never an organization's type or users.

export type ImportOrganizationColumns = {
  name: string;
  nameFr: string | null;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
};

export async function selectOrganizationsForImport(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, ImportOrganizationColumns & { id: string; type: OrganizationType }>();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'nameFr', 'description', 'website', 'email', 'phone', 'type'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

// The organization already called this name (names are unique, case aside), if any.
export async function selectOrganizationIdByName(db: DbOrTrx, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .executeTakeFirst();
  return row?.id;
}

export async function insertImportedOrganization(
  trx: Trx,
  id: string,
  type: OrganizationType,
  columns: ImportOrganizationColumns,
): Promise<void> {
  await trx
    .insertInto('organizations')
    .values({ id, type, ...columns })
    .execute();
}

export async function updateImportedOrganization(
  trx: Trx,
  id: string,
  columns: ImportOrganizationColumns,
): Promise<void> {
  await trx.updateTable('organizations').set(columns).where('id', '=', id).execute();
}

export type ImportSiteColumns = {
  name: string;
  streetAddress: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  wheelchairAccessible: boolean | null;
  accessibilityDescription: string | null;
  transportation: string | null;
};

export async function selectSitesForImport(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, ImportSiteColumns & { id: string; organizationId: string }>();
  const rows = await db
    .selectFrom('sites')
    .select([
      'id',
      'organizationId',
      'name',
      'streetAddress',
      'city',
      'province',
      'postalCode',
      'country',
      'latitude',
      'longitude',
      'wheelchairAccessible',
      'accessibilityDescription',
      'transportation',
    ])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        ...r,
        latitude: r.latitude === null ? null : Number(r.latitude),
        longitude: r.longitude === null ? null : Number(r.longitude),
      },
    ]),
  );
}

export async function insertImportedSite(
  trx: Trx,
  id: string,
  organizationId: string,
  columns: ImportSiteColumns & { neighbourhoodId: number | null },
  verifiedAt: Date,
): Promise<void> {
  await trx
    .insertInto('sites')
    .values({ id, organizationId, ...columns, verifiedAt })
    .execute();
}

export async function updateImportedSite(
  trx: Trx,
  id: string,
  columns: ImportSiteColumns & { neighbourhoodId: number | null },
  verifiedAt: Date,
): Promise<void> {
  await trx
    .updateTable('sites')
    .set({ ...columns, verifiedAt })
    .where('id', '=', id)
    .execute();
}

export type ImportedListing = {
  columns: Omit<ServiceColumns, 'seats' | 'seatsOpen'>;
  siteIds: string[];
  schedules: NewSchedule[];
  intakeWindows: NewIntakeWindow[];
  contacts: NewContact[];
  // When the source last confirmed each part.
  verified: { details: Date; sites: Date; schedules: Date; intake: Date; contacts: Date };
};

// A new listing under the id its dataset gives it. Capacity is never imported.
export async function insertImportedService(
  trx: Trx,
  id: string,
  organizationId: string,
  listing: ImportedListing,
): Promise<void> {
  await trx
    .insertInto('services')
    .values({ id, organizationId, ...listing.columns, detailsVerifiedAt: listing.verified.details })
    .execute();
  await writeParts(trx, id, listing);
}

// A listing the dataset changed: its HSDS columns and parts as the dataset has them (its capacity stays).
export async function updateImportedService(trx: Trx, id: string, listing: ImportedListing): Promise<void> {
  await trx
    .updateTable('services')
    .set({
      ...listing.columns,
      detailsVerifiedAt: listing.verified.details,
      verifiedBy: null,
      verificationRequestedAt: null,
    })
    .where('id', '=', id)
    .execute();
  for (const table of ['serviceSites', 'serviceSchedules', 'serviceIntakeWindows', 'serviceContacts'] as const)
    await trx.deleteFrom(table).where('serviceId', '=', id).execute();
  await writeParts(trx, id, listing);
}

async function writeParts(trx: Trx, serviceId: string, listing: ImportedListing): Promise<void> {
  const { verified } = listing;
  if (listing.siteIds.length > 0)
    await trx
      .insertInto('serviceSites')
      .values(listing.siteIds.map((siteId) => ({ serviceId, siteId, verifiedAt: verified.sites })))
      .execute();
  if (listing.schedules.length > 0)
    await trx
      .insertInto('serviceSchedules')
      .values(
        listing.schedules.map((s) => ({
          serviceId,
          weekdays: [...new Set(s.weekdays)],
          opensAt: s.opensAt,
          closesAt: s.closesAt,
          description: s.description ?? null,
          verifiedAt: verified.schedules,
        })),
      )
      .execute();
  if (listing.intakeWindows.length > 0)
    await trx
      .insertInto('serviceIntakeWindows')
      .values(
        listing.intakeWindows.map((w) => ({
          serviceId,
          opensOn: w.opensOn,
          closesOn: w.closesOn ?? null,
          note: w.note ?? null,
          verifiedAt: verified.intake,
        })),
      )
      .execute();
  if (listing.contacts.length > 0)
    await trx
      .insertInto('serviceContacts')
      .values(
        listing.contacts.map((c) => ({
          serviceId,
          name: c.name ?? null,
          title: c.title ?? null,
          email: c.email ?? null,
          phone: c.phone ?? null,
          verifiedAt: verified.contacts,
        })),
      )
      .execute();
}

// The organization each listing belongs to, for listings the dataset names.
export async function selectServiceOwners(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('services')
    .select(['id', 'organizationId'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.organizationId]));
}

// Listings of an organization whose name changed: their search words name it.
export async function selectServiceIdsOfOrganization(db: DbOrTrx, organizationId: string): Promise<string[]> {
  const rows = await db.selectFrom('services').select('id').where('organizationId', '=', organizationId).execute();
  return rows.map((r) => r.id);
}

export async function updateSearchText(trx: Trx, id: string, searchText: string): Promise<void> {
  await trx.updateTable('services').set({ searchText }).where('id', '=', id).execute();
}

// Every record runs in a savepoint of the import's one transaction: a rejected record leaves nothing,
// the others stay.
export async function inSavepoint<T>(trx: Trx, run: () => Promise<T>): Promise<T> {
  await sql`savepoint hsds_record`.execute(trx);
  try {
    const result = await run();
    await sql`release savepoint hsds_record`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint hsds_record`.execute(trx);
    await sql`release savepoint hsds_record`.execute(trx);
    throw error;
  }
}
