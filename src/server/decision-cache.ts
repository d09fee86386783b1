import { SESSION_TOUCH_MS, type ResolvedSession } from '../domain/accounts/account.service.ts';

// What a client page was last decided on, per session and client: the session, the user and the
// client's facts as the last read of them found them, with their digest (account.queries.ts,
// sessionFactsSelect). It is a guess, never an answer. The next request for the same page is decided on
// it, and its one statement reads and audits the record only if the digest of what it reads now is
// the same (client.queries.ts, selectClientRecordGuarded); otherwise it reads nothing, and the request
// is decided again on what that statement found. So a revoked consent, a signed-out session, a disabled
// user or a changed role takes effect on the very next request in every process, with nothing to
// invalidate (docs/architecture.md, "The trust path").
//
// Per process, bounded (the least recently used entry goes first), and an entry is used only while the
// session's idle clock would not restart: after that the session statement runs, and restarts it.

export class DecisionCache {
  private readonly entries = new Map<string, ResolvedSession>();

  constructor(private readonly size: number) {}

  static key(tokenHash: string, clientId: string, today: string): string {
    return `${tokenHash}:${clientId}:${today}`;
  }

  get(key: string, now = Date.now()): (ResolvedSession & { decisionHash: string }) | undefined {
    const entry = this.entries.get(key);
    if (!entry?.decisionHash) return undefined;
    this.entries.delete(key);
    if (now - entry.lastSeenAt.getTime() >= SESSION_TOUCH_MS) return undefined;
    this.entries.set(key, entry);
    return entry as ResolvedSession & { decisionHash: string };
  }

  set(key: string, session: ResolvedSession): void {
    if (this.size <= 0 || !session.decisionHash) return;
    this.entries.delete(key);
    this.entries.set(key, session);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get count(): number {
    return this.entries.size;
  }
}
