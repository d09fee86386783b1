import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Role } from '../roles.ts';
import { requestLimitKey, type StoredRequestCount } from '../rate-limit.ts';
import { clientFactsJson, factsOf, type ClientFacts } from './client-facts.ts';

// Who is acting: the session behind a cookie's token, its user and roles, and the user's request count,
// as one select, with, for a GET request for a client's file, that client's facts for the user and a
// digest of what the access decision reads. A fact of access like the client's facts (client-facts.ts):
// the accounts module runs it as the session statement, and the client page embeds it in the statement
// that confirms a decision made on a guess (src/server/decision-cache.ts).

export type ActiveSession = {
  id: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
  organizationId: string;
  email: string;
  displayName: string;
  preferredLanguage: 'en' | 'fr';
  roles: Role[];
  mfaEnrolled: boolean;
  // The user's per-user request count in the current window, as stored (src/server/request-limit.ts).
  requestCount: StoredRequestCount;
};

// A session counts only while it is not revoked, its user is active, and neither timeout has passed.
// One round trip on every signed-in request: the session, its user, the user's roles, and the user's
// request count of the current window (read, never written, here).
export type SessionParams = { tokenHash: string; idleMinutes: number; requestKeyPrefix: string; windowSeconds: number };

export function sessionSelect(db: Kysely<Database>, p: SessionParams) {
  const inWindow = sql<boolean>`rate_limits.window_started_at >= now() - make_interval(secs => ${p.windowSeconds})`;
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .leftJoin('rateLimits', (join) =>
      join.on('rateLimits.key', '=', sql<string>`${p.requestKeyPrefix} || users.id::text`),
    )
    .select([
      'sessions.id',
      'sessions.userId',
      'sessions.csrfToken',
      'sessions.lastSeenAt',
      'sessions.absoluteExpiresAt',
      'users.organizationId',
      'users.email',
      'users.displayName',
      'users.preferredLanguage',
      sql<boolean>`users.totp_enrolled_at is not null`.as('mfaEnrolled'),
      sql<Role[]>`array(select role from user_roles where user_roles.user_id = users.id order by role)`.as('roles'),
      sql<number>`case when ${inWindow} then rate_limits.hits else 0 end`.as('requestHits'),
      sql<number>`case when ${inWindow}
          then ceil(extract(epoch from rate_limits.window_started_at + make_interval(secs => ${p.windowSeconds}) - now()))::int
          else ${p.windowSeconds}::int end`.as('requestSecondsLeft'),
    ])
    .where('sessions.tokenHash', '=', p.tokenHash)
    .where('sessions.revokedAt', 'is', null)
    .where('users.status', '=', 'active')
    .where('sessions.absoluteExpiresAt', '>', sql<Date>`now()`)
    .where('sessions.lastSeenAt', '>', sql<Date>`now() - make_interval(mins => ${p.idleMinutes})`);
}

export type SessionFactsParams = SessionParams & { clientId: string; today: string };

// The session with the facts of one client for the signed-in user (a GET request for a client's file),
// and a digest of everything the access decision reads from them: the user, their organization and
// roles, their two-step state, and the client's facts (not the request count or last-seen time, which
// change without changing a decision). A statement that carries this select can check that what a
// request was decided on is still what it would read now: the guarded client read
// (client.queries.ts, selectClientRecordGuarded).
export function sessionFactsSelect(db: Kysely<Database>, p: SessionFactsParams) {
  const withFacts = sessionSelect(db, p).select(
    clientFactsJson(
      p.clientId,
      { organizationId: sql.ref('users.organization_id'), userId: sql.ref('users.id') },
      p.today,
    ).as('clientFacts'),
  );
  // OFFSET 0 keeps the planner from merging the two levels, which would compute the roles and the facts
  // twice: once for their columns, once for the digest.
  return db
    .selectFrom(withFacts.offset(0).as('s'))
    .selectAll('s')
    .select(
      sql<string>`encode(sha256(convert_to(json_build_array(s.id, s.user_id, s.organization_id, s.email,
        s.display_name, s.preferred_language, s.mfa_enrolled, s.roles, s.client_facts)::text, 'UTF8')), 'hex')`.as(
        'decisionHash',
      ),
    );
}

// What changes in a session without changing a decision on it (not in the digest).
export type SessionClocks = Pick<ActiveSession, 'csrfToken' | 'lastSeenAt' | 'absoluteExpiresAt' | 'requestCount'>;

export type SessionWithFacts = ActiveSession & { clientFacts: ClientFacts | undefined; decisionHash: string };
type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionSelect>['execute']>>[number] & {
  clientFacts?: Parameters<typeof factsOf>[0];
  decisionHash?: string;
};

export function sessionParams(tokenHash: string, idleMinutes: number, requestWindowSeconds: number): SessionParams {
  return { tokenHash, idleMinutes, requestKeyPrefix: requestLimitKey(''), windowSeconds: requestWindowSeconds };
}

// A row of the session select (with or without a client's facts) as the session it describes.
export function activeSessionOf(row: SessionRow): ActiveSession | SessionWithFacts {
  const { requestHits, requestSecondsLeft, clientFacts, decisionHash, ...session } = row;
  const requestCount = { hits: Number(requestHits), secondsLeft: Number(requestSecondsLeft) };
  return decisionHash === undefined
    ? { ...session, requestCount }
    : { ...session, requestCount, clientFacts: factsOf(clientFacts), decisionHash };
}
