import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import { pathId } from '../../lib/params.ts';
import {
  newServiceSchema,
  servicePatchSchema,
  serviceSchema,
  serviceSearchQuerySchema,
  serviceSummarySchema,
} from './service.ts';
import { createService, getService, searchServices, updateService } from './service.service.ts';

const idParams = z.strictObject({ id: pathId });

// The directory of services: public search and listing pages; an agency keeps its own listings.
export function serviceRoutes(app: AppInstance): void {
  app.get(
    '/api/services',
    {
      config: { permission: 'service.read', statements: 4 },
      schema: {
        tags: ['directory'],
        summary:
          'Search the directory: words in English or French, workforce filters, distance from a postal code, intake open now or soon; each result says why it matched',
        querystring: serviceSearchQuerySchema,
        response: { 200: listEnvelopeSchema(serviceSummarySchema) },
      },
    },
    async (request) => searchServices(app.db, request.actor, request.query, request.moment),
  );

  app.get(
    '/api/services/:id',
    {
      config: { permission: 'service.read', statements: 3 },
      schema: {
        tags: ['directory'],
        summary: 'One service with its sites, schedules, intake windows, contacts and when each was last confirmed',
        params: idParams,
        response: { 200: serviceSchema },
      },
    },
    async (request) => getService(app.db, request.actor, request.params.id, request.moment),
  );

  app.post(
    '/api/services',
    {
      config: { permission: 'service.manage' },
      schema: {
        tags: ['directory'],
        summary: "List a service of the caller's organization (system administrators name the organization)",
        body: newServiceSchema,
        response: { 201: serviceSchema },
      },
    },
    async (request, reply) => {
      const created = await withTransaction(app.db, (trx) =>
        createService(trx, request.actor, request.body, request.moment, request.id),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/services/:id',
    {
      config: { permission: 'service.manage' },
      schema: {
        tags: ['directory'],
        summary: 'Change a listing, or confirm it as it stands (verified: true); lists given replace the listing’s',
        params: idParams,
        body: servicePatchSchema,
        response: { 200: serviceSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        updateService(trx, request.actor, request.params.id, request.body, request.moment, request.id),
      ),
  );
}
