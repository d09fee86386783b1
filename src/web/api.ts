import type { Organization, OrganizationType } from '../domain/organizations/organization.ts';
import type { Health, SystemSummary } from '../domain/system/system.ts';
import type { ListEnvelope } from '../lib/list.ts';
import type { InviteUser, Login, Role, SessionInfo, User } from '../domain/accounts/account.ts';
import type { AuditList } from '../domain/audit/audit.ts';
import type {
  NewOrganization,
  NewSite,
  OrganizationPatch,
  Site,
  SitePatch,
} from '../domain/organizations/organization.ts';
import type { ClientView, DuplicateMatch, DuplicateSearch, NewClient } from '../domain/clients/client.ts';
import type { Consent, NewConsent, RevokeConsent } from '../domain/consent/consent.ts';
import type { Assessment, Override } from '../domain/assessment/assessment.ts';
import type {
  InterventionType,
  MatchReason,
  Service,
  ServiceSummary,
  TargetPopulation,
} from '../domain/directory/service.ts';

// Type-only imports: the shapes come from the server's zod schemas without shipping zod to the browser.
export type { Organization, OrganizationType, Site } from '../domain/organizations/organization.ts';
export type { Health, SystemSummary } from '../domain/system/system.ts';
export type { ListEnvelope } from '../lib/list.ts';
export type { SessionInfo, User, Role } from '../domain/accounts/account.ts';
export type { ClientCan, SessionCan } from '../access/can.ts';
export type { AuditList, AuditRow } from '../domain/audit/audit.ts';
export type {
  ClientView,
  DuplicateMatch,
  DuplicateSearch,
  NewClient,
  ConsentCategory,
} from '../domain/clients/client.ts';
export type { Consent, NewConsent, RevokeConsent } from '../domain/consent/consent.ts';
export type { Assessment, Override } from '../domain/assessment/assessment.ts';
export type { FactorResult, Stream } from '../domain/assessment/score.ts';
export type { InterventionType, MatchReason, Service, ServiceSummary, TargetPopulation };

// RFC 9457 problem details, as the server's error handler writes them.
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  instance?: string;
  requestId?: string;
  // A stable reason within the code (docs/api.md): what the web UI translates.
  reason?: string;
  errors?: { field: string; message: string; code?: string }[];
};

export type ApiErrorKind = 'network' | 'problem' | 'unexpected';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly problem: Problem | undefined,
    // From the Retry-After header of a 429 (or 503), when the server sent one.
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  get reason(): string | undefined {
    return this.problem?.reason;
  }

  get requestId(): string | undefined {
    return this.problem?.requestId;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.title === 'string' && typeof candidate.status === 'number';
}

// One readable sentence from a problem: the detail, then each field issue.
export function describeProblem(problem: Problem): string {
  const head = problem.detail?.trim() || problem.title;
  const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
  return fields.length > 0 && !head.includes(fields[0] ?? '') ? `${head} (${fields.join('; ')})` : head;
}

// Retry-After is either a number of seconds or an HTTP date (RFC 9110, 10.2.3).
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

// Whole minutes to wait, rounded up so the person never comes back too early; undefined without a Retry-After.
export function retryAfterMinutes(error: ApiError): number | undefined {
  if (error.retryAfterSeconds === undefined) return undefined;
  return Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    const body: unknown = await response.json().catch(() => undefined);
    if (isProblem(body)) return new ApiError(describeProblem(body), 'problem', response.status, body, retryAfter);
  }
  return new ApiError(
    `The server answered ${response.status} ${response.statusText}.`,
    'unexpected',
    response.status,
    undefined,
    retryAfter,
  );
}

// Told of every 401 from a request made while the page believed it was signed in, so the session can
// end in the UI too (an expired or revoked session). The session provider sets it.
let unauthorizedListener: ((path: string) => void) | undefined;
export function onUnauthorized(listener: ((path: string) => void) | undefined): void {
  unauthorizedListener = listener;
}

// Sign-in and the session check answer 401 as part of their work, not because a session ended.
const sessionRoutes = new Set(['/api/auth/login', '/api/auth/session']);

async function failure(path: string, response: Response): Promise<ApiError> {
  if (response.status === 401 && !sessionRoutes.has(path)) unauthorizedListener?.(path);
  return errorFromResponse(response);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The server could not be reached.', 'network', 0, undefined);
  }
  if (!response.ok) throw await failure(path.split('?')[0] ?? path, response);
  return (await response.json()) as T;
}

// State-changing requests carry the session's CSRF token once signed in (docs/accounts.md, CSRF).
export async function send(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; csrfToken?: string | undefined } = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError('The server could not be reached.', 'network', 0, undefined);
  }
  if (!response.ok) throw await failure(path, response);
  return response;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export type OrganizationSearch = {
  q?: string | undefined;
  type?: OrganizationType | undefined;
  fsa?: string | undefined;
  offersFrench?: boolean | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
};

export function organizationSearchParams(search: OrganizationSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.type) params.set('type', search.type);
  if (search.fsa) params.set('fsa', search.fsa);
  // Only "true" narrows the list; unchecked means every organization, not "English only".
  if (search.offersFrench) params.set('offersFrench', 'true');
  if (search.page && search.page > 1) params.set('page', String(search.page));
  if (search.perPage) params.set('perPage', String(search.perPage));
  return params;
}

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return getJson<Health>('/api/health', signal);
}

export function getSystemSummary(signal?: AbortSignal): Promise<SystemSummary> {
  return getJson<SystemSummary>('/api/system/summary', signal);
}

export function listOrganizations(
  search: OrganizationSearch,
  signal?: AbortSignal,
): Promise<ListEnvelope<Organization>> {
  const query = organizationSearchParams(search).toString();
  return getJson<ListEnvelope<Organization>>(`/api/organizations${query ? `?${query}` : ''}`, signal);
}

export function getOrganization(id: string, signal?: AbortSignal): Promise<Organization> {
  return getJson<Organization>(`/api/organizations/${encodeURIComponent(id)}`, signal);
}

export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return getJson<SessionInfo>('/api/auth/session', signal);
}

// Signing in again while signed in (as someone else, say) is a state change under the current
// session, so it carries that session's CSRF token.
export async function login(
  credentials: Pick<Login, 'email' | 'password' | 'code'>,
  csrfToken?: string,
): Promise<SessionInfo> {
  const response = await send('POST', '/api/auth/login', { body: credentials, csrfToken });
  return (await response.json()) as SessionInfo;
}

export async function logout(csrfToken: string): Promise<void> {
  await send('POST', '/api/auth/logout', { csrfToken });
}

export async function logoutEverywhere(csrfToken: string): Promise<{ sessionsEnded: number }> {
  const response = await send('POST', '/api/auth/logout-everywhere', { csrfToken });
  return (await response.json()) as { sessionsEnded: number };
}

// Always the same answer, whether or not the address has an account.
// These are open to visitors; someone who is signed in (on a shared computer, say) sends the CSRF token
// of their session, as for every state-changing request made with a session.
export async function requestPasswordReset(email: string, csrfToken?: string): Promise<void> {
  await send('POST', '/api/auth/password-reset', { body: { email }, csrfToken });
}

export async function completePasswordReset(token: string, password: string, csrfToken?: string): Promise<void> {
  await send('POST', '/api/auth/password-reset/complete', { body: { token, password }, csrfToken });
}

export async function acceptInvitation(token: string, password: string, csrfToken?: string): Promise<void> {
  await send('POST', '/api/auth/accept-invitation', { body: { token, password }, csrfToken });
}

export async function startTotpEnrolment(csrfToken: string): Promise<{ secret: string; otpauthUri: string }> {
  const response = await send('POST', '/api/auth/mfa/totp', { csrfToken });
  return (await response.json()) as { secret: string; otpauthUri: string };
}

export async function confirmTotpEnrolment(code: string, csrfToken: string): Promise<void> {
  await send('POST', '/api/auth/mfa/totp/confirm', { body: { code }, csrfToken });
}

// The field a problem names (`errors[].field`, as `body.code` or `code`), for messages placed on it.
export function problemFields(error: unknown): { field: string; message: string; code?: string }[] {
  if (!(error instanceof ApiError) || !error.problem?.errors) return [];
  return error.problem.errors.map((e) => ({
    field: e.field.replace(/^body\./, ''),
    message: e.message,
    ...(e.code ? { code: e.code } : {}),
  }));
}

export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  csrfToken: string,
): Promise<T> {
  const response = await send(method, path, { body, csrfToken });
  return (await response.json()) as T;
}

// Query strings from a filter object, leaving out what is empty.
export function queryString(filter: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type UserFilter = {
  q?: string | undefined;
  status?: string | undefined;
  organizationId?: string | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
};

export function listUsers(filter: UserFilter, signal?: AbortSignal): Promise<ListEnvelope<User>> {
  return getJson<ListEnvelope<User>>(`/api/users${queryString(filter)}`, signal);
}

export function inviteUser(
  input: Omit<InviteUser, 'preferredLanguage'> & { preferredLanguage: 'en' | 'fr' },
  csrfToken: string,
): Promise<User> {
  return sendJson<User>('POST', '/api/users', input, csrfToken);
}

export function updateUserRoles(userId: string, roles: Role[], csrfToken: string): Promise<User> {
  return sendJson<User>('PUT', `/api/users/${encodeURIComponent(userId)}/roles`, { roles }, csrfToken);
}

export function disableUser(userId: string, csrfToken: string): Promise<User> {
  return sendJson<User>('POST', `/api/users/${encodeURIComponent(userId)}/disable`, undefined, csrfToken);
}

export type AuditFilter = {
  actorUserId?: string | undefined;
  organizationId?: string | undefined;
  action?: string | undefined;
  outcome?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
};

export function searchAudit(filter: AuditFilter, signal?: AbortSignal): Promise<AuditList> {
  return getJson<AuditList>(`/api/audit${queryString(filter)}`, signal);
}

export function createOrganization(input: Partial<NewOrganization>, csrfToken: string): Promise<Organization> {
  return sendJson<Organization>('POST', '/api/organizations', input, csrfToken);
}

export function updateOrganization(id: string, patch: OrganizationPatch, csrfToken: string): Promise<Organization> {
  return sendJson<Organization>('PATCH', `/api/organizations/${encodeURIComponent(id)}`, patch, csrfToken);
}

export function addSite(organizationId: string, site: Partial<NewSite>, csrfToken: string): Promise<Site> {
  return sendJson<Site>('POST', `/api/organizations/${encodeURIComponent(organizationId)}/sites`, site, csrfToken);
}

export function updateSite(organizationId: string, siteId: string, patch: SitePatch, csrfToken: string): Promise<Site> {
  return sendJson<Site>(
    'PATCH',
    `/api/organizations/${encodeURIComponent(organizationId)}/sites/${encodeURIComponent(siteId)}`,
    patch,
    csrfToken,
  );
}

// Clients. A person's name and date of birth travel in request bodies only, never in an address: the
// duplicate search is a POST, and only the client's id is ever in a path.
export async function searchDuplicateClients(search: DuplicateSearch, csrfToken: string): Promise<DuplicateMatch[]> {
  const { matches } = await sendJson<{ matches: DuplicateMatch[] }>(
    'POST',
    '/api/clients/duplicates',
    search,
    csrfToken,
  );
  return matches;
}

// The input type: fields with a server default (languages, lists) may be left out.
export type NewClientInput = Partial<NewClient> &
  Pick<NewClient, 'givenName' | 'familyName' | 'dateOfBirth' | 'educationLevel' | 'incomeSource'>;

export function createClient(input: NewClientInput, csrfToken: string): Promise<ClientView> {
  return sendJson<ClientView>('POST', '/api/clients', input, csrfToken);
}

export function getClient(id: string, signal?: AbortSignal): Promise<ClientView> {
  return getJson<ClientView>(`/api/clients/${encodeURIComponent(id)}`, signal);
}

export function listConsents(clientId: string, signal?: AbortSignal): Promise<ListEnvelope<Consent>> {
  return getJson<ListEnvelope<Consent>>(`/api/clients/${encodeURIComponent(clientId)}/consents`, signal);
}

export function grantConsent(clientId: string, input: NewConsent, csrfToken: string): Promise<Consent> {
  return sendJson<Consent>('POST', `/api/clients/${encodeURIComponent(clientId)}/consents`, input, csrfToken);
}

export function revokeConsent(
  clientId: string,
  consentId: string,
  input: RevokeConsent,
  csrfToken: string,
): Promise<Consent> {
  return sendJson<Consent>(
    'POST',
    `/api/clients/${encodeURIComponent(clientId)}/consents/${encodeURIComponent(consentId)}/revoke`,
    input,
    csrfToken,
  );
}

// Newest first; a client has a handful of assessments, so one page of 100 is the whole history.
export function listAssessments(clientId: string, signal?: AbortSignal): Promise<ListEnvelope<Assessment>> {
  return getJson<ListEnvelope<Assessment>>(
    `/api/clients/${encodeURIComponent(clientId)}/assessments?perPage=100`,
    signal,
  );
}

export function assessClient(clientId: string, input: { reason?: string }, csrfToken: string): Promise<Assessment> {
  return sendJson<Assessment>('POST', `/api/clients/${encodeURIComponent(clientId)}/assessments`, input, csrfToken);
}

export function overrideAssessment(
  clientId: string,
  assessmentId: string,
  input: Override,
  csrfToken: string,
): Promise<Assessment> {
  return sendJson<Assessment>(
    'POST',
    `/api/clients/${encodeURIComponent(clientId)}/assessments/${encodeURIComponent(assessmentId)}/override`,
    input,
    csrfToken,
  );
}

export type Occupation = { code: string; title: string; teer: number };
export type Skill = { uri: string; label: string };
export type Industry = { code: string; title: string };

// NAICS Canada 2022 classes: public reference data, by words of the title or the start of the code.
export async function searchIndustries(words: string, signal?: AbortSignal): Promise<Industry[]> {
  const { items } = await getJson<{ items: Industry[] }>(
    `/api/industries${queryString({ q: words, limit: 10 })}`,
    signal,
  );
  return items;
}

// ESCO transversal skills: public reference data, by words of their labels.
export async function searchSkills(words: string, signal?: AbortSignal): Promise<Skill[]> {
  const { items } = await getJson<{ items: Skill[] }>(`/api/occupations/skills${queryString({ q: words })}`, signal);
  return items;
}

// NOC 2021 unit groups: public reference data, so the words may go in the query string.
export async function searchOccupations(words: string, signal?: AbortSignal): Promise<Occupation[]> {
  const { items } = await getJson<{ items: Occupation[] }>(
    `/api/occupations${queryString({ q: words, limit: 10 })}`,
    signal,
  );
  return items;
}

export function getOccupation(code: string, signal?: AbortSignal): Promise<Occupation> {
  return getJson<Occupation>(`/api/occupations/${encodeURIComponent(code)}`, signal);
}

// The directory of programs (issue 13): public search and pages; capacity only comes to staff.
export type ServiceSearch = {
  q?: string | undefined;
  intervention?: InterventionType | undefined;
  population?: TargetPopulation | undefined;
  near?: string | undefined;
  withinKm?: number | undefined;
  intake?: 'open_now' | 'open_soon' | undefined;
  language?: string | undefined;
  deliveryMode?: 'in_person' | 'virtual' | 'hybrid' | undefined;
  organizationId?: string | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
};

export function serviceSearchParams(search: ServiceSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.intervention) params.set('intervention', search.intervention);
  if (search.population) params.set('population', search.population);
  if (search.near) {
    params.set('near', search.near);
    if (search.withinKm) params.set('withinKm', String(search.withinKm));
  }
  if (search.intake) params.set('intake', search.intake);
  if (search.language) params.set('language', search.language);
  if (search.deliveryMode) params.set('deliveryMode', search.deliveryMode);
  if (search.organizationId) params.set('organizationId', search.organizationId);
  if (search.page && search.page > 1) params.set('page', String(search.page));
  if (search.perPage) params.set('perPage', String(search.perPage));
  return params;
}

export function searchServices(search: ServiceSearch, signal?: AbortSignal): Promise<ListEnvelope<ServiceSummary>> {
  const query = serviceSearchParams(search).toString();
  return getJson<ListEnvelope<ServiceSummary>>(`/api/services${query ? `?${query}` : ''}`, signal);
}

export function getService(id: string, signal?: AbortSignal): Promise<Service> {
  return getJson<Service>(`/api/services/${encodeURIComponent(id)}`, signal);
}

// Confirms every part of a listing as it stands (service.manage).
export function confirmService(id: string, csrfToken: string): Promise<Service> {
  return sendJson<Service>('PATCH', `/api/services/${encodeURIComponent(id)}`, { verified: true }, csrfToken);
}

export type { Landscape, LandscapeArea } from '../domain/reporting/landscape.ts';
import type { Landscape } from '../domain/reporting/landscape.ts';

// The landscape of programs (directory.landscape): coverage by neighbourhood, gaps, unmet demand.
export type LandscapeFilter = {
  intervention?: string | undefined;
  population?: string | undefined;
  noc?: string | undefined;
  withinKm?: number | undefined;
};
export function getLandscape(filter: LandscapeFilter, signal?: AbortSignal): Promise<Landscape> {
  return getJson(`/api/reports/landscape${queryString(filter)}`, signal);
}
export function landscapeCsvUrl(filter: LandscapeFilter): string {
  return `/api/reports/landscape.csv${queryString(filter)}`;
}
