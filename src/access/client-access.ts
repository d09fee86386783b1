import type { Role } from '../domain/accounts/account.ts';
import { consentCategories, type ConsentCategory } from '../domain/clients/client.ts';
import { clientHolder } from '../domain/clients/client.service.ts';
import { activeConsentsFor } from '../domain/consent/consent-facts.ts';
import { activeMembership } from '../domain/case-team/case-team-facts.ts';
import { clientAccountOf } from '../domain/accounts/user-admin.service.ts';
import type { DbOrTrx } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { deniedError, notVisibleError } from './audit.ts';
import { authorize, type Action, type Scope } from './authorize.ts';

// Decides what an actor may see of one client's file for one action (docs/permissions.md 2.1–2.3):
// the scope that allowed it and the consent categories it reaches, field by field. Everything is
// read fresh per request, so a revoked or expired consent closes access on the next one.

// The most each role can see of any client it reaches, whatever the scope or consent (2.2).
const ceilings: Record<Role, readonly ConsentCategory[]> = {
  system_administrator: [],
  system_analyst: [],
  ombudsperson: ['identity_contact', 'employment', 'assessment', 'plan', 'notes'],
  agency_manager: ['identity_contact', 'employment', 'assessment', 'plan', 'notes'],
  employment_counsellor: consentCategories,
  caseworker: consentCategories,
  job_developer: ['identity_contact', 'employment'],
  trainer: [],
  employer_user: ['identity_contact', 'employment'],
  job_seeker: consentCategories,
};

export type ClientAccess = {
  clientId: string;
  holderOrganizationId: string;
  status: 'active' | 'on_hold' | 'closed';
  scope: Scope;
  categories: ReadonlySet<ConsentCategory>;
  // The purposes of the consents that opened the file (empty when the actor's agency holds it).
  purposes: string[];
  consentIds: string[];
  // Job developers see the stream (not the assessment's content) of a client they can reach (2.2).
  streamOnly: boolean;
  // The actor holds an active place on the client's case team that counts (2.1, `case_team`).
  onTeam: boolean;
};

// On the case team, job developers and trainers see what the team works on (2.2: "case team").
const teamCeilings: Partial<Record<Role, readonly ConsentCategory[]>> = {
  job_developer: ['identity_contact', 'employment', 'assessment', 'plan', 'notes'],
  trainer: ['identity_contact', 'employment', 'plan', 'notes'],
};

function ceilingOf(actor: Actor, onTeam: boolean): Set<ConsentCategory> {
  if (actor.kind === 'system') return new Set(consentCategories);
  if (actor.kind === 'anonymous') return new Set();
  return new Set(actor.roles.flatMap((r) => (onTeam ? (teamCeilings[r] ?? ceilings[r]) : ceilings[r])));
}

// A client the actor may take `action` on, or the 404 a random id gets (audited as not_visible).
// `purpose` narrows which consents count (2.3: the caller may only narrow the route's purpose).
export async function accessClient(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  action: Action,
  context: { requestId: string; purpose?: string },
): Promise<ClientAccess> {
  const holder = await clientHolder(db, clientId);
  const user = actor.kind === 'user' ? actor : undefined;
  const elsewhere = holder !== undefined && user !== undefined && user.organizationId !== holder.organizationId;
  const consents = holder && elsewhere
    ? (await activeConsentsFor(db, holder.id, user.organizationId)).filter((c) => !context.purpose || c.purpose === context.purpose)
    : [];
  // A case-team place counts for a member from another agency only while a consent names it (2.1).
  const membership = holder && user ? await activeMembership(db, holder.id, user.userId) : undefined;
  const onTeam = membership !== undefined && (!elsewhere || consents.length > 0);
  // A client's own account reaches their own record (`self`), and nothing else.
  const accountUserId = holder && user?.roles.includes('job_seeker') ? await clientAccountOf(db, holder.id) : undefined;
  const decision = holder
    ? authorize(actor, action, {
        kind: 'client',
        organizationId: holder.organizationId,
        consentedOrganizationIds: consents.length > 0 && user ? [user.organizationId] : [],
        caseTeamUserIds: onTeam && user ? [user.userId] : [],
        userId: accountUserId,
      })
    : undefined;
  if (!holder || !decision?.allowed) {
    if (decision && !decision.allowed && decision.basis === 'role') {
      throw deniedError(actor, { action, recordType: 'client', clientId: holder?.id, reason: decision.reason, requestId: context.requestId }, `Not allowed: ${decision.reason}.`);
    }
    throw notVisibleError(actor, { action, recordType: 'client', clientId: holder?.id, requestId: context.requestId }, holder !== undefined, 'No client has that id.');
  }
  const ceiling = ceilingOf(actor, onTeam);
  // Another agency reaches only what its consents name, whichever scope let it in.
  const reached: Set<ConsentCategory> = elsewhere && (decision.scope === 'cons' || decision.scope === 'team')
    ? new Set(consents.flatMap((c) => c.categories))
    : new Set(consentCategories.filter((c) => c !== 'equity' || decision.scope !== 'team'));
  const categories = new Set([...reached].filter((c) => ceiling.has(c)));
  // Equity answers reach only counsellors and caseworkers (and the client): never by default (4.6).
  if (categories.has('equity') && !authorize(actor, 'client.equity.read', {
    kind: 'client',
    organizationId: holder.organizationId,
    consentedOrganizationIds: elsewhere && user ? [user.organizationId] : [],
    userId: accountUserId,
  }).allowed) {
    categories.delete('equity');
  }
  const streamOnly = !categories.has('assessment') && actor.kind === 'user' && actor.roles.includes('job_developer');
  return {
    clientId: holder.id,
    holderOrganizationId: holder.organizationId,
    status: holder.status,
    scope: decision.scope,
    categories,
    purposes: [...new Set(consents.map((c) => c.purpose))],
    consentIds: consents.map((c) => c.id),
    streamOnly,
    onTeam,
  };
}

// For sub-resources of one category (assessments, consents' content, notes): a category the caller
// may not see answers 404 like a record that is not there (2.1, `consented`). `writing`: staff of the
// holding agency may add to a category (a job developer's employer note) without reading it.
export function requireCategory(actor: Actor, access: ClientAccess, category: ConsentCategory, action: Action, requestId: string, writing = false): void {
  if (access.categories.has(category)) return;
  if (writing && actor.kind === 'user' && actor.organizationId === access.holderOrganizationId) return;
  throw notVisibleError(actor, { action, recordType: 'client', clientId: access.clientId, requestId }, true, 'No client has that id.');
}
