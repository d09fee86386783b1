import type { Actor } from '../actor.ts';
import { actorScopes, authorize, type Decision } from '../authorize.ts';

// Who reaches an employer's record and its job orders (docs/permissions.md 3.14): staff of every agency
// (`all`), and the employer's own staff (`own`: the job order's employer is their organization). The
// same decision serves a job order's page, the lists and, later, the matches and the placements.

export type EmployerAction =
  'employer.read' | 'employer.manage' | 'job_order.read' | 'job_order.manage' | 'engagement.read' | 'engagement.create';

export function decideEmployerRecord(actor: Actor, action: EmployerAction, employerId: string): Decision {
  return authorize(actor, action, { kind: 'organization', organizationId: employerId });
}

// For a list: undefined when the actor reaches every employer's records, the one employer otherwise, and
// null when they reach none (their role does not hold the action).
export function employerScopeOf(actor: Actor, action: EmployerAction): string | undefined | null {
  const scopes = actorScopes(actor, action);
  if (scopes.includes('all')) return undefined;
  if (actor.kind === 'user' && scopes.includes('own')) return actor.organizationId;
  return null;
}
