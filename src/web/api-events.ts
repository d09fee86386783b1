import { getJson, queryString, sendJson } from './api.ts';
import type { ListEnvelope } from '../lib/list.ts';
import type {
  HiringEvent,
  HiringEventListQuery,
  HiringEventPatch,
  HiringEventSummary,
  NewHiringEvent,
  Registration,
  RegistrationPatch,
} from '../domain/hiring-events/hiring-event.ts';

// Employer events (docs/hiring-events.md). Type-only imports, as in api.ts; only ids go in paths.
export type { HiringEvent, HiringEventSummary, NewHiringEvent, Registration };
export type { HiringEventKind, HiringEventStatus } from '../domain/hiring-events/hiring-event-vocabulary.ts';

const enc = encodeURIComponent;

export function listHiringEvents(
  query: Partial<Pick<HiringEventListQuery, 'when' | 'kind' | 'employerId' | 'page' | 'perPage'>>,
  signal?: AbortSignal,
): Promise<ListEnvelope<HiringEventSummary>> {
  return getJson(`/api/hiring-events${queryString(query)}`, signal);
}
export function getHiringEvent(id: string, signal?: AbortSignal): Promise<HiringEvent> {
  return getJson(`/api/hiring-events/${enc(id)}`, signal);
}
export function createHiringEvent(body: NewHiringEvent, csrfToken: string): Promise<HiringEvent> {
  return sendJson('POST', '/api/hiring-events', body, csrfToken);
}
export function updateHiringEvent(id: string, body: HiringEventPatch, csrfToken: string): Promise<HiringEvent> {
  return sendJson('PATCH', `/api/hiring-events/${enc(id)}`, body, csrfToken);
}
export function setParticipation(
  id: string,
  employerId: string,
  jobOrderIds: string[],
  csrfToken: string,
): Promise<HiringEvent> {
  return sendJson('PUT', `/api/hiring-events/${enc(id)}/employers/${enc(employerId)}`, { jobOrderIds }, csrfToken);
}
export function removeParticipation(id: string, employerId: string, csrfToken: string): Promise<HiringEvent> {
  return sendJson('DELETE', `/api/hiring-events/${enc(id)}/employers/${enc(employerId)}`, undefined, csrfToken);
}
export function listEventRegistrations(id: string, signal?: AbortSignal): Promise<ListEnvelope<Registration>> {
  return getJson(`/api/hiring-events/${enc(id)}/registrations?perPage=200`, signal);
}
export function updateRegistration(
  eventId: string,
  registrationId: string,
  body: RegistrationPatch,
  csrfToken: string,
): Promise<Registration> {
  return sendJson('PATCH', `/api/hiring-events/${enc(eventId)}/registrations/${enc(registrationId)}`, body, csrfToken);
}
export function listClientRegistrations(clientId: string, signal?: AbortSignal): Promise<ListEnvelope<Registration>> {
  return getJson(`/api/clients/${enc(clientId)}/hiring-events?perPage=50`, signal);
}
export function registerClient(clientId: string, eventId: string, csrfToken: string): Promise<Registration> {
  return sendJson('POST', `/api/clients/${enc(clientId)}/hiring-events`, { eventId }, csrfToken);
}
