import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import type { AppInstance } from '../../server/app.ts';
import { consentPurposes } from '../consent/consent.ts';
import { clientIdParams, clientSchema, duplicateResultSchema, duplicateSearchSchema, newClientSchema } from './client.ts';
import { createClient, getClient, searchDuplicates } from './client.service.ts';
import { clientSummary, clientTimeline } from './client-timeline.service.ts';
import { inviteAccount, myFile } from './client-account.service.ts';
import { userSchema } from '../accounts/account.ts';
import { clientSummarySchema, timelineEventSchema, timelineQuerySchema } from './client-timeline.ts';

// Names and birth dates travel in request bodies, never in the address (issue 3, point 9).
export function clientRoutes(app: AppInstance): void {
  app.post(
    '/api/clients/duplicates',
    {
      config: { permission: 'client.search_duplicates' },
      schema: {
        tags: ['clients'],
        summary: 'Before intake: is this person already known? Fuzzy name and date of birth; records outside your access show only as a possible existing record',
        body: duplicateSearchSchema,
        response: { 200: duplicateResultSchema },
      },
    },
    async (request) => withTransaction(app.db, (trx) => searchDuplicates(trx, request.actor, request.body, { requestId: request.id })),
  );

  app.post(
    '/api/clients',
    {
      config: { permission: 'client.create' },
      schema: {
        tags: ['clients'],
        summary: "Intake: open a client's file at your agency (refused with 409 when a possible existing record matches and notADuplicate is not given)",
        body: newClientSchema,
        response: { 201: clientSchema },
      },
    },
    async (request, reply) => {
      const client = await withTransaction(app.db, (trx) => createClient(trx, request.actor, request.body, { requestId: request.id }));
      return reply.status(201).send(client);
    },
  );

  app.get(
    '/api/clients/:id',
    {
      config: { permission: 'client.read' },
      schema: {
        tags: ['clients'],
        summary: "A client's file, with only the categories the caller may see (a category not consented is absent)",
        params: clientIdParams,
        querystring: z.strictObject({ purpose: z.enum(consentPurposes).optional() }),
        response: { 200: clientSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => getClient(trx, request.actor, request.params.id, { requestId: request.id, purpose: request.query.purpose })),
  );

  app.get(
    '/api/clients/:id/timeline',
    {
      config: { permission: 'client.read' },
      schema: {
        tags: ['clients'],
        summary: 'One timeline of the client across the agencies of the case team, newest first, from what the caller may read',
        params: clientIdParams,
        querystring: timelineQuerySchema,
        response: { 200: z.object({ items: z.array(timelineEventSchema) }) },
      },
    },
    async (request) => withTransaction(app.db, (trx) => clientTimeline(trx, request.actor, request.params.id, request.query.limit, { requestId: request.id })),
  );

  app.get(
    '/api/clients/:id/summary',
    {
      config: { permission: 'client.read' },
      schema: {
        tags: ['clients'],
        summary: 'The one-page summary for a new worker: assessment and reasons, last contacts, open tasks, team',
        params: clientIdParams,
        response: { 200: clientSummarySchema },
      },
    },
    async (request) => withTransaction(app.db, (trx) => clientSummary(trx, request.actor, request.params.id, { requestId: request.id })),
  );

  app.post(
    '/api/clients/:id/account',
    {
      config: { permission: 'client.invite_account' },
      schema: {
        tags: ['clients'],
        summary: "Invite the client to their own account, tied to this record (an e-mailed link to choose a password)",
        params: clientIdParams,
        body: z.strictObject({ email: z.email().max(254) }),
        response: { 201: userSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withTransaction(app.db, (trx) => inviteAccount(trx, request.actor, request.params.id, request.body, { requestId: request.id, publicUrl: app.publicUrl }))),
  );

  app.get(
    '/api/me/client',
    {
      config: { permission: 'client.read' },
      schema: { tags: ['clients'], summary: "For a client's own account: their file", response: { 200: clientSchema } },
    },
    async (request) => withTransaction(app.db, (trx) => myFile(trx, request.actor, { requestId: request.id })),
  );
}
