import type { Actor } from '../../access/actor.ts';
import { actorScopes } from '../../access/authorize.ts';
import type { Action } from '../../access/permissions.ts';
import { AppError } from '../../lib/errors.ts';

// The numbers of disclosure control and of the fairness flag, kept as versioned data like the
// assessment model: every report names the version it applied.
//
// - minCell: counts below it are withheld (docs/permissions.md 3.12; to confirm with the City).
// - disparityRatio: a group's Stream C share against everyone else's is flagged when the ratio is at
//   or above this figure, or at or below its inverse. 1.25 is the inverse of the four-fifths (0.8)
//   rule of thumb for adverse impact (U.S. EEOC Uniform Guidelines, 29 CFR 1607.4(D)), the most
//   widely used screening threshold; a flag asks for a look, it proves nothing by itself.
export const reportingPolicies = {
  'rp-2026.1': { minCell: 10, disparityRatio: 1.25 },
} as const;

export type ReportingPolicyVersion = keyof typeof reportingPolicies;
export const currentReportingPolicy: ReportingPolicyVersion = 'rp-2026.1';

// Whose figures a report answers: the system manager's (`sys`) the city, or one agency they choose; an
// agency manager's (`own`) their own agency; anyone else none (a 403, which the route's gate answers first).
export function reportScope(
  actor: Actor,
  action: Action,
  chosen: string | undefined,
  refusal: string,
): { organizationId: string | null } {
  const scopes = actorScopes(actor, action);
  if (actor.kind === 'system' || scopes.includes('sys')) return { organizationId: chosen ?? null };
  if (actor.kind === 'user' && scopes.includes('own')) return { organizationId: actor.organizationId };
  throw new AppError('forbidden', refusal);
}
