import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { ConsentCategory } from '../clients/client.ts';

export type ActiveConsent = { id: string; categories: ConsentCategory[]; purpose: string; expiresOn: string };

// The consents in force today (Toronto time) by which a client shares their file with one
// organization: not revoked, started, not expired. Read fresh on every request: a revocation or an
// expiry takes effect on the next one (docs/permissions.md 4.8).
export async function activeConsentsFor(db: DbOrTrx, clientId: string, organizationId: string): Promise<ActiveConsent[]> {
  const rows = await db
    .selectFrom('consents')
    .leftJoin('consentRevocations', 'consentRevocations.consentId', 'consents.id')
    .select(['consents.id', 'consents.categories', 'consents.purpose', sql<string>`to_char(consents.expires_on, 'YYYY-MM-DD')`.as('expiresOn')])
    .where('consents.clientId', '=', clientId)
    .where('consents.organizationId', '=', organizationId)
    .where('consentRevocations.consentId', 'is', null)
    .where(sql<boolean>`consents.starts_on <= (now() at time zone 'America/Toronto')::date`)
    .where(sql<boolean>`consents.expires_on >= (now() at time zone 'America/Toronto')::date`)
    .execute();
  return rows as ActiveConsent[];
}
