import { describe, expect, it } from 'vitest';
import { checkMove } from '../domain/referrals/referral.ts';
import { REFERENCE_DATE } from './distributions.ts';
import { generateCity } from './generate-city.ts';
import type { SyntheticClient } from './city.ts';

// The synthetic city's referrals: each rides on a referral consent naming its receiving agency, to a
// program that agency lists (or one of its counsellors), and moves only as the referral rules allow.
describe('synthetic referrals', () => {
  const city = generateCity({ seed: 7, clients: 4000 });
  const clients: SyntheticClient[] = [...city.clients()];
  const referrals = clients.flatMap((c) => c.caseWork.referrals.map((x) => ({ c, x })));
  const programOwner = new Map(city.services.map((s) => [s.id, s.organizationId]));
  const staffOrganization = new Map(clients.flatMap((c) => c.caseWork.newStaff.map((u) => [u.id, u.organizationId])));

  it('rides on a referral consent, to a program or counsellor of the consented agency', () => {
    expect(referrals.length).toBeGreaterThan(400);
    for (const { c, x } of referrals) {
      const consent = c.consents.find((k) => k.id === x.consentId);
      expect(consent?.purpose).toBe('referral');
      expect(consent?.organizationId).toBe(x.toOrganizationId);
      expect(x.toOrganizationId).not.toBe(c.organizationId);
      if (x.serviceId) expect(programOwner.get(x.serviceId)).toBe(x.toOrganizationId);
      else expect(staffOrganization.get(x.toUserId!)).toBe(x.toOrganizationId);
      if (x.handledBy) expect(staffOrganization.get(x.handledBy)).toBe(x.toOrganizationId);
      expect(x.sentBy).toBe(c.caseWork.primaryWorkerId);
    }
  });

  it('moves each referral only by the steps the rules allow, in time order, up to the city’s date', () => {
    for (const { x } of referrals) {
      expect(x.events[0]).toMatchObject({ status: 'sent', on: x.sentOn });
      for (let i = 1; i < x.events.length; i++) {
        const [before, step] = [x.events[i - 1]!, x.events[i]!];
        expect(checkMove(before.status, step.status, step.side), `${before.status} → ${step.status}`).toBeUndefined();
        expect(step.on >= before.on).toBe(true);
      }
      expect(x.events.at(-1)!.status).toBe(x.status);
      expect(x.events.at(-1)!.on <= REFERENCE_DATE).toBe(true);
      expect(x.acknowledgeDueOn > x.sentOn).toBe(true);
    }
  });

  it('has the outcomes a city sees: mostly accepted, some declined for a reason, completions and drop-outs, some overdue', () => {
    const count = (f: (x: (typeof referrals)[number]['x']) => boolean) => referrals.filter(({ x }) => f(x)).length;
    const answered = count((x) => x.events.some((e) => ['accepted', 'declined', 'waitlisted'].includes(e.status)));
    const declined = count((x) => x.events.some((e) => e.status === 'declined'));
    expect(declined / answered).toBeGreaterThan(0.12);
    expect(declined / answered).toBeLessThan(0.35);
    expect(count((x) => x.status === 'completed')).toBeGreaterThan(0);
    expect(count((x) => x.status === 'dropped')).toBeGreaterThan(0);
    expect(count((x) => x.status === 'declined' && x.reason === 'no_capacity')).toBeGreaterThan(0);
    expect(count((x) => x.acknowledgeOverdueOn !== null)).toBeGreaterThan(0);
    expect(count((x) => x.rating !== null)).toBeGreaterThan(0);
    for (const { x } of referrals)
      if (['declined', 'dropped'].includes(x.status)) expect(x.reason, `${x.status} needs a reason`).not.toBeNull();
  });
});
