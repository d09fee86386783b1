import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { healthSchema, summarySchema } from './system.ts';
import { checkHealth, getSystemSummary } from './system.service.ts';

export function systemRoutes(app: AppInstance): void {
  app.get(
    '/api/health',
    {
      config: { permission: 'system.health', statements: 1 },
      schema: {
        tags: ['system'],
        summary: 'Whether the server and its database answer',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const health = await checkHealth(app.db, app.engine);
      return reply.status(health.status === 'ok' ? 200 : 503).send(health);
    },
  );

  app.get(
    '/api/system/summary',
    {
      config: { permission: 'system.summary', statements: 2 },
      schema: {
        tags: ['system'],
        summary: 'Public counts of the system: organizations by type, sites, neighbourhoods served',
        querystring: z.strictObject({}),
        response: { 200: summarySchema },
      },
    },
    async (request) => getSystemSummary(app.db, request.actor),
  );
}
