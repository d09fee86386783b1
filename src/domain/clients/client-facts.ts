import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';

// What another module reads of a client's record without calling this module's services: read-only
// queries that import only db/ (and never change a row). The assessment module reads its input here,
// so the clients module may show the stream in force without the two importing each other's services.

// The parts of the record the Common Assessment reads (never the self-identified equity answers),
// with the client's row locked for the caller's transaction so assessments number in order.
export async function assessableRecord(db: DbOrTrx, clientId: string) {
  const client = await db
    .selectFrom('clients')
    .select([
      sql<string>`to_char(date_of_birth, 'YYYY-MM-DD')`.as('dateOfBirth'),
      'educationLevel',
      'incomeSource',
      'literacyNumeracy',
    ])
    .where('id', '=', clientId)
    .forUpdate()
    .executeTakeFirst();
  if (!client) return undefined;
  const workHistory = await db
    .selectFrom('clientWorkHistory')
    .select([
      'nocCode',
      sql<string>`to_char(start_date, 'YYYY-MM-DD')`.as('startDate'),
      sql<string | null>`to_char(end_date, 'YYYY-MM-DD')`.as('endDate'),
      sql<number | null>`hours_per_week::float8`.as('hoursPerWeek'),
    ])
    .where('clientId', '=', clientId)
    .orderBy('startDate')
    .execute();
  const barriers = await db
    .selectFrom('clientBarriers')
    .select(['kind', 'status'])
    .where('clientId', '=', clientId)
    .orderBy('kind')
    .execute();
  const accommodations = await db
    .selectFrom('clientAccommodations')
    .select(['kind', 'disabilityRelated'])
    .where('clientId', '=', clientId)
    .orderBy('createdAt')
    .execute();
  return { ...client, workHistory, barriers, accommodations };
}
