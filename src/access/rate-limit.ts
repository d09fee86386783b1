import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';

// The per-user request limit's counter (src/server/request-limit.ts): its key, and the count of the
// current window as stored, with the seconds left in that window.
export function requestLimitKey(userId: string): string {
  return `requests:user:${userId}`;
}
export type StoredRequestCount = { hits: number; secondsLeft: number };

export type Limit = { key: string; max: number; windowSeconds: number; blockSeconds: number };

// Seconds until the key may be used again, or 0 when it is not blocked.
export async function blockedFor(db: DbOrTrx, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const row = await db
    .selectFrom('rateLimits')
    .select(sql<number>`ceil(extract(epoch from max(blocked_until) - now()))`.as('seconds'))
    .where('key', 'in', keys)
    .where('blockedUntil', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return Math.max(0, Number(row?.seconds ?? 0));
}

// Counts one hit in a fixed window; once `max` hits fall in one window the key is blocked for
// `blockSeconds`. One atomic upsert, so concurrent processes never lose a count.
export async function recordHit(db: DbOrTrx, limit: Limit): Promise<void> {
  await sql`
    insert into rate_limits as r (key, hits, window_started_at, blocked_until)
    values (${limit.key}, 1, now(), case when 1 >= ${limit.max} then now() + make_interval(secs => ${limit.blockSeconds}) end)
    on conflict (key) do update set
      hits = case when r.window_started_at < now() - make_interval(secs => ${limit.windowSeconds}) then 1 else r.hits + 1 end,
      window_started_at = case when r.window_started_at < now() - make_interval(secs => ${limit.windowSeconds}) then now() else r.window_started_at end,
      blocked_until = case
        when (case when r.window_started_at < now() - make_interval(secs => ${limit.windowSeconds}) then 1 else r.hits + 1 end) >= ${limit.max}
          then now() + make_interval(secs => ${limit.blockSeconds})
        else r.blocked_until end`.execute(db);
}

export async function clearKey(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('rateLimits').where('key', '=', key).execute();
}

// Every counter whose key starts with `prefix` (all addresses of one account, say). The prefix is
// matched literally: LIKE's wildcards in it are escaped.
export async function clearKeysStartingWith(db: DbOrTrx, prefix: string): Promise<void> {
  const literal = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  await db.deleteFrom('rateLimits').where('key', 'like', `${literal}%`).execute();
}
