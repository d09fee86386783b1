import { sql } from 'kysely';
import {
  activeSessionOf,
  sessionFactsSelect,
  sessionParams,
  sessionSelect,
  type ActiveSession,
  type SessionFactsParams,
  type SessionParams,
  type SessionWithFacts,
} from '../../access/facts/session-facts.ts';
import { compiledQuery } from '../../db/compiled-query.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { containsPattern } from '../../lib/sql-text.ts';
import type { Role, User } from './account.ts';

type UserRow = Omit<User, 'roles'> & { passwordHash: string | null; totpSecret: string | null };

const userColumns = [
  'users.id',
  'users.organizationId',
  'users.email',
  'users.displayName',
  'users.status',
  'users.preferredLanguage',
  sql<boolean>`users.totp_enrolled_at is not null`.as('mfaEnrolled'),
] as const;

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
  return rows.map((r) => ({ ...r, roles: roleRows.filter((x) => x.userId === r.id).map((x) => x.role) }));
}

export async function insertUser(
  db: DbOrTrx,
  input: {
    organizationId: string;
    email: string;
    displayName: string;
    preferredLanguage: 'en' | 'fr';
    passwordHash: string | null;
    roles: Role[];
  },
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
  return { ...row, mfaEnrolled: false, roles: [...input.roles].sort() };
}

export async function emailTaken(db: DbOrTrx, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

export async function selectUserByEmail(
  db: DbOrTrx,
  email: string,
): Promise<(UserRow & { roles: Role[] }) | undefined> {
  const rows = await db
    .selectFrom('users')
    .select([...userColumns, 'users.passwordHash', 'users.totpSecret'])
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

const activeSessionQuery = compiledQuery((db, p: SessionParams) => sessionSelect(db, p));

const activeSessionWithFactsQuery = compiledQuery((db, p: SessionFactsParams) => sessionFactsSelect(db, p));

export async function selectActiveSession(
  db: DbOrTrx,
  tokenHash: string,
  idleMinutes: number,
  requestWindowSeconds: number,
): Promise<ActiveSession | undefined>;
export async function selectActiveSession(
  db: DbOrTrx,
  tokenHash: string,
  idleMinutes: number,
  requestWindowSeconds: number,
  // A client whose facts to read for the user in the same statement, on the request's today.
  client: { clientId: string; today: string } | undefined,
): Promise<ActiveSession | SessionWithFacts | undefined>;
export async function selectActiveSession(
  db: DbOrTrx,
  tokenHash: string,
  idleMinutes: number,
  requestWindowSeconds: number,
  client?: { clientId: string; today: string },
): Promise<ActiveSession | SessionWithFacts | undefined> {
  const params = sessionParams(tokenHash, idleMinutes, requestWindowSeconds);
  const [row] = client
    ? await activeSessionWithFactsQuery(db, { ...params, ...client })
    : await activeSessionQuery(db, params);
  return row ? activeSessionOf(row) : undefined;
}

export async function touchSession(db: DbOrTrx, id: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ lastSeenAt: sql`now()` })
    .where('id', '=', id)
    .execute();
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
  reason: 'sign_out_everywhere' | 'user_disabled' | 'password_changed' | 'two_step_reset',
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertAccountToken(
  db: DbOrTrx,
  input: { tokenHash: string; userId: string; purpose: 'invitation' | 'password_reset'; expiresAt: Date },
): Promise<void> {
  // A new link replaces any earlier unused one of the same purpose.
  await db
    .updateTable('accountTokens')
    .set({ usedAt: sql`now()` })
    .where('userId', '=', input.userId)
    .where('purpose', '=', input.purpose)
    .where('usedAt', 'is', null)
    .execute();
  await db.insertInto('accountTokens').values(input).execute();
}

// Takes a valid token once: FOR UPDATE makes two simultaneous uses of one link end with one winner.
export async function consumeAccountToken(
  db: DbOrTrx,
  tokenHash: string,
  purpose: 'invitation' | 'password_reset',
): Promise<{ userId: string } | undefined> {
  const row = await db
    .selectFrom('accountTokens')
    .select(['id', 'userId'])
    .where('tokenHash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', sql<Date>`now()`)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  await db
    .updateTable('accountTokens')
    .set({ usedAt: sql`now()` })
    .where('id', '=', row.id)
    .execute();
  return { userId: row.userId };
}

export async function setPassword(db: DbOrTrx, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ passwordHash, status: sql`case when status = 'invited' then 'active' else status end` })
    .where('id', '=', userId)
    .execute();
}

export async function selectUserForPassword(
  db: DbOrTrx,
  id: string,
): Promise<(User & { passwordHash: string | null }) | undefined> {
  const rows = await db
    .selectFrom('users')
    .select([...userColumns, 'users.passwordHash'])
    .where('users.id', '=', id)
    .execute();
  return (await withRoles(db, rows))[0];
}

export async function selectUsers(
  db: DbOrTrx,
  filter: {
    organizationId?: string | undefined;
    onlyUserId?: string;
    q?: string | undefined;
    status?: string | undefined;
    page: number;
    perPage: number;
  },
): Promise<{ items: User[]; total: number }> {
  let base = db.selectFrom('users');
  if (filter.organizationId) base = base.where('users.organizationId', '=', filter.organizationId);
  if (filter.onlyUserId) base = base.where('users.id', '=', filter.onlyUserId);
  if (filter.status) base = base.where('users.status', '=', filter.status as 'invited' | 'active' | 'disabled');
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    base = base.where((eb) => eb.or([eb('users.email', 'ilike', pattern), eb('users.displayName', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    base
      .select(userColumns)
      .orderBy('users.displayName')
      .orderBy('users.id')
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: await withRoles(db, rows), total: Number(count.total) };
}

export async function replaceRoles(db: DbOrTrx, userId: string, roles: Role[]): Promise<void> {
  await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
  await db
    .insertInto('userRoles')
    .values(roles.map((role) => ({ userId, role })))
    .execute();
}

export async function markDisabled(db: DbOrTrx, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ status: 'disabled', disabledAt: sql`now()` })
    .where('id', '=', userId)
    .where('status', '!=', 'disabled')
    .execute();
}

export async function lockUserForUpdate(db: DbOrTrx, userId: string): Promise<void> {
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

// Accepts a time step once: a code (or a replay of it) whose step is not newer is refused.
export async function claimTotpStep(db: DbOrTrx, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ totpLastStep: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setPendingTotp(db: DbOrTrx, userId: string, secret: string): Promise<void> {
  await db.updateTable('users').set({ totpPendingSecret: secret }).where('id', '=', userId).execute();
}

export async function selectTotpState(
  db: DbOrTrx,
  userId: string,
): Promise<{ totpSecret: string | null; totpPendingSecret: string | null; email: string } | undefined> {
  return db
    .selectFrom('users')
    .select(['totpSecret', 'totpPendingSecret', 'email'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export async function confirmTotp(db: DbOrTrx, userId: string, secret: string, step: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totpSecret: secret, totpPendingSecret: null, totpEnrolledAt: sql`now()`, totpLastStep: step })
    .where('id', '=', userId)
    .execute();
}

export async function linkClientAccount(db: DbOrTrx, userId: string, clientId: string): Promise<void> {
  await db.updateTable('users').set({ clientId }).where('id', '=', userId).execute();
}

export async function selectClientAccount(db: DbOrTrx, clientId: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('id').where('clientId', '=', clientId).executeTakeFirst())?.id;
}

export async function selectAccountClient(db: DbOrTrx, userId: string): Promise<string | undefined> {
  return (
    (await db.selectFrom('users').select('clientId').where('id', '=', userId).executeTakeFirst())?.clientId ?? undefined
  );
}

// Active agency managers of an organization, oldest account first.
// The system manager's people who watch how the system runs: active system analysts and
// administrators at a system manager organization.
export async function selectSystemMonitors(db: DbOrTrx): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('userRoles', 'userRoles.userId', 'users.id')
    .innerJoin('organizations', 'organizations.id', 'users.organizationId')
    .select('users.id')
    .distinct()
    .where('organizations.type', '=', 'system_manager')
    .where('users.status', '=', 'active')
    .where('userRoles.role', 'in', ['system_analyst', 'system_administrator'])
    .execute();
  return rows.map((r) => r.id);
}

export async function selectActiveManagers(
  db: DbOrTrx,
  organizationId: string,
  role: 'agency_manager' | 'employer_user' = 'agency_manager',
): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('userRoles', 'userRoles.userId', 'users.id')
    .select('users.id')
    .where('users.organizationId', '=', organizationId)
    .where('users.status', '=', 'active')
    .where('userRoles.role', '=', role)
    .orderBy('users.createdAt')
    .execute();
  return rows.map((r) => r.id);
}

export async function selectNotificationDigest(db: DbOrTrx, userId: string): Promise<'off' | 'daily'> {
  const row = await db.selectFrom('users').select('notificationDigest').where('id', '=', userId).executeTakeFirst();
  return row?.notificationDigest ?? 'off';
}

export async function updateNotificationDigest(db: DbOrTrx, userId: string, digest: 'off' | 'daily'): Promise<void> {
  await db.updateTable('users').set({ notificationDigest: digest }).where('id', '=', userId).execute();
}

// Active people who chose the daily digest and have not had today's: claimed with SKIP LOCKED and
// marked as sent for `today` in the same step, so several server processes never send one twice.
export async function claimDigestRecipients(
  db: DbOrTrx,
  today: string,
  limit: number,
): Promise<{ id: string; email: string; displayName: string; preferredLanguage: 'en' | 'fr' }[]> {
  // Raw SQL: an UPDATE … RETURNING over a locked sub-select.
  const { rows } = await sql<{ id: string; email: string; displayName: string; preferredLanguage: 'en' | 'fr' }>`
    update users set digest_sent_on = ${today}::date
    where id in (
      select id from users
      where notification_digest = 'daily' and status = 'active' and (digest_sent_on is null or digest_sent_on < ${today}::date)
      order by id limit ${limit} for update skip locked)
    returning id, email, display_name as "displayName", preferred_language as "preferredLanguage"`.execute(db);
  return rows;
}

// Active staff of other organizations with one of the roles given, by words in their name or their
// organization's (folded), for a referral to a named specialist; the organization's names come along.
export async function selectStaffOfOtherOrganizations(
  db: DbOrTrx,
  options: {
    excludeOrganizationId: string;
    organizationId?: string | undefined;
    words?: string | undefined;
    roles: readonly string[];
    limit: number;
    offset: number;
  },
) {
  let query = db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organizationId')
    .select([
      'u.id',
      'u.displayName',
      'o.id as organizationId',
      'o.name as organizationName',
      'o.nameFr as organizationNameFr',
    ])
    .select((eb) =>
      eb
        .selectFrom('userRoles as r')
        .select(sql<string[]>`array_agg(r.role order by r.role)`.as('roles'))
        .whereRef('r.userId', '=', 'u.id')
        .where('r.role', 'in', [...options.roles] as never)
        .as('roles'),
    )
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('u.status', '=', 'active')
    .where('u.organizationId', '!=', options.excludeOrganizationId)
    .where('o.type', 'not in', ['employer', 'system_manager'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('userRoles as r')
          .select(sql`1`.as('one'))
          .whereRef('r.userId', '=', 'u.id')
          .where('r.role', 'in', [...options.roles] as never),
      ),
    );
  if (options.organizationId) query = query.where('u.organizationId', '=', options.organizationId);
  // Words folded as the names are (accents, case, punctuation: so no wildcard survives the folding).
  if (options.words)
    query = query.where(
      sql<boolean>`client_search_key(u.display_name || ' ' || o.name || ' ' || coalesce(o.name_fr, '')) like '%' || client_search_key(${options.words}) || '%'`,
    );
  const rows = await query
    .orderBy('o.name')
    .orderBy('u.displayName')
    .orderBy('u.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return { total: rows.length ? Number(rows[0]!.total) : 0, rows };
}
