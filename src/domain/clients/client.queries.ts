import type { DbOrTrx } from '../../db/database.ts';

// Who holds a client's file: what every decision about the client starts from. The consent, case-team
// and complaint facts join this as their modules arrive (issue 4 on).
export async function selectClientHolder(db: DbOrTrx, clientId: string): Promise<{ id: string; organizationId: string } | undefined> {
  return db.selectFrom('clients').select(['id', 'organizationId']).where('id', '=', clientId).executeTakeFirst();
}
