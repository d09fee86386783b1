import { getJson, queryString, sendJson } from './api.ts';
import type { ListEnvelope } from '../lib/list.ts';
import type {
  NewReferral,
  Referral,
  ReferralDetail,
  ReferralIssue,
  ReferralListQuery,
  ReferralRatingInput,
  ReferralStep,
  Specialist,
} from '../domain/referrals/referral.ts';

// Referrals between agencies: the inbox and outbox, one referral's page, its steps, and a client's
// referrals from their file. Type-only imports, as in api.ts; only ids go in paths.
export type { NewReferral, Referral, ReferralDetail, ReferralStep };
export type { ReferralReason, ReferralStatus } from '../domain/referrals/referral.ts';

export type { ReferralReport } from '../domain/reporting/referral-report.ts';
import type { ReferralReport } from '../domain/reporting/referral-report.ts';

export function getReferralReport(signal?: AbortSignal): Promise<ReferralReport> {
  return getJson('/api/reports/referrals', signal);
}

const path = (id: string) => `/api/referrals/${encodeURIComponent(id)}`;

export function listReferrals(
  query: Partial<Pick<ReferralListQuery, 'box' | 'status' | 'overdue' | 'page' | 'perPage'>>,
  signal?: AbortSignal,
): Promise<ListEnvelope<Referral>> {
  return getJson(`/api/referrals${queryString(query)}`, signal);
}
export function getReferral(id: string, signal?: AbortSignal): Promise<ReferralDetail> {
  return getJson(path(id), signal);
}
// Staff of other agencies who take referrals, by words or by agency (a referral to a named specialist).
export function findSpecialists(
  query: { q?: string; organizationId?: string },
  signal?: AbortSignal,
): Promise<ListEnvelope<Specialist>> {
  return getJson(`/api/referrals/specialists${queryString({ ...query, perPage: 20 })}`, signal);
}
export function listClientReferrals(clientId: string, signal?: AbortSignal): Promise<ListEnvelope<Referral>> {
  return getJson(`/api/clients/${encodeURIComponent(clientId)}/referrals`, signal);
}
export function sendReferral(clientId: string, body: NewReferral, csrfToken: string): Promise<Referral> {
  return sendJson('POST', `/api/clients/${encodeURIComponent(clientId)}/referrals`, body, csrfToken);
}
export function stepReferral(id: string, body: ReferralStep, csrfToken: string): Promise<ReferralDetail> {
  return sendJson('POST', `${path(id)}/status`, body, csrfToken);
}
export function referralIssue(id: string, body: ReferralIssue, csrfToken: string): Promise<ReferralDetail> {
  return sendJson('POST', `${path(id)}/issues`, body, csrfToken);
}
export function rateReferral(id: string, body: ReferralRatingInput, csrfToken: string): Promise<ReferralDetail> {
  return sendJson('PUT', `${path(id)}/rating`, body, csrfToken);
}

export type { Candidate, CandidateReason, Candidates } from '../domain/referrals/recruitment.ts';
import type { Candidates } from '../domain/referrals/recruitment.ts';

// Recruitment for a program: the worker's own clients (or their agency's) who fit it, best fit first.
export function listCandidates(
  serviceId: string,
  query: { scope: 'mine' | 'agency'; page: number },
  signal?: AbortSignal,
): Promise<Candidates> {
  return getJson(`/api/services/${encodeURIComponent(serviceId)}/candidates${queryString(query)}`, signal);
}
