import type { FastifyRequest } from 'fastify';
import { withTransaction } from '../../db/database.ts';
import type { AppInstance } from '../../server/app.ts';
import { landscapeCsv, landscapeQuerySchema, landscapeSchema, type LandscapeQuery } from './landscape.ts';
import { landscape } from './landscape.service.ts';

// The landscape of workforce programs, for the system manager: as JSON for the page, as CSV to export.
export function landscapeRoutes(app: AppInstance): void {
  const answer = (request: FastifyRequest, query: LandscapeQuery) =>
    withTransaction(app.db, (trx) =>
      landscape(trx, request.actor, query, { requestId: request.id, ...request.moment }),
    );
  app.get(
    '/api/reports/landscape',
    {
      config: { permission: 'directory.landscape', statements: 9 },
      schema: {
        tags: ['reports'],
        summary:
          'Coverage of programs by intervention, occupation, population and neighbourhood, the gaps within a distance, listings not confirmed lately, and "no capacity" declines as unmet demand (small counts withheld)',
        querystring: landscapeQuerySchema,
        response: { 200: landscapeSchema },
      },
    },
    async (request) => answer(request, request.query),
  );
  app.get(
    '/api/reports/landscape.csv',
    {
      config: { permission: 'directory.landscape', statements: 9 },
      schema: {
        tags: ['reports'],
        summary: 'The landscape by neighbourhood as CSV, with the same filters',
        querystring: landscapeQuerySchema,
      },
    },
    async (request, reply) => {
      const result = await answer(request, request.query);
      const name = `continuum-landscape-${result.asOf}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(landscapeCsv(result));
    },
  );
}
