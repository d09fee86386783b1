import { describe, expect, it } from 'vitest';
import type { ResolvedSession } from '../domain/accounts/account.service.ts';
import { DecisionCache } from './decision-cache.ts';

function session(lastSeenAt: number, decisionHash: string | null = 'digest'): ResolvedSession {
  return {
    actor: { kind: 'user', userId: 'u', organizationId: 'o', roles: ['employment_counsellor'], sessionId: 's' },
    user: {
      id: 'u',
      organizationId: 'o',
      email: 'u@example.org',
      displayName: 'U',
      status: 'active',
      preferredLanguage: 'en',
      roles: ['employment_counsellor'],
      mfaEnrolled: false,
    },
    csrfToken: 'csrf',
    expiresAt: new Date(lastSeenAt + 3_600_000),
    lastSeenAt: new Date(lastSeenAt),
    requestCount: { hits: 0, secondsLeft: 60 },
    ...(decisionHash ? { decisionHash } : {}),
  };
}

describe('the decision cache', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');

  it('keeps at most its size, dropping the least recently used entry first', () => {
    const cache = new DecisionCache(2);
    cache.set('a', session(now));
    cache.set('b', session(now));
    expect(cache.get('a', now)).toBeDefined(); // a is now the most recently used
    cache.set('c', session(now));
    expect(cache.count).toBe(2);
    expect(cache.get('b', now)).toBeUndefined();
    expect(cache.get('a', now)).toBeDefined();
    expect(cache.get('c', now)).toBeDefined();
  });

  it('gives no guess once the idle clock would restart, nor for a session read without facts', () => {
    const cache = new DecisionCache(10);
    cache.set('a', session(now));
    expect(cache.get('a', now + 59_000)).toBeDefined();
    expect(cache.get('a', now + 60_000)).toBeUndefined();
    // Gone for good: a later lookup does not bring it back.
    expect(cache.get('a', now)).toBeUndefined();
    cache.set('b', session(now, null));
    expect(cache.get('b', now)).toBeUndefined();
    expect(new DecisionCache(0).count).toBe(0);
  });

  it('keys a guess by session, client and day', () => {
    expect(DecisionCache.key('t', 'c', '2026-12-03')).not.toBe(DecisionCache.key('t', 'c', '2026-12-04'));
  });
});
