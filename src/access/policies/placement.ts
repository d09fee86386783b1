import type { Actor } from '../actor.ts';
import { actorScopes, authorize, type Decision } from '../authorize.ts';
import type { RawBuilder } from 'kysely';
import { clientRow, consentExists, type ActiveConsent } from '../facts/client-facts.ts';
import type { ConsentCategory } from '../roles.ts';

// Who reaches a placement (docs/permissions.md 3.14), for the placement routes, the agency's and the
// employer's boards, a client's list: the proposing agency (`own`), the employer once it is shared with
// them (`own` of the employer's staff; before that the employer does not know it exists), the client
// from their own account (`self`), the system. What the employer reads of the candidate is decided here
// too, from the consents naming the employer for a placement.

export type PlacementParties = {
  organizationId: string;
  employerId: string;
  // Shared with the employer (it stays theirs to read once shared, whatever comes after).
  shared: boolean;
  // The user id of the client's own account, if any.
  clientAccountUserId: string | null;
};

export type PlacementSide = 'agency' | 'employer' | 'client' | 'system';

export function placementSide(actor: Actor, placement: PlacementParties): PlacementSide | undefined {
  if (actor.kind === 'system') return 'system';
  if (actor.kind !== 'user') return undefined;
  if (actor.organizationId === placement.organizationId) return 'agency';
  if (actor.organizationId === placement.employerId && placement.shared) return 'employer';
  if (placement.clientAccountUserId !== null && placement.clientAccountUserId === actor.userId) return 'client';
  return undefined;
}

// The decision for one action on one placement, on the side the actor reaches it from.
export function decidePlacement(
  actor: Actor,
  action: 'placement.read' | 'placement.respond',
  placement: PlacementParties,
): Decision {
  const side = placementSide(actor, placement);
  if (side === undefined) return { allowed: false, reason: 'not a party to the placement', basis: 'record' };
  return authorize(actor, action, {
    kind: 'client',
    organizationId: side === 'employer' ? placement.employerId : placement.organizationId,
    userId: placement.clientAccountUserId ?? undefined,
  });
}

// What an employer reads of a candidate (rule 4.7): the `identity_contact` and `employment` categories
// that a consent in force, naming the employer for a placement, names; never anything else.
export type EmployerCategory = Extract<ConsentCategory, 'identity_contact' | 'employment'>;
const employerCategories: readonly ConsentCategory[] = ['identity_contact', 'employment'];
const isEmployerCategory = (c: ConsentCategory): c is EmployerCategory => employerCategories.includes(c);

export function employerSees(consents: readonly ActiveConsent[]): ReadonlySet<EmployerCategory> {
  const seen = new Set<EmployerCategory>();
  for (const consent of consents)
    if (consent.purpose === 'placement')
      for (const category of consent.categories) if (isEmployerCategory(category)) seen.add(category);
  return seen;
}

// For a list: the placements the actor reaches as the proposing agency or as the employer (`own`), or
// none (a client reads their own through their file).
export function placementListScope(actor: Actor): { organizationId: string; as: 'agency' | 'employer' } | null {
  if (actor.kind !== 'user' || !actorScopes(actor, 'placement.read').includes('own')) return null;
  return { organizationId: actor.organizationId, as: actor.roles.includes('employer_user') ? 'employer' : 'agency' };
}

// The same rule as a condition over a query's `clients` row `c`: the employer reads the candidate's name
// where a consent in force names them for a placement with `identity_contact`.
export function employerSeesName(employerId: string, today: string): RawBuilder<boolean> {
  return consentExists(clientRow('c'), employerId, today, { category: 'identity_contact', purpose: 'placement' });
}
