import { getJson, queryString, send, sendJson } from './api.ts';
import type { ListEnvelope } from '../lib/list.ts';
import type { ClientPatch, ClientView, DuplicateMatch, Equity, StatusChange } from '../domain/clients/client.ts';
import type { Candidate, Member, NewMember } from '../domain/case-team/case-team.ts';
import type { NewNote, Note, NoteCorrection } from '../domain/notes/note.ts';
import type { NewTask, Task } from '../domain/tasks/task.ts';
import type {
  AgencyFile,
  AgencyFilesQuery,
  CaseloadItem,
  CaseloadQuery,
  Reassign,
  TeamWork,
  WorkerLoad,
} from '../domain/caseload/caseload.ts';
import type { Notification, UnreadGroup } from '../domain/notifications/notification.ts';
import type { NewStep, Plan, Step, StepPatch } from '../domain/plans/plan.ts';
import type { ClientSummary, TimelineEvent } from '../domain/client-views/client-view.ts';
import type { Attachment, NewAttachment } from '../domain/clients/client-attachment.ts';
import type {
  AgencyTransfer,
  NewTransfer,
  OverdueReport,
  OverdueTransfer,
  Transfer,
} from '../domain/transfers/transfer.ts';
import type { AccessRequest } from '../domain/clients/client-access-request.ts';
import type { Review } from '../domain/assessment/assessment-review.ts';
import type { AssessmentReport } from '../domain/reporting/assessment-report.ts';
import type { User } from '../domain/accounts/account.ts';
import type { AccessLog, AccessLogEntry } from '../domain/audit/audit.ts';

// Case management: the parts of a client's file beyond the record, the worker's lists and the
// client's own account. Type-only imports, as in api.ts. Only ids go in paths; a search's words go
// in a POST body (the caseload).
export type {
  AccessLogEntry,
  ClientSummary,
  TimelineEvent,
  Member,
  NewMember,
  Note,
  NewNote,
  Task,
  CaseloadItem,
  AgencyFile,
  TeamWork,
  WorkerLoad,
  Notification,
  UnreadGroup,
  Plan,
  Step,
  Attachment,
  Transfer,
  AgencyTransfer,
  OverdueTransfer,
  AccessRequest,
  Review,
  AssessmentReport,
  ClientPatch,
  StatusChange,
};
export type TeamRole = Member['teamRole'];
export type RemovalReason = NonNullable<Member['removalReason']>;
export type NoteKind = Note['kind'];
export type NoteVisibility = Note['visibility'];
export type TaskKind = Task['kind'];
export type TaskPhase = Task['phase'];
export type Recurrence = Task['recurrence'];
export type NotificationKind = Notification['kind'];
export type Goal = Plan['goals'][number];
export type PlanPhase = Step['phase'];
export type StepStatus = Step['status'];
export type GoalStatus = Goal['status'];
export type TimelineKind = TimelineEvent['kind'];
export type AttachmentKind = Attachment['kind'];
export type AttachmentType = NewAttachment['contentType'];
export type TransferStatus = Transfer['status'];
export type ClosedReason = NonNullable<ClientView['closedReason']>;
export type ReviewOutcome = NonNullable<Review['outcome']>;
export type EquityDimension = AssessmentReport['streamsByGroup'][number]['dimension'];

const client = (id: string) => `/api/clients/${encodeURIComponent(id)}`;
const part = (id: string, ...rest: string[]) => [client(id), ...rest.map(encodeURIComponent)].join('/');

// Record changes
export function updateClient(
  id: string,
  patch: ClientPatch,
  csrfToken: string,
): Promise<ClientView & { reassessmentSuggested: boolean; possibleDuplicates: DuplicateMatch[] }> {
  return sendJson('PATCH', client(id), patch, csrfToken);
}
export function updateEquity(id: string, equity: Equity, csrfToken: string): Promise<ClientView> {
  return sendJson('PUT', part(id, 'equity'), equity, csrfToken);
}
export function changeStatus(id: string, change: StatusChange, csrfToken: string): Promise<ClientView> {
  return sendJson('POST', part(id, 'status'), change, csrfToken);
}
export function inviteClientAccount(id: string, email: string, csrfToken: string): Promise<User> {
  return sendJson('POST', part(id, 'account'), { email }, csrfToken);
}
export function getMyFile(signal?: AbortSignal): Promise<ClientView> {
  return getJson('/api/me/client', signal);
}

// Timeline and the handover summary
export async function getTimeline(id: string, signal?: AbortSignal): Promise<TimelineEvent[]> {
  const { items } = await getJson<{ items: TimelineEvent[] }>(`${part(id, 'timeline')}?limit=200`, signal);
  return items;
}
export function getClientSummary(id: string, signal?: AbortSignal): Promise<ClientSummary> {
  return getJson(part(id, 'summary'), signal);
}

// Case team
export function listTeam(id: string, signal?: AbortSignal): Promise<ListEnvelope<Member>> {
  return getJson(part(id, 'team'), signal);
}
// Who may join: the holding agency's staff, and staff of agencies the client's active consents name.
export function listTeamCandidates(id: string, signal?: AbortSignal): Promise<ListEnvelope<Candidate>> {
  return getJson(part(id, 'team', 'candidates'), signal);
}
export function addTeamMember(id: string, member: NewMember, csrfToken: string): Promise<Member> {
  return sendJson('POST', part(id, 'team'), member, csrfToken);
}
export function removeTeamMember(id: string, memberId: string, csrfToken: string): Promise<Member> {
  return sendJson('POST', part(id, 'team', memberId, 'remove'), undefined, csrfToken);
}

// Case notes
export function listNotes(id: string, page: number, signal?: AbortSignal): Promise<ListEnvelope<Note>> {
  return getJson(`${part(id, 'notes')}${queryString({ page, perPage: 20 })}`, signal);
}
export function createNote(id: string, note: NewNote, csrfToken: string): Promise<Note> {
  return sendJson('POST', part(id, 'notes'), note, csrfToken);
}
export function correctNote(id: string, noteId: string, correction: NoteCorrection, csrfToken: string): Promise<Note> {
  return sendJson('POST', part(id, 'notes', noteId, 'corrections'), correction, csrfToken);
}

// Tasks
export type NewTaskInput = Omit<NewTask, 'kind' | 'phase' | 'recurrence'> &
  Partial<Pick<NewTask, 'kind' | 'phase' | 'recurrence'>>;
export function listClientTasks(id: string, page: number, signal?: AbortSignal): Promise<ListEnvelope<Task>> {
  return getJson(`${part(id, 'tasks')}${queryString({ page })}`, signal);
}
export function createTask(id: string, task: NewTaskInput, csrfToken: string): Promise<Task> {
  return sendJson('POST', part(id, 'tasks'), task, csrfToken);
}
export function completeTask(
  taskId: string,
  outcome: 'done' | 'cancelled',
  csrfToken: string,
): Promise<{ task: Task; next: Task | null }> {
  return sendJson('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { outcome }, csrfToken);
}
export type TaskFilter = {
  scope: 'mine' | 'agency';
  status: 'open' | 'done' | 'cancelled';
  overdue?: boolean;
  // Due before today, or today (the city's date).
  due?: 'overdue' | 'today';
  page?: number;
  perPage?: number;
};
export function listMyTasks(filter: TaskFilter, signal?: AbortSignal): Promise<ListEnvelope<Task>> {
  return getJson(
    `/api/tasks${queryString({ scope: filter.scope, status: filter.status, overdue: filter.overdue ? 'true' : undefined, due: filter.due, page: filter.page, perPage: filter.perPage ?? 50 })}`,
    signal,
  );
}

// Who opened the file, in plain terms (the client, the holding agency's manager).
export function getAccessLog(id: string, page: number, perPage: number, signal?: AbortSignal): Promise<AccessLog> {
  return getJson(`${part(id, 'access-log')}${queryString({ page, perPage })}`, signal);
}

// Caseload and handover
export function searchCaseload(query: Partial<CaseloadQuery>, csrfToken: string): Promise<ListEnvelope<CaseloadItem>> {
  return sendJson('POST', '/api/caseload', query, csrfToken);
}
export function searchAgencyFiles(
  query: Partial<AgencyFilesQuery>,
  csrfToken: string,
): Promise<ListEnvelope<AgencyFile>> {
  return sendJson('POST', '/api/caseload/agency', query, csrfToken);
}
export function getTeamWork(quietDays: number, signal?: AbortSignal): Promise<TeamWork> {
  return getJson(`/api/caseload/team${queryString({ quietDays })}`, signal);
}
export function reassignCaseload(
  input: Reassign,
  csrfToken: string,
): Promise<{ clientsMoved: number; tasksMoved: number; clientIds: string[] }> {
  return sendJson('POST', '/api/caseload/reassign', input, csrfToken);
}

// Notifications
export type NotificationList = ListEnvelope<Notification> & { unread: number; unreadByKind: UnreadGroup[] };
export function listNotifications(unreadOnly: boolean, signal?: AbortSignal): Promise<NotificationList> {
  return getJson(`/api/notifications${queryString({ unread: unreadOnly ? 'true' : undefined, perPage: 50 })}`, signal);
}
export function getDigest(signal?: AbortSignal): Promise<{ digest: 'off' | 'daily' }> {
  return getJson('/api/notifications/digest', signal);
}
export function setDigest(digest: 'off' | 'daily', csrfToken: string): Promise<{ digest: 'off' | 'daily' }> {
  return sendJson('PUT', '/api/notifications/digest', { digest }, csrfToken);
}
export function unreadNotificationCount(signal?: AbortSignal): Promise<{ unread: number }> {
  return getJson('/api/notifications/unread-count', signal);
}
export async function markNotificationRead(notificationId: string, csrfToken: string): Promise<void> {
  await send('POST', `/api/notifications/${encodeURIComponent(notificationId)}/read`, { csrfToken });
}
export function markAllNotificationsRead(csrfToken: string): Promise<{ marked: number }> {
  return sendJson('POST', '/api/notifications/read-all', undefined, csrfToken);
}

// Plan
export function getPlan(id: string, signal?: AbortSignal): Promise<Plan> {
  return getJson(part(id, 'plan'), signal);
}
export function addGoal(
  id: string,
  goal: { description: string; targetDate?: string },
  csrfToken: string,
): Promise<Plan> {
  return sendJson('POST', part(id, 'plan', 'goals'), goal, csrfToken);
}
export function changeGoal(
  id: string,
  goalId: string,
  patch: { status?: 'open' | 'achieved' | 'dropped'; description?: string; targetDate?: string | null },
  csrfToken: string,
): Promise<Plan> {
  return sendJson('PATCH', part(id, 'plan', 'goals', goalId), patch, csrfToken);
}
export function addStep(id: string, step: NewStep, csrfToken: string): Promise<Plan> {
  return sendJson('POST', part(id, 'plan', 'steps'), step, csrfToken);
}
export function changeStep(id: string, stepId: string, patch: StepPatch, csrfToken: string): Promise<Plan> {
  return sendJson('PATCH', part(id, 'plan', 'steps', stepId), patch, csrfToken);
}
export function acknowledgePlan(
  id: string,
  input: { agrees: boolean; method: 'in_person' | 'phone' | 'written' | 'client_account'; comment?: string },
  csrfToken: string,
): Promise<Plan> {
  return sendJson('POST', part(id, 'plan', 'acknowledgements'), input, csrfToken);
}

// Attachments
export function listAttachments(id: string, signal?: AbortSignal): Promise<ListEnvelope<Attachment>> {
  return getJson(part(id, 'attachments'), signal);
}
export function addAttachment(id: string, attachment: NewAttachment, csrfToken: string): Promise<Attachment> {
  return sendJson('POST', part(id, 'attachments'), attachment, csrfToken);
}
export function attachmentHref(id: string, attachmentId: string): string {
  return part(id, 'attachments', attachmentId, 'content');
}

// Transfers
export function listTransfers(id: string, signal?: AbortSignal): Promise<ListEnvelope<Transfer>> {
  return getJson(part(id, 'transfers'), signal);
}
export function requestTransfer(
  id: string,
  input: Pick<NewTransfer, 'toOrganizationId'> & Partial<Pick<NewTransfer, 'reason' | 'requestedBy' | 'consent'>>,
  csrfToken: string,
): Promise<Transfer> {
  return sendJson('POST', part(id, 'transfers'), input, csrfToken);
}
export function listAgencyTransfers(
  direction: 'incoming' | 'outgoing',
  status: 'open' | 'all',
  signal?: AbortSignal,
): Promise<ListEnvelope<AgencyTransfer>> {
  return getJson(`/api/transfers?direction=${direction}&status=${status}`, signal);
}
export function acceptTransfer(transferId: string, csrfToken: string): Promise<Transfer> {
  return sendJson('POST', `/api/transfers/${encodeURIComponent(transferId)}/accept`, undefined, csrfToken);
}
export function releaseTransfer(transferId: string, csrfToken: string): Promise<Transfer> {
  return sendJson('POST', `/api/transfers/${encodeURIComponent(transferId)}/release`, undefined, csrfToken);
}
export function listOverdueTransfers(signal?: AbortSignal): Promise<OverdueReport> {
  return getJson('/api/transfers/overdue', signal);
}

// Access requests
export function requestAccess(matchToken: string, reason: string, csrfToken: string): Promise<AccessRequest> {
  return sendJson('POST', '/api/access-requests', { matchToken, reason }, csrfToken);
}
export function listAccessRequests(
  direction: 'incoming' | 'outgoing',
  signal?: AbortSignal,
  status?: AccessRequest['status'],
): Promise<ListEnvelope<AccessRequest>> {
  return getJson(`/api/access-requests${queryString({ direction, status })}`, signal);
}
export function answerAccessRequest(
  requestId: string,
  answer: { decision: 'granted'; consentId: string } | { decision: 'declined' },
  csrfToken: string,
): Promise<AccessRequest> {
  return sendJson('POST', `/api/access-requests/${encodeURIComponent(requestId)}/answer`, answer, csrfToken);
}

// Reviews of an assessment
export function listReviews(id: string, signal?: AbortSignal): Promise<ListEnvelope<Review>> {
  return getJson(part(id, 'reviews'), signal);
}
export function requestReview(id: string, assessmentId: string, reason: string, csrfToken: string): Promise<Review> {
  return sendJson('POST', part(id, 'assessments', assessmentId, 'reviews'), { reason }, csrfToken);
}
export function answerReview(
  id: string,
  reviewId: string,
  input: { answer: string; outcome: 'upheld' | 'changed' },
  csrfToken: string,
): Promise<Review> {
  return sendJson('POST', part(id, 'reviews', reviewId, 'answer'), input, csrfToken);
}

// Report
export function getAssessmentReport(signal?: AbortSignal): Promise<AssessmentReport> {
  return getJson('/api/reports/assessments', signal);
}
