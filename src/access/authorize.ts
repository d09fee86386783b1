import type { Role } from './roles.ts';
import type { OrganizationType } from '../domain/organizations/organization.ts';
import type { Actor, UserActor } from './actor.ts';
import { AppError } from '../lib/errors.ts';
import { permissions, scopesOf, type Action, type Scope } from './permissions.ts';
import { agencyRoles, staffRolesByOrganizationType } from './roles.ts';

export type { Action, Scope } from './permissions.ts';

// The one place that decides whether an actor may take an action on a resource, following the table
// in src/access/permissions.ts (docs/permissions.md, section 3). Each decision carries its reason,
// which goes into the audit row of a denial.

// What the decision is about, as the server's data describes it, never as the request claims it.
// The facts for consent, case team and complaint come from the modules that own them (issue 4 on).
export type Resource = {
  kind: 'none' | 'organization' | 'user' | 'client' | 'aggregate';
  // The organization that owns the record (for a user: theirs; for an organization: itself; for a
  // client: the agency holding the file).
  organizationId?: string;
  // The user the record is, or belongs to (the `self` scope; for a client, their client account).
  userId?: string;
  consentedOrganizationIds?: readonly string[];
  caseTeamUserIds?: readonly string[];
  complaintHandlerUserIds?: readonly string[];
};

// `basis` says whether the role alone decided a denial (403 for any id, section 2.4) or the record did
// (404 where the caller may not see the record, 403 where they may see but not change it).
export type Decision =
  { allowed: true; reason: string; scope: Scope } | { allowed: false; reason: string; basis: 'role' | 'record' };

const scopeWords: Record<Scope, string> = {
  pub: 'public',
  self: 'their own',
  own: 'their own organization',
  cons: 'a consent or agreement naming their organization',
  team: 'the case team',
  cmp: 'an open complaint assigned to them',
  sys: 'aggregates and metadata',
  all: 'every organization',
};

function inScope(scope: Scope, actor: UserActor, resource: Resource): boolean {
  switch (scope) {
    case 'pub':
    case 'all':
      return true;
    case 'self':
      return resource.userId !== undefined && resource.userId === actor.userId;
    case 'own':
      return resource.organizationId !== undefined && resource.organizationId === actor.organizationId;
    case 'sys':
      return resource.kind === 'aggregate';
    case 'cons':
      return resource.consentedOrganizationIds?.includes(actor.organizationId) ?? false;
    case 'team':
      return resource.caseTeamUserIds?.includes(actor.userId) ?? false;
    case 'cmp':
      return resource.complaintHandlerUserIds?.includes(actor.userId) ?? false;
    default: {
      const unknown: never = scope;
      return unknown;
    }
  }
}

// The scopes the actor holds for an action, over all their roles (several roles give the union).
export function actorScopes(actor: Actor, action: Action): Scope[] {
  if (actor.kind === 'anonymous') return [...scopesOf(action, 'anonymous')];
  if (actor.kind === 'system') return ['all'];
  const found = new Set<Scope>();
  for (const role of actor.roles) for (const scope of permissions[action][role]) found.add(scope);
  return [...found];
}

// Whether any role of the actor may take the action at all, whatever the record: the route gate.
export function mayTakeAction(actor: Actor, action: Action): Decision {
  if (actor.kind === 'system') return { allowed: true, reason: `system actor ${actor.name}`, scope: 'all' };
  const held = actorScopes(actor, action);
  const first = held[0];
  if (first === undefined) {
    const who =
      actor.kind === 'anonymous' ? 'a visitor who is not signed in' : `roles ${actor.roles.join(', ') || '(none)'}`;
    return { allowed: false, reason: `${action} is not open to ${who}`, basis: 'role' };
  }
  return { allowed: true, reason: `${action} held in scope ${held.join(', ')}`, scope: first };
}

export function authorize(actor: Actor, action: Action, resource: Resource): Decision {
  if (actor.kind === 'system') return { allowed: true, reason: `system actor ${actor.name}`, scope: 'all' };
  if (actor.kind === 'anonymous') {
    return scopesOf(action, 'anonymous').includes('pub')
      ? { allowed: true, reason: 'public', scope: 'pub' }
      : { allowed: false, reason: 'not signed in', basis: 'role' };
  }
  let heldAny = false;
  for (const role of actor.roles) {
    for (const scope of permissions[action][role]) {
      heldAny = true;
      if (inScope(scope, actor, resource)) return { allowed: true, reason: `${role}: ${scopeWords[scope]}`, scope };
    }
  }
  if (!heldAny)
    return {
      allowed: false,
      reason: `${action} is not open to roles ${actor.roles.join(', ') || '(none)'}`,
      basis: 'role',
    };
  const held = actorScopes(actor, action).map((s) => scopeWords[s]);
  return { allowed: false, reason: `not_visible: outside ${held.join(', ')}`, basis: 'record' };
}

export function rolesAllowedFor(type: OrganizationType): readonly Role[] {
  return staffRolesByOrganizationType[type];
}

// Managers grant only agency roles (the organization type narrows them further in assertRolesFit);
// system roles and employer users are granted by system administrators.
export function rolesGrantableBy(actor: Actor): readonly Role[] | 'any' {
  if (actor.kind === 'system' || (actor.kind === 'user' && actor.roles.includes('system_administrator'))) return 'any';
  if (actor.kind === 'user' && actor.roles.includes('agency_manager')) return agencyRoles;
  return [];
}

// Whether the actor works across organizations (system administrators and system actors): they may
// name the organization of what they create, and their lists are not limited to one organization.
export function actsAcrossOrganizations(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.roles.includes('system_administrator'));
}

// Refuses roles an organization of this type cannot hold, naming the ones it can.
export function assertRolesFit(type: OrganizationType, roles: readonly Role[]): void {
  if (roles.includes('job_seeker')) {
    throw new AppError('invalid', "Client accounts are created from the client's record, not invited as staff.", [
      { field: 'roles', message: 'job_seeker is not a staff role' },
    ]);
  }
  const allowed = rolesAllowedFor(type);
  const misplaced = roles.filter((r) => !allowed.includes(r));
  if (misplaced.length > 0) {
    throw new AppError('invalid', `People of a ${type.replace(/_/g, ' ')} cannot hold: ${misplaced.join(', ')}.`, [
      { field: 'roles', message: `allowed here: ${allowed.join(', ')}` },
    ]);
  }
}
