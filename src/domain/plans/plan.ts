import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';

// The continuum is not linear: steps carry a phase, may run in parallel and in any order.
export const planPhases = [
  'life_stabilization',
  'pre_employment',
  'training',
  'job_search',
  'placement',
  'retention',
  'advancement',
] as const;
export const stepStatuses = ['planned', 'in_progress', 'done', 'stopped'] as const;
export const goalStatuses = ['open', 'achieved', 'dropped'] as const;
// The kinds of record a worker may link a step to; programs and jobs join as they arrive.
export const linkKinds = ['assessment', 'task', 'case_note'] as const;
export type LinkKind = (typeof linkKinds)[number];
// A referral makes its own step and keeps it moving (the referrals module): never linked by hand.
export const stepLinkKinds = [...linkKinds, 'referral'] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const link = z.strictObject({ kind: z.enum(linkKinds), id: z.uuid() });

export const newGoalSchema = z.strictObject({ description: text(500), targetDate: isoDateSchema.optional() });
export const goalPatchSchema = z
  .strictObject({
    description: text(500).optional(),
    targetDate: isoDateSchema.nullable().optional(),
    status: z.enum(goalStatuses).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'change at least one field');

export const newStepSchema = z
  .strictObject({
    phase: z.enum(planPhases),
    title: text(200),
    goalId: z.uuid().optional(),
    startsOn: isoDateSchema.optional(),
    dueOn: isoDateSchema.optional(),
    link: link.optional(),
  })
  .refine((s) => !s.startsOn || !s.dueOn || s.dueOn >= s.startsOn, {
    message: 'dueOn must not be before startsOn',
    path: ['dueOn'],
  });
export type NewStep = z.infer<typeof newStepSchema>;

export const stepPatchSchema = z
  .strictObject({
    status: z.enum(stepStatuses).optional(),
    title: text(200).optional(),
    phase: z.enum(planPhases).optional(),
    startsOn: isoDateSchema.nullable().optional(),
    dueOn: isoDateSchema.nullable().optional(),
    link: link.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'change at least one field');
export type StepPatch = z.infer<typeof stepPatchSchema>;

export const acknowledgementSchema = z.strictObject({
  agrees: z.boolean(),
  // Staff record how the client told them; the client from their own account is `client_account`.
  method: z.enum(['in_person', 'phone', 'written', 'client_account']),
  comment: text(1000).optional(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const goalSchema = z.object({
  id: z.uuid(),
  description: z.string(),
  targetDate: z.string().nullable(),
  status: z.enum(goalStatuses),
  organizationId: z.uuid(),
  createdAt: z.string(),
});
export const stepSchema = z.object({
  id: z.uuid(),
  goalId: z.uuid().nullable(),
  organizationId: z.uuid(),
  phase: z.enum(planPhases),
  title: z.string(),
  status: z.enum(stepStatuses),
  startsOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  link: z.object({ kind: z.enum(stepLinkKinds), id: z.uuid() }).nullable(),
  createdAt: z.string(),
});
export type Step = z.infer<typeof stepSchema>;
export const planSchema = z.object({
  clientId: z.uuid(),
  goals: z.array(goalSchema),
  steps: z.array(stepSchema),
  acknowledgement: z
    .object({ agrees: z.boolean(), method: z.string(), comment: z.string().nullable(), createdAt: z.string() })
    .nullable(),
});
export type Plan = z.infer<typeof planSchema>;

export const planParams = z.strictObject({ id: z.string().max(100), itemId: z.string().max(100) });
