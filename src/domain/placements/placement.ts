import { z } from 'zod';
import { staffConsentMethods } from '../consent/consent.ts';
import { isoDateSchema } from '../../lib/dates.ts';

import {
  checkPlacementMove,
  closedPlacementStatuses,
  nextPlacementSteps,
  notHiredReasons,
  placementReasons,
  placementStatuses,
  withdrawnReasons,
  type PlacementActorSide,
  type PlacementReason,
  type PlacementStatus,
} from './placement-vocabulary.ts';

export {
  checkPlacementMove,
  closedPlacementStatuses,
  nextPlacementSteps,
  notHiredReasons,
  placementReasons,
  placementStatuses,
  withdrawnReasons,
};
export type { PlacementActorSide, PlacementReason, PlacementStatus };

// The placement pipeline (issue 14, point 5; docs/placements.md): a worker proposes a client for a job
// order, shares the proposal with the employer under the client's consent, and either side records the
// interview, the offer and the end (hired, with the job's start, hours and wage; or not hired, with a
// coded reason). Pure data and rules: the service writes them.

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const newPlacementSchema = z.strictObject({
  jobOrderId: z.uuid({ error: 'must be the id of a job order' }),
  // The worker's words for the employer, shared with the proposal (what the client chose to share).
  pitch: text(1000).optional(),
  // Proposed from an employer event, for a job order on offer there: the event counts it in its results.
  hiringEventId: z.uuid({ error: 'must be the id of an employer event' }).optional(),
});
export type NewPlacement = z.infer<typeof newPlacementSchema>;

// The consent recorded with the sharing, where none in force names the employer for a placement.
export const placementConsentSchema = z.strictObject({
  categories: z
    .array(z.enum(['identity_contact', 'employment']))
    .min(1, 'name at least one category')
    .max(2)
    .refine((c) => new Set(c).size === c.length, 'each category once'),
  method: z.enum(staffConsentMethods),
  evidence: text(500),
});

export const employmentInputSchema = z.strictObject({
  startDate: isoDateSchema,
  hoursPerWeek: z
    .number()
    .positive('must be more than 0')
    .max(80, 'must be at most 80 hours a week')
    .refine((h) => Number.isInteger(h * 2), 'in half hours'),
  // Dollars an hour; the job order's when absent.
  hourlyWage: z.number().positive().max(1000).optional(),
  jobTitle: text(200).optional(),
});
export type EmploymentInput = z.infer<typeof employmentInputSchema>;

const note = text(1000).optional();

export const placementStepSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('shared'), consent: placementConsentSchema.optional(), note }),
  z.strictObject({ status: z.literal('interview'), interviewAt: z.iso.datetime({ offset: true }).optional(), note }),
  z.strictObject({ status: z.literal('offer'), note }),
  z.strictObject({ status: z.literal('hired'), employment: employmentInputSchema, note }),
  z.strictObject({ status: z.literal('not_hired'), reason: z.enum(notHiredReasons), note }),
  z.strictObject({ status: z.literal('withdrawn'), reason: z.enum(withdrawnReasons), note }),
]);
export type PlacementStep = z.infer<typeof placementStepSchema>;

const rating = z.number().int().min(1, 'from 1 to 4').max(4, 'from 1 to 4');
export const evaluationSchema = z.strictObject({
  periodEnd: isoDateSchema,
  attendance: rating,
  punctuality: rating,
  jobSkills: rating,
  teamwork: rating,
  communication: rating,
  wouldHire: z.enum(['yes', 'maybe', 'no']),
  comments: text(2000).optional(),
});
export type EvaluationInput = z.infer<typeof evaluationSchema>;

const ref = z.object({ id: z.string(), name: z.string() });

export const placementSummarySchema = z.object({
  id: z.string(),
  status: z.enum(placementStatuses),
  reason: z.enum(placementReasons).nullable(),
  job: z.object({ id: z.string(), title: z.string(), nocCode: z.string(), employer: ref }),
  agency: ref,
  // The candidate as the reader may see them: the name only where the reader may (an employer: where
  // the client's consent names `identity_contact`).
  candidate: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  sharedAt: z.string().nullable(),
  interviewAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlacementSummary = z.infer<typeof placementSummarySchema>;

export const placementEventSchema = z.object({
  status: z.enum(placementStatuses),
  reason: z.enum(placementReasons).nullable(),
  note: z.string().nullable(),
  side: z.enum(['agency', 'employer', 'system']),
  organization: ref,
  at: z.string(),
});

export const employmentSchema = z.object({
  id: z.string(),
  jobTitle: z.string(),
  nocCode: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  hoursPerWeek: z.number(),
  hourlyWage: z.number(),
});
export type Employment = z.infer<typeof employmentSchema>;

export const evaluationOutSchema = evaluationSchema.extend({
  id: z.string(),
  comments: z.string().nullable(),
  createdAt: z.string(),
});

export const placementSchema = placementSummarySchema.extend({
  pitch: z.string().nullable(),
  // What the employer reads of the candidate, under the consent naming them (null: not shared).
  candidate: z.object({
    id: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    preferredLanguage: z.enum(['en', 'fr']).nullable(),
    employment: z
      .object({
        targetNocCodes: z.array(z.string()),
        hoursWanted: z.number().nullable(),
        workHistory: z.array(z.object({ nocCode: z.string(), startDate: z.string(), endDate: z.string().nullable() })),
      })
      .nullable(),
    // What the consent shares with the employer, and until when (null before sharing).
    sharedCategories: z.array(z.enum(['identity_contact', 'employment'])).nullable(),
    consentEndsOn: z.string().nullable(),
  }),
  wilType: z.string().nullable(),
  events: z.array(placementEventSchema),
  employment: employmentSchema.nullable(),
  evaluations: z.array(evaluationOutSchema),
  // What the reader may record next.
  next: z.array(z.enum(placementStatuses)),
  mayEvaluate: z.boolean(),
});
export type Placement = z.infer<typeof placementSchema>;

export const placementListQuerySchema = z.strictObject({
  status: z.enum([...placementStatuses, 'open']).optional(),
  jobOrderId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});
export type PlacementListQuery = z.infer<typeof placementListQuerySchema>;
