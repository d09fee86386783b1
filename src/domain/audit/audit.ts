import { z } from 'zod';

// Every filter is optional; the server narrows the search to what the caller may read.
export const auditQuerySchema = z.strictObject({
  actorUserId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  outcome: z.enum(['allowed', 'denied', 'succeeded', 'failed']).optional(),
  recordId: z.uuid({ error: 'must be a record id (a uuid)' }).optional(),
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
  actorEmail: z.string().nullable(),
  actorOrganizationId: z.string().nullable(),
  actorOrganizationName: z.string().nullable(),
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

// Totals are counted up to AUDIT_COUNT_CAP rows, so a search of a large log stays fast;
// `totalCapped` says the total is a lower bound ("10,000 or more").
export const AUDIT_COUNT_CAP = 10_000;
export const auditListSchema = z.object({
  items: z.array(auditRowSchema),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  perPage: z.number().int(),
});
export type AuditList = z.infer<typeof auditListSchema>;

export const clientAuditQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(50),
});
export type ClientAuditQuery = z.infer<typeof clientAuditQuerySchema>;
