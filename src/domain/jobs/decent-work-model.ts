import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { bilingualTextSchema } from '../../lib/versioned-policy.ts';
import { jobBenefits, jobPermanence, jobSchedules } from './job-vocabulary.ts';

// The decent-work scorecard kept as data (decent-work-models/*.json), as the Common Assessment model is:
// policy changes the living wage, the factors and their points by shipping a new version, and every score
// names the version it used. A factor reads one attribute of a job order; its points add up to 100.

const points = z.number().int().min(0).max(100);

const stepsSchema = z
  .array(z.strictObject({ atLeast: z.number().min(0), points }))
  .min(1, 'give at least one step')
  .refine((steps) => steps.every((s, i) => i === 0 || s.atLeast < steps[i - 1]!.atLeast), {
    error: 'steps go from the highest atLeast down',
  });

const factorBase = { code: z.string().regex(/^[a-z][a-z_]*$/), label: bilingualTextSchema };

// Zod's record over an enum is exhaustive: every value needs its points.
const exhaustive = <const V extends readonly [string, ...string[]]>(values: V) => z.record(z.enum(values), points);

export const decentWorkFactorSchema = z.union([
  // The job's number at or above a step's atLeast earns the first such step's points; below every step, 0.
  // wageToLivingWage is the hourly wage divided by the model's living wage.
  z.strictObject({
    ...factorBase,
    kind: z.literal('steps'),
    attribute: z.enum(['wageToLivingWage', 'hoursPerWeek', 'paidSickDays']),
    steps: stepsSchema,
  }),
  z.strictObject({
    ...factorBase,
    kind: z.literal('choice'),
    attribute: z.literal('schedule'),
    points: exhaustive(jobSchedules),
  }),
  z.strictObject({
    ...factorBase,
    kind: z.literal('choice'),
    attribute: z.literal('permanence'),
    points: exhaustive(jobPermanence),
  }),
  // Points for each benefit offered, capped at max.
  z.strictObject({
    ...factorBase,
    kind: z.literal('each'),
    attribute: z.literal('benefits'),
    points: exhaustive(jobBenefits),
    max: points,
  }),
  z.strictObject({
    ...factorBase,
    kind: z.literal('flag'),
    attribute: z.enum(['advancementPath', 'trainingProvided', 'safetyTraining']),
    points,
  }),
]);
export type DecentWorkFactor = z.infer<typeof decentWorkFactorSchema>;

export function factorMaxPoints(factor: DecentWorkFactor): number {
  switch (factor.kind) {
    case 'steps':
      return Math.max(...factor.steps.map((s) => s.points));
    case 'choice':
      return Math.max(...Object.values<number>(factor.points));
    case 'each':
      return Math.min(
        factor.max,
        Object.values<number>(factor.points).reduce((a, b) => a + b, 0),
      );
    case 'flag':
      return factor.points;
    default: {
      const unknown: never = factor;
      return unknown;
    }
  }
}

export const decentWorkModelSchema = z
  .strictObject({
    version: z.string().regex(/^dw-[0-9]{4}\.[0-9]+$/, 'a version reads dw-YYYY.N'),
    effectiveFrom: isoDateSchema,
    title: bilingualTextSchema,
    description: bilingualTextSchema,
    // The living wage for Toronto the wage factor compares with, and where the figure comes from.
    livingWage: z.strictObject({
      hourly: z.number().positive().max(200),
      area: bilingualTextSchema,
      year: z.number().int().min(2000).max(2100),
      source: z.string().min(10),
      url: z.url(),
    }),
    // From the highest minimum score down; the last band starts at 0.
    bands: z
      .array(z.strictObject({ code: z.enum(['strong', 'fair', 'weak']), min: points, label: bilingualTextSchema }))
      .min(2)
      .refine((b) => b.every((band, i) => i === 0 || band.min < b[i - 1]!.min) && b.at(-1)?.min === 0, {
        error: 'bands go from the highest min down to 0',
      }),
    factors: z
      .array(decentWorkFactorSchema)
      .min(1)
      .refine((f) => new Set(f.map((x) => x.code)).size === f.length, { error: 'each factor code at most once' }),
  })
  .superRefine((model, ctx) => {
    const total = model.factors.reduce((sum, f) => sum + factorMaxPoints(f), 0);
    if (total !== 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['factors'],
        message: `the factors' points must add up to 100, not ${total}`,
      });
    }
  });
export type DecentWorkModel = z.infer<typeof decentWorkModelSchema>;
