import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../lib/business-days.ts';
import { AppError } from '../../lib/errors.ts';
import {
  defaultReferralPolicyVersion,
  findReferralPolicy,
  getReferralPolicy,
  listReferralPolicies,
  parseReferralPolicyFile,
  referralPolicyChecksum,
} from './referral-policy.ts';
import { checkMove, nextStatuses, reasonRule } from './referral.ts';

// A shipped policy is never edited: new deadlines are a new version, so the version recorded on a
// referral always says which deadlines it was held to.
const SHIPPED_CHECKSUMS: Record<string, string> = {
  'referral-2026.1': '95ea775d8e9663dfe1a8342206083c315599f83c12bd01b0703fbc613c93cbc5',
};

const POLICIES_DIR = new URL('./policies/', import.meta.url);

describe('shipped referral policies', () => {
  it('every JSON file validates, is named after its version, and has not changed since it shipped', () => {
    const files = fs.readdirSync(POLICIES_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const policy = parseReferralPolicyFile(file, fs.readFileSync(new URL(file, POLICIES_DIR), 'utf8'));
      expect(findReferralPolicy(policy.version)).toEqual(policy);
      expect(SHIPPED_CHECKSUMS[policy.version], `record the checksum of ${policy.version} here`).toBeDefined();
      expect(referralPolicyChecksum(policy), `${file} was edited after shipping`).toBe(
        SHIPPED_CHECKSUMS[policy.version],
      );
    }
  });

  it('says where its numbers come from in both languages, and its words match its numbers', () => {
    for (const policy of listReferralPolicies()) {
      for (const text of [policy.source, policy.explanation]) expect(text.fr).not.toBe(text.en);
      expect(policy.explanation.en).toContain(`${policy.acknowledgeBusinessDays} business days`);
      expect(policy.explanation.en).toContain(`${policy.firstServiceBusinessDays} business days`);
    }
  });

  it('gives two business days to answer and ten to start by default, holidays skipped, and refuses an unknown version', () => {
    const policy = getReferralPolicy();
    expect(policy).toMatchObject({
      version: defaultReferralPolicyVersion,
      acknowledgeBusinessDays: 2,
      firstServiceBusinessDays: 10,
    });
    expect(Object.isFrozen(policy)).toBe(true);
    // Sent on Christmas Eve 2026 (a Thursday): Christmas and Boxing Day (observed Monday) do not count.
    expect(addBusinessDays('2026-12-24', policy.acknowledgeBusinessDays)).toBe('2026-12-30');
    expect(() => getReferralPolicy('referral-1999.1')).toThrow(AppError);
  });

  it('rejects a file whose name and version differ', () => {
    const text = JSON.stringify({ ...getReferralPolicy(), version: 'referral-2027.1' });
    expect(() => parseReferralPolicyFile('referral-2026.1.json', text)).toThrow(/must be named referral-2027.1.json/);
  });
});

describe('referral steps', () => {
  it('lets each side take only its own steps, in order', () => {
    expect(nextStatuses('sent', 'receiving')).toEqual(['received', 'accepted', 'declined', 'waitlisted']);
    expect(nextStatuses('sent', 'sending')).toEqual(['withdrawn']);
    expect(nextStatuses('enrolled', 'sending')).toEqual([]);
    expect(checkMove('sent', 'attending', 'receiving')).toBe('order');
    expect(checkMove('accepted', 'withdrawn', 'receiving')).toBe('side');
    expect(checkMove('completed', 'dropped', 'receiving')).toBe('order');
    expect(checkMove('waitlisted', 'accepted', 'receiving')).toBeUndefined();
  });

  it('asks a reason to decline or drop, allows one to withdraw, and takes none otherwise', () => {
    expect(reasonRule('declined')).toBe('required');
    expect(reasonRule('dropped')).toBe('required');
    expect(reasonRule('withdrawn')).toBe('optional');
    expect(reasonRule('accepted')).toBe('none');
  });
});
