import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Role, User } from './account.ts';

type UserRow = Omit<User, 'roles'> & { passwordHash: string | null };

const userColumns = ['users.id', 'users.organizationId', 'users.email', 'users.displayName', 'users.status', 'users.preferredLanguage'] as const;

async function withRoles<T extends { id: string }>(db: DbOrTrx, rows: T[]): Promise<(T & { roles: Role[] })[]> {
  if (rows.length === 0) return [];
  const roleRows = await db
    .selectFrom('userRoles')
    .select(['userId', 'role'])
    .where(
      'userId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('role')
    .execute();
  return rows.map((r) => ({ ...r, roles: roleRows.filter((x) => x.userId === r.id).map((x) => x.role as Role) }));
}

export async function insertUser(
  db: DbOrTrx,
  input: { organizationId: string; email: string; displayName: string; preferredLanguage: 'en' | 'fr'; passwordHash: string | null; roles: Role[] },
): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      organizationId: input.organizationId,
      email: input.email,
      displayName: input.displayName,
      preferredLanguage: input.preferredLanguage,
      passwordHash: input.passwordHash,
      status: input.passwordHash ? 'active' : 'invited',
    })
    .returning(['id', 'organizationId', 'email', 'displayName', 'status', 'preferredLanguage'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('userRoles')
    .values(input.roles.map((role) => ({ userId: row.id, role })))
    .execute();
  return { ...row, roles: [...input.roles].sort() };
}

export async function emailTaken(db: DbOrTrx, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  return row !== undefined;
}

export async function selectUserByEmail(db: DbOrTrx, email: string): Promise<(UserRow & { roles: Role[] }) | undefined> {
  const rows = await db
    .selectFrom('users')
    .select([...userColumns, 'users.passwordHash'])
    .where(sql<string>`lower(users.email)`, '=', email.toLowerCase())
    .execute();
  return (await withRoles(db, rows))[0];
}

export async function selectUser(db: DbOrTrx, id: string): Promise<User | undefined> {
  const rows = await db.selectFrom('users').select(userColumns).where('users.id', '=', id).execute();
  return (await withRoles(db, rows))[0];
}

export async function insertSession(
  db: DbOrTrx,
  input: { tokenHash: string; userId: string; csrfToken: string; absoluteExpiresAt: Date; userAgent: string | null },
): Promise<{ id: string }> {
  return db.insertInto('sessions').values(input).returning('id').executeTakeFirstOrThrow();
}

export type ActiveSession = {
  id: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
};

// A session counts only while it is not revoked, its user is active, and neither timeout has passed.
export async function selectActiveSession(db: DbOrTrx, tokenHash: string, idleMinutes: number): Promise<ActiveSession | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['sessions.id', 'sessions.userId', 'sessions.csrfToken', 'sessions.lastSeenAt', 'sessions.absoluteExpiresAt'])
    .where('sessions.tokenHash', '=', tokenHash)
    .where('sessions.revokedAt', 'is', null)
    .where('users.status', '=', 'active')
    .where('sessions.absoluteExpiresAt', '>', sql<Date>`now()`)
    .where('sessions.lastSeenAt', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTrx, id: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: sql`now()` }).where('id', '=', id).execute();
}

export async function revokeSession(db: DbOrTrx, id: string, reason: 'sign_out'): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

export async function revokeUserSessions(
  db: DbOrTrx,
  userId: string,
  reason: 'sign_out_everywhere' | 'user_disabled' | 'password_changed',
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
