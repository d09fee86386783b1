import { consentCategories, type ConsentCategory, type Role } from './roles.ts';
import type { DbOrTrx } from '../db/database.ts';
import type { AppError } from '../lib/errors.ts';
import { clientFacts, type ClientFacts, type Viewer } from './facts/client-facts.ts';
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
  // Why the actor reads the file, as the audit row records it (purposeOf below).
  purpose: string;
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

// Kept per roles and team place (read only: callers ask `has`), so a request builds no sets for it.
const ceilingCache = new Map<string, ReadonlySet<ConsentCategory>>();
const allCategories: ReadonlySet<ConsentCategory> = new Set(consentCategories);
const noCategories: ReadonlySet<ConsentCategory> = new Set();

function ceilingOf(actor: Actor, onTeam: boolean): ReadonlySet<ConsentCategory> {
  if (actor.kind === 'system') return allCategories;
  if (actor.kind === 'anonymous') return noCategories;
  const key = `${actor.roles.join(',')}|${onTeam}`;
  let ceiling = ceilingCache.get(key);
  if (!ceiling) {
    ceiling = new Set(actor.roles.flatMap((r) => (onTeam ? (teamCeilings[r] ?? ceilings[r]) : ceilings[r])));
    ceilingCache.set(key, ceiling);
  }
  return ceiling;
}

// What the actor may do with one client's file for one action, decided on its facts: the access, or
// why not (`role`: no role of the actor holds the action at all, 403; `record`: not this record, 404).
export type ClientDecision =
  { allowed: true; access: ClientAccess } | { allowed: false; basis: 'role' | 'record'; reason: string };

export function viewerOf(actor: Actor): Viewer {
  return actor.kind === 'user'
    ? { organizationId: actor.organizationId, userId: actor.userId }
    : { organizationId: undefined, userId: undefined };
}

// The facts a decision about this client rests on, for this actor, on the request's today.
export function loadClientFacts(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  today: string,
): Promise<ClientFacts | undefined> {
  const preloaded = actor.kind === 'user' ? actor.clientFacts : undefined;
  if (preloaded && preloaded.clientId === clientId && preloaded.today === today)
    return Promise.resolve(preloaded.facts);
  return clientFacts(db, clientId, viewerOf(actor), today);
}

// The consents in force today by which the client shares their file with one organization (for a
// module deciding whether that organization's staff may join the case team).
export async function consentsNaming(
  db: DbOrTrx,
  clientId: string,
  organizationId: string,
  today: string,
): Promise<ClientFacts['consents']> {
  return (await clientFacts(db, clientId, { organizationId, userId: undefined }, today))?.consents ?? [];
}

// `purpose` narrows which consents count (2.3: the caller may only narrow the route's purpose).
export function decideClient(actor: Actor, facts: ClientFacts, action: Action, purpose?: string): ClientDecision {
  const user = actor.kind === 'user' ? actor : undefined;
  const elsewhere = user !== undefined && user.organizationId !== facts.holderOrganizationId;
  const consents = elsewhere ? facts.consents.filter((c) => !purpose || c.purpose === purpose) : [];
  // A case-team place counts for a member from another agency only while a consent names it (2.1).
  const onTeam = facts.teamMemberId !== undefined && (!elsewhere || consents.length > 0);
  // A client's own account reaches their own record (`self`), and nothing else.
  const accountUserId = user?.roles.includes('job_seeker') ? facts.accountUserId : undefined;
  const decision = authorize(actor, action, {
    kind: 'client',
    organizationId: facts.holderOrganizationId,
    consentedOrganizationIds: consents.length > 0 && user ? [user.organizationId] : [],
    caseTeamUserIds: onTeam && user ? [user.userId] : [],
    userId: accountUserId,
  });
  if (!decision.allowed) return { allowed: false, basis: decision.basis, reason: decision.reason };
  const ceiling = ceilingOf(actor, onTeam);
  // Another agency reaches only what its consents name, whichever scope let it in.
  const reached: Set<ConsentCategory> =
    elsewhere && (decision.scope === 'cons' || decision.scope === 'team')
      ? new Set(consents.flatMap((c) => c.categories))
      : new Set(consentCategories.filter((c) => c !== 'equity' || decision.scope !== 'team'));
  const categories = new Set([...reached].filter((c) => ceiling.has(c)));
  // Equity answers reach only counsellors and caseworkers (and the client): never by default (4.6).
  if (
    categories.has('equity') &&
    !authorize(actor, 'client.equity.read', {
      kind: 'client',
      organizationId: facts.holderOrganizationId,
      consentedOrganizationIds: elsewhere && user ? [user.organizationId] : [],
      userId: accountUserId,
    }).allowed
  ) {
    categories.delete('equity');
  }
  const streamOnly = !categories.has('assessment') && actor.kind === 'user' && actor.roles.includes('job_developer');
  const purposes = [...new Set(consents.map((c) => c.purpose))];
  return {
    allowed: true,
    access: {
      clientId: facts.clientId,
      holderOrganizationId: facts.holderOrganizationId,
      status: facts.status,
      scope: decision.scope,
      categories,
      purposes,
      purpose: purposeOf(decision.scope, purposes, elsewhere),
      consentIds: consents.map((c) => c.id),
      streamOnly,
      onTeam,
    },
  };
}

// Why the actor reads the file, for the audit row (docs/permissions.md 2.3, 4.4): the purposes of
// the consents that opened it to another agency; the holding agency serving its own client; the
// client reading their own file; the system actor's task.
function purposeOf(scope: Scope, consentPurposes: string[], elsewhere: boolean): string {
  if (elsewhere && consentPurposes.length > 0) return consentPurposes.join(',');
  switch (scope) {
    case 'self':
      return 'client_own_file';
    case 'cmp':
      return 'complaint';
    case 'all':
    case 'sys':
      return 'system';
    case 'pub':
    case 'own':
    case 'cons':
    case 'team':
      return 'service_delivery';
    default: {
      const unknown: never = scope;
      return unknown;
    }
  }
}

// The 404 a random id gets (audited as not_visible or not_found), or the 403 for a role that may not
// take the action at all (audited with the reason).
function refusal(
  actor: Actor,
  facts: ClientFacts | undefined,
  decision: ClientDecision | undefined,
  action: Action,
  requestId: string,
): AppError {
  if (decision && !decision.allowed && decision.basis === 'role') {
    return deniedError(
      actor,
      { action, recordType: 'client', clientId: facts?.clientId, reason: decision.reason, requestId },
      `Not allowed: ${decision.reason}.`,
    );
  }
  return notVisibleError(
    actor,
    { action, recordType: 'client', clientId: facts?.clientId, requestId },
    facts !== undefined,
    'No client has that id.',
  );
}

// A client the actor may take `action` on, or the refusal (404 like a random id, or 403), audited.
export async function accessClient(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  action: Action,
  context: { requestId: string; purpose?: string; today: string },
): Promise<ClientAccess> {
  const facts = await loadClientFacts(db, actor, clientId, context.today);
  return requireClient(actor, facts, action, context);
}

// The same, on facts already loaded (a composite view decides each of its parts on one load).
export function requireClient(
  actor: Actor,
  facts: ClientFacts | undefined,
  action: Action,
  context: { requestId: string; purpose?: string },
): ClientAccess {
  const decision = facts ? decideClient(actor, facts, action, context.purpose) : undefined;
  if (!facts || !decision?.allowed) throw refusal(actor, facts, decision, action, context.requestId);
  return decision.access;
}

// For a part of a composite view: the access the part's own route would grant, or undefined where
// that route would refuse (the view then leaves the part out, and writes no denial of its own).
export function partAccess(
  actor: Actor,
  facts: ClientFacts,
  action: Action,
  purpose?: string,
): ClientAccess | undefined {
  const decision = decideClient(actor, facts, action, purpose);
  return decision.allowed ? decision.access : undefined;
}

// For sub-resources of one category (assessments, consents' content, notes): a category the caller
// may not see answers 404 like a record that is not there (2.1, `consented`). `writing`: staff of the
// holding agency may add to a category (a job developer's employer note) without reading it.
export function requireCategory(
  actor: Actor,
  access: ClientAccess,
  category: ConsentCategory,
  action: Action,
  requestId: string,
  writing = false,
): void {
  if (access.categories.has(category)) return;
  if (writing && actor.kind === 'user' && actor.organizationId === access.holderOrganizationId) return;
  throw notVisibleError(
    actor,
    { action, recordType: 'client', clientId: access.clientId, requestId },
    true,
    'No client has that id.',
  );
}
