import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import { organizationListQuerySchema, organizationSchema } from './organization.ts';
import { getOrganization, listOrganizations } from './organization.service.ts';

export function organizationRoutes(app: AppInstance): void {
  app.get(
    '/api/organizations',
    {
      config: { permission: 'organization.read' },
      schema: {
        tags: ['directory'],
        summary: 'List organizations in the system, with their sites',
        querystring: organizationListQuerySchema,
        response: { 200: listEnvelopeSchema(organizationSchema) },
      },
    },
    async (request) => listOrganizations(app.db, request.actor, request.query),
  );

  app.get(
    '/api/organizations/:id',
    {
      config: { permission: 'organization.read' },
      schema: {
        tags: ['directory'],
        summary: 'One organization with its sites',
        params: z.strictObject({ id: z.string().max(100) }),
        response: { 200: organizationSchema },
      },
    },
    async (request) => getOrganization(app.db, request.actor, request.params.id),
  );
}
