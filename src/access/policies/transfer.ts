import type { Actor } from '../actor.ts';
import { actorScopes } from '../authorize.ts';

// Who sees a transfer of a client's file between agencies (docs/permissions.md 3.10), for the
// transfer routes and every list of transfers: the two agencies it names, whether or not either holds
// the file today (the receiving agency has no consent yet, the sending one no longer holds it once
// released); the system manager, for the release of an overdue one; the system. For a client's
// transfers, the agency holding the file sees them all, another only those naming it.

export type TransferParties = { fromOrganizationId: string; toOrganizationId: string; overdue: boolean };

export function transferVisible(
  actor: Actor,
  transfer: TransferParties,
  action: 'transfer.accept' | 'transfer.release',
): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const party =
    actor.organizationId === transfer.fromOrganizationId || actor.organizationId === transfer.toOrganizationId;
  const overdueRelease =
    action === 'transfer.release' && transfer.overdue && actorScopes(actor, action).includes('sys');
  return party || overdueRelease;
}

// Which of a client's transfers the actor's list shows: all (`organizationId: null`), those naming their
// organization, or none.
export function transferReaderFor(
  actor: Actor,
  holderOrganizationId: string,
): { organizationId: string | null } | undefined {
  if (actor.kind !== 'user') return undefined;
  return { organizationId: actor.organizationId === holderOrganizationId ? null : actor.organizationId };
}
