import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';

export async function countSiteCoverage(
  db: DbOrTrx,
): Promise<{ sites: number; fsasServed: number; neighbourhoodsServed: number }> {
  const row = await db
    .selectFrom('sites')
    .select([
      (eb) => eb.fn.countAll<number>().as('sites'),
      sql<number>`count(distinct left(postal_code, 3))`.as('fsasServed'),
      sql<number>`count(distinct neighbourhood_id)`.as('neighbourhoodsServed'),
    ])
    .executeTakeFirstOrThrow();
  return { sites: Number(row.sites), fsasServed: Number(row.fsasServed), neighbourhoodsServed: Number(row.neighbourhoodsServed) };
}
