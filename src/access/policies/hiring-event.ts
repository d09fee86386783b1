import type { Actor } from '../actor.ts';
import { actorScopes, authorize, type Decision } from '../authorize.ts';

// Who keeps an employer event and who takes part (docs/permissions.md 3.14, `event.*`). Events are public
// listings (`event.read`); they are kept by the host's staff and by those who keep every event (`all`:
// agency managers and job developers of any agency, the system administrator); an employer's staff keep
// the events their organization hosts (`own`) and join or leave others with their own job orders.
// Registrations are an agency's own (`event.register`), each checked against the client's file.

export type HiringEventParties = { hostId: string };

export function decideHiringEvent(actor: Actor, event: HiringEventParties): Decision {
  return authorize(actor, 'event.manage', { kind: 'organization', organizationId: event.hostId });
}

// An employer's own staff may put their organization in or out of an event (with its own job orders);
// the event's keepers may put in any employer.
export function decideParticipation(actor: Actor, event: HiringEventParties, employerId: string): Decision {
  const keeper = decideHiringEvent(actor, event);
  if (keeper.allowed) return keeper;
  return authorize(actor, 'event.manage', { kind: 'organization', organizationId: employerId });
}

// An actor who registers clients at events for their agency (their agency's registrations).
export function registeringAgencyOf(actor: Actor): string | null {
  if (actor.kind !== 'user' || !actorScopes(actor, 'event.register').includes('own')) return null;
  return actor.organizationId;
}

// An employer user's organization, for "take part" (null for anyone else).
export function takingPartAs(actor: Actor): string | null {
  if (actor.kind !== 'user' || !actor.roles.includes('employer_user')) return null;
  return actorScopes(actor, 'event.manage').includes('own') ? actor.organizationId : null;
}
