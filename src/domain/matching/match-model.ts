import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { bilingualTextSchema } from '../../lib/versioned-policy.ts';

// The matching weights kept as data (match-models/*.json), like the assessment model and the decent-work
// scorecard: a change ships as a new version, and every ranking names the version that made it.

export const matchFactors = [
  'occupation',
  'skills',
  'hours',
  'commute',
  'accommodations',
  'credentials',
  'decentWork',
  'stream',
] as const;
export type MatchFactor = (typeof matchFactors)[number];

const share = z.number().min(0).max(1);

export const matchModelSchema = z
  .strictObject({
    version: z.string().regex(/^match-\d{4}\.\d+$/, 'a version looks like match-2026.1'),
    effectiveFrom: isoDateSchema,
    title: bilingualTextSchema,
    description: bilingualTextSchema,
    // Points of each factor out of 100; a factor that does not apply (the job lists no skills, the client
    // needs no accommodation) is left out and the others are scaled up to 100.
    weights: z.record(z.enum(matchFactors), z.number().int().min(0).max(100)),
    labels: z.record(z.enum(matchFactors), bilingualTextSchema),
    // How close two NOC 2021 unit groups are, from the same unit group down to the same major group
    // (the first two digits), or related through the NOC ↔ O*NET crosswalk. Past work counts at
    // pastWorkFactor of a goal. A job below `minimum` is not offered at all: no spaghetti against the wall.
    occupation: z.strictObject({
      unitGroup: share,
      minorGroup: share,
      subMajorGroup: share,
      majorGroup: share,
      relatedByCrosswalk: share,
      pastWorkFactor: share,
      minimum: share,
    }),
    // Full marks within `fullWithin` hours of what the client wants, none at `zeroAt` hours away.
    hours: z.strictObject({ fullWithin: z.number().min(0).max(40), zeroAt: z.number().min(1).max(80) }),
    // Full marks within `fullWithinKm`, none at `zeroAtKm`; beyond `maxKm` a job done on site is not offered.
    commute: z.strictObject({
      fullWithinKm: z.number().min(0).max(50),
      zeroAtKm: z.number().min(1).max(100),
      maxKm: z.number().min(1).max(200),
    }),
    // Stream priority for scarce openings: more for those at greater risk of long-term unemployment.
    stream: z.strictObject({ A: share, B: share, C: share }),
  })
  .superRefine((model, ctx) => {
    const total = Object.values<number>(model.weights).reduce((a, b) => a + b, 0);
    if (total !== 100)
      ctx.addIssue({ code: 'custom', path: ['weights'], message: `the weights must add up to 100, not ${total}` });
    const o = model.occupation;
    if (!(o.unitGroup >= o.minorGroup && o.minorGroup >= o.subMajorGroup && o.subMajorGroup >= o.majorGroup)) {
      ctx.addIssue({
        code: 'custom',
        path: ['occupation'],
        message: 'closer groups of the NOC must not count less than farther ones',
      });
    }
    if (model.hours.fullWithin >= model.hours.zeroAt)
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'fullWithin must be less than zeroAt' });
    if (model.commute.fullWithinKm >= model.commute.zeroAtKm)
      ctx.addIssue({ code: 'custom', path: ['commute'], message: 'fullWithinKm must be less than zeroAtKm' });
  });
export type MatchModel = z.infer<typeof matchModelSchema>;
