import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { consentCategories } from '../../access/roles.ts';

export const consentCategorySchema = z.enum(consentCategories);

// A client's consent to share categories of their file with one named organization, for a purpose,
// until a date (docs/permissions.md 2.3; the categories are those of docs/glossary.md).
export const consentPurposes = [
  'integrated_case_management',
  'referral',
  'transfer',
  'placement',
  'complaint',
] as const;
export const consentMethods = ['in_person', 'phone', 'written', 'client_account'] as const;
// What staff record: a client's own grant from their account comes with the client account.
export const staffConsentMethods = ['in_person', 'phone', 'written'] as const;
export const consentStatuses = ['active', 'scheduled', 'expired', 'revoked'] as const;

// The longest a consent may run before the client is asked again.
export const CONSENT_MAX_YEARS = 3;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const newConsentSchema = z
  .strictObject({
    organizationId: z.uuid({ error: 'must be the id of an organization' }),
    // Chosen one by one: nothing is pre-selected, equity least of all.
    categories: z
      .array(consentCategorySchema)
      .min(1, 'name at least one category')
      .max(consentCategories.length)
      .refine((c) => new Set(c).size === c.length, 'each category once'),
    purpose: z.enum(consentPurposes),
    // Staff say how it was given; a client's own grant from their account is `client_account`.
    method: z.enum(consentMethods),
    evidence: text(500).optional(),
    startsOn: isoDateSchema.optional(),
    expiresOn: isoDateSchema,
  })
  .refine((c) => !c.startsOn || c.expiresOn >= c.startsOn, {
    message: 'expiresOn must not be before startsOn',
    path: ['expiresOn'],
  });
export type NewConsent = z.infer<typeof newConsentSchema>;

export const revokeConsentSchema = z.strictObject({
  method: z.enum(consentMethods),
  reason: text(500).optional(),
});
export type RevokeConsent = z.infer<typeof revokeConsentSchema>;

export const consentSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  categories: z.array(consentCategorySchema),
  purpose: z.enum(consentPurposes),
  method: z.enum(consentMethods),
  evidence: z.string(),
  startsOn: z.string(),
  expiresOn: z.string(),
  status: z.enum(consentStatuses),
  recordedByOrganizationId: z.uuid(),
  recordedBy: z.uuid().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revocationMethod: z.enum(consentMethods).nullable(),
  revocationReason: z.string().nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

export const consentParams = z.strictObject({ id: z.string().max(100), consentId: z.string().max(100) });
