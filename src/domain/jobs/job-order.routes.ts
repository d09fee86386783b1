import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import { pathId } from '../../lib/params.ts';
import {
  jobOrderListQuerySchema,
  jobOrderPatchSchema,
  jobOrderSchema,
  jobOrderSummarySchema,
  newJobOrderSchema,
} from './job-order.ts';
import { createJobOrder, getJobOrder, listJobOrders, updateJobOrder } from './job-order.service.ts';

const idParams = z.strictObject({ id: pathId });

// Job orders (docs/jobs.md): every agency reads them; an employer's staff keep their own; job developers
// post on an employer's behalf.
export function jobOrderRoutes(app: AppInstance): void {
  app.get(
    '/api/jobs',
    {
      config: { permission: 'job_order.read', statements: 2 },
      schema: {
        tags: ['jobs'],
        summary:
          'Job orders, newest first: open ones unless a status is asked for; by words, employer, NOC code (or its first digits), work-integrated learning and a lowest decent-work score',
        querystring: jobOrderListQuerySchema,
        response: { 200: listEnvelopeSchema(jobOrderSummarySchema) },
      },
    },
    async (request) => listJobOrders(app.db, request.actor, request.query),
  );

  app.get(
    '/api/jobs/:id',
    {
      config: { permission: 'job_order.read', statements: 3 },
      schema: {
        tags: ['jobs'],
        summary: 'One job order with its decent-work score, factor by factor, in plain words',
        params: idParams,
        response: { 200: jobOrderSchema },
      },
    },
    async (request) => getJobOrder(app.db, request.actor, request.params.id, request.id),
  );

  app.post(
    '/api/jobs',
    {
      config: { permission: 'job_order.manage' },
      schema: {
        tags: ['jobs'],
        summary:
          'Post a job order: an employer user for their own organization, a job developer or manager for any employer (employerId); scored against the decent-work model in force',
        body: newJobOrderSchema,
        response: { 201: jobOrderSchema },
      },
    },
    async (request, reply) => {
      const created = await withTransaction(app.db, (trx) =>
        createJobOrder(trx, request.actor, request.body, {
          moment: request.moment,
          requestId: request.id,
          model: app.decentWorkModel,
        }),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/jobs/:id',
    {
      config: { permission: 'job_order.manage' },
      schema: {
        tags: ['jobs'],
        summary:
          'Change a job order or its status (open, on hold, filled, closed); lists given replace the job order’s; scored again',
        params: idParams,
        body: jobOrderPatchSchema,
        response: { 200: jobOrderSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        updateJobOrder(trx, request.actor, request.params.id, request.body, {
          moment: request.moment,
          requestId: request.id,
          model: app.decentWorkModel,
        }),
      ),
  );
}
