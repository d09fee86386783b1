import { getJson, queryString, sendJson } from './api.ts';
import type { ListEnvelope } from '../lib/list.ts';
import type {
  JobOrder,
  JobOrderListQuery,
  JobOrderPatch,
  JobOrderSummary,
  NewJobOrder,
} from '../domain/jobs/job-order.ts';
import type {
  DuplicateQuery,
  Employer,
  EmployerDuplicate,
  EmployerListQuery,
  EmployerPatch,
  EmployerSummary,
  Engagement,
  NewEmployer,
  NewEngagement,
} from '../domain/jobs/employer.ts';
import type { ClientJobMatches, ClientProgramMatches, JobCandidates } from '../domain/matching/results.ts';
import type { EmployerReport } from '../domain/reporting/employer-report.ts';
import type {
  EvaluationInput,
  NewPlacement,
  Placement,
  PlacementListQuery,
  PlacementStep,
  PlacementSummary,
} from '../domain/placements/placement.ts';

// Job orders, matches both ways, and the placement pipeline (issue 14). Type-only imports, as in
// api.ts; only ids go in paths.
export type {
  JobOrder,
  JobOrderSummary,
  JobCandidates,
  ClientJobMatches,
  ClientProgramMatches,
  Placement,
  PlacementSummary,
  PlacementStep,
};
export type { Employer, EmployerDuplicate, EmployerSummary, Engagement, NewEmployer, NewEngagement };
export type { FactorResult } from '../domain/matching/match.ts';
export type { PlacementStatus, PlacementReason } from '../domain/placements/placement.ts';

const enc = encodeURIComponent;

export function listJobOrders(
  query: Partial<
    Pick<JobOrderListQuery, 'q' | 'status' | 'nocCode' | 'minDecentWork' | 'employerId' | 'page' | 'perPage'>
  >,
  signal?: AbortSignal,
): Promise<ListEnvelope<JobOrderSummary>> {
  return getJson(`/api/jobs${queryString(query)}`, signal);
}
export function getJobOrder(id: string, signal?: AbortSignal): Promise<JobOrder> {
  return getJson(`/api/jobs/${enc(id)}`, signal);
}
export function getJobCandidates(id: string, signal?: AbortSignal): Promise<JobCandidates> {
  return getJson(`/api/jobs/${enc(id)}/candidates`, signal);
}
export function getClientProgramMatches(clientId: string, signal?: AbortSignal): Promise<ClientProgramMatches> {
  return getJson(`/api/clients/${enc(clientId)}/program-matches`, signal);
}

export function getClientJobMatches(clientId: string, signal?: AbortSignal): Promise<ClientJobMatches> {
  return getJson(`/api/clients/${enc(clientId)}/job-matches`, signal);
}

export function listPlacements(
  query: Partial<Pick<PlacementListQuery, 'status' | 'jobOrderId' | 'page' | 'perPage'>>,
  signal?: AbortSignal,
): Promise<ListEnvelope<PlacementSummary>> {
  return getJson(`/api/placements${queryString(query)}`, signal);
}
export function listClientPlacements(clientId: string, signal?: AbortSignal): Promise<ListEnvelope<PlacementSummary>> {
  return getJson(`/api/clients/${enc(clientId)}/placements`, signal);
}
export function getPlacement(id: string, signal?: AbortSignal): Promise<Placement> {
  return getJson(`/api/placements/${enc(id)}`, signal);
}
export function proposePlacement(clientId: string, body: NewPlacement, csrfToken: string): Promise<Placement> {
  return sendJson('POST', `/api/clients/${enc(clientId)}/placements`, body, csrfToken);
}
export function stepPlacement(id: string, body: PlacementStep, csrfToken: string): Promise<Placement> {
  return sendJson('POST', `/api/placements/${enc(id)}/steps`, body, csrfToken);
}
export function evaluatePlacement(id: string, body: EvaluationInput, csrfToken: string): Promise<Placement> {
  return sendJson('POST', `/api/placements/${enc(id)}/evaluations`, body, csrfToken);
}

export function listEmployers(
  query: Partial<Pick<EmployerListQuery, 'q' | 'page' | 'perPage'>> & { noLead?: 'true' },
  signal?: AbortSignal,
): Promise<ListEnvelope<EmployerSummary>> {
  return getJson(`/api/employers${queryString(query)}`, signal);
}
export function getEmployer(id: string, signal?: AbortSignal): Promise<Employer> {
  return getJson(`/api/employers/${enc(id)}`, signal);
}
export function updateEmployer(id: string, body: Partial<EmployerPatch>, csrfToken: string): Promise<Employer> {
  return sendJson('PATCH', `/api/employers/${enc(id)}`, body, csrfToken);
}
export function listEngagements(id: string, signal?: AbortSignal): Promise<ListEnvelope<Engagement>> {
  return getJson(`/api/employers/${enc(id)}/engagements${queryString({ perPage: 100 })}`, signal);
}
export function addEngagement(id: string, body: NewEngagement, csrfToken: string): Promise<Engagement> {
  return sendJson('POST', `/api/employers/${enc(id)}/engagements`, body, csrfToken);
}
export function createJobOrder(body: NewJobOrder, csrfToken: string): Promise<JobOrder> {
  return sendJson('POST', '/api/jobs', body, csrfToken);
}
export function updateJobOrder(id: string, body: JobOrderPatch, csrfToken: string): Promise<JobOrder> {
  return sendJson('PATCH', `/api/jobs/${enc(id)}`, body, csrfToken);
}
export function createEmployer(body: Partial<NewEmployer> & { name: string }, csrfToken: string): Promise<Employer> {
  return sendJson('POST', '/api/employers', body, csrfToken);
}
export function findEmployerDuplicates(
  query: DuplicateQuery,
  signal?: AbortSignal,
): Promise<{ items: EmployerDuplicate[] }> {
  return getJson(`/api/employers/duplicates${queryString(query)}`, signal);
}

export function getEmployerReport(signal?: AbortSignal): Promise<EmployerReport> {
  return getJson('/api/reports/employers', signal);
}
