import { addMonths } from '../lib/dates.ts';
import { weightedTable, type Random } from './random.ts';
import type { ConsentCategory, ConsentMethod, ConsentPurpose, SyntheticConsent } from './city.ts';
import { dayOf, dayString } from './days.ts';
import {
  CONSENT_CATEGORY_RATES,
  CONSENT_METHOD_SHARES,
  CONSENT_PURPOSE_SHARES,
  CONSENT_REVOKED,
  CONSENT_YEARS,
  TWO_AGENCIES_AMONG_SHARING,
} from './record-distributions.ts';

// Consents a client gave to share their file with other agencies: the holding agency records them
// (recorded_by_organization_id) and names another agency (organization_id), never itself.

export type Partners = {
  holderId: string;
  holderIsOffice: boolean;
  onAssistance: boolean;
  // Nearby agencies by type, nearest first.
  providers: readonly string[];
  office: string;
  training: readonly string[];
  community: readonly string[];
};

const CATEGORIES: readonly ConsentCategory[] = [
  'identity_contact',
  'employment',
  'assessment',
  'plan',
  'notes',
  'equity',
];
const purposes = weightedTable(Object.entries(CONSENT_PURPOSE_SHARES) as [ConsentPurpose, number][]);
const methods = weightedTable(Object.entries(CONSENT_METHOD_SHARES) as [ConsentMethod, number][]);
const years = weightedTable(CONSENT_YEARS);

const EVIDENCE: Record<ConsentMethod, readonly string[]> = {
  in_person: [
    'Consent given in person at the office; client initialled each category on the form.',
    'Consent form reviewed and signed in person.',
  ],
  written: ['Signed consent form scanned to the file.', 'Written consent received by mail, signed and dated.'],
  phone: ['Verbal consent by phone; categories read back and confirmed by the client.'],
};
const REVOCATION_REASONS: readonly (string | null)[] = [
  'Client no longer works with the other agency.',
  'Client asked to stop sharing after changing programs.',
  null,
];

// Where a purpose leads: integrated case management pairs an employment service with the social
// assistance office (or a community agency); a referral goes to training, a community agency or
// another employment service. Falls back along the list so the partner is never the holder.
function partnerFor(r: Random, purpose: ConsentPurpose, p: Partners, taken: ReadonlySet<string>): string | undefined {
  let preferred: readonly string[];
  if (purpose === 'integrated_case_management') {
    preferred = p.holderIsOffice ? p.providers : p.onAssistance ? [p.office] : p.community;
  } else {
    const x = r.float();
    preferred = x < 0.5 ? p.training : x < 0.85 ? p.community : p.providers;
  }
  const candidates = [
    ...(preferred.length > 0 ? [r.pick(preferred)] : []),
    ...preferred,
    ...p.community,
    ...p.training,
    ...p.providers,
    p.office,
  ];
  return candidates.find((id) => id !== p.holderId && !taken.has(id));
}

export function drawConsents(
  r: Random,
  p: Partners,
  fromDay: number,
  lastDay: number,
  referenceDay: number,
): SyntheticConsent[] {
  const count = r.bool(TWO_AGENCIES_AMONG_SHARING) ? 2 : 1;
  const taken = new Set<string>();
  const consents: SyntheticConsent[] = [];
  for (let k = 0; k < count; k++) {
    const purpose = r.weightedPick(purposes);
    const organizationId = partnerFor(r, purpose, p, taken);
    if (!organizationId) break;
    taken.add(organizationId);
    const rates = CONSENT_CATEGORY_RATES[purpose];
    const categories = CATEGORIES.filter((c) => r.bool(rates[c]));
    const method = r.weightedPick(methods);
    const start = r.int(fromDay, Math.max(fromDay, lastDay));
    const startsOn = dayString(start);
    const expiresOn = addMonths(startsOn, 12 * r.weightedPick(years));
    // Revoked while in force, on or before the reference date.
    const revokedBy = Math.max(start, Math.min(referenceDay, dayOf(expiresOn)));
    const revoked = r.bool(CONSENT_REVOKED);
    consents.push({
      id: r.uuid(),
      organizationId,
      categories: categories.length > 0 ? categories : ['identity_contact'],
      purpose,
      method,
      evidence: r.pick(EVIDENCE[method]),
      startsOn,
      expiresOn,
      revocation: revoked
        ? {
            method: r.weightedPick(methods),
            reason: r.pick(REVOCATION_REASONS),
            on: dayString(r.int(start, revokedBy)),
          }
        : null,
    });
  }
  return consents;
}
