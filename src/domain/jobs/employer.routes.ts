import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import { pathId } from '../../lib/params.ts';
import {
  duplicateQuerySchema,
  employerDuplicateSchema,
  employerListQuerySchema,
  employerPatchSchema,
  employerSchema,
  employerSummarySchema,
  engagementSchema,
  newEmployerSchema,
  newEngagementSchema,
} from './employer.ts';
import {
  addEngagement,
  createEmployer,
  findEmployerDuplicates,
  getEmployer,
  listEmployers,
  listEngagements,
  updateEmployer,
} from './employer.service.ts';

const idParams = z.strictObject({ id: pathId });
const pageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});

// Employer records (docs/jobs.md, "Employers"): one per employer, shared by every agency, with the
// agencies' engagement log.
export function employerRoutes(app: AppInstance): void {
  app.get(
    '/api/employers',
    {
      config: { permission: 'employer.read', statements: 2 },
      schema: {
        tags: ['employers'],
        summary:
          'Employers by name: industry, size, lead agency, open job orders and (for agency staff) the last engagement; an employer user sees their own',
        querystring: employerListQuerySchema,
        response: { 200: listEnvelopeSchema(employerSummarySchema) },
      },
    },
    async (request) => listEmployers(app.db, request.actor, request.query),
  );

  app.get(
    '/api/employers/duplicates',
    {
      config: { permission: 'employer.manage', statements: 2 },
      schema: {
        tags: ['employers'],
        summary:
          'Before adding an employer: records that are likely the same one (same name, website or phone, or a similar name at the same postal code), with why',
        querystring: duplicateQuerySchema,
        response: { 200: z.object({ items: z.array(employerDuplicateSchema) }) },
      },
    },
    async (request) => ({ items: await findEmployerDuplicates(app.db, request.query) }),
  );

  app.get(
    '/api/employers/:id',
    {
      config: { permission: 'employer.read', statements: 6 },
      schema: {
        tags: ['employers'],
        summary: 'One employer: profile, sites, contacts, lead agency, needs and open job orders',
        params: idParams,
        response: { 200: employerSchema },
      },
    },
    async (request) => getEmployer(app.db, request.actor, request.params.id, request.id),
  );

  app.post(
    '/api/employers',
    {
      config: { permission: 'employer.manage' },
      schema: {
        tags: ['employers'],
        summary:
          'Add an employer (a manager or job developer): refused as a likely duplicate (409) unless confirmNotDuplicate; the adding agency leads unless another is named',
        body: newEmployerSchema,
        response: { 201: employerSchema },
      },
    },
    async (request, reply) => {
      const created = await withTransaction(app.db, (trx) =>
        createEmployer(trx, request.actor, request.body, { moment: request.moment, requestId: request.id }),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/employers/:id',
    {
      config: { permission: 'employer.manage' },
      schema: {
        tags: ['employers'],
        summary:
          'Change an employer’s record; contacts given replace the list; the lead agency changes only by the lead, the employer or a system administrator (or when none leads)',
        params: idParams,
        body: employerPatchSchema,
        response: { 200: employerSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        updateEmployer(trx, request.actor, request.params.id, request.body, {
          moment: request.moment,
          requestId: request.id,
        }),
      ),
  );

  app.get(
    '/api/employers/:id/engagements',
    {
      config: { permission: 'engagement.read', statements: 3 },
      schema: {
        tags: ['employers'],
        summary:
          'The agencies’ engagement log with the employer, newest first: who, from which agency, did what and when',
        params: idParams,
        querystring: pageQuery,
        response: { 200: listEnvelopeSchema(engagementSchema) },
      },
    },
    async (request) => listEngagements(app.db, request.actor, request.params.id, request.query, request.id),
  );

  app.post(
    '/api/employers/:id/engagements',
    {
      config: { permission: 'engagement.create' },
      schema: {
        tags: ['employers'],
        summary:
          'Log a call, visit, meeting, e-mail, event or HR support given to the employer (never naming a client)',
        params: idParams,
        body: newEngagementSchema,
        response: { 201: engagementSchema },
      },
    },
    async (request, reply) => {
      const created = await withTransaction(app.db, (trx) =>
        addEngagement(trx, request.actor, request.params.id, request.body, {
          moment: request.moment,
          requestId: request.id,
        }),
      );
      return reply.status(201).send(created);
    },
  );
}
