import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';

// The numbers of the transfer rule kept as data (src/domain/transfers/policies/*.json), like the
// assessment model: policy changes the release limit by shipping a new version, configuration
// (TRANSFER_POLICY) picks the version in force, and every transfer records the version that set its
// release date. A shipped file is never edited (transfer-policy.test.ts pins each checksum).

const bilingualTextSchema = z.strictObject({
  en: z.string().trim().min(1, 'English text is required'),
  fr: z.string().trim().min(1, 'French text is required'),
});

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

const POLICIES_DIR = new URL('./policies/', import.meta.url);

let loaded: Map<string, TransferPolicy> | undefined;

export function parseTransferPolicyFile(fileName: string, text: string): TransferPolicy {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Transfer policy ${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = transferPolicySchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(policy)'}: ${i.message}`).join('\n');
    throw new Error(`Transfer policy ${fileName} is invalid:\n${issues}`);
  }
  if (`${parsed.data.version}.json` !== fileName) {
    throw new Error(
      `Transfer policy ${fileName} declares version ${parsed.data.version}: the file must be named ${parsed.data.version}.json`,
    );
  }
  return Object.freeze({
    ...parsed.data,
    source: Object.freeze(parsed.data.source),
    explanation: Object.freeze(parsed.data.explanation),
  });
}

function policies(): Map<string, TransferPolicy> {
  if (loaded) return loaded;
  const byVersion = new Map<string, TransferPolicy>();
  for (const file of fs
    .readdirSync(POLICIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const policy = parseTransferPolicyFile(file, fs.readFileSync(new URL(file, POLICIES_DIR), 'utf8'));
    byVersion.set(policy.version, policy);
  }
  if (!byVersion.has(defaultTransferPolicyVersion))
    throw new Error(`The default transfer policy ${defaultTransferPolicyVersion} is missing`);
  loaded = byVersion;
  return loaded;
}

// Oldest first (by effective date, then version).
export function listTransferPolicies(): TransferPolicy[] {
  return [...policies().values()].sort((a, b) =>
    a.effectiveFrom !== b.effectiveFrom ? (a.effectiveFrom < b.effectiveFrom ? -1 : 1) : a.version < b.version ? -1 : 1,
  );
}

export function findTransferPolicy(version: string): TransferPolicy | undefined {
  return policies().get(version);
}

export function getTransferPolicy(version: string = defaultTransferPolicyVersion): TransferPolicy {
  const policy = findTransferPolicy(version);
  if (!policy) {
    throw new AppError(
      'not_found',
      `Unknown transfer policy ${version}; available: ${listTransferPolicies()
        .map((p) => p.version)
        .join(', ')}`,
    );
  }
  return policy;
}

// SHA-256 of the policy's canonical JSON (keys sorted), so a reformatted file keeps its checksum.
export function transferPolicyChecksum(policy: TransferPolicy): string {
  const canonical = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
        )
      : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(policy)))
    .digest('hex');
}
