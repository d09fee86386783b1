import type { Role } from '../domain/accounts/account.ts';

// Who is acting: the anonymous public, a signed-in user (with the organization the server knows
// them by, never one the request claims), or a named system actor (CLI, sweeps).
export type UserActor = {
  kind: 'user';
  userId: string;
  organizationId: string;
  roles: readonly Role[];
  sessionId: string;
};

export type Actor = { kind: 'anonymous' } | { kind: 'system'; name: string } | UserActor;

export const anonymous: Actor = { kind: 'anonymous' };

export function systemActor(name: string): Actor {
  return { kind: 'system', name };
}
