import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { AppError } from '../../lib/errors.ts';
import { nocTitle, searchNoc } from './noc.ts';
import { escoSkills } from './occupation-links.service.ts';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

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
    '/api/occupations/skills',
    {
      config: { permission: 'reference.read', statements: 1 },
      schema: {
        tags: ['reference'],
        summary:
          'ESCO v1.0 transversal skills (the skills a job order asks for and matching compares), by words of the label or its other labels',
        querystring: z.strictObject({ q: z.string().trim().max(100).optional() }),
        response: {
          200: z.object({
            items: z.array(z.object({ uri: z.string(), label: z.string(), description: z.string().nullable() })),
          }),
        },
      },
    },
    async (request) => {
      const words = fold(request.query.q ?? '');
      const skills = await escoSkills(app.db, 'transversal');
      return {
        items: skills
          .filter((s) => words === '' || fold([s.label, ...s.altLabels].join(' ')).includes(words))
          .map((s) => ({ uri: s.uri, label: s.label, description: s.description })),
      };
    },
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
