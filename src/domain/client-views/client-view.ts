import { z } from 'zod';
import { assessmentSchema } from '../assessment/assessment.ts';
import { memberSchema } from '../case-team/case-team.ts';
import { noteSchema } from '../notes/note.ts';
import { taskSchema } from '../tasks/task.ts';
import { clientSchema } from '../clients/client.ts';
import { clientCanSchema } from '../../access/can.ts';

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
] as const;

// One event of the client's timeline, from whichever agency of the team it came.
export const timelineEventSchema = z.object({
  at: z.string(),
  kind: z.enum(timelineKinds),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  subjectId: z.uuid(),
  // Short, for staff: the note's kind and text, the stream change, the consent's organization…
  summary: z.string(),
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
  // Filled by the referrals module when it arrives; until then nothing is open.
  openReferrals: z.array(z.never()),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;
