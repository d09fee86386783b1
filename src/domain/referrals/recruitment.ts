import { z } from 'zod';
import { intakeStates, targetPopulations } from '../directory/vocabulary.ts';
import { candidateReasonKinds, candidateScopes } from './referral-vocabulary.ts';

// Recruitment for a program (issue 13, point 7; docs/referrals.md): a program taking people publishes
// its eligibility, and a worker sees which of their own clients fit it, with the reasons, to refer them
// in one step. The clients are those the worker may refer (`referral.create`); a reason uses only the
// parts of the file the worker reads, and never equity data (docs/permissions.md 4.6).

export const candidatesQuerySchema = z.strictObject({
  // `mine`: the worker's case teams; `agency`: every file of the worker's agency that they may refer.
  scope: z.enum(candidateScopes).default('mine'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});
export type CandidatesQuery = z.infer<typeof candidatesQuerySchema>;

export const candidateReasonSchema = z.object({
  kind: z.enum(candidateReasonKinds),
  // The population, the occupation (NOC code) or the language the reason names.
  value: z.string().nullable(),
});
export type CandidateReason = z.infer<typeof candidateReasonSchema>;

export const candidateSchema = z.object({
  clientId: z.uuid(),
  name: z.string(),
  age: z.number().int(),
  // Whether sending needs the client's consent for the program's agency (none in force names it).
  consentNeeded: z.boolean(),
  reasons: z.array(candidateReasonSchema),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidatesSchema = z.object({
  program: z.object({
    id: z.uuid(),
    name: z.string(),
    nameFr: z.string().nullable(),
    organizationId: z.uuid(),
    intakeState: z.enum(intakeStates),
    // Whether it takes referrals now: active, not ended, intake open or opening soon, a seat open.
    recruiting: z.boolean(),
    minimumAge: z.number().int().nullable(),
    maximumAge: z.number().int().nullable(),
    targetPopulations: z.array(z.enum(targetPopulations)),
    targetNocCodes: z.array(z.string()),
    languages: z.array(z.string()),
  }),
  items: z.array(candidateSchema),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
});
export type Candidates = z.infer<typeof candidatesSchema>;
