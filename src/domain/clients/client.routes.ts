import { pathId } from '../../lib/params.ts';
import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import type { AppInstance } from '../../server/app.ts';
import { consentPurposes } from '../consent/consent.ts';
import {
  clientIdParams,
  clientPatchSchema,
  clientSchema,
  duplicateResultSchema,
  duplicateMatchSchema,
  duplicateSearchSchema,
  equityInputSchema,
  newClientSchema,
  statusChangeSchema,
} from './client.ts';
import { createClient, getClient, getClientOnGuess, searchDuplicates } from './client.service.ts';
import { inviteAccount, myFile } from './client-account.service.ts';
import { changeStatus, updateClient, updateEquity } from './client-update.service.ts';
import { addAttachment, attachmentContent, listAttachments } from './client-attachment.service.ts';
import { attachmentSchema, ATTACHMENT_MAX_BYTES, newAttachmentSchema } from './client-attachment.ts';
import {
  accessAnswerSchema,
  accessRequestQuerySchema,
  accessRequestSchema,
  newAccessRequestSchema,
} from './client-access-request.ts';
import { answerAccess, listAccessRequests, requestAccess } from './client-access-request.service.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import { userSchema } from '../accounts/account.ts';

// Names and birth dates travel in request bodies, never in the address (issue 3, point 9).
export function clientRoutes(app: AppInstance): void {
  app.post(
    '/api/clients/duplicates',
    {
      config: { permission: 'client.search_duplicates' },
      schema: {
        tags: ['clients'],
        summary:
          'Before intake: is this person already known? Fuzzy name and date of birth; records outside your access show only as a possible existing record',
        body: duplicateSearchSchema,
        response: { 200: duplicateResultSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        searchDuplicates(trx, request.actor, request.body, {
          requestId: request.id,
          ...request.moment,
          secretBox: app.secretBox,
        }),
      ),
  );

  app.post(
    '/api/clients',
    {
      config: { permission: 'client.create' },
      schema: {
        tags: ['clients'],
        summary:
          "Intake: open a client's file at your agency (refused with 409 when a possible existing record matches and notADuplicate is not given)",
        body: newClientSchema,
        response: { 201: clientSchema },
      },
    },
    async (request, reply) => {
      const client = await withTransaction(app.db, (trx) =>
        createClient(trx, request.actor, request.body, { requestId: request.id, ...request.moment }),
      );
      return reply.status(201).send(client);
    },
  );

  app.get(
    '/api/clients/:id',
    {
      config: { permission: 'client.read', statements: 2 },
      schema: {
        tags: ['clients'],
        summary: "A client's file, with only the categories the caller may see (a category not consented is absent)",
        params: clientIdParams,
        querystring: z.strictObject({ purpose: z.enum(consentPurposes).optional() }),
        response: { 200: clientSchema },
      },
    },
    // No transaction: the facts came with the session, and the record is read by the statement that
    // writes its audit row (client.service.ts, getClient). Decided on a guess (src/server/decision-cache.ts),
    // one statement: it reads and audits only if the session and facts are still what was decided on.
    async (request) => {
      const context = { requestId: request.id, ...request.moment, purpose: request.query.purpose };
      const guess = request.sessionGuess;
      if (guess) {
        const read = await getClientOnGuess(app.db, request.actor, request.params.id, context, guess.params);
        if (read.view) {
          guess.confirm(read.clocks);
          return read.view;
        }
        await guess.refresh(read.gone);
      }
      return getClient(app.db, request.actor, request.params.id, context);
    },
  );

  app.post(
    '/api/clients/:id/account',
    {
      config: { permission: 'client.invite_account' },
      schema: {
        tags: ['clients'],
        summary: 'Invite the client to their own account, tied to this record (an e-mailed link to choose a password)',
        params: clientIdParams,
        body: z.strictObject({ email: z.email().max(254) }),
        response: { 201: userSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await withTransaction(app.db, (trx) =>
          inviteAccount(trx, request.actor, request.params.id, request.body, {
            requestId: request.id,
            ...request.moment,
            publicUrl: app.publicUrl,
          }),
        ),
      ),
  );

  app.get(
    '/api/me/client',
    {
      config: { permission: 'client.read', statements: 6 },
      schema: { tags: ['clients'], summary: "For a client's own account: their file", response: { 200: clientSchema } },
    },
    async (request) =>
      withTransaction(app.db, (trx) => myFile(trx, request.actor, { requestId: request.id, ...request.moment })),
  );

  app.patch(
    '/api/clients/:id',
    {
      config: { permission: 'client.update' },
      schema: {
        tags: ['clients'],
        summary: 'Change the record (fields of the categories the caller may see); says when a reassessment is due',
        params: clientIdParams,
        body: clientPatchSchema,
        response: {
          200: clientSchema.extend({
            reassessmentSuggested: z.boolean(),
            // After a correction of the name or date of birth: the duplicate search for the corrected person.
            possibleDuplicates: z.array(duplicateMatchSchema),
          }),
        },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        updateClient(trx, request.actor, request.params.id, request.body, {
          requestId: request.id,
          ...request.moment,
          secretBox: app.secretBox,
        }),
      ),
  );

  app.put(
    '/api/clients/:id/equity',
    {
      config: { permission: 'client.equity.write' },
      schema: {
        tags: ['clients'],
        summary: 'The self-identified equity answers (voluntary, kept apart, never shared by default)',
        params: clientIdParams,
        body: equityInputSchema,
        response: { 200: clientSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        updateEquity(trx, request.actor, request.params.id, request.body, { requestId: request.id, ...request.moment }),
      ),
  );

  app.post(
    '/api/clients/:id/status',
    {
      config: { permission: 'client.close' },
      schema: {
        tags: ['clients'],
        summary: 'Put the file on hold, resume it, close it with a reason, or reopen it',
        params: clientIdParams,
        body: statusChangeSchema,
        response: { 200: clientSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        changeStatus(trx, request.actor, request.params.id, request.body, { requestId: request.id, ...request.moment }),
      ),
  );

  app.post(
    '/api/clients/:id/attachments',
    {
      config: { permission: 'client.update' },
      bodyLimit: Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 8192,
      schema: {
        tags: ['clients'],
        summary: `Attach a résumé or a signed consent (base64, at most ${ATTACHMENT_MAX_BYTES / 1048576} MB)`,
        params: clientIdParams,
        body: newAttachmentSchema,
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await withTransaction(app.db, (trx) =>
          addAttachment(trx, request.actor, request.params.id, request.body, {
            requestId: request.id,
            ...request.moment,
          }),
        ),
      ),
  );

  app.get(
    '/api/clients/:id/attachments',
    {
      config: { permission: 'client.read', statements: 5 },
      schema: {
        tags: ['clients'],
        summary: 'Attachments of the categories the caller may see',
        params: clientIdParams,
        response: { 200: listEnvelopeSchema(attachmentSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listAttachments(trx, request.actor, request.params.id, { requestId: request.id, ...request.moment }),
      ),
  );

  app.get(
    '/api/clients/:id/attachments/:attachmentId/content',
    {
      config: { permission: 'client.read', statements: 5 },
      schema: {
        tags: ['clients'],
        summary: 'Download an attachment',
        params: z.strictObject({ id: pathId, attachmentId: pathId }),
      },
    },
    async (request, reply) => {
      const file = await withTransaction(app.db, (trx) =>
        attachmentContent(trx, request.actor, request.params.id, request.params.attachmentId, {
          requestId: request.id,
          ...request.moment,
        }),
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.content);
    },
  );

  app.post(
    '/api/access-requests',
    {
      config: { permission: 'client.access_request' },
      schema: {
        tags: ['clients'],
        summary: 'Ask the holding agency for access to a possible existing record found by a duplicate search',
        body: newAccessRequestSchema,
        response: { 201: accessRequestSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await withTransaction(app.db, (trx) =>
          requestAccess(trx, request.actor, request.body, {
            requestId: request.id,
            ...request.moment,
            secretBox: app.secretBox,
          }),
        ),
      ),
  );

  app.get(
    '/api/access-requests',
    {
      config: { permission: 'client.access_request', statements: 5 },
      schema: {
        tags: ['clients'],
        summary: "Access requests for the caller's agency's clients (incoming) or made by it (outgoing)",
        querystring: accessRequestQuerySchema,
        response: { 200: listEnvelopeSchema(accessRequestSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listAccessRequests(trx, request.actor, request.query, {
          requestId: request.id,
          ...request.moment,
          secretBox: app.secretBox,
        }),
      ),
  );

  app.post(
    '/api/access-requests/:requestId/answer',
    {
      config: { permission: 'consent.grant' },
      schema: {
        tags: ['clients'],
        summary: "The holding agency grants (with the client's consent) or declines an access request",
        params: z.strictObject({ requestId: pathId }),
        body: accessAnswerSchema,
        response: { 200: accessRequestSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        answerAccess(trx, request.actor, request.params.requestId, request.body, {
          requestId: request.id,
          ...request.moment,
          secretBox: app.secretBox,
        }),
      ),
  );
}
