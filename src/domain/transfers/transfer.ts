import { z } from 'zod';

export const transferStatuses = ['requested', 'accepted', 'released', 'cancelled'] as const;

export const newTransferSchema = z.strictObject({
  // The agency the client moves to. A receiving agency asking names itself.
  toOrganizationId: z.uuid({ error: 'must be the id of an organization' }),
  requestedBy: z.enum(['client', 'receiving_agency']).default('client'),
  reason: z.string().trim().min(1).max(1000).optional(),
});
export type NewTransfer = z.infer<typeof newTransferSchema>;

export const transferSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  fromOrganizationId: z.uuid(),
  fromOrganizationName: z.string(),
  toOrganizationId: z.uuid(),
  toOrganizationName: z.string(),
  requestedByKind: z.enum(['client', 'receiving_agency']),
  reason: z.string().nullable(),
  status: z.enum(transferStatuses),
  requestedAt: z.string(),
  acceptedAt: z.string().nullable(),
  releaseDueOn: z.string().nullable(),
  releasedAt: z.string().nullable(),
  // The transfer policy version (src/domain/transfers/policies/) that set releaseDueOn on acceptance;
  // null before acceptance, and for transfers accepted before policies were versioned.
  policyVersion: z.string().nullable(),
  overdue: z.boolean(),
});
export type Transfer = z.infer<typeof transferSchema>;

// What the system manager sees of an overdue release: organizations, dates and days, never the client.
export const overdueTransferSchema = z.object({
  transferId: z.uuid(),
  fromOrganizationId: z.uuid(),
  fromOrganizationName: z.string(),
  toOrganizationId: z.uuid(),
  toOrganizationName: z.string(),
  requestedAt: z.string(),
  acceptedAt: z.string(),
  releaseDueOn: z.string(),
  policyVersion: z.string().nullable(),
  businessDaysOverdue: z.number().int(),
});
export type OverdueTransfer = z.infer<typeof overdueTransferSchema>;

// The overdue report, with the release limit in force and the policy version it comes from.
export const overdueReportSchema = z.object({
  items: z.array(overdueTransferSchema),
  releaseDays: z.number().int(),
  policyVersion: z.string(),
});
export type OverdueReport = z.infer<typeof overdueReportSchema>;
