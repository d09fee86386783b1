import { pathId } from '../../lib/params.ts';
import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import { withTransaction } from '../../db/database.ts';
import {
  newOrganizationSchema,
  newSiteSchema,
  organizationListQuerySchema,
  organizationPatchSchema,
  organizationSchema,
  sitePatchSchema,
  siteSchema,
} from './organization.ts';
import {
  addSite,
  createOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
  updateSite,
} from './organization.service.ts';

const idParams = z.strictObject({ id: pathId });
const siteParams = z.strictObject({ id: pathId, siteId: pathId });

export function organizationRoutes(app: AppInstance): void {
  app.get(
    '/api/organizations',
    {
      config: { permission: 'organization.read', statements: 3 },
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
      config: { permission: 'organization.read', statements: 2 },
      schema: {
        tags: ['directory'],
        summary: 'One organization with its sites',
        params: z.strictObject({ id: pathId }),
        response: { 200: organizationSchema },
      },
    },
    async (request) => getOrganization(app.db, request.actor, request.params.id),
  );

  app.post(
    '/api/organizations',
    {
      config: { permission: 'organization.create' },
      schema: {
        tags: ['directory'],
        summary: 'Add an organization to the system, with any sites (system administrators)',
        body: newOrganizationSchema,
        response: { 201: organizationSchema },
      },
    },
    async (request, reply) => {
      const created = await withTransaction(app.db, (trx) =>
        createOrganization(trx, request.actor, request.body, request.id),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/organizations/:id',
    {
      config: { permission: 'organization.update' },
      schema: {
        tags: ['directory'],
        summary: "Change an organization's details (not its type)",
        params: idParams,
        body: organizationPatchSchema,
        response: { 200: organizationSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        updateOrganization(trx, request.actor, request.params.id, request.body, request.id),
      ),
  );

  app.post(
    '/api/organizations/:id/sites',
    {
      config: { permission: 'site.manage' },
      schema: {
        tags: ['directory'],
        summary: 'Add a site to an organization',
        params: idParams,
        body: newSiteSchema,
        response: { 201: siteSchema },
      },
    },
    async (request, reply) => {
      const site = await withTransaction(app.db, (trx) =>
        addSite(trx, request.actor, request.params.id, request.body, request.id),
      );
      return reply.status(201).send(site);
    },
  );

  app.patch(
    '/api/organizations/:id/sites/:siteId',
    {
      config: { permission: 'site.manage' },
      schema: {
        tags: ['directory'],
        summary: 'Change a site; a new postal code moves it to that area unless coordinates are given',
        params: siteParams,
        body: sitePatchSchema,
        response: { 200: siteSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        updateSite(trx, request.actor, request.params.id, request.params.siteId, request.body, request.id),
      ),
  );
}
