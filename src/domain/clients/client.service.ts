import type { DbOrTrx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import { selectClientHolder } from './client.queries.ts';

// The facts other modules need to decide about a client (who holds the file), without reading any of
// the client's personal information. Undefined for an unknown or malformed id.
export async function clientHolder(db: DbOrTrx, clientId: string): Promise<{ id: string; organizationId: string } | undefined> {
  return isUuid(clientId) ? selectClientHolder(db, clientId) : undefined;
}
