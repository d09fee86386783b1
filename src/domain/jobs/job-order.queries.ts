import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { JobOrdersTable } from '../../db/schema.ts';

// All SQL of job orders. They read organizations and sites (public directory data) and write only
// job_orders.

export type JobOrderRow = Selectable<JobOrdersTable>;
export type JobOrderColumns = Omit<
  Insertable<JobOrdersTable>,
  'id' | 'employerId' | 'postedByOrganizationId' | 'postedByUserId' | 'createdAt' | 'updatedAt'
>;
export type JobOrderWithNames = JobOrderRow & {
  employerName: string;
  employerNameFr: string | null;
  postedByName: string;
  postedByNameFr: string | null;
};

export async function selectOrganizationKind(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').select(['id', 'name', 'type']).where('id', '=', id).executeTakeFirst();
}

export async function selectSite(db: DbOrTrx, id: string) {
  return db
    .selectFrom('sites')
    .select(['id', 'organizationId', 'postalCode', 'country'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertJobOrder(
  trx: Trx,
  owners: { employerId: string; postedByOrganizationId: string; postedByUserId: string | null },
  columns: JobOrderColumns,
): Promise<string> {
  const row = await trx
    .insertInto('jobOrders')
    .values({ ...owners, ...columns })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function selectJobOrderForUpdate(trx: Trx, id: string): Promise<JobOrderRow | undefined> {
  return trx.selectFrom('jobOrders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateJobOrderRow(trx: Trx, id: string, columns: Partial<JobOrderColumns>): Promise<void> {
  await trx.updateTable('jobOrders').set(columns).where('id', '=', id).execute();
}

export async function selectJobOrder(db: DbOrTrx, id: string): Promise<JobOrderWithNames | undefined> {
  return db
    .selectFrom('jobOrders as j')
    .innerJoin('organizations as e', 'e.id', 'j.employerId')
    .innerJoin('organizations as p', 'p.id', 'j.postedByOrganizationId')
    .selectAll('j')
    .select([
      'e.name as employerName',
      'e.nameFr as employerNameFr',
      'p.name as postedByName',
      'p.nameFr as postedByNameFr',
    ])
    .where('j.id', '=', id)
    .executeTakeFirst();
}

export async function selectJobOrderSummaries(
  db: DbOrTrx,
  filter: {
    onlyEmployerId?: string;
    employerId?: string;
    status?: 'open' | 'on_hold' | 'filled' | 'closed';
    nocPrefix?: string;
    minDecentWork?: number;
    wilType?: string;
    words?: string;
  },
  page: { limit: number; offset: number },
) {
  let query = db
    .selectFrom('jobOrders as j')
    .innerJoin('organizations as e', 'e.id', 'j.employerId')
    .select([
      'j.id',
      'j.status',
      'j.employerId',
      'e.name as employerName',
      'e.nameFr as employerNameFr',
      'j.title',
      'j.nocCode',
      'j.hoursPerWeek',
      'j.schedule',
      'j.hourlyWageCents',
      'j.permanence',
      'j.workplace',
      'j.postalCode',
      'j.openings',
      'j.closingOn',
      'j.wilType',
      'j.decentWorkScore',
      'j.decentWorkModel',
      'j.createdAt',
      sql<number>`count(*) over ()`.as('total'),
    ]);
  if (filter.onlyEmployerId) query = query.where('j.employerId', '=', filter.onlyEmployerId);
  if (filter.employerId) query = query.where('j.employerId', '=', filter.employerId);
  if (filter.status) query = query.where('j.status', '=', filter.status);
  if (filter.nocPrefix) query = query.where('j.nocCode', 'like', `${filter.nocPrefix}%`);
  if (filter.minDecentWork !== undefined) query = query.where('j.decentWorkScore', '>=', filter.minDecentWork);
  if (filter.wilType) query = query.where('j.wilType', '=', filter.wilType as 'co_op');
  if (filter.words) {
    const words = filter.words;
    query = query.where(
      sql<boolean>`client_search_key(j.title || ' ' || e.name) like '%' || client_search_key(${words}) || '%'`,
    );
  }
  return query.orderBy('j.createdAt', 'desc').orderBy('j.id').limit(page.limit).offset(page.offset).execute();
}
