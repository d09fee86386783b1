import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ConsentCategory } from '../roles.ts';

// What the access layer decides a client's file on, read in one round trip and never cached: who
// holds the file, the consents in force today naming the viewer's organization, the viewer's place on
// the case team, and the client's own account. It reads other modules' tables, read-only, because
// deciding access is the one thing allowed to (docs/architecture.md, "The access layer").

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

type Row = {
  id: string;
  organizationId: string;
  status: ClientFacts['status'];
  consents: ActiveConsent[] | string | null;
  teamMemberId: string | null;
  accountUserId: string | null;
};

// Undefined for an unknown or malformed id: callers answer 404 as for a random one.
export async function clientFacts(db: DbOrTrx, clientId: string, viewer: Viewer, today: string): Promise<ClientFacts | undefined> {
  if (!isUuid(clientId)) return undefined;
  // Another agency's consents only: the holder reaches its own file without one.
  const consents = viewer.organizationId
    ? sql<ActiveConsent[] | null>`(select json_agg(json_build_object('id', k.id, 'categories', k.categories, 'purpose', k.purpose,
        'expiresOn', to_char(k.expires_on, 'YYYY-MM-DD')) order by k.created_at)
        from consents k where k.client_id = c.id and k.organization_id = ${viewer.organizationId} and k.organization_id <> c.organization_id
          and k.starts_on <= ${today}::date and k.expires_on >= ${today}::date
          and not exists (select 1 from consent_revocations r where r.consent_id = k.id))`
    : sql<null>`null`;
  const member = viewer.userId
    ? sql<string | null>`(select m.id from case_team_members m where m.client_id = c.id and m.user_id = ${viewer.userId} and m.removed_at is null limit 1)`
    : sql<null>`null`;
  // One query for four facts: kept as raw SQL because Kysely would need four correlated subqueries
  // with json aggregation spelled out the same way.
  const { rows } = await sql<Row>`
    select c.id, c.organization_id as "organizationId", c.status, ${consents} as consents, ${member} as "teamMemberId",
      (select u.id from users u where u.client_id = c.id limit 1) as "accountUserId"
    from clients c where c.id = ${clientId}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const parsed = typeof row.consents === 'string' ? (JSON.parse(row.consents) as ActiveConsent[]) : (row.consents ?? []);
  return {
    clientId: row.id,
    holderOrganizationId: row.organizationId,
    status: row.status,
    consents: parsed,
    teamMemberId: row.teamMemberId ?? undefined,
    accountUserId: row.accountUserId ?? undefined,
  };
}
