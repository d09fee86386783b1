import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { AppError } from '../../lib/errors.ts';
import { naicsClass, searchNaics } from './naics.ts';

const industrySchema = z.object({
  code: z.string(),
  title: z.string(),
  level: z.number().int(),
  parent: z.string().nullable(),
});

// NAICS Canada 2022 classes for industry pickers (services, employers): public reference data.
export function industryRoutes(app: AppInstance): void {
  app.get(
    '/api/industries',
    {
      config: { permission: 'reference.read', statements: 0 },
      schema: {
        tags: ['reference'],
        summary: 'Search NAICS Canada 2022 classes by words of the title or the start of the code',
        querystring: z.strictObject({
          q: z.string().trim().min(1).max(100),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: { 200: z.object({ items: z.array(industrySchema) }) },
      },
    },
    async (request) => ({ items: searchNaics(request.query.q, request.query.limit) }),
  );

  app.get(
    '/api/industries/:code',
    {
      config: { permission: 'reference.read', statements: 0 },
      schema: {
        tags: ['reference'],
        summary: 'One NAICS Canada 2022 class',
        params: z.strictObject({ code: z.string().max(10) }),
        response: { 200: industrySchema },
      },
    },
    async (request) => {
      const found = naicsClass(request.params.code);
      if (!found) throw new AppError('not_found', 'No NAICS Canada 2022 class has that code.');
      return found;
    },
  );
}
