import type { Role } from './roles.ts';
import type { ClientFacts } from './facts/client-facts.ts';

// Who is acting: the anonymous public, a signed-in user (with the organization the server knows
// them by, never one the request claims), or a named system actor (CLI, sweeps).
export type UserActor = {
  kind: 'user';
  userId: string;
  organizationId: string;
  roles: readonly Role[];
  sessionId: string;
  // Two-step sign-in is required for one of the roles and not set up yet.
  mfaEnrolmentRequired?: boolean;
  // The facts of the client a GET request is about, read in the session's own statement: the access
  // layer decides on them instead of reading them again (loadClientFacts in client-access.ts). Only for
  // reads, so nothing the request does can make them stale.
  clientFacts?: { clientId: string; today: string; facts: ClientFacts | undefined };
};

export type Actor = { kind: 'anonymous' } | { kind: 'system'; name: string } | UserActor;

export const anonymous: Actor = { kind: 'anonymous' };

export function systemActor(name: string): Actor {
  return { kind: 'system', name };
}
