import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import type { AppInstance } from '../../server/app.ts';
import { idParams as clientIdParams, pathId } from '../../lib/params.ts';
import {
  agencyTransferQuerySchema,
  agencyTransferSchema,
  newTransferSchema,
  overdueReportSchema,
  transferSchema,
} from './transfer.ts';
import {
  acceptTransfer,
  listAgencyTransfers,
  listTransfers,
  overdueTransfers,
  releaseTransfer,
  requestTransfer,
} from './transfer.service.ts';

const transferParams = z.strictObject({ transferId: pathId });

export function transferRoutes(app: AppInstance): void {
  // The request's moment, and the transfer policy in force (TRANSFER_POLICY), which each decision records.
  const ctx = (request: FastifyRequest) => ({ requestId: request.id, ...request.moment, policy: app.transferPolicy });
  app.post(
    '/api/clients/:id/transfers',
    {
      config: { permission: 'transfer.request' },
      schema: {
        tags: ['transfers'],
        summary:
          'Record that the client moves to another provider (or, as the receiving agency with consent, ask for it)',
        params: clientIdParams,
        body: newTransferSchema,
        response: { 201: transferSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(app.db, (trx) =>
            requestTransfer(trx, request.actor, request.params.id, request.body, ctx(request)),
          ),
        ),
  );
  app.get(
    '/api/clients/:id/transfers',
    {
      config: { permission: 'transfer.read', statements: 6 },
      schema: {
        tags: ['transfers'],
        summary: "A client's transfers (to another agency: those to or from it)",
        params: clientIdParams,
        response: { 200: listEnvelopeSchema(transferSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => listTransfers(trx, request.actor, request.params.id, ctx(request))),
  );
  app.post(
    '/api/transfers/:transferId/accept',
    {
      config: { permission: 'transfer.accept' },
      schema: {
        tags: ['transfers'],
        summary: 'The receiving agency accepts; the release clock starts',
        params: transferParams,
        response: { 200: transferSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => acceptTransfer(trx, request.actor, request.params.transferId, ctx(request))),
  );
  app.post(
    '/api/transfers/:transferId/release',
    {
      config: { permission: 'transfer.release' },
      schema: {
        tags: ['transfers'],
        summary: 'The sending agency releases the file (the system manager may, once overdue)',
        params: transferParams,
        response: { 200: transferSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => releaseTransfer(trx, request.actor, request.params.transferId, ctx(request))),
  );
  app.get(
    '/api/transfers',
    {
      config: { permission: 'transfer.read', statements: 6 },
      schema: {
        tags: ['transfers'],
        summary:
          "Your agency's transfers, incoming or outgoing, with the client's name where your access shows it (the transfer's consent opens it to the receiving agency)",
        querystring: agencyTransferQuerySchema,
        response: { 200: listEnvelopeSchema(agencyTransferSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => listAgencyTransfers(trx, request.actor, request.query, ctx(request))),
  );
  app.get(
    '/api/transfers/overdue',
    {
      config: { permission: 'transfer.overdue_report', statements: 5 },
      schema: {
        tags: ['transfers'],
        summary:
          'Releases overdue beyond the transfer policy’s release limit (business days), as metadata (no client information)',
        response: { 200: overdueReportSchema },
      },
    },
    async (request) => withTransaction(app.db, (trx) => overdueTransfers(trx, request.actor, ctx(request))),
  );
}
