import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { AUDIT_COUNT_CAP, type AccessLogEntry, type AuditQuery, type AuditRow } from './audit.ts';

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

// The client's access log: rows naming the client by people other than the client's own account(s),
// grouped by day (in `timeZone`), person, organization, action, outcome and purpose, newest first.
// Raw SQL: a grouped window count and a day taken in the city's time zone.
export async function selectAccessLog(
  db: DbOrTrx,
  q: { clientId: string; timeZone: string; page: number; perPage: number },
): Promise<{ items: AccessLogEntry[]; total: number }> {
  const { rows } = await sql<AccessLogEntry & { lastAtRaw: Date | string; total: string }>`
    select to_char(g.day, 'YYYY-MM-DD') as day, g.last_at as "lastAtRaw", coalesce(u.display_name, g.actor_name) as name,
      o.name as "organizationName", g.action, g.outcome, g.purpose, g.times::int as times, count(*) over () as total
    from (
      select (a.created_at at time zone ${q.timeZone})::date as day, a.actor_user_id, max(a.actor_name) as actor_name,
        a.actor_organization_id, a.action, a.outcome, a.purpose, max(a.created_at) as last_at, count(*) as times
      from audit_log a
      where a.client_id = ${q.clientId} and a.actor_kind = 'user'
        and not exists (select 1 from users u where u.client_id = ${q.clientId} and u.id = a.actor_user_id)
      group by 1, a.actor_user_id, a.actor_organization_id, a.action, a.outcome, a.purpose) g
    left join users u on u.id = g.actor_user_id
    left join organizations o on o.id = g.actor_organization_id
    order by g.last_at desc, g.action
    limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`.execute(db);
  const total = rows[0]
    ? Number(rows[0].total)
    : q.page === 1
      ? 0
      : Number(
          (
            await sql<{ n: string }>`select count(*) as n from (select 1 from audit_log a
              where a.client_id = ${q.clientId} and a.actor_kind = 'user'
                and not exists (select 1 from users u where u.client_id = ${q.clientId} and u.id = a.actor_user_id)
              group by (a.created_at at time zone ${q.timeZone})::date, a.actor_user_id, a.actor_organization_id,
                a.action, a.outcome, a.purpose) g`.execute(db)
          ).rows[0]?.n ?? 0,
        );
  return {
    items: rows.map(({ lastAtRaw, total: _total, ...r }) => ({ ...r, lastAt: new Date(lastAtRaw).toISOString() })),
    total,
  };
}
