import { z } from 'zod';

// How the Common Assessment is used, by agency and by self-identified group, so that a model or a
// practice that disadvantages a group is seen (as happened with Austria's AMAS). Counts below the
// minimum cell are withheld (null), with complementary suppression.
export const equityDimensions = ['indigenousIdentity', 'racializedGroup', 'gender', 'disability', 'newcomer', 'francophone', 'lgbtq2s'] as const;

const cell = z.number().int().nullable();
export const assessmentReportSchema = z.object({
  generatedAt: z.string(),
  minCell: z.number().int(),
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
  streamMoves: z.array(z.object({ from: z.enum(['A', 'B', 'C']), to: z.enum(['A', 'B', 'C']), kind: z.enum(['reassessment', 'override']), count: cell })),
  streamsByGroup: z.array(
    z.object({
      dimension: z.enum(equityDimensions),
      group: z.string(),
      clients: cell,
      A: cell,
      B: cell,
      C: cell,
      shareC: z.number().nullable(),
    }),
  ),
  overall: z.object({ clients: z.number().int(), A: cell, B: cell, C: cell }),
});
export type AssessmentReport = z.infer<typeof assessmentReportSchema>;
