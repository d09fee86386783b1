import type { FastifyRequest } from 'fastify';
import { withTransaction } from '../../db/database.ts';
import type { AppInstance } from '../../server/app.ts';
import { idParams as clientIdParams } from '../../lib/params.ts';
import {
  acknowledgementSchema,
  goalPatchSchema,
  newGoalSchema,
  newStepSchema,
  planParams,
  planSchema,
  stepPatchSchema,
} from './plan.ts';
import { acknowledgePlan, addGoal, addStep, changeGoal, changeStep, getPlan } from './plan.service.ts';

export function planRoutes(app: AppInstance): void {
  const ctx = (request: FastifyRequest) => ({ requestId: request.id, ...request.moment });
  app.get(
    '/api/clients/:id/plan',
    {
      config: { permission: 'plan.read', statements: 7 },
      schema: {
        tags: ['plan'],
        summary: "The client's service plan: goals and steps by phase, and the client's agreement",
        params: clientIdParams,
        response: { 200: planSchema },
      },
    },
    async (request) => withTransaction(app.db, (trx) => getPlan(trx, request.actor, request.params.id, ctx(request))),
  );
  app.post(
    '/api/clients/:id/plan/goals',
    {
      config: { permission: 'plan.create' },
      schema: {
        tags: ['plan'],
        summary: 'Add a goal to the plan',
        params: clientIdParams,
        body: newGoalSchema,
        response: { 201: planSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(app.db, (trx) =>
            addGoal(trx, request.actor, request.params.id, request.body, ctx(request)),
          ),
        ),
  );
  app.patch(
    '/api/clients/:id/plan/goals/:itemId',
    {
      config: { permission: 'plan.update' },
      schema: {
        tags: ['plan'],
        summary: 'Change a goal (achieved, dropped, reworded, new date)',
        params: planParams,
        body: goalPatchSchema,
        response: { 200: planSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        changeGoal(trx, request.actor, request.params.id, request.params.itemId, request.body, ctx(request)),
      ),
  );
  app.post(
    '/api/clients/:id/plan/steps',
    {
      config: { permission: 'plan.create' },
      schema: {
        tags: ['plan'],
        summary: 'Add a step in a phase of the continuum, optionally for a goal and linked to a record of the client',
        params: clientIdParams,
        body: newStepSchema,
        response: { 201: planSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(app.db, (trx) =>
            addStep(trx, request.actor, request.params.id, request.body, ctx(request)),
          ),
        ),
  );
  app.patch(
    '/api/clients/:id/plan/steps/:itemId',
    {
      config: { permission: 'plan.update' },
      schema: {
        tags: ['plan'],
        summary: 'Change a step: status in any order, dates, phase, link',
        params: planParams,
        body: stepPatchSchema,
        response: { 200: planSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        changeStep(trx, request.actor, request.params.id, request.params.itemId, request.body, ctx(request)),
      ),
  );
  app.post(
    '/api/clients/:id/plan/acknowledgements',
    {
      config: { permission: 'plan.acknowledge' },
      schema: {
        tags: ['plan'],
        summary: "Record the client's agreement or disagreement with the plan",
        params: clientIdParams,
        body: acknowledgementSchema,
        response: { 201: planSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(app.db, (trx) =>
            acknowledgePlan(trx, request.actor, request.params.id, request.body, ctx(request)),
          ),
        ),
  );
}
