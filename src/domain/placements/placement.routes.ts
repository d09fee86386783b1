import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import { idParams, pathId } from '../../lib/params.ts';
import type { AppInstance } from '../../server/app.ts';
import {
  evaluationSchema,
  newPlacementSchema,
  placementListQuerySchema,
  placementSchema,
  placementStepSchema,
  placementSummarySchema,
} from './placement.ts';
import {
  evaluatePlacement,
  getPlacement,
  listClientPlacements,
  listPlacements,
  proposePlacement,
  stepPlacement,
} from './placement.service.ts';

const placementParams = z.strictObject({ placementId: pathId });

// The placement pipeline from the API (docs/placements.md).
export function placementRoutes(app: AppInstance): void {
  const ctx = (request: FastifyRequest) => ({ requestId: request.id, ...request.moment });
  app.post(
    '/api/clients/:id/placements',
    {
      config: { permission: 'placement.propose' },
      schema: {
        tags: ['placements'],
        summary:
          "Propose the client for an open job order (your agency's own until you share it with the employer; needs the client's employment information)",
        params: idParams,
        body: newPlacementSchema,
        response: { 201: placementSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(app.db, (trx) =>
            proposePlacement(trx, request.actor, request.params.id, request.body, ctx(request)),
          ),
        ),
  );
  app.get(
    '/api/clients/:id/placements',
    {
      config: { permission: 'client.read', statements: 6 },
      schema: {
        tags: ['placements'],
        summary: "A client's placements: those your agency proposed, or all of them from the client's own account",
        params: idParams,
        querystring: placementListQuerySchema,
        response: { 200: listEnvelopeSchema(placementSummarySchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listClientPlacements(trx, request.actor, request.params.id, request.query, ctx(request)),
      ),
  );
  app.get(
    '/api/placements',
    {
      config: { permission: 'placement.read', statements: 5 },
      schema: {
        tags: ['placements'],
        summary:
          "The pipeline: your agency's placements, or for an employer those shared with it (the candidate's name where the client's consent shows it), latest change first",
        querystring: placementListQuerySchema,
        response: { 200: listEnvelopeSchema(placementSummarySchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => listPlacements(trx, request.actor, request.query, ctx(request))),
  );
  app.get(
    '/api/placements/:placementId',
    {
      config: { permission: 'placement.read', statements: 11 },
      schema: {
        tags: ['placements'],
        summary:
          'One placement with its steps, the employment a hire opened and the evaluations; for the employer, only what the consent naming it shares',
        params: placementParams,
        response: { 200: placementSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => getPlacement(trx, request.actor, request.params.placementId, ctx(request))),
  );
  app.post(
    '/api/placements/:placementId/steps',
    {
      config: { permission: 'placement.respond' },
      schema: {
        tags: ['placements'],
        summary:
          "Record the next step: shared with the employer (with the client's consent), interview, offer, hired (opens the employment record), not hired or withdrawn (with a coded reason)",
        params: placementParams,
        body: placementStepSchema,
        response: { 200: placementSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        stepPlacement(trx, request.actor, request.params.placementId, request.body, ctx(request)),
      ),
  );
  app.post(
    '/api/placements/:placementId/evaluations',
    {
      config: { permission: 'placement.respond' },
      schema: {
        tags: ['placements'],
        summary: "A work placement's evaluation of the trainee by the employer, for a period that has ended",
        params: placementParams,
        body: evaluationSchema,
        response: { 201: placementSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(app.db, (trx) =>
            evaluatePlacement(trx, request.actor, request.params.placementId, request.body, ctx(request)),
          ),
        ),
  );
}
