import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { pathId } from '../../lib/params.ts';
import {
  hsdsAbout,
  hsdsLocationById,
  hsdsLocationsPage,
  hsdsOrganizationById,
  hsdsOrganizationsPage,
  hsdsServiceById,
  hsdsServicesPage,
} from './hsds.service.ts';

// HSDS 3.0's API (openapi.json of the specification) under /hsds/: public, read-only. The answers are
// built to HSDS's JSON Schemas (src/domain/directory/hsds.ts) and checked against them in the tests, so
// the response schemas here only say "an HSDS object" to the OpenAPI document.
const hsdsObject = z.record(z.string(), z.unknown());
const page = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(hsdsObject),
});
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .default(false);
const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
  // HSDS's `format`: JSON only here.
  format: z.literal('json', { error: 'only format=json is offered' }).optional(),
};
const idParams = z.strictObject({ id: pathId });

export function hsdsRoutes(app: AppInstance): void {
  app.get(
    '/hsds/',
    {
      config: { permission: 'service.read', statements: 0 },
      schema: {
        tags: ['hsds'],
        summary: 'HSDS: which version of the API this is',
        response: { 200: z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() }) },
      },
    },
    async () => hsdsAbout(app.publicUrl),
  );

  app.get(
    '/hsds/services',
    {
      config: { permission: 'service.read', statements: 3 },
      schema: {
        tags: ['hsds'],
        summary: 'HSDS: a page of services (one-to-one fields; full=true nests everything, minimal=true gives ids)',
        querystring: z.strictObject({
          ...paging,
          search: z.string().trim().min(1).max(200).optional(),
          organization_id: z.uuid().optional(),
          modified_after: z.iso.datetime({ offset: true }).optional(),
          full: flag,
          minimal: flag,
        }),
        response: { 200: page },
      },
    },
    async (request) =>
      hsdsServicesPage(
        app.db,
        {
          page: request.query.page,
          perPage: request.query.per_page,
          search: request.query.search,
          organizationId: request.query.organization_id,
          modifiedAfter: request.query.modified_after ? new Date(request.query.modified_after) : undefined,
          full: request.query.full,
          minimal: request.query.minimal,
        },
        request.moment,
      ),
  );

  app.get(
    '/hsds/services/:id',
    {
      config: { permission: 'service.read', statements: 2 },
      schema: {
        tags: ['hsds'],
        summary: 'HSDS: one service, fully nested',
        params: idParams,
        response: { 200: hsdsObject },
      },
    },
    async (request) => hsdsServiceById(app.db, request.params.id, request.moment),
  );

  app.get(
    '/hsds/organizations',
    {
      config: { permission: 'service.read', statements: 1 },
      schema: {
        tags: ['hsds'],
        summary: 'HSDS: a page of organizations that offer services',
        querystring: z.strictObject({ ...paging, search: z.string().trim().min(1).max(200).optional() }),
        response: { 200: page },
      },
    },
    async (request) =>
      hsdsOrganizationsPage(app.db, {
        page: request.query.page,
        perPage: request.query.per_page,
        search: request.query.search,
      }),
  );

  app.get(
    '/hsds/organizations/:id',
    {
      config: { permission: 'service.read', statements: 2 },
      schema: {
        tags: ['hsds'],
        summary: 'HSDS: one organization with its locations',
        params: idParams,
        response: { 200: hsdsObject },
      },
    },
    async (request) => hsdsOrganizationById(app.db, request.params.id),
  );

  app.get(
    '/hsds/locations',
    {
      config: { permission: 'service.read', statements: 1 },
      schema: {
        tags: ['hsds'],
        summary: 'HSDS: a page of locations (the sites where services are delivered)',
        querystring: z.strictObject({ ...paging, organization_id: z.uuid().optional() }),
        response: { 200: page },
      },
    },
    async (request) =>
      hsdsLocationsPage(app.db, {
        page: request.query.page,
        perPage: request.query.per_page,
        organizationId: request.query.organization_id,
      }),
  );

  app.get(
    '/hsds/locations/:id',
    {
      config: { permission: 'service.read', statements: 1 },
      schema: { tags: ['hsds'], summary: 'HSDS: one location', params: idParams, response: { 200: hsdsObject } },
    },
    async (request) => hsdsLocationById(app.db, request.params.id),
  );
}
