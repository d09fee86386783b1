import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import type { AppInstance } from '../../server/app.ts';
import {
  agencyFileSchema,
  agencyFilesQuerySchema,
  caseloadItemSchema,
  caseloadQuerySchema,
  reassignResultSchema,
  reassignSchema,
  teamWorkQuerySchema,
  teamWorkSchema,
} from './caseload.ts';
import { queryAgencyFiles, queryCaseload, reassignCaseload, teamWork } from './caseload.service.ts';

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
    '/api/caseload/agency',
    {
      config: { permission: 'caseload.read' },
      schema: {
        tags: ['caseload'],
        summary:
          "Managers: every file the agency holds, searchable by name or identifier, with each file's primary worker",
        body: agencyFilesQuerySchema,
        response: { 200: listEnvelopeSchema(agencyFileSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        queryAgencyFiles(trx, request.actor, request.body, { requestId: request.id, ...request.moment }),
      ),
  );

  app.get(
    '/api/caseload/team',
    {
      config: { permission: 'report.caseloads', statements: 5 },
      schema: {
        tags: ['caseload'],
        summary:
          "Managers: each worker's clients, open, overdue and due-today tasks, and clients with no contact in quietDays days",
        querystring: teamWorkQuerySchema,
        response: { 200: teamWorkSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        teamWork(trx, request.actor, request.query, { requestId: request.id, ...request.moment }),
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
