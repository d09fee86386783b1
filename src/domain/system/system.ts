import { z } from 'zod';
import { organizationTypeSchema } from '../organizations/organization.ts';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  engine: z.enum(['pglite', 'postgres']),
  database: z.object({
    ok: z.boolean(),
    latencyMs: z.number(),
    version: z.string().optional(),
  }),
  version: z.string(),
  time: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

export const summarySchema = z.object({
  organizationsByType: z.array(z.object({ type: organizationTypeSchema, count: z.number().int() })),
  sites: z.number().int(),
  fsasServed: z.number().int(),
  neighbourhoodsServed: z.number().int(),
});
export type SystemSummary = z.infer<typeof summarySchema>;
