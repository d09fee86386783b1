import { z } from 'zod';
import { assessmentSchema } from '../assessment/assessment.ts';
import { memberSchema, removalReasons, teamRoles } from '../case-team/case-team.ts';
import { noteKinds, noteSchema } from '../notes/note.ts';
import { taskSchema, taskStatuses } from '../tasks/task.ts';
import { clientSchema, closedReasons } from '../clients/client.ts';
import { consentPurposes } from '../consent/consent.ts';
import { referralReasons, referralSchema, referralStatuses } from '../referrals/referral.ts';
import { placementReasons, placementStatuses } from '../placements/placement-vocabulary.ts';
import { clientCanSchema } from '../../access/can.ts';
import { consentCategories } from '../../access/roles.ts';

export const timelineKinds = [
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
] as const;

export const statusChangeKinds = ['opened', 'closed', 'on_hold', 'reopened', 'resumed', 'transferred'] as const;
const streams = z.enum(['A', 'B', 'C']);

// An event's particulars: each kind fills its own fields (file_status: statusChange and closedReason;
// assessment: assessmentKind, stream, previousStream, reason; note: noteKind and body; consent_*:
// namedOrganization, categories, purpose, expiresOn; team_*: personName, teamRole or removalReason;
// task_closed: taskStatus and taskTitle).
export const timelineDetailSchema = z.object({
  statusChange: z.enum(statusChangeKinds).optional(),
  closedReason: z.enum(closedReasons).nullable().optional(),
  assessmentKind: z.enum(['initial', 'reassessment', 'override']).optional(),
  stream: streams.optional(),
  previousStream: streams.nullable().optional(),
  reason: z.string().nullable().optional(),
  noteKind: z.enum(noteKinds).optional(),
  body: z.string().optional(),
  namedOrganization: z.string().optional(),
  categories: z.array(z.enum(consentCategories)).optional(),
  purpose: z.enum(consentPurposes).optional(),
  expiresOn: z.string().optional(),
  personName: z.string().optional(),
  teamRole: z.enum(teamRoles).optional(),
  removalReason: z.enum(removalReasons).nullable().optional(),
  taskStatus: z.enum(taskStatuses).optional(),
  taskTitle: z.string().optional(),
  // referral: the step (a status, or an issue raised or resolved), its reason, the program and agency.
  referralId: z.uuid().optional(),
  referralStep: z.enum([...referralStatuses, 'issue_raised', 'issue_resolved']).optional(),
  referralReason: z.enum(referralReasons).nullable().optional(),
  programName: z.string().nullable().optional(),
  // placement: the step, its coded reason, the job order and its employer (namedOrganization).
  placementId: z.uuid().optional(),
  placementStep: z.enum(placementStatuses).optional(),
  placementReason: z.enum(placementReasons).nullable().optional(),
  jobTitle: z.string().optional(),
});
export type TimelineDetail = z.infer<typeof timelineDetailSchema>;

// One event of the client's timeline, from whichever agency of the team it came.
export const timelineEventSchema = z.object({
  at: z.string(),
  kind: z.enum(timelineKinds),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  subjectId: z.uuid(),
  // Short, for staff, in English: the note's kind and text, the stream change, the consent's organization…
  // (for API readers; the web words `detail` in the reader's language instead).
  summary: z.string(),
  // What happened, as values (codes the reader's language words, and people's own words), by kind.
  detail: timelineDetailSchema,
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelineQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

// The one-page summary a new worker opens after a handover, so the client never starts over.
export const clientSummarySchema = z.object({
  client: clientSchema,
  // The same as client.can: what the caller may do with the file (access/can.ts).
  can: clientCanSchema,
  currentAssessment: assessmentSchema.nullable(),
  lastContacts: z.array(noteSchema),
  openTasks: z.array(taskSchema),
  team: z.array(memberSchema),
  // Referrals not yet closed, as the file's referrals list shows them to the reader.
  openReferrals: z.array(referralSchema),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;
