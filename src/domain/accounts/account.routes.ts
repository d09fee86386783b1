import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import type { AppInstance } from '../../server/app.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../lib/session-cookie.ts';
import { loginSchema, sessionInfoSchema, totpConfirmSchema, totpEnrolmentSchema } from './account.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './mfa.service.ts';
import { getCurrentUser, signIn, signOut, signOutEverywhere } from './account.service.ts';
import { sessionCan } from '../../access/decide-can.ts';

export function accountRoutes(app: AppInstance): void {
  app.post(
    '/api/auth/login',
    {
      config: { permission: 'auth.sign_in' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: loginSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const { token, session } = await signIn(app.db, request.body, {
        requestId: request.id,
        userAgent: request.headers['user-agent'] ?? null,
        ip: request.ip,
        policy: app.sessionPolicy,
        secretBox: app.secretBox,
      });
      reply.setCookie(
        SESSION_COOKIE,
        token,
        sessionCookieOptions({ cookieSecure: app.cookieSecure, maxAgeSeconds: app.sessionPolicy.absoluteHours * 3600 }),
      );
      return session;
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { permission: 'session.read', duringMfaEnrolment: true, statements: 1 },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and the CSRF token for state-changing requests',
        response: { 200: sessionInfoSchema },
      },
    },
    async (request) => ({
      // Read with the session itself: no second statement.
      user: request.sessionUser ?? (await getCurrentUser(app.db, request.actor)),
      mfaEnrolmentRequired: request.actor.kind === 'user' && request.actor.mfaEnrolmentRequired === true,
      can: sessionCan(request.actor),
      csrfToken: request.csrfToken ?? '',
      expiresAt: new Date(Date.now() + app.sessionPolicy.idleMinutes * 60_000).toISOString(),
    }),
  );

  app.post(
    '/api/auth/mfa/totp',
    {
      config: { permission: 'mfa.enrol', duringMfaEnrolment: true },
      schema: {
        tags: ['auth'],
        summary: 'Start setting up two-step sign-in: a new secret for an authenticator app',
        response: { 200: totpEnrolmentSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => startTotpEnrolment(trx, request.actor, app.secretBox, request.id)),
  );

  app.post(
    '/api/auth/mfa/totp/confirm',
    {
      config: { permission: 'mfa.enrol', duringMfaEnrolment: true },
      schema: {
        tags: ['auth'],
        summary: 'Finish setting up two-step sign-in with a code from the app',
        body: totpConfirmSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await withTransaction(app.db, (trx) =>
        confirmTotpEnrolment(trx, request.actor, app.secretBox, request.body.code, request.id),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'session.revoke', duringMfaEnrolment: true },
      schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await withTransaction(app.db, (trx) => signOut(trx, request.actor, request.id));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      config: { permission: 'session.revoke_all' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out of every session of this user',
        response: { 200: z.object({ sessionsEnded: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const sessionsEnded = await withTransaction(app.db, (trx) => signOutEverywhere(trx, request.actor, request.id));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { sessionsEnded };
    },
  );
}
