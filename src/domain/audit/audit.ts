import { z } from 'zod';

export const auditQuerySchema = z.strictObject({
  actorUserId: z.uuid(),
  action: z
    .string()
    .regex(/^[a-z][a-z_]*(\.[a-z_]+)*$/, 'must be an action such as auth.sign_in or auth')
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorKind: z.enum(['user', 'system', 'anonymous']),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorOrganizationId: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['allowed', 'denied', 'succeeded', 'failed']),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  recordIds: z.array(z.string()).nullable(),
  clientId: z.string().nullable(),
  purpose: z.string().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;
