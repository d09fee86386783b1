import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { bilingualTextSchema, policyRegistry } from '../../lib/versioned-policy.ts';

// A referral's deadlines kept as data (src/domain/referrals/policies/*.json), like the transfer rule:
// a new deadline ships as a new version, configuration (REFERRAL_POLICY) picks the one in force, and
// every referral records the version that set its dates. A shipped file is never edited.

export const referralPolicySchema = z.strictObject({
  version: z.string().regex(/^referral-\d{4}\.\d+$/, 'a version looks like referral-2026.1'),
  effectiveFrom: isoDateSchema,
  // Business days, from sending, for the receiving agency to acknowledge (receive, accept, decline, waitlist).
  acknowledgeBusinessDays: z.number().int().min(1).max(30),
  // Business days, from acceptance, to the first service (enrolment).
  firstServiceBusinessDays: z.number().int().min(1).max(90),
  businessDays: z.literal('ontario_statutory_holidays'),
  source: bilingualTextSchema,
  explanation: bilingualTextSchema,
});
export type ReferralPolicy = z.infer<typeof referralPolicySchema>;

export const defaultReferralPolicyVersion = 'referral-2026.1';

const registry = policyRegistry<ReferralPolicy>({
  label: 'Referral policy',
  dir: new URL('./policies/', import.meta.url),
  schema: referralPolicySchema,
  defaultVersion: defaultReferralPolicyVersion,
});

export const parseReferralPolicyFile = registry.parseFile;
export const listReferralPolicies = registry.list;
export const findReferralPolicy = registry.find;
export const getReferralPolicy = registry.get;
export const referralPolicyChecksum = registry.checksum;
