import cookie from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { anonymous, type UserActor } from '../access/actor.ts';
import {
  hashToken,
  resolveSession,
  type ResolvedSession,
  type SessionPolicy,
} from '../domain/accounts/account.service.ts';
import { sessionParams, type SessionClocks, type SessionFactsParams } from '../access/facts/session-facts.ts';
import { DecisionCache } from './decision-cache.ts';
import type { User } from '../domain/accounts/account.ts';
import type { StoredRequestCount } from '../access/rate-limit.ts';
import { RequestLimiter } from './request-limit.ts';
import { deniedError } from '../access/audit.ts';
import { mayTakeAction } from '../access/authorize.ts';
import { isPublicAction } from '../access/permissions.ts';
import type { AppInstance } from './app.ts';
import { AppError } from '../lib/errors.ts';
import { isUuid } from '../lib/ids.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../lib/session-cookie.ts';

export { CSRF_HEADER, SESSION_COOKIE, sessionCookieOptions } from '../lib/session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string | undefined;
    // The signed-in user, read with the session (GET /api/auth/session answers with it).
    sessionUser: User | undefined;
    // A client page decided on what an earlier request read (decision-cache.ts), to be confirmed by the
    // route's one statement.
    sessionGuess: SessionGuess | undefined;
  }
}

export type SessionGuess = {
  // The guarded statement's parameters: the session, the client, and the digest decided on.
  params: SessionFactsParams & { expectedHash: string };
  // The guess held: the session's clocks and request count as the statement read them now.
  confirm(clocks: SessionClocks): void;
  // The guess did not hold (or refused, which a guess never does): decide on the session as the session
  // statement reads it now, or on no session (`gone`: the guarded statement found none). Throws what the
  // session hook would have.
  refresh(gone: boolean): Promise<void>;
};

// The one route decided on a guess: the client page, the read caseworkers make all day.
const GUESSED_ROUTE = '/api/clients/:id';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

// Resolves the actor from the session cookie, then enforces the route's declared permission and,
// for state-changing requests made with a session, the CSRF token.
export async function registerAuth(
  app: AppInstance,
  options: { policy: SessionPolicy; cookieSecure: boolean; requestsPerMinute: number; decisionCacheSize: number },
): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('actor', null as unknown as UserActor);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('sessionUser', undefined);
  app.decorateRequest('sessionGuess', undefined);
  const guesses = options.decisionCacheSize > 0 ? new DecisionCache(options.decisionCacheSize) : undefined;
  const windowSeconds = 60;
  const limiter =
    options.requestsPerMinute > 0
      ? new RequestLimiter(app.db, { max: options.requestsPerMinute, windowSeconds }, (error) =>
          app.log.error({ err: error }, 'could not write request counts'),
        )
      : undefined;
  // Hits counted but not yet written reach the database before it closes.
  if (limiter) app.addHook('onClose', async () => limiter.close());

  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    const token = request.cookies[SESSION_COOKIE];
    const client = token ? clientOf(request) : undefined;
    const guessKey =
      guesses && token && client && request.routeOptions.url === GUESSED_ROUTE
        ? DecisionCache.key(hashToken(token), client.clientId, client.today)
        : undefined;
    const guessed = guessKey ? guesses!.get(guessKey) : undefined;
    if (guessed && guessKey && !limiter?.near(guessed.actor.userId, guessed.requestCount) && passes(request, guessed)) {
      use(request, guessed);
      request.sessionGuess = guessOf(request, guessKey, guessed, client!);
      await limit(request, guessed.requestCount);
      return;
    }
    const session = token ? await resolveSession(app.db, token, options.policy, windowSeconds, client) : undefined;
    if (!session) return gate(request);
    if (guessKey) guesses!.set(guessKey, session);
    use(request, session);
    await gate(request, session.requestCount);
  });

  function use(request: FastifyRequest, session: ResolvedSession): void {
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    request.sessionUser = session.user;
  }

  // Whether the guessed session would pass the gate as it stands (the request limit aside): a guess is
  // used only to go on, never to refuse.
  function passes(request: FastifyRequest, session: ResolvedSession): boolean {
    const before = [request.actor, request.csrfToken] as const;
    use(request, session);
    try {
      checks(request);
      return true;
    } catch {
      return false;
    } finally {
      [request.actor, request.csrfToken] = before;
      request.sessionUser = undefined;
    }
  }

  function guessOf(
    request: FastifyRequest,
    key: string,
    guessed: ResolvedSession & { decisionHash: string },
    client: { clientId: string; today: string },
  ): SessionGuess {
    const tokenHash = key.slice(0, key.indexOf(':'));
    return {
      params: {
        ...sessionParams(tokenHash, options.policy.idleMinutes, windowSeconds),
        ...client,
        expectedHash: guessed.decisionHash,
      },
      // The digest held, so the actor and the user are what was decided on: the same objects are kept (their
      // decisions with them, src/access/decision-memo.ts), with the session's clocks and count as read now.
      confirm: (clocks) =>
        guesses!.set(key, {
          ...guessed,
          csrfToken: clocks.csrfToken,
          expiresAt: new Date(clocks.absoluteExpiresAt),
          lastSeenAt: new Date(clocks.lastSeenAt),
          requestCount: clocks.requestCount,
        }),
      refresh: async (gone) => {
        guesses!.delete(key);
        request.sessionGuess = undefined;
        request.actor = anonymous;
        request.csrfToken = undefined;
        request.sessionUser = undefined;
        const now = gone
          ? undefined
          : await resolveSession(app.db, request.cookies[SESSION_COOKIE]!, options.policy, windowSeconds, client);
        if (now) {
          guesses!.set(key, now);
          use(request, now);
        }
        // The request was counted against the limit on the guess: the rest of the gate, not the count again.
        checks(request);
      },
    };
  }

  // A GET request for one client's file (/api/clients/:id and below): the client whose facts the access
  // layer will decide on, read in the session's statement instead of a round trip of their own.
  function clientOf(request: FastifyRequest): { clientId: string; today: string } | undefined {
    if (request.method !== 'GET' || !request.routeOptions.url?.startsWith('/api/clients/:id')) return undefined;
    const id = (request.params as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' && isUuid(id) ? { clientId: id, today: request.moment.today } : undefined;
  }

  // Who may call the route is settled before the body is read or validated, so an anonymous request
  // gets 401 (and a refused one its 403) whatever it sends: no field errors for a visitor.
  async function gate(request: FastifyRequest, requestCount?: StoredRequestCount): Promise<void> {
    if (request.routeOptions.config.permission === undefined) return;
    if (request.actor.kind === 'user' && requestCount) await limit(request, requestCount);
    checks(request);
  }

  // Per-user request limit, counted in PostgreSQL so it holds across server processes (request-limit.ts).
  async function limit(request: FastifyRequest, requestCount: StoredRequestCount): Promise<void> {
    if (request.actor.kind !== 'user' || !limiter) return;
    const wait = await limiter.hit(request.actor.userId, requestCount);
    if (wait > 0) throw new AppError('rate_limited', `Too many requests; try again in ${wait} second(s).`, [], wait);
  }

  function checks(request: FastifyRequest): void {
    const action = request.routeOptions.config.permission;
    // onRoute refuses API routes without an action; anything else (pages, assets) passes here.
    if (action === undefined) return;
    if (!isPublicAction(action) && request.actor.kind !== 'user') {
      throw new AppError('unauthenticated', 'Sign in to continue.');
    }
    // Public routes answer anyone without a session, so holding them back from a session that must
    // still enrol protects nothing; it would only break what every page asks (the footer's health check).
    if (
      request.actor.kind === 'user' &&
      request.actor.mfaEnrolmentRequired &&
      !isPublicAction(action) &&
      !request.routeOptions.config.duringMfaEnrolment
    ) {
      throw new AppError('forbidden', 'Set up two-step sign-in first: your role requires it.');
    }
    if (request.actor.kind === 'user' && !safeMethods.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== request.csrfToken) {
        throw new AppError('forbidden', `This request needs the session's ${CSRF_HEADER} header.`);
      }
    }
    // The role gate: an action none of the caller's roles holds answers 403 for every id, audited
    // (docs/permissions.md, 2.4). Which records an allowed action reaches, the module decides.
    const decision = mayTakeAction(request.actor, action);
    if (!decision.allowed) {
      throw deniedError(
        request.actor,
        { action, reason: decision.reason, requestId: request.id },
        `Not allowed: ${decision.reason}.`,
      );
    }
  }
}
