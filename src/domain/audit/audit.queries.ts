import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { AUDIT_COUNT_CAP, type AuditQuery, type AuditRow } from './audit.ts';

// The filters of an audit search; `organizationId` is the actor's organization, set by the service
// for callers who may read only their own organization's rows.
export type AuditFilter = Omit<AuditQuery, 'page' | 'perPage'> & { clientId?: string };

export async function selectAuditRows(
  db: DbOrTrx,
  filter: AuditFilter,
  page: { page: number; perPage: number },
): Promise<{ items: AuditRow[]; total: number; totalCapped: boolean }> {
  let base = db.selectFrom('auditLog');
  if (filter.actorUserId) base = base.where('auditLog.actorUserId', '=', filter.actorUserId);
  if (filter.organizationId) base = base.where('auditLog.actorOrganizationId', '=', filter.organizationId);
  if (filter.outcome) base = base.where('auditLog.outcome', '=', filter.outcome);
  if (filter.recordId) base = base.where('auditLog.recordId', '=', filter.recordId);
  if (filter.clientId) base = base.where('auditLog.clientId', '=', filter.clientId);
  if (filter.action) {
    const action = filter.action;
    base = base.where((eb) =>
      eb.or([eb('auditLog.action', '=', action), eb('auditLog.action', 'like', `${action}.%`)]),
    );
  }
  if (filter.from) base = base.where('auditLog.createdAt', '>=', new Date(filter.from));
  if (filter.to) base = base.where('auditLog.createdAt', '<', new Date(filter.to));
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users', 'users.id', 'auditLog.actorUserId')
      .leftJoin('organizations', 'organizations.id', 'auditLog.actorOrganizationId')
      .select([
        'auditLog.id',
        'auditLog.createdAt',
        'auditLog.actorKind',
        'auditLog.actorUserId',
        // The name at the time for sign-in attempts and system actors, else the user's current name.
        sql<string | null>`coalesce(users.display_name, audit_log.actor_name)`.as('actorName'),
        'users.email as actorEmail',
        'auditLog.actorOrganizationId',
        'organizations.name as actorOrganizationName',
        'auditLog.action',
        'auditLog.outcome',
        'auditLog.recordType',
        'auditLog.recordId',
        'auditLog.recordIds',
        'auditLog.clientId',
        'auditLog.purpose',
        'auditLog.reason',
        'auditLog.requestId',
      ])
      .orderBy('auditLog.id', 'desc')
      .limit(page.perPage)
      .offset((page.page - 1) * page.perPage)
      .execute(),
    // Counted over at most AUDIT_COUNT_CAP + 1 rows: past the cap the total is "at least".
    db
      .selectFrom(
        base
          .select(sql`1`.as('one'))
          .limit(AUDIT_COUNT_CAP + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.total);
  return {
    items: rows.map(({ createdAt, id, ...r }) => ({ ...r, id: Number(id), at: new Date(createdAt).toISOString() })),
    total: Math.min(total, AUDIT_COUNT_CAP),
    totalCapped: total > AUDIT_COUNT_CAP,
  };
}
