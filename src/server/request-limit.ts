import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { requestLimitKey, type StoredRequestCount } from '../access/rate-limit.ts';

// The per-user request limit (USER_REQUESTS_PER_MINUTE, docs/accounts.md), counted in PostgreSQL so it
// holds across server processes, without a write on every request. Each process counts its users' hits
// in memory and adds them to `rate_limits` in one statement: every second, and at once when one user's
// unwritten hits reach a tenth of the limit (at a limit under 10, on every request: exact). The count a
// request is judged on is what the session statement read from `rate_limits` (every process's written
// hits) plus this process's unwritten ones. So a user gets at most the limit plus a tenth of it for each
// other process serving them at the same time; with one process the limit is exact.

export type RequestLimiterOptions = { max: number; windowSeconds: number; flushMs?: number };

export class RequestLimiter {
  private readonly pending = new Map<string, number>();
  private readonly batch: number;
  private readonly flushMs: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly writes = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly options: RequestLimiterOptions,
    private readonly onError: (error: unknown) => void,
  ) {
    this.batch = Math.max(1, Math.floor(options.max / 10));
    this.flushMs = options.flushMs ?? 1000;
  }

  // Counts one request of the user and answers how many seconds they must wait (0: go on).
  async hit(userId: string, stored: StoredRequestCount): Promise<number> {
    const unwritten = (this.pending.get(userId) ?? 0) + 1;
    this.pending.set(userId, unwritten);
    if (unwritten >= this.batch) {
      const written = (await this.flush()).get(userId);
      // Another request's write may have taken this user's hits: then the stored count still decides.
      const now = written ?? stored;
      return this.wait(now, this.pending.get(userId) ?? 0);
    }
    this.schedule();
    return this.wait(stored, unwritten);
  }

  // Whether a count read earlier may no longer be good enough to judge the user's next request on: it and
  // this process's unwritten hits are within a batch of the limit. A client page decided on a guess
  // (src/server/decision-cache.ts) carries the count its previous request read; near the limit the
  // request goes the way that reads the count afresh, so a guess never refuses and never lets through more
  // than the one request that reads the count it missed.
  near(userId: string, stored: StoredRequestCount): boolean {
    return stored.hits + (this.pending.get(userId) ?? 0) + 1 + this.batch > this.options.max;
  }

  private wait(stored: StoredRequestCount, unwritten: number): number {
    return stored.hits + unwritten > this.options.max ? Math.max(1, stored.secondsLeft) : 0;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(this.onError);
    }, this.flushMs);
    this.timer.unref();
  }

  // Adds every unwritten count to `rate_limits` in one statement and answers each user's stored count
  // after it. A failed write puts its hits back, so none is lost.
  async flush(): Promise<Map<string, StoredRequestCount>> {
    // In key order, so two processes writing the same users lock their rows in the same order (no deadlock).
    const taken = [...this.pending].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.pending.clear();
    if (taken.length === 0) return new Map();
    const keys = taken.map(([userId]) => requestLimitKey(userId));
    const counts = taken.map(([, hits]) => hits);
    const window = this.options.windowSeconds;
    const write = sql<{ key: string; hits: number; secondsLeft: number }>`
      insert into rate_limits as r (key, hits, window_started_at)
      select key, hits, now() from unnest(${keys}::text[], ${counts}::int[]) with ordinality as batch(key, hits, n)
      order by n
      on conflict (key) do update set
        hits = case when r.window_started_at < now() - make_interval(secs => ${window}) then excluded.hits
                    else r.hits + excluded.hits end,
        window_started_at = case when r.window_started_at < now() - make_interval(secs => ${window}) then now()
                                 else r.window_started_at end
      returning r.key, r.hits,
        ceil(extract(epoch from r.window_started_at + make_interval(secs => ${window}) - now()))::int as "secondsLeft"`.execute(
      this.db,
    );
    this.writes.add(write);
    try {
      const { rows } = await write;
      const byKey = new Map(rows.map((row) => [row.key, row]));
      const byUser = new Map<string, StoredRequestCount>();
      for (const [i, [userId]] of taken.entries()) {
        const row = byKey.get(keys[i]!);
        if (row) byUser.set(userId, { hits: row.hits, secondsLeft: row.secondsLeft });
      }
      return byUser;
    } catch (error) {
      for (const [userId, hits] of taken) this.pending.set(userId, (this.pending.get(userId) ?? 0) + hits);
      this.schedule();
      throw error;
    } finally {
      this.writes.delete(write);
    }
  }

  // On shutdown: the unwritten hits are written before the database closes.
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.writes]);
    await this.flush().catch(this.onError);
  }
}
