import type { DbOrTrx } from '../../db/database.ts';
import type { Moment } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import {
  hsdsLocation,
  hsdsOrganization,
  hsdsOrganizationListItem,
  hsdsPage,
  hsdsService,
  hsdsServiceListItem,
  HSDS_OPENAPI_URL,
  HSDS_VERSION,
} from './hsds.ts';
import {
  selectDirectoryOrganizations,
  selectDirectorySites,
  selectHsdsServiceIds,
  selectServiceRecords,
} from './service.queries.ts';

// The public HSDS 3.0 API (docs/directory.md): read-only, no personal information, no capacity.

export type HsdsPaging = { page: number; perPage: number };

export function hsdsAbout(publicUrl: string) {
  return { version: HSDS_VERSION, profile: `${publicUrl}/hsds/`, openapi_url: HSDS_OPENAPI_URL };
}

function foldWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export async function hsdsServicesPage(
  db: DbOrTrx,
  query: HsdsPaging & {
    search?: string | undefined;
    organizationId?: string | undefined;
    modifiedAfter?: Date | undefined;
    full: boolean;
    minimal: boolean;
  },
  moment: Moment,
) {
  const { total, ids } = await selectHsdsServiceIds(db, {
    ...(query.search ? { words: query.search } : {}),
    ...(query.organizationId ? { organizationId: query.organizationId } : {}),
    ...(query.modifiedAfter ? { modifiedAfter: query.modifiedAfter } : {}),
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  const rows = await selectServiceRecords(db, ids);
  const contents = query.minimal
    ? rows.map((r) => ({
        id: r.id,
        name: r.name,
        status: r.status === 'temporarily_closed' ? 'temporarily closed' : r.status,
        last_modified: r.updatedAt,
      }))
    : await withOrganizations(db, rows, (row, organization) =>
        query.full ? hsdsService(row, organization, moment.today) : hsdsServiceListItem(row, organization),
      );
  return hsdsPage(contents, total, query.page, query.perPage);
}

// Each listing with its provider as an HSDS organization list item (one statement for the page).
export async function withOrganizations<T>(
  db: DbOrTrx,
  rows: Awaited<ReturnType<typeof selectServiceRecords>>,
  build: (row: (typeof rows)[number], organization: Record<string, unknown>) => T,
): Promise<T[]> {
  const organizationIds = [...new Set(rows.map((r) => r.organizationId))];
  const organizations = new Map(
    (
      await selectDirectoryOrganizations(db, { ids: organizationIds, limit: organizationIds.length || 1, offset: 0 })
    ).map((o) => [o.id, hsdsOrganizationListItem(o)]),
  );
  return rows.map((row) =>
    build(
      row,
      organizations.get(row.organizationId) ?? {
        id: row.organizationId,
        name: row.organizationName,
        description: 'An organization in Toronto.',
      },
    ),
  );
}

export async function hsdsServiceById(db: DbOrTrx, id: string, moment: Moment) {
  const rows = isUuid(id) ? await selectServiceRecords(db, [id]) : [];
  const row = rows[0];
  if (!row || row.status === 'defunct') throw new AppError('not_found', 'No service has that id.');
  const [item] = await withOrganizations(db, [row], (r, organization) => hsdsService(r, organization, moment.today));
  return item!;
}

export async function hsdsOrganizationsPage(db: DbOrTrx, query: HsdsPaging & { search?: string | undefined }) {
  const rows = await selectDirectoryOrganizations(db, {
    ...(query.search ? { words: foldWords(query.search) } : {}),
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return hsdsPage(rows.map(hsdsOrganizationListItem), total, query.page, query.perPage);
}

export async function hsdsOrganizationById(db: DbOrTrx, id: string) {
  const [organization] = isUuid(id) ? await selectDirectoryOrganizations(db, { ids: [id], limit: 1, offset: 0 }) : [];
  if (!organization) throw new AppError('not_found', 'No organization has that id.');
  const sites = await selectDirectorySites(db, { organizationIds: [id], limit: 1000, offset: 0 });
  return hsdsOrganization(organization, sites);
}

export async function hsdsLocationsPage(db: DbOrTrx, query: HsdsPaging & { organizationId?: string | undefined }) {
  const rows = await selectDirectorySites(db, {
    ...(query.organizationId ? { organizationIds: [query.organizationId] } : {}),
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return hsdsPage(rows.map(hsdsLocation), total, query.page, query.perPage);
}

export async function hsdsLocationById(db: DbOrTrx, id: string) {
  const [site] = isUuid(id) ? await selectDirectorySites(db, { ids: [id], limit: 1, offset: 0 }) : [];
  if (!site) throw new AppError('not_found', 'No location has that id.');
  return hsdsLocation(site);
}
