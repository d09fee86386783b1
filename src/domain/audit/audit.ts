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

// "Who opened my file", for the client (and the holding agency's manager): the people of other accounts
// than the client's own who read or changed the file, one line per person, organization, action and
// day, with how many times. No e-mail, request id or reason: the person, the agency, what and when.
export const accessLogEntrySchema = z.object({
  // The day (in the city's time zone) and the last time of that day.
  day: z.string(),
  lastAt: z.string(),
  name: z.string().nullable(),
  organizationName: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['allowed', 'denied', 'succeeded', 'failed']),
  purpose: z.string().nullable(),
  times: z.number().int(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogSchema = z.object({
  items: z.array(accessLogEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
});
export type AccessLog = z.infer<typeof accessLogSchema>;
