import { z } from 'zod';

// A duplicate search that finds a record outside the caller's access leads here, not to a second
// record: the holding agency asks the client, records their consent, and grants the request.
export const newAccessRequestSchema = z.strictObject({
  matchToken: z.string().min(10).max(2000),
  reason: z.string().trim().min(1, 'say why your agency needs the file').max(1000),
});

export const accessAnswerSchema = z
  .strictObject({ decision: z.enum(['granted', 'declined']), consentId: z.uuid().optional() })
  .refine((a) => (a.decision === 'granted') === (a.consentId !== undefined), {
    message: 'a granted request names the consent the client gave',
    path: ['consentId'],
  });

export const accessRequestSchema = z.object({
  id: z.uuid(),
  // Only for the holding agency, and for the requester once granted.
  clientId: z.uuid().nullable(),
  requestingOrganizationId: z.uuid(),
  requestingOrganizationName: z.string(),
  reason: z.string(),
  status: z.enum(['open', 'granted', 'declined']),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type AccessRequest = z.infer<typeof accessRequestSchema>;

export const accessRequestQuerySchema = z.strictObject({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum(['open', 'granted', 'declined']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(50),
});

// How long a match token from a duplicate search stays good.
export const MATCH_TOKEN_MINUTES = 60;
