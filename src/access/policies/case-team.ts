import type { Actor } from '../actor.ts';
import type { ClientAccess } from '../client-access.ts';

// Which case-team places a reader sees (docs/permissions.md 3.9), for the team route and every composite
// view: everyone who reaches the team sees its current members; only the holding agency (and the system)
// sees former members and why they left.
export type MemberReader = { includeFormer: boolean };

export function memberReaderFor(actor: Actor, access: ClientAccess): MemberReader {
  return {
    includeFormer:
      actor.kind === 'system' || (actor.kind === 'user' && actor.organizationId === access.holderOrganizationId),
  };
}
