import type { ExpressionBuilder } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DbOrTrx } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

// The stream in force for a client (the newest assessment, an override included), for the client
// summary; undefined before the first assessment.
export async function currentAssessmentOf(
  db: DbOrTrx,
  clientId: string,
): Promise<{ id: string; stream: 'A' | 'B' | 'C'; sequence: number } | undefined> {
  return db
    .selectFrom('assessments')
    .select(['id', 'stream', 'sequence'])
    .where('clientId', '=', clientId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// The same, as an expression of a query over `clients` (the client record reads it in its own statement).
export function currentAssessmentJson(eb: ExpressionBuilder<Database, 'clients'>) {
  return jsonObjectFrom(
    eb
      .selectFrom('assessments')
      .select(['assessments.id', 'assessments.stream', 'assessments.sequence'])
      .whereRef('assessments.clientId', '=', 'clients.id')
      .orderBy('assessments.sequence', 'desc')
      .limit(1),
  );
}

export async function isAssessmentOf(db: DbOrTrx, clientId: string, id: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('assessments')
      .select('id')
      .where('id', '=', id)
      .where('clientId', '=', clientId)
      .executeTakeFirst()) !== undefined
  );
}
