import { z } from 'zod';
import { intakeStates } from '../directory/vocabulary.ts';
import { factorResultSchema, rankingHeaderShape } from './match.ts';
import { programFactorResultSchema, programLeftOutReasons } from './program-match.ts';

// The answers of the two matching routes (docs/matching.md), as the API and the web UI read them.

export const clientJobMatchesSchema = z.object({
  clientId: z.string(),
  ...rankingHeaderShape,
  // Why there is nothing to match yet ("job_goal": no job goal and no past work in the file).
  needs: z.enum(['job_goal']).nullable(),
  results: z.array(
    z.object({
      job: z.object({
        id: z.string(),
        title: z.string(),
        employer: z.object({ id: z.string(), name: z.string(), nameFr: z.string().nullable() }),
        nocCode: z.string(),
        nocTitle: z.string(),
        hoursPerWeek: z.number(),
        hourlyWage: z.number(),
        workplace: z.enum(['on_site', 'hybrid', 'remote']),
        postalCode: z.string().nullable(),
        closingOn: z.string().nullable(),
        decentWorkScore: z.number().int(),
      }),
      score: z.number(),
      factors: z.array(factorResultSchema),
    }),
  ),
});
export type ClientJobMatches = z.infer<typeof clientJobMatchesSchema>;

export const jobCandidatesSchema = z.object({
  jobId: z.string(),
  ...rankingHeaderShape,
  capped: z.boolean(),
  results: z.array(
    z.object({
      client: z.object({ id: z.string(), name: z.string() }),
      score: z.number(),
      factors: z.array(factorResultSchema),
    }),
  ),
});
export type JobCandidates = z.infer<typeof jobCandidatesSchema>;

// The directory's programs ranked for a client (docs/matching.md, "Programs for a client").
export const clientProgramMatchesSchema = z.object({
  clientId: z.string(),
  modelVersion: z.string(),
  modelChecksum: z.string(),
  considered: z.number().int(),
  leftOut: z.record(z.enum(programLeftOutReasons), z.number().int()),
  results: z.array(
    z.object({
      program: z.object({
        id: z.string(),
        name: z.string(),
        nameFr: z.string().nullable(),
        organization: z.object({ id: z.string(), name: z.string(), nameFr: z.string().nullable() }),
        intakeState: z.enum(intakeStates),
        deliveryMode: z.enum(['in_person', 'virtual', 'hybrid']),
      }),
      score: z.number(),
      factors: z.array(programFactorResultSchema),
    }),
  ),
});
export type ClientProgramMatches = z.infer<typeof clientProgramMatchesSchema>;
