import { sql } from 'kysely';
import type { CaseTeamMembersTable } from '../../db/schema.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { clientRow, consentExists } from '../../access/facts/client-facts.ts';
import type { Candidate, Member } from './case-team.ts';

// Raw SQL (sql<Member>, sql<Candidate>): names joined from users and organizations, timestamps as
// ISO text, a role array per candidate, and the access layer's consent condition (an SQL fragment).
export async function selectMembers(db: DbOrTrx, clientId: string, includeFormer: boolean): Promise<Member[]> {
  const { rows } = await sql<Member>`
    select m.id, m.client_id as "clientId", m.user_id as "userId", u.display_name as "displayName",
      m.organization_id as "organizationId", o.name as "organizationName", m.team_role as "teamRole",
      to_json(m.created_at)#>>'{}' as "addedAt", to_json(m.removed_at)#>>'{}' as "removedAt", m.removal_reason as "removalReason"
    from case_team_members m join users u on u.id = m.user_id join organizations o on o.id = m.organization_id
    where m.client_id = ${clientId} ${includeFormer ? sql`` : sql`and m.removed_at is null`}
    order by m.removed_at is not null, m.created_at`.execute(db);
  return rows.map((r) => ({
    ...r,
    addedAt: new Date(r.addedAt).toISOString(),
    removedAt: r.removedAt ? new Date(r.removedAt).toISOString() : null,
  }));
}

export async function insertMember(
  db: DbOrTrx,
  row: {
    clientId: string;
    userId: string;
    organizationId: string;
    teamRole: CaseTeamMembersTable['teamRole'];
    addedBy: string | null;
  },
): Promise<string> {
  const { id } = await db.insertInto('caseTeamMembers').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function selectMemberForUpdate(db: DbOrTrx, clientId: string, memberId: string) {
  return db
    .selectFrom('caseTeamMembers')
    .select(['id', 'userId', 'organizationId', 'teamRole', 'removedAt'])
    .where('id', '=', memberId)
    .where('clientId', '=', clientId)
    .forUpdate()
    .executeTakeFirst();
}

export async function markRemoved(
  db: DbOrTrx,
  ids: string[],
  removedBy: string | null,
  reason: NonNullable<CaseTeamMembersTable['removalReason']>,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('caseTeamMembers')
    .set({ removedAt: new Date(), removedBy, removalReason: reason })
    .where('id', 'in', ids)
    .where('removedAt', 'is', null)
    .execute();
}

// The active members from one organization (for a revoked consent) or who are one user (handover).
export async function selectActiveMemberIds(
  db: DbOrTrx,
  filter: { clientId?: string; organizationId?: string; userId?: string; clientIds?: string[] },
) {
  let q = db
    .selectFrom('caseTeamMembers')
    .select(['id', 'clientId', 'teamRole', 'userId'])
    .where('removedAt', 'is', null);
  if (filter.clientId) q = q.where('clientId', '=', filter.clientId);
  if (filter.organizationId) q = q.where('organizationId', '=', filter.organizationId);
  if (filter.userId) q = q.where('userId', '=', filter.userId);
  if (filter.clientIds) q = q.where('clientId', 'in', filter.clientIds);
  return q.forUpdate().execute();
}

export async function selectUserForTeam(db: DbOrTrx, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'organizationId', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const roles = await db.selectFrom('userRoles').select('role').where('userId', '=', userId).execute();
  return { ...user, roles: roles.map((r) => r.role) };
}

// Active staff with a client role at the holder or at an organization an active consent for the
// client names (the rule addMember applies, from src/access), who are not active members already; the
// holder's staff first, then by name. Raw SQL: a role array per row and the access layer's condition.
export async function selectCandidates(
  db: DbOrTrx,
  clientId: string,
  roles: readonly string[],
  limit: number,
  today: string,
): Promise<{ items: Candidate[]; total: number }> {
  const client = clientRow('c');
  const { rows } = await sql<Candidate & { fullCount: string }>`
    select u.id as "userId", u.display_name as "displayName", u.organization_id as "organizationId", o.name as "organizationName",
      (u.organization_id <> c.organization_id) as "throughConsent",
      array(select ur.role from user_roles ur where ur.user_id = u.id order by ur.role) as roles,
      count(*) over () as "fullCount"
    from clients c
    join organizations o on o.id = c.organization_id or ${consentExists(client, sql.ref('o.id'), today)}
    join users u on u.organization_id = o.id
    where c.id = ${clientId} and u.status = 'active' and u.client_id is null
      and exists (select 1 from user_roles ur where ur.user_id = u.id and ur.role = any(${[...roles]}::text[]))
      and not exists (select 1 from case_team_members m where m.client_id = c.id and m.user_id = u.id and m.removed_at is null)
    order by (u.organization_id <> c.organization_id), o.name, u.display_name, u.id
    limit ${limit}`.execute(db);
  const items = rows.map(({ fullCount: _, ...r }) => ({
    ...r,
    roles: Array.isArray(r.roles) ? r.roles : String(r.roles).replace(/[{}]/g, '').split(',').filter(Boolean),
  }));
  return { items, total: rows[0] ? Number(rows[0].fullCount) : 0 };
}
