import type {
  AttachmentKind,
  AttachmentType,
  ClosedReason,
  EquityDimension,
  GoalStatus,
  NoteKind,
  NoteVisibility,
  NotificationKind,
  PlanPhase,
  Recurrence,
  RemovalReason,
  ReviewOutcome,
  StepStatus,
  TaskKind,
  TaskPhase,
  TeamRole,
  TimelineKind,
  TransferStatus,
} from '../../api-case.ts';
import type { Task } from '../../api-case.ts';
import type { Language, MessageKey } from '../../i18n/i18n.tsx';
import { intlLocale } from '../../i18n/translate.ts';
import { CITY_TIME_ZONE, every } from './client-text.ts';

// The choices of case management (team, notes, tasks, plan, transfers, reviews), in display order,
// checked against the server's types like client-text.ts. Each label key is typed as a MessageKey,
// so a missing catalogue entry fails to compile.
export const teamRoles = every<TeamRole>()([
  'primary_worker',
  'employment_counsellor',
  'caseworker',
  'job_developer',
  'trainer',
  'other',
]);
export const removalReasons = every<RemovalReason>()([
  'left_team',
  'removed',
  'handover',
  'consent_revoked',
  'transferred',
]);
export const noteKinds = every<NoteKind>()([
  'contact',
  'assessment',
  'plan',
  'referral',
  'employer',
  'retention',
  'life_stabilization',
  'transfer',
  'other',
]);
// Narrowest first: each level includes the ones before it (docs/permissions.md 3.8).
export const noteVisibilities = every<NoteVisibility>()(['agency', 'case_team', 'client']);
export const taskKinds = every<TaskKind>()([
  'follow_up',
  'check_in',
  'review_request',
  'transfer_accept',
  'transfer_release',
  'referral_respond',
  'referral_start',
  'listing_confirm',
  'placement_review',
  'employer_lead',
  'other',
]);
// Reviews', transfers' and referrals' tasks are opened by the server, never by hand.
const serverTaskKinds: readonly TaskKind[] = [
  'review_request',
  'transfer_accept',
  'transfer_release',
  'referral_respond',
  'referral_start',
  'listing_confirm',
  'placement_review',
  'employer_lead',
];
export const manualTaskKinds = taskKinds.filter((k) => !serverTaskKinds.includes(k));
export const taskPhases = every<TaskPhase>()(['before_employment', 'after_employment', 'any']);
export const recurrences = every<Recurrence>()(['none', 'weekly', 'every_2_weeks', 'monthly', 'every_3_months']);
export const taskStatuses = every<Task['status']>()(['open', 'done', 'cancelled']);
export const notificationKinds = every<NotificationKind>()([
  'task_assigned',
  'task_overdue',
  'note_added',
  'assessment_changed',
  'team_added',
  'caseload_received',
  'consent_revoked',
  'access_requested',
  'access_answered',
  'transfer_requested',
  'transfer_accepted',
  'transfer_released',
  'transfer_release_overdue',
  'referral_received',
  'referral_updated',
  'referral_overdue',
  'listing_confirm',
  'placement_shared',
  'placement_updated',
  'employer_lead_assigned',
  'hiring_event_joined',
  'hiring_event_cancelled',
]);
export const planPhases = every<PlanPhase>()([
  'life_stabilization',
  'pre_employment',
  'training',
  'job_search',
  'placement',
  'retention',
  'advancement',
]);
export const stepStatuses = every<StepStatus>()(['planned', 'in_progress', 'done', 'stopped']);
export const goalStatuses = every<GoalStatus>()(['open', 'achieved', 'dropped']);
export const timelineKinds = every<TimelineKind>()([
  'file_opened',
  'file_status',
  'assessment',
  'note',
  'consent_granted',
  'consent_revoked',
  'team_joined',
  'team_left',
  'task_created',
  'task_closed',
  'referral',
  'placement',
]);
export const attachmentKinds = every<AttachmentKind>()(['resume', 'signed_consent', 'other']);
export const attachmentTypes = every<AttachmentType>()([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const transferStatuses = every<TransferStatus>()(['requested', 'accepted', 'released', 'cancelled']);
export const closedReasons = every<ClosedReason>()([
  'employed',
  'moved_away',
  'transferred',
  'declined_services',
  'no_contact',
  'deceased',
  'other',
]);
export const reviewOutcomes = every<ReviewOutcome>()(['upheld', 'changed']);
export const accessStatuses = ['open', 'granted', 'declined'] as const;
export const equityDimensions = every<EquityDimension>()([
  'indigenousIdentity',
  'racializedGroup',
  'gender',
  'disability',
  'newcomer',
  'francophone',
  'lgbtq2s',
]);

export const caseKey = {
  teamRole: (v: TeamRole): MessageKey => `teamRole.${v}`,
  removal: (v: RemovalReason): MessageKey => `teamRemoval.${v}`,
  noteKind: (v: NoteKind): MessageKey => `noteKind.${v}`,
  visibility: (v: NoteVisibility): MessageKey => `noteVisibility.${v}`,
  visibilityHint: (v: NoteVisibility): MessageKey => `noteVisibilityHint.${v}`,
  taskKind: (v: TaskKind): MessageKey => `taskKind.${v}`,
  taskPhase: (v: TaskPhase): MessageKey => `taskPhase.${v}`,
  recurrence: (v: Recurrence): MessageKey => `recurrence.${v}`,
  taskStatus: (v: Task['status']): MessageKey => `taskStatus.${v}`,
  notification: (v: NotificationKind): MessageKey => `notificationKind.${v}`,
  phase: (v: PlanPhase): MessageKey => `planPhase.${v}`,
  stepStatus: (v: StepStatus): MessageKey => `stepStatus.${v}`,
  goalStatus: (v: GoalStatus): MessageKey => `goalStatus.${v}`,
  timeline: (v: TimelineKind): MessageKey => `timelineKind.${v}`,
  attachmentKind: (v: AttachmentKind): MessageKey => `attachmentKind.${v}`,
  transferStatus: (v: TransferStatus): MessageKey => `transferStatus.${v}`,
  closedReason: (v: ClosedReason): MessageKey => `closedReason.${v}`,
  reviewOutcome: (v: ReviewOutcome): MessageKey => `reviewOutcome.${v}`,
  accessStatus: (v: (typeof accessStatuses)[number]): MessageKey => `accessStatus.${v}`,
  dimension: (v: EquityDimension): MessageKey => `equityDimension.${v}`,
};

// A moment (an ISO timestamp) as a date and time in the city, in the page's language.
// `withZone`: the zone named too ("EST"), where a time is evidence read later or elsewhere (the audit log).
// A local time in Toronto as an instant: the offset is Toronto's on that day (EST or EDT).
export function torontoInstant(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const zoned = new Intl.DateTimeFormat('en-CA', {
    timeZone: CITY_TIME_ZONE,
    timeZoneName: 'longOffset',
  })
    .formatToParts(guess)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = zoned?.replace('GMT', '') || '-05:00';
  return `${date}T${time}:00${offset}`;
}

export function formatDateTime(at: string, language: Language, withZone = false): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(
    intlLocale[language],
    withZone
      ? {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZoneName: 'short',
          timeZone: CITY_TIME_ZONE,
        }
      : { dateStyle: 'long', timeStyle: 'short', timeZone: CITY_TIME_ZONE },
  ).format(date);
}

// A rate from 0 to 1 as a percentage with one decimal at most ("12,5 %" in French).
export function formatRate(rate: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale[language], { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

// A file size in kB or MB, rounded for reading.
export function formatSize(bytes: number, language: Language): string {
  const format = (value: number, unit: 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(intlLocale[language], {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(value);
  return bytes >= 1024 * 1024
    ? format(bytes / (1024 * 1024), 'megabyte')
    : format(Math.max(0.1, bytes / 1024), 'kilobyte');
}

// The type a file of this name is sent as, when the browser does not say (a .docx often comes without).
export function attachmentTypeOf(file: { name: string; type: string }): AttachmentType | undefined {
  const declared = attachmentTypes.find((t) => t === file.type);
  if (declared) return declared;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  const byExtension: Record<string, AttachmentType> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    txt: 'text/plain',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
  return extension ? byExtension[extension] : undefined;
}

// Bytes to base64 in slices, so a 5 MB file does not overflow the call stack.
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// Whether a visibility is no wider than another (a correction may only narrow it).
export function narrowerOrSame(candidate: NoteVisibility, than: NoteVisibility): boolean {
  return noteVisibilities.indexOf(candidate) <= noteVisibilities.indexOf(than);
}
