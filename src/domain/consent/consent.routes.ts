import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import type { AppInstance } from '../../server/app.ts';
import { idParams as clientIdParams } from '../../lib/params.ts';
import { consentParams, consentSchema, newConsentSchema, revokeConsentSchema } from './consent.ts';
import { grantConsent, listConsents, revokeConsent } from './consent.service.ts';

export function consentRoutes(app: AppInstance): void {
  app.post(
    '/api/clients/:id/consents',
    {
      config: { permission: 'consent.grant' },
      schema: {
        tags: ['consent'],
        summary:
          "Record a client's consent to share categories of their file with a named organization, for a purpose, until a date",
        params: clientIdParams,
        body: newConsentSchema,
        response: { 201: consentSchema },
      },
    },
    async (request, reply) => {
      const consent = await withTransaction(app.db, (trx) =>
        grantConsent(trx, request.actor, request.params.id, request.body, { requestId: request.id, ...request.moment }),
      );
      return reply.status(201).send(consent);
    },
  );

  app.get(
    '/api/clients/:id/consents',
    {
      config: { permission: 'consent.read', statements: 5 },
      schema: {
        tags: ['consent'],
        summary:
          "A client's consents and revocations, with their state today (to another organization: the consents naming it)",
        params: clientIdParams,
        response: { 200: listEnvelopeSchema(consentSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listConsents(trx, request.actor, request.params.id, { requestId: request.id, ...request.moment }),
      ),
  );

  app.post(
    '/api/clients/:id/consents/:consentId/revoke',
    {
      config: { permission: 'consent.revoke' },
      schema: {
        tags: ['consent'],
        summary: 'Record that the client revoked a consent; it takes effect on the next request',
        params: consentParams,
        body: revokeConsentSchema,
        response: { 200: consentSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        revokeConsent(trx, request.actor, request.params.id, request.params.consentId, request.body, {
          requestId: request.id,
          ...request.moment,
        }),
      ),
  );
}
