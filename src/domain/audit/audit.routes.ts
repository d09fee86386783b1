import { withTransaction } from '../../db/database.ts';
import type { AppInstance } from '../../server/app.ts';
import { auditListSchema, auditQuerySchema } from './audit.ts';
import { searchAudit } from './audit.service.ts';

export function auditRoutes(app: AppInstance): void {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read_by_actor' },
      schema: {
        tags: ['audit'],
        summary: "Search actors' audit rows, newest first: all of them for system administrators, their own organization's for agency managers",
        querystring: auditQuerySchema,
        response: { 200: auditListSchema },
      },
    },
    async (request) => withTransaction(app.db, (trx) => searchAudit(trx, request.actor, request.query, request.id)),
  );
}
