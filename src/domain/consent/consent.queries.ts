import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Consent, NewConsent, RevokeConsent } from './consent.ts';

// A consent's state on `today` (the caller's date in the city's zone, a bound parameter).
// Raw SQL (sql<Consent>): the status (scheduled, active, expired, revoked) is computed against the
// caller's today in a case expression, and dates come back as text; the builder adds nothing here.
const status = (today: string) => sql<Consent['status']>`case
  when r.consent_id is not null then 'revoked'
  when c.expires_on < ${today}::date then 'expired'
  when c.starts_on > ${today}::date then 'scheduled'
  else 'active' end`;

// A client's consents with their state today, newest first; `organizationId` keeps only those naming it.
export async function selectConsents(
  db: DbOrTrx,
  clientId: string,
  today: string,
  organizationId?: string,
): Promise<Consent[]> {
  const { rows } = await sql<Consent>`
    select c.id, c.client_id as "clientId", c.organization_id as "organizationId", o.name as "organizationName",
      c.categories, c.purpose, c.method, c.evidence,
      to_char(c.starts_on, 'YYYY-MM-DD') as "startsOn", to_char(c.expires_on, 'YYYY-MM-DD') as "expiresOn",
      ${status(today)} as status,
      c.recorded_by_organization_id as "recordedByOrganizationId", c.recorded_by as "recordedBy",
      to_json(c.created_at)#>>'{}' as "createdAt",
      to_json(r.created_at)#>>'{}' as "revokedAt", r.method as "revocationMethod", r.reason as "revocationReason"
    from consents c
    join organizations o on o.id = c.organization_id
    left join consent_revocations r on r.consent_id = c.id
    where c.client_id = ${clientId} ${organizationId ? sql`and c.organization_id = ${organizationId}` : sql``}
    order by c.created_at desc, c.id`.execute(db);
  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
  }));
}

export async function insertConsent(
  db: DbOrTrx,
  row: Omit<NewConsent, 'startsOn' | 'evidence'> & {
    evidence: string;
    clientId: string;
    startsOn: string;
    recordedBy: string | null;
    recordedByOrganizationId: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('consents')
    .values({
      clientId: row.clientId,
      organizationId: row.organizationId,
      recordedByOrganizationId: row.recordedByOrganizationId,
      recordedBy: row.recordedBy,
      categories: row.categories,
      purpose: row.purpose,
      method: row.method,
      evidence: row.evidence,
      startsOn: row.startsOn,
      expiresOn: row.expiresOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

// The consent, locked so that two revocations cannot race; undefined when the client has no such consent.
export async function selectConsentForRevocation(db: DbOrTrx, clientId: string, consentId: string) {
  return db
    .selectFrom('consents')
    .leftJoin('consentRevocations', 'consentRevocations.consentId', 'consents.id')
    .select(['consents.id', 'consents.organizationId', 'consentRevocations.consentId as revokedId'])
    .where('consents.id', '=', consentId)
    .where('consents.clientId', '=', clientId)
    .forUpdate('consents')
    .executeTakeFirst();
}

export async function insertRevocation(
  db: DbOrTrx,
  consentId: string,
  revokedBy: string | null,
  input: RevokeConsent,
): Promise<void> {
  await db
    .insertInto('consentRevocations')
    .values({ consentId, revokedBy, method: input.method, reason: input.reason ?? null })
    .execute();
}
