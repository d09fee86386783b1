import type { DbOrTrx } from '../../db/database.ts';

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
