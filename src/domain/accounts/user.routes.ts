import { pathId } from '../../lib/params.ts';
import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import type { AppInstance } from '../../server/app.ts';
import {
  inviteUserSchema,
  passwordResetRequestSchema,
  tokenPasswordSchema,
  updateRolesSchema,
  userListQuerySchema,
  userSchema,
} from './account.ts';
import { acceptInvitation, completePasswordReset, requestPasswordReset } from './account-token.service.ts';
import { disableUser, inviteUser, listUsers, updateUserRoles } from './user-admin.service.ts';

const idParams = z.strictObject({ id: pathId });

export function userRoutes(app: AppInstance): void {
  app.post(
    '/api/users',
    {
      config: { permission: 'user.invite' },
      schema: {
        tags: ['users'],
        summary: 'Invite a user: creates the account and e-mails a link to choose a password',
        body: inviteUserSchema,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await withTransaction(app.db, (trx) =>
        inviteUser(trx, request.actor, request.body, { publicUrl: app.publicUrl, requestId: request.id }),
      );
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/api/users',
    {
      config: { permission: 'user.read', statements: 7 },
      schema: {
        tags: ['users'],
        summary:
          'Users the caller may see: everyone for administrators, their organization for managers, else themself',
        querystring: userListQuerySchema,
        response: { 200: listEnvelopeSchema(userSchema) },
      },
    },
    async (request) => withTransaction(app.db, (trx) => listUsers(trx, request.actor, request.query, request.id)),
  );

  app.put(
    '/api/users/:id/roles',
    {
      config: { permission: 'user.update_roles' },
      schema: {
        tags: ['users'],
        summary: "Replace a user's roles",
        params: idParams,
        body: updateRolesSchema,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        updateUserRoles(trx, request.actor, request.params.id, request.body.roles, request.id),
      ),
  );

  app.post(
    '/api/users/:id/disable',
    {
      config: { permission: 'user.disable' },
      schema: {
        tags: ['users'],
        summary: 'Disable a user; every session of theirs ends at once',
        params: idParams,
        response: { 200: userSchema },
      },
    },
    async (request) => withTransaction(app.db, (trx) => disableUser(trx, request.actor, request.params.id, request.id)),
  );

  app.post(
    '/api/auth/accept-invitation',
    {
      config: { permission: 'auth.accept_invitation' },
      schema: {
        tags: ['auth'],
        summary: 'Choose a first password with the token from an invitation',
        body: tokenPasswordSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await withTransaction(app.db, (trx) => acceptInvitation(trx, request.body, request.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { permission: 'auth.password_reset' },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password-reset link by e-mail (the same answer whether or not the address has an account)',
        body: passwordResetRequestSchema,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(app.db, request.body.email, {
        publicUrl: app.publicUrl,
        requestId: request.id,
        ip: request.ip,
      });
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      config: { permission: 'auth.password_reset' },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the token from a reset link; ends every session',
        body: tokenPasswordSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await withTransaction(app.db, (trx) => completePasswordReset(trx, request.body, request.id));
      return reply.status(204).send(null);
    },
  );
}
