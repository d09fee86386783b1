import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import type { AppInstance } from '../../server/app.ts';
import { caseloadItemSchema, caseloadQuerySchema, reassignResultSchema, reassignSchema } from './caseload.ts';
import { queryCaseload, reassignCaseload } from './caseload.service.ts';

export function caseloadRoutes(app: AppInstance): void {
  app.post(
    '/api/caseload',
    {
      config: { permission: 'caseload.read' },
      schema: {
        tags: ['caseload'],
        summary:
          "A worker's caseload (the caller's, or a manager's staff member's), searchable by name or identifier, overdue first",
        body: caseloadQuerySchema,
        response: { 200: listEnvelopeSchema(caseloadItemSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        queryCaseload(trx, request.actor, request.body, { requestId: request.id, ...request.moment }),
      ),
  );

  app.post(
    '/api/caseload/reassign',
    {
      config: { permission: 'caseload.reassign' },
      schema: {
        tags: ['caseload'],
        summary: "Handover: move a leaving worker's caseload and open tasks to another worker in one step",
        body: reassignSchema,
        response: { 200: reassignResultSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        reassignCaseload(trx, request.actor, request.body, { requestId: request.id, ...request.moment }),
      ),
  );
}
