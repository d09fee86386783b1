import type { DbOrTrx } from '../../db/database.ts';

// Whether a user is an active member of a client's case team (and from which organization), read
// fresh per request so a removal takes effect on the next one.
export async function activeMembership(
  db: DbOrTrx,
  clientId: string,
  userId: string,
): Promise<{ id: string; organizationId: string } | undefined> {
  return db
    .selectFrom('caseTeamMembers')
    .select(['id', 'organizationId'])
    .where('clientId', '=', clientId)
    .where('userId', '=', userId)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
}
