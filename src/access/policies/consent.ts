import type { Actor } from '../actor.ts';
import type { ClientAccess } from '../client-access.ts';

// Which of a client's consents a reader sees (docs/permissions.md 3.5), for the consents route and every
// composite view: the holding agency, the client and the ombudsperson during a complaint see them all;
// another agency sees only the consents that name it (which agencies the client shares with is part of
// the file). `organizationId: null` means all of them.
export type ConsentReader = { organizationId: string | null };

export function consentReaderFor(actor: Actor, access: ClientAccess): ConsentReader | undefined {
  const holding =
    actor.kind === 'system' ||
    (actor.kind === 'user' && actor.organizationId === access.holderOrganizationId) ||
    access.scope === 'self' ||
    access.scope === 'cmp';
  if (holding) return { organizationId: null };
  return actor.kind === 'user' ? { organizationId: actor.organizationId } : undefined;
}

// Which consents the actor may revoke once `consent.revoke` lets them into the file: any, for the
// holding agency, the client and the system; only one naming their organization, for an agency that
// reaches the file through a consent. `consentOrganizationId` undefined asks about any consent.
export function mayRevokeConsent(actor: Actor, access: ClientAccess, consentOrganizationId?: string): boolean {
  if (access.scope !== 'cons') return true;
  return actor.kind === 'user' && consentOrganizationId === actor.organizationId;
}
