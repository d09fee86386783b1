import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import { idParams as clientIdParams } from '../../lib/params.ts';
import type { AppInstance } from '../../server/app.ts';
import { clientSummarySchema, timelineEventSchema, timelineQuerySchema } from './client-view.ts';
import { clientSummary, clientTimeline } from './client-view.service.ts';

// Views of a client's file built from its parts (timeline, summary): a module above the parts, so the
// parts never depend on it.
export function clientViewRoutes(app: AppInstance): void {
  app.get(
    '/api/clients/:id/timeline',
    {
      config: { permission: 'client.read', statements: 14 },
      schema: {
        tags: ['clients'],
        summary:
          'One timeline of the client across the agencies of the case team, newest first, from what the caller may read',
        params: clientIdParams,
        querystring: timelineQuerySchema,
        response: { 200: z.object({ items: z.array(timelineEventSchema) }) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        clientTimeline(trx, request.actor, request.params.id, request.query.limit, {
          requestId: request.id,
          ...request.moment,
        }),
      ),
  );

  app.get(
    '/api/clients/:id/summary',
    {
      config: { permission: 'client.read', statements: 11 },
      schema: {
        tags: ['clients'],
        summary: 'The one-page summary for a new worker: assessment and reasons, last contacts, open tasks, team',
        params: clientIdParams,
        response: { 200: clientSummarySchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        clientSummary(trx, request.actor, request.params.id, { requestId: request.id, ...request.moment }),
      ),
  );
}
