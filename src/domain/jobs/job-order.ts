import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { accommodationKinds } from '../assessment/assessment-input.ts';
import { escoSkillUriSchema } from '../occupations/esco.ts';
import { nocCodeSchema } from '../occupations/noc.ts';
import { postalCodeSchema } from '../organizations/organization.ts';
import { decentWorkResultSchema } from './decent-work.ts';
import {
  jobBenefits,
  jobIncentives,
  jobOrderStatuses,
  jobPermanence,
  jobSchedules,
  wilTypes,
  workplaceModes,
} from './job-vocabulary.ts';

// A job order (issue 14, point 2; docs/jobs.md): posted by an employer's own staff or by a job developer
// on the employer's behalf, read by every agency with its decent-work score. No personal information.

const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((list) => [...new Set(list)]);
// Dollars an hour, to the cent.
const dollars = z
  .number()
  .positive()
  .max(1000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'must be in dollars and cents');
export { escoSkillUriSchema };

const jobOrderFields = {
  title: text(200, 2),
  nocCode: nocCodeSchema,
  description: text(5000, 20),
  skills: uniqueList(escoSkillUriSchema, 30).optional(),
  credentialsRequired: uniqueList(text(100), 10).optional(),
  hoursPerWeek: z.number().int().min(0).max(80),
  schedule: z.enum(jobSchedules),
  hourlyWage: dollars,
  hourlyWageMax: dollars.nullable().optional(),
  benefits: uniqueList(z.enum(jobBenefits), jobBenefits.length).optional(),
  paidSickDays: z.number().int().min(0).max(30).optional(),
  permanence: z.enum(jobPermanence),
  durationMonths: z.number().int().min(1).max(60).nullable().optional(),
  advancementPath: z.boolean().optional(),
  trainingProvided: z.boolean().optional(),
  safetyTraining: z.boolean().optional(),
  workplace: z.enum(workplaceModes),
  siteId: z.uuid().nullable().optional(),
  postalCode: postalCodeSchema.nullable().optional(),
  accommodationsOffered: uniqueList(z.enum(accommodationKinds), accommodationKinds.length).optional(),
  openings: z.number().int().min(1).max(500),
  closingOn: isoDateSchema.nullable().optional(),
  wilType: z.enum(wilTypes).nullable().optional(),
  incentive: z.enum(jobIncentives).nullable().optional(),
  incentiveNote: text(500).nullable().optional(),
};

// What a new job order leaves out.
export const jobOrderDefaults = {
  skills: [],
  credentialsRequired: [],
  hourlyWageMax: null,
  benefits: [],
  paidSickDays: 0,
  durationMonths: null,
  advancementPath: false,
  trainingProvided: false,
  safetyTraining: false,
  siteId: null,
  postalCode: null,
  accommodationsOffered: [],
  closingOn: null,
  wilType: null,
  incentive: null,
  incentiveNote: null,
} satisfies Partial<z.output<z.ZodObject<typeof jobOrderFields>>>;

export type JobOrderFields = Required<z.output<z.ZodObject<typeof jobOrderFields>>>;

// Rules across fields, for a new job order and for one as a change would leave it.
export function jobOrderProblems(job: JobOrderFields): { field: string; message: string; code?: string }[] {
  const problems: { field: string; message: string; code?: string }[] = [];
  if (job.hourlyWageMax !== null && job.hourlyWageMax < job.hourlyWage)
    problems.push({ field: 'hourlyWageMax', message: 'must not be below hourlyWage' });
  if (job.workplace !== 'remote' && job.postalCode === null && job.siteId === null)
    problems.push({
      field: 'postalCode',
      message: 'give the postal code or the site where the work is done (only remote work has none)',
      code: 'workplace_needs_place',
    });
  if (job.hoursPerWeek === 0 && job.schedule !== 'on_call')
    problems.push({ field: 'hoursPerWeek', message: 'only on-call work guarantees no hours' });
  if (job.permanence === 'permanent' && job.durationMonths !== null)
    problems.push({ field: 'durationMonths', message: 'a permanent job has no set duration' });
  if (job.incentive === null && job.incentiveNote !== null)
    problems.push({ field: 'incentiveNote', message: 'name the incentive the note is about' });
  return problems;
}

export const newJobOrderSchema = z
  .strictObject({
    // An employer user posts for their own organization and may leave it out; a job developer names it.
    employerId: z.uuid().optional(),
    ...jobOrderFields,
  })
  .superRefine((job, ctx) => {
    for (const p of jobOrderProblems({ ...jobOrderDefaults, ...job }))
      ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });
export type NewJobOrder = z.infer<typeof newJobOrderSchema>;

// A change: the fields given replace the job order's (lists whole); the rules apply to the result.
export const jobOrderPatchSchema = z
  .strictObject(jobOrderFields)
  .partial()
  .extend({ status: z.enum(jobOrderStatuses).optional() })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), 'give at least one field to change');
export type JobOrderPatch = z.infer<typeof jobOrderPatchSchema>;

const organizationRef = z.object({ id: z.string(), name: z.string(), nameFr: z.string().nullable() });

export const jobOrderSchema = z.object({
  id: z.string(),
  status: z.enum(jobOrderStatuses),
  employer: organizationRef,
  postedBy: organizationRef,
  title: z.string(),
  nocCode: z.string(),
  nocTitle: z.string(),
  teer: z.number().int(),
  description: z.string(),
  skills: z.array(z.object({ uri: z.string(), label: z.string() })),
  credentialsRequired: z.array(z.string()),
  hoursPerWeek: z.number().int(),
  schedule: z.enum(jobSchedules),
  hourlyWage: z.number(),
  hourlyWageMax: z.number().nullable(),
  benefits: z.array(z.enum(jobBenefits)),
  paidSickDays: z.number().int(),
  permanence: z.enum(jobPermanence),
  durationMonths: z.number().int().nullable(),
  advancementPath: z.boolean(),
  trainingProvided: z.boolean(),
  safetyTraining: z.boolean(),
  workplace: z.enum(workplaceModes),
  siteId: z.string().nullable(),
  postalCode: z.string().nullable(),
  accommodationsOffered: z.array(z.enum(accommodationKinds)),
  openings: z.number().int(),
  closingOn: z.string().nullable(),
  wilType: z.enum(wilTypes).nullable(),
  incentive: z.enum(jobIncentives).nullable(),
  incentiveNote: z.string().nullable(),
  decentWork: decentWorkResultSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobOrder = z.infer<typeof jobOrderSchema>;

export const jobOrderSummarySchema = jobOrderSchema
  .pick({
    id: true,
    status: true,
    employer: true,
    title: true,
    nocCode: true,
    nocTitle: true,
    hoursPerWeek: true,
    schedule: true,
    hourlyWage: true,
    permanence: true,
    workplace: true,
    postalCode: true,
    openings: true,
    closingOn: true,
    wilType: true,
    createdAt: true,
  })
  .extend({
    decentWorkScore: z.number().int(),
    decentWorkBand: z.enum(['strong', 'fair', 'weak']),
  });
export type JobOrderSummary = z.infer<typeof jobOrderSummarySchema>;

export const jobOrderListQuerySchema = z.strictObject({
  q: text(100).optional(),
  employerId: z.uuid().optional(),
  status: z.enum([...jobOrderStatuses, 'any']).default('open'),
  nocCode: z
    .string()
    .regex(/^[0-9]{1,5}$/, 'must be a NOC code or its first digits')
    .optional(),
  minDecentWork: z.coerce.number().int().min(0).max(100).optional(),
  wilType: z.enum(wilTypes).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});
export type JobOrderListQuery = z.infer<typeof jobOrderListQuerySchema>;
