import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ConsentCategory } from '../roles.ts';

// What the access layer decides a client's file on, and nothing else: who holds the file, the
// consents in force on a day that name an organization, a user's place on the case team, and the
// client's own account. Each fact is written once here, as an SQL expression over a client row, and
// used both by the one-record load below and by the list predicates in ../client-predicate.ts, so a
// list and a record can never read them differently. They read other modules' tables, read-only,
// because deciding access is the one thing allowed to (docs/architecture.md, "The access layer").

export type ActiveConsent = { id: string; categories: ConsentCategory[]; purpose: string; expiresOn: string };

export type ClientFacts = {
  clientId: string;
  holderOrganizationId: string;
  status: 'active' | 'on_hold' | 'closed';
  // Consents in force on `today` that name the viewer's organization (empty for the holding agency).
  consents: ActiveConsent[];
  // The viewer's active place on the client's case team.
  teamMemberId: string | undefined;
  // The user id of the client's own account, if they have one.
  accountUserId: string | undefined;
};

export type Viewer = { organizationId: string | undefined; userId: string | undefined };

// A client row in a query: its id and holding organization, as column references or values.
export type ClientRef = { id: RawBuilder<string>; organizationId: RawBuilder<string> };

// The client row of a query's `clients` table under `alias`.
export function clientRow(alias: string): ClientRef {
  return { id: sql.ref<string>(`${alias}.id`), organizationId: sql.ref<string>(`${alias}.organization_id`) };
}

// A consent row `k` in force on `today` by which the client shares the file with `organization`:
// started, not expired, not revoked, and naming another organization than the holder (the holder
// reaches its own file without one, so a consent naming it, left from before a transfer, counts for
// nothing). `organization` is a value or a column (team candidates join it on users).
function consentInForce(
  client: ClientRef,
  organization: string | RawBuilder<string>,
  today: string,
): RawBuilder<boolean> {
  return sql<boolean>`k.client_id = ${client.id} and k.organization_id = ${organization} and k.organization_id <> ${client.organizationId}
    and k.starts_on <= ${today}::date and k.expires_on >= ${today}::date
    and not exists (select 1 from consent_revocations r where r.consent_id = k.id)`;
}

// Whether such a consent exists, optionally for one category of the file and one purpose.
export function consentExists(
  client: ClientRef,
  organization: string | RawBuilder<string>,
  today: string,
  narrow: { category?: ConsentCategory; purpose?: string } = {},
): RawBuilder<boolean> {
  const category = narrow.category ? sql`and ${narrow.category}::text = any(k.categories)` : sql``;
  const purpose = narrow.purpose ? sql`and k.purpose = ${narrow.purpose}` : sql``;
  return sql<boolean>`exists (select 1 from consents k where ${consentInForce(client, organization, today)} ${category} ${purpose})`;
}

// Whether the user holds an active place on the client's case team.
export function teamPlaceExists(client: ClientRef, userId: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from case_team_members m where m.client_id = ${client.id} and m.user_id = ${userId} and m.removed_at is null)`;
}

// Whether the user is the client's own account (at most one account per client: users_client_key).
export function isClientAccount(client: ClientRef, userId: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from users u where u.client_id = ${client.id} and u.id = ${userId})`;
}

type Row = {
  id: string;
  organizationId: string;
  status: ClientFacts['status'];
  consents: ActiveConsent[] | string | null;
  teamMemberId: string | null;
  accountUserId: string | null;
};

// A viewer as SQL: values, or columns of the query the facts are part of (the session statement reads
// them from the signed-in user's row).
export type ViewerRef = {
  organizationId: string | RawBuilder<string> | undefined;
  userId: string | RawBuilder<string> | undefined;
};

// The facts of one client for one viewer as one JSON object (null for no such client), an expression
// any statement can carry: the one-record load below, and the session statement of a GET request for a
// client's file (src/server/auth.ts), which so reads the facts in the same round trip. Raw SQL because
// Kysely would need four correlated subqueries with json aggregation spelled out the same way.
export function clientFactsJson(
  clientId: string | RawBuilder<string>,
  viewer: ViewerRef,
  today: string,
): RawBuilder<Row | string | null> {
  const c = clientRow('c');
  const consents = viewer.organizationId
    ? sql<
        ActiveConsent[] | null
      >`(select json_agg(json_build_object('id', k.id, 'categories', k.categories, 'purpose', k.purpose,
        'expiresOn', to_char(k.expires_on, 'YYYY-MM-DD')) order by k.created_at)
        from consents k where ${consentInForce(c, viewer.organizationId, today)})`
    : sql<null>`null`;
  const member = viewer.userId
    ? sql<
        string | null
      >`(select m.id from case_team_members m where m.client_id = c.id and m.user_id = ${viewer.userId} and m.removed_at is null limit 1)`
    : sql<null>`null`;
  return sql<Row | string | null>`(select json_build_object('id', c.id, 'organizationId', c.organization_id,
      'status', c.status, 'consents', ${consents}, 'teamMemberId', ${member},
      'accountUserId', (select u.id from users u where u.client_id = c.id limit 1))
    from clients c where c.id = ${clientId})`;
}

// The facts out of the JSON that clientFactsJson gives.
export function factsOf(value: Row | string | null | undefined): ClientFacts | undefined {
  if (value === null || value === undefined) return undefined;
  const row = typeof value === 'string' ? (JSON.parse(value) as Row) : value;
  const consents =
    typeof row.consents === 'string' ? (JSON.parse(row.consents) as ActiveConsent[]) : (row.consents ?? []);
  return {
    clientId: row.id,
    holderOrganizationId: row.organizationId,
    status: row.status,
    consents,
    teamMemberId: row.teamMemberId ?? undefined,
    accountUserId: row.accountUserId ?? undefined,
  };
}

// The facts about one client for one viewer, in one round trip, never cached. Undefined for an
// unknown or malformed id: callers answer 404 as for a random one.
export async function clientFacts(
  db: DbOrTrx,
  clientId: string,
  viewer: Viewer,
  today: string,
): Promise<ClientFacts | undefined> {
  if (!isUuid(clientId)) return undefined;
  const { rows } = await sql<{
    facts: Row | string | null;
  }>`select ${clientFactsJson(clientId, viewer, today)} as facts`.execute(db);
  return factsOf(rows[0]?.facts);
}
