import { addDays } from '../../lib/dates.ts';
import { naicsClass } from '../industries/naics.ts';
import { nocTitle } from '../occupations/noc.ts';
import type { ImportedService, IntakeState, ListingPart, NewService } from './service.ts';

// Rules about a listing that every view shares: whether intake is open, and which parts are stale.

// A part not confirmed for this long is stale: flagged in search and in the landscape, and its
// provider is asked to confirm it. Six months: programs change with each funding year's intakes.
export const LISTING_STALE_AFTER_DAYS = 180;
// "Soon" for an intake: a window that opens within this many days.
export const INTAKE_SOON_DAYS = 30;

export type IntakeFacts = {
  status: string;
  seatsOpen: number | null;
  windows: readonly { opensOn: string; closesOn: string | null }[];
};

// No window recorded means continuous intake (a drop-in employment service); a window open today with
// no seats left is "full" (the public sees that, never the numbers).
export function intakeStateOf(facts: IntakeFacts, today: string): IntakeState {
  if (facts.status !== 'active') return 'closed';
  const openNow =
    facts.windows.length === 0 ||
    facts.windows.some((w) => w.opensOn <= today && (w.closesOn === null || w.closesOn >= today));
  if (openNow) return facts.seatsOpen === 0 ? 'full' : 'open';
  const soon = addDays(today, INTAKE_SOON_DAYS);
  if (facts.windows.some((w) => w.opensOn > today && w.opensOn <= soon)) return 'opens_soon';
  return 'closed';
}

export type Freshness = {
  verifiedAt: Record<ListingPart, string | null>;
  stale: boolean;
  staleParts: ListingPart[];
  staleAfterDays: number;
};

// Each part's oldest confirmation (a list is as fresh as its least recently confirmed item).
export function freshnessOf(verifiedAt: Record<ListingPart, string | null>, now: Date): Freshness {
  const limit = now.getTime() - LISTING_STALE_AFTER_DAYS * 86_400_000;
  const staleParts = (Object.keys(verifiedAt) as ListingPart[]).filter((part) => {
    const at = verifiedAt[part];
    return at !== null && new Date(at).getTime() < limit;
  });
  return { verifiedAt, stale: staleParts.length > 0, staleParts, staleAfterDays: LISTING_STALE_AFTER_DAYS };
}

export function oldest(dates: readonly string[]): string | null {
  let found: string | null = null;
  for (const date of dates) if (found === null || new Date(date) < new Date(found)) found = date;
  return found;
}

// Words beyond the listing's own columns that a search should find it by (the service and the
// synthetic city write them alike).
export function searchTextOf(
  organizationName: string,
  columns: {
    targetNocCodes: readonly string[];
    targetNaicsCodes: readonly string[];
    credentialAwarded: string | null;
    funder: string | null;
  },
): string {
  return [
    organizationName,
    ...columns.targetNocCodes.map((c) => nocTitle(c) ?? ''),
    ...columns.targetNaicsCodes.map((c) => naicsClass(c)?.title ?? ''),
    columns.credentialAwarded ?? '',
    columns.funder ?? '',
  ]
    .filter(Boolean)
    .join(' ');
}

// A listing's own columns as the tables keep them (absent: null), from a listing entered by hand or
// brought by an import; capacity and the search words are the caller's.
export function columnsOfListing(input: NewService | ImportedService) {
  return {
    name: input.name,
    nameFr: input.nameFr ?? null,
    alternateName: input.alternateName ?? null,
    description: input.description,
    descriptionFr: input.descriptionFr ?? null,
    url: input.url ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    status: input.status,
    interventionTypes: input.interventionTypes,
    targetNocCodes: input.targetNocCodes,
    targetNaicsCodes: input.targetNaicsCodes,
    targetPopulations: input.targetPopulations,
    languages: input.languages,
    deliveryMode: input.deliveryMode,
    eligibilityDescription: input.eligibilityDescription ?? null,
    eligibilityDescriptionFr: input.eligibilityDescriptionFr ?? null,
    minimumAge: input.minimumAge ?? null,
    maximumAge: input.maximumAge ?? null,
    applicationProcess: input.applicationProcess ?? null,
    feesDescription: input.feesDescription ?? null,
    credentialAwarded: input.credentialAwarded ?? null,
    funder: input.funder ?? null,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
  };
}
