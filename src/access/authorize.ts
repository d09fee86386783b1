import type { Role } from '../domain/accounts/account.ts';
import type { OrganizationType } from '../domain/organizations/organization.ts';
import type { Actor } from './actor.ts';
import { AppError } from '../server/errors.ts';

// The one place that decides whether an actor may do something. Each decision carries its reason,
// which goes into the audit row of a denial. The rules follow docs/permissions.md.
export type Action =
  | 'user.invite'
  | 'user.read'
  | 'user.update_roles'
  | 'user.disable'
  | 'audit.read_by_actor';

export type Resource = { kind: 'organization'; organizationId: string } | { kind: 'user'; organizationId: string; userId: string };

export type Decision = { allowed: true; reason: string } | { allowed: false; reason: string };

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason });

function has(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.roles.includes(role);
}

export function authorize(actor: Actor, action: Action, resource: Resource): Decision {
  if (actor.kind === 'system') return allow(`system actor ${actor.name}`);
  if (actor.kind === 'anonymous') return deny('not signed in');
  const ownOrganization = resource.organizationId === actor.organizationId;
  switch (action) {
    case 'user.invite':
    case 'user.update_roles':
    case 'user.disable':
      if (has(actor, 'system_administrator')) return allow('system administrator');
      if (has(actor, 'agency_manager') && ownOrganization) return allow('agency manager of the organization');
      return deny('only system administrators, and agency managers for their own organization, manage users');
    case 'user.read':
      if (resource.kind === 'user' && resource.userId === actor.userId) return allow('own account');
      if (has(actor, 'system_administrator')) return allow('system administrator');
      if (has(actor, 'agency_manager') && ownOrganization) return allow('agency manager of the organization');
      return deny('not an administrator of the organization');
    case 'audit.read_by_actor':
      if (has(actor, 'system_administrator')) return allow('system administrator');
      return deny("only system administrators read an actor's audit rows");
    default: {
      const unknown: never = action;
      return deny(`unknown action ${String(unknown)}`);
    }
  }
}

// Which roles an organization's people may hold: system-manager roles only at the system manager,
// employer users only at employers, agency staff at agencies. (Client accounts arrive with clients.)
const rolesByOrganizationType: Record<OrganizationType, readonly Role[]> = {
  system_manager: ['system_administrator', 'system_analyst', 'ombudsperson', 'agency_manager'],
  employment_service_provider: ['agency_manager', 'employment_counsellor', 'job_developer', 'caseworker', 'trainer'],
  social_assistance_office: ['agency_manager', 'caseworker', 'employment_counsellor'],
  training_organization: ['agency_manager', 'trainer', 'job_developer', 'employment_counsellor'],
  community_agency: ['agency_manager', 'caseworker', 'employment_counsellor', 'job_developer', 'trainer'],
  employer: ['employer_user'],
};

export function rolesAllowedFor(type: OrganizationType): readonly Role[] {
  return rolesByOrganizationType[type];
}

// Managers hand out only roles below their own: system-wide roles stay with system administrators.
export function rolesGrantableBy(actor: Actor): readonly Role[] | 'any' {
  if (actor.kind === 'system' || has(actor, 'system_administrator')) return 'any';
  if (has(actor, 'agency_manager')) {
    return ['agency_manager', 'employment_counsellor', 'job_developer', 'caseworker', 'trainer', 'employer_user'];
  }
  return [];
}

// Whether the actor works across organizations (system administrators and system actors): they may
// name the organization of what they create, and their lists are not limited to one organization.
export function actsAcrossOrganizations(actor: Actor): boolean {
  return actor.kind === 'system' || has(actor, 'system_administrator');
}

// Refuses roles an organization of this type cannot hold, naming the ones it can.
export function assertRolesFit(type: OrganizationType, roles: readonly Role[]): void {
  const allowed = rolesAllowedFor(type);
  const misplaced = roles.filter((r) => !allowed.includes(r));
  if (misplaced.length > 0) {
    throw new AppError('invalid', `People of a ${type.replace(/_/g, ' ')} cannot hold: ${misplaced.join(', ')}.`, [
      { field: 'roles', message: `allowed here: ${allowed.join(', ')}` },
    ]);
  }
}
