import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { bilingualTextSchema, policyRegistry } from '../../lib/versioned-policy.ts';

// The numbers of the transfer rule kept as data (src/domain/transfers/policies/*.json), like the
// assessment model: policy changes the release limit by shipping a new version, configuration
// (TRANSFER_POLICY) picks the version in force, and every transfer records the version that set its
// release date. A shipped file is never edited (transfer-policy.test.ts pins each checksum).

export const transferPolicySchema = z.strictObject({
  version: z.string().regex(/^transfer-\d{4}\.\d+$/, 'a version looks like transfer-2026.1'),
  effectiveFrom: isoDateSchema,
  // Business days, from acceptance, that the sending agency has to release the file.
  releaseBusinessDays: z.number().int().min(1).max(30),
  // Which days count: the one calendar src/lib/business-days.ts knows (weekdays, Ontario statutory holidays observed).
  businessDays: z.literal('ontario_statutory_holidays'),
  source: bilingualTextSchema,
  explanation: bilingualTextSchema,
});
export type TransferPolicy = z.infer<typeof transferPolicySchema>;

export const defaultTransferPolicyVersion = 'transfer-2026.1';

const registry = policyRegistry<TransferPolicy>({
  label: 'Transfer policy',
  dir: new URL('./policies/', import.meta.url),
  schema: transferPolicySchema,
  defaultVersion: defaultTransferPolicyVersion,
});

export const parseTransferPolicyFile = registry.parseFile;
export const listTransferPolicies = registry.list;
export const findTransferPolicy = registry.find;
export const getTransferPolicy = registry.get;
export const transferPolicyChecksum = registry.checksum;
