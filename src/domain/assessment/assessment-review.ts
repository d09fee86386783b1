import { z } from 'zod';

export const reviewRequestSchema = z.strictObject({
  reason: z.string().trim().min(1, 'say what you think is wrong').max(2000),
});
export const reviewAnswerSchema = z.strictObject({
  answer: z.string().trim().min(20, 'write at least 20 characters: the client reads this answer').max(4000),
  // changed: the manager then overrides or reassesses, which goes on the record with its own reason.
  outcome: z.enum(['upheld', 'changed']),
});

export const reviewSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  assessmentId: z.uuid(),
  requestedVia: z.enum(['client_account', 'staff']),
  reason: z.string(),
  status: z.enum(['open', 'answered']),
  answer: z.string().nullable(),
  outcome: z.enum(['upheld', 'changed']).nullable(),
  answeredBy: z.uuid().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewParams = z.strictObject({ id: z.string().max(100), reviewId: z.string().max(100) });
