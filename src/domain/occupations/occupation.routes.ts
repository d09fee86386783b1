import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { AppError } from '../../lib/errors.ts';
import { nocTitle, searchNoc } from './noc.ts';

const occupationSchema = z.object({ code: z.string(), title: z.string(), teer: z.number().int() });

// NOC 2021 unit groups for occupation pickers (work history, goals): public reference data.
export function occupationRoutes(app: AppInstance): void {
  app.get(
    '/api/occupations',
    {
      config: { permission: 'reference.read', statements: 0 },
      schema: {
        tags: ['reference'],
        summary: 'Search NOC 2021 unit groups by words of the title or the start of the code',
        querystring: z.strictObject({
          q: z.string().trim().min(1).max(100),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: { 200: z.object({ items: z.array(occupationSchema) }) },
      },
    },
    async (request) => ({ items: searchNoc(request.query.q, request.query.limit) }),
  );

  app.get(
    '/api/occupations/:code',
    {
      config: { permission: 'reference.read', statements: 0 },
      schema: {
        tags: ['reference'],
        summary: 'One NOC 2021 unit group',
        params: z.strictObject({ code: z.string().max(10) }),
        response: { 200: occupationSchema },
      },
    },
    async (request) => {
      const title = /^\d{5}$/.test(request.params.code) ? nocTitle(request.params.code) : undefined;
      if (!title) throw new AppError('not_found', 'No NOC 2021 unit group has that code.');
      return { code: request.params.code, title, teer: Number(request.params.code[1]) };
    },
  );
}
