import type { Organization, OrganizationType } from '../domain/organizations/organization.ts';
import type { Health, SystemSummary } from '../domain/system/system.ts';
import type { ListEnvelope } from '../lib/list.ts';

// Type-only imports: the shapes come from the server's zod schemas without shipping zod to the browser.
export type { Organization, OrganizationType, Site } from '../domain/organizations/organization.ts';
export type { Health, SystemSummary } from '../domain/system/system.ts';
export type { ListEnvelope } from '../lib/list.ts';

// RFC 9457 problem details, as the server's error handler writes them.
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  instance?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
};

export type ApiErrorKind = 'network' | 'problem' | 'unexpected';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem?.code;
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

async function errorFromResponse(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    const body: unknown = await response.json().catch(() => undefined);
    if (isProblem(body)) return new ApiError(describeProblem(body), 'problem', response.status, body);
  }
  return new ApiError(`The server answered ${response.status} ${response.statusText}.`, 'unexpected', response.status, undefined);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The server could not be reached.', 'network', 0, undefined);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
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

export function listOrganizations(search: OrganizationSearch, signal?: AbortSignal): Promise<ListEnvelope<Organization>> {
  const query = organizationSearchParams(search).toString();
  return getJson<ListEnvelope<Organization>>(`/api/organizations${query ? `?${query}` : ''}`, signal);
}

export function getOrganization(id: string, signal?: AbortSignal): Promise<Organization> {
  return getJson<Organization>(`/api/organizations/${encodeURIComponent(id)}`, signal);
}
