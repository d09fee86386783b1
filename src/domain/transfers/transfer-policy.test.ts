import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../lib/business-days.ts';
import { AppError } from '../../lib/errors.ts';
import {
  defaultTransferPolicyVersion,
  findTransferPolicy,
  getTransferPolicy,
  listTransferPolicies,
  parseTransferPolicyFile,
  transferPolicyChecksum,
  transferPolicySchema,
} from './transfer-policy.ts';

// A shipped policy is never edited: a new limit is a new version, so the version recorded on a
// transfer always says which limit set its release date. Each shipped file's checksum is pinned here.
const SHIPPED_CHECKSUMS: Record<string, string> = {
  'transfer-2026.1': '4fb2a1e1a4d0706be8b82fa48b28168f31ddb13e8f90d874b534b0f7fd4ab664',
};

const POLICIES_DIR = new URL('./policies/', import.meta.url);

describe('shipped transfer policies', () => {
  it('every JSON file in policies/ validates and is named after its version', () => {
    const files = fs.readdirSync(POLICIES_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const policy = parseTransferPolicyFile(file, fs.readFileSync(new URL(file, POLICIES_DIR), 'utf8'));
      expect(findTransferPolicy(policy.version)).toEqual(policy);
    }
    expect(
      listTransferPolicies()
        .map((p) => `${p.version}.json`)
        .sort(),
    ).toEqual(files.sort());
  });

  it('no shipped policy has changed since it shipped', () => {
    for (const policy of listTransferPolicies()) {
      expect(
        SHIPPED_CHECKSUMS[policy.version],
        `record the checksum of the new policy ${policy.version} here`,
      ).toBeDefined();
      expect(
        transferPolicyChecksum(policy),
        `${policy.version}.json was edited after shipping: add a new version instead`,
      ).toBe(SHIPPED_CHECKSUMS[policy.version]);
    }
  });

  it('every policy says where its numbers come from, in both languages', () => {
    for (const policy of listTransferPolicies()) {
      for (const text of [policy.source, policy.explanation]) expect(text.fr).not.toBe(text.en);
      expect(policy.explanation.en).toContain(`${policy.releaseBusinessDays} business days`);
    }
  });

  it('the default policy gives the sending agency two business days, holidays excluded, and is frozen', () => {
    const policy = getTransferPolicy();
    expect(policy).toMatchObject({
      version: defaultTransferPolicyVersion,
      releaseBusinessDays: 2,
      businessDays: 'ontario_statutory_holidays',
    });
    expect(Object.isFrozen(policy)).toBe(true);
    // Accepted on Thursday 24 December 2026: Christmas and Boxing Day (observed Monday) do not count.
    expect(addBusinessDays('2026-12-24', policy.releaseBusinessDays)).toBe('2026-12-30');
  });

  it('an unknown version is not found, naming the ones there are', () => {
    expect(findTransferPolicy('transfer-1999.1')).toBeUndefined();
    expect(() => getTransferPolicy('transfer-1999.1')).toThrow(AppError);
    expect(() => getTransferPolicy('transfer-1999.1')).toThrow(/available: transfer-2026\.1/);
  });
});

describe('transferPolicySchema', () => {
  const valid = {
    ...getTransferPolicy(),
    source: { ...getTransferPolicy().source },
    explanation: { ...getTransferPolicy().explanation },
  };

  it.each([
    [{ releaseBusinessDays: 0 }, 'releaseBusinessDays'],
    [{ releaseBusinessDays: 2.5 }, 'releaseBusinessDays'],
    [{ version: '2026.1' }, 'version'],
    [{ effectiveFrom: '2026-02-30' }, 'effectiveFrom'],
    [{ businessDays: 'weekdays' }, 'businessDays'],
    [{ source: { en: 'x', fr: '' } }, 'source.fr'],
    [{ extra: true }, ''],
  ])('rejects %j', (change, path) => {
    const result = transferPolicySchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('a file must be named after the version it declares', () => {
    expect(() => parseTransferPolicyFile('transfer-2027.1.json', JSON.stringify(valid))).toThrow(
      /must be named transfer-2026\.1\.json/,
    );
    expect(() => parseTransferPolicyFile('transfer-2026.1.json', '{')).toThrow(/not valid JSON/);
  });
});
