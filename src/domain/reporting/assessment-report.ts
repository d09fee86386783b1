import { z } from 'zod';

// How the Common Assessment is used, by agency and by self-identified group, so that a model or a
// practice that disadvantages a group is seen (as happened with Austria's AMAS). Counts below the
// minimum cell are withheld (null), with complementary suppression.
export const equityDimensions = [
  'indigenousIdentity',
  'racializedGroup',
  'gender',
  'disability',
  'newcomer',
  'francophone',
  'lgbtq2s',
] as const;

const cell = z.number().int().nullable();
export const assessmentReportSchema = z.object({
  generatedAt: z.string(),
  // The reporting policy applied (reporting-policy.ts): the minimum cell and the fairness flag's ratio.
  policyVersion: z.string(),
  minCell: z.number().int(),
  disparityRatio: z.number(),
  scope: z.enum(['system', 'organization']),
  byAgency: z.array(
    z.object({
      organizationId: z.uuid(),
      organizationName: z.string(),
      clientsAssessed: cell,
      assessments: cell,
      reassessments: cell,
      overrides: cell,
      reassessmentRate: z.number().nullable(),
      overrideRate: z.number().nullable(),
    }),
  ),
  streamMoves: z.array(
    z.object({
      from: z.enum(['A', 'B', 'C']),
      to: z.enum(['A', 'B', 'C']),
      kind: z.enum(['reassessment', 'override']),
      count: cell,
    }),
  ),
  streamsByGroup: z.array(
    z.object({
      dimension: z.enum(equityDimensions),
      group: z.string(),
      clients: cell,
      A: cell,
      B: cell,
      C: cell,
      shareC: z.number().nullable(),
      // The Stream C share among everyone not in the group, the ratio of the two, and whether the
      // ratio passes the policy's threshold either way.
      shareCElsewhere: z.number().nullable(),
      ratioC: z.number().nullable(),
      flagged: z.boolean(),
    }),
  ),
  overall: z.object({ clients: cell, A: cell, B: cell, C: cell }),
});
export type AssessmentReport = z.infer<typeof assessmentReportSchema>;
