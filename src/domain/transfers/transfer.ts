import { z } from 'zod';
import { consentCategories } from '../../access/roles.ts';
import { staffConsentMethods } from '../consent/consent.ts';

export const transferStatuses = ['requested', 'accepted', 'released', 'cancelled'] as const;

export const newTransferSchema = z.strictObject({
  // The agency the client moves to. A receiving agency asking names itself.
  toOrganizationId: z.uuid({ error: 'must be the id of an organization' }),
  requestedBy: z.enum(['client', 'receiving_agency']).default('client'),
  reason: z.string().trim().min(1).max(1000).optional(),
  // The client's consent that the receiving agency see parts of the file while it decides: required when
  // the holding agency records the client's request (a receiving agency asking holds a consent already).
  consent: z
    .strictObject({
      categories: z
        .array(z.enum(consentCategories))
        .min(1, 'name at least one category')
        .max(consentCategories.length)
        .refine((c) => new Set(c).size === c.length, 'each category once'),
      method: z.enum(staffConsentMethods),
      evidence: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
    })
    .optional(),
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

// An agency's transfers, incoming (to it) or outgoing (from it): each with the client's name where the
// reader's client page would show it (the transfer's consent opens it to the receiving agency).
export const agencyTransferSchema = transferSchema.extend({ clientName: z.string().nullable() });
export type AgencyTransfer = z.infer<typeof agencyTransferSchema>;

export const agencyTransferQuerySchema = z.strictObject({
  // An agency's side (its staff only): incoming, to it; outgoing, from it. Without it: every transfer the
  // reader may see (an agency's both ways, the city's for the system manager, a client's own).
  direction: z.enum(['incoming', 'outgoing']).optional(),
  // Under way (requested or accepted) by default; `all` adds released and cancelled ones.
  status: z.enum(['open', 'all']).default('open'),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(50),
});
export type AgencyTransferQuery = z.infer<typeof agencyTransferQuerySchema>;

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
