import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import type { AppInstance } from '../../server/app.ts';
import { auditQuerySchema, auditRowSchema } from './audit.ts';
import { searchAuditByActor } from './audit.service.ts';

export function auditRoutes(app: AppInstance): void {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read_by_actor' },
      schema: {
        tags: ['audit'],
        summary: "An actor's audit rows, newest first (system administrators)",
        querystring: auditQuerySchema,
        response: { 200: listEnvelopeSchema(auditRowSchema) },
      },
    },
    async (request) => withTransaction(app.db, (trx) => searchAuditByActor(trx, request.actor, request.query, request.id)),
  );
}
