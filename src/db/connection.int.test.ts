import crypto from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { withTransaction } from './database.ts';
import { CUSTOM_PLAN } from './connection.ts';

// Statements seen before are sent as named prepared statements (planned once per connection, and
// perhaps generically after five runs); a statement marked CUSTOM_PLAN never is, so PostgreSQL plans it
// for the values given each time.
describeEachEngine('named prepared statements', ({ handle }) => {
  it('names a repeated statement, and never one marked for a custom plan', async () => {
    const marker = crypto.randomBytes(4).toString('hex');
    const names = await withTransaction(handle().db, async (trx) => {
      for (let i = 0; i < 3; i++) {
        await sql`select ${i}::int as n, ${marker}::text as plain`.execute(trx);
        await sql`select ${i}::int as n, ${marker}::text as marked ${sql.raw(CUSTOM_PLAN)}`.execute(trx);
      }
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
      return rows.map((r) => r.statement);
    });
    expect(names.some((s) => s.includes('as plain'))).toBe(true);
    expect(names.some((s) => s.includes('as marked'))).toBe(false);
  });
});
