import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';

export const taskKinds = [
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
] as const;
// Opened by the system for an act (a review to answer, a transfer to accept or release), and closed by
// that act: never made or marked done by hand.
export const systemTaskKinds = [
  'review_request',
  'transfer_accept',
  'transfer_release',
  'referral_respond',
  'referral_start',
  'listing_confirm',
  'placement_review',
  'employer_lead',
] as const;
export function isSystemTaskKind(kind: string): boolean {
  return (systemTaskKinds as readonly string[]).includes(kind);
}
export const taskPhases = ['before_employment', 'after_employment', 'any'] as const;
export const recurrences = ['none', 'weekly', 'every_2_weeks', 'monthly', 'every_3_months'] as const;
export type Recurrence = (typeof recurrences)[number];
export const taskStatuses = ['open', 'done', 'cancelled'] as const;

export const newTaskSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'must not be empty').max(200),
    kind: z.enum(taskKinds).default('follow_up'),
    phase: z.enum(taskPhases).default('any'),
    dueOn: isoDateSchema,
    recurrence: z.enum(recurrences).default('none'),
    recurUntil: isoDateSchema.optional(),
    // Absent: the caller. Else someone of the caller's organization or of the client's case team.
    assignedTo: z.uuid().optional(),
  })
  .refine((t) => !isSystemTaskKind(t.kind), {
    message: 'opened by the system for a review, a transfer or a referral, never by hand',
    path: ['kind'],
  })
  .refine((t) => !t.recurUntil || t.recurrence !== 'none', {
    message: 'recurUntil goes with a recurrence',
    path: ['recurUntil'],
  })
  .refine((t) => !t.recurUntil || t.recurUntil >= t.dueOn, {
    message: 'recurUntil must not be before dueOn',
    path: ['recurUntil'],
  });
export type NewTask = z.infer<typeof newTaskSchema>;

export const completeTaskSchema = z.strictObject({ outcome: z.enum(['done', 'cancelled']).default('done') });

export const taskSchema = z.object({
  id: z.uuid(),
  // A task is about a client, or (a listing to confirm) about a program.
  clientId: z.uuid().nullable(),
  serviceId: z.uuid().nullable(),
  // Or an employer (an account the agency now leads).
  employerId: z.uuid().nullable().optional(),
  organizationId: z.uuid(),
  createdBy: z.uuid().nullable(),
  assignedTo: z.uuid(),
  assigneeName: z.string(),
  kind: z.enum(taskKinds),
  phase: z.enum(taskPhases),
  title: z.string(),
  dueOn: z.string(),
  recurrence: z.enum(recurrences),
  recurUntil: z.string().nullable(),
  status: z.enum(taskStatuses),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  previousTaskId: z.uuid().nullable(),
  // On the caller's own task list: the client's name, where the caller may see it.
  clientName: z.string().nullable().optional(),
  serviceName: z.string().nullable().optional(),
  employerName: z.string().nullable().optional(),
});
export type Task = z.infer<typeof taskSchema>;

export const clientTasksQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(100),
});
export type ClientTasksQuery = z.infer<typeof clientTasksQuerySchema>;

export const myTasksQuerySchema = z.strictObject({
  // mine: assigned to the caller; agency: every open task of the caller's organization (managers).
  scope: z.enum(['mine', 'agency']).default('mine'),
  status: z.enum(taskStatuses).default('open'),
  overdue: z.enum(['true', 'false']).optional(),
  // overdue: due before today; today: due today (the city's date). overdue=true is the older spelling.
  due: z.enum(['overdue', 'today']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(50),
});
export type MyTasksQuery = z.infer<typeof myTasksQuerySchema>;

// The next occurrence of a recurring task.
export function nextDue(
  dueOn: string,
  recurrence: Recurrence,
  addMonths: (d: string, n: number) => string,
): string | undefined {
  const addDays = (d: string, n: number) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  switch (recurrence) {
    case 'none':
      return undefined;
    case 'weekly':
      return addDays(dueOn, 7);
    case 'every_2_weeks':
      return addDays(dueOn, 14);
    case 'monthly':
      return addMonths(dueOn, 1);
    case 'every_3_months':
      return addMonths(dueOn, 3);
    default: {
      const unknown: never = recurrence;
      return unknown;
    }
  }
}
