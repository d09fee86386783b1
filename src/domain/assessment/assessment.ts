import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { assessmentResultSchema, streamSchema } from './score.ts';

// Assessments as the API answers them: every row of the history, with the model's full explanation.
export const assessmentKinds = ['initial', 'reassessment', 'override'] as const;

export const newAssessmentSchema = z.strictObject({
  // Required for a reassessment: why now, and what was newly learned. A stream never changes silently.
  reason: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
  modelVersion: z.string().trim().min(1).max(40).optional(),
  assessedOn: isoDateSchema.optional(),
});
export type NewAssessment = z.infer<typeof newAssessmentSchema>;

export const overrideSchema = z.strictObject({
  stream: streamSchema,
  justification: z
    .string()
    .trim()
    .min(20, 'write at least 20 characters: the reason goes on the record and the client sees it')
    .max(2000),
});
export type Override = z.infer<typeof overrideSchema>;

export const assessmentSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  sequence: z.number().int(),
  kind: z.enum(assessmentKinds),
  organizationId: z.uuid(),
  assessedBy: z.uuid().nullable(),
  modelVersion: z.string(),
  assessedOn: z.string(),
  score: z.number(),
  computedStream: streamSchema,
  stream: streamSchema,
  previousStream: streamSchema.nullable(),
  reason: z.string().nullable(),
  justification: z.string().nullable(),
  overridesAssessmentId: z.uuid().nullable(),
  result: assessmentResultSchema,
  createdAt: z.string(),
  // For a reassessment: which factors changed since the one before.
  changes: z.array(z.string()).optional(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentParams = z.strictObject({ id: z.string().max(100), assessmentId: z.string().max(100) });
