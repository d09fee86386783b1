import { pathId } from '../../lib/params.ts';
import { withTransaction } from '../../db/database.ts';
import type { AppInstance } from '../../server/app.ts';
import { z } from 'zod';
import { accessLogSchema, auditListSchema, auditQuerySchema, clientAuditQuerySchema } from './audit.ts';
import { clientAccessLog, searchAudit, searchClientAudit } from './audit.service.ts';

export function auditRoutes(app: AppInstance): void {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read_by_actor', statements: 6 },
      schema: {
        tags: ['audit'],
        summary:
          "Search actors' audit rows, newest first: all of them for system administrators, their own organization's for agency managers",
        querystring: auditQuerySchema,
        response: { 200: auditListSchema },
      },
    },
    async (request) => withTransaction(app.db, (trx) => searchAudit(trx, request.actor, request.query, request.id)),
  );

  app.get(
    '/api/clients/:id/audit',
    {
      config: { permission: 'audit.read_by_client', statements: 6 },
      schema: {
        tags: ['audit'],
        summary:
          "Who has read or changed a client's file: the audit rows naming the client (the holding agency's manager)",
        params: z.strictObject({ id: pathId }),
        querystring: clientAuditQuerySchema,
        response: { 200: auditListSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        searchClientAudit(trx, request.actor, request.params.id, request.query, {
          requestId: request.id,
          today: request.moment.today,
        }),
      ),
  );

  app.get(
    '/api/clients/:id/access-log',
    {
      config: { permission: 'audit.read_by_client', statements: 6 },
      schema: {
        tags: ['audit'],
        summary:
          'Who opened or changed the file, in plain terms (for the client): person, agency, what, day and how many times',
        params: z.strictObject({ id: pathId }),
        querystring: clientAuditQuerySchema,
        response: { 200: accessLogSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        clientAccessLog(trx, request.actor, request.params.id, request.query, {
          requestId: request.id,
          today: request.moment.today,
          timeZone: request.moment.timeZone,
        }),
      ),
  );
}
