import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { nocCodeSchema } from '../occupations/noc.ts';

export { isoDateSchema } from '../../lib/dates.ts';

// What the Common Assessment may read about a client, and nothing more. There is deliberately no
// self-identified equity field here (Indigenous identity, racialized group, gender, newcomer status,
// francophone, 2SLGBTQ+, self-identified disability): what is not in the input cannot become a factor.
// Disability reaches the assessment only through recorded barriers and accommodations.

// An enumeration whose error names the allowed values.
function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `required, one of: ${values.join(', ')}`
        : `${JSON.stringify(issue.input)} is not one of: ${values.join(', ')}`,
  });
}

export const educationLevels = [
  'less_than_high_school',
  'high_school',
  'apprenticeship_or_trades',
  'college',
  'bachelor',
  'graduate',
  'unknown',
] as const;
export const educationLevelSchema = choice(educationLevels);
export type EducationLevel = z.infer<typeof educationLevelSchema>;

export const incomeSources = ['ontario_works', 'odsp', 'ei', 'none', 'other'] as const;
export const incomeSourceSchema = choice(incomeSources);
export type IncomeSource = z.infer<typeof incomeSourceSchema>;

export const literacyLevels = ['below_basic', 'basic', 'functional', 'proficient', 'unknown'] as const;
export const literacyLevelSchema = choice(literacyLevels);
export type LiteracyLevel = z.infer<typeof literacyLevelSchema>;

export const barrierKinds = [
  'housing',
  'food',
  'mental_health',
  'addictions',
  'childcare',
  'transportation',
  'legal',
  'digital_access',
  'language',
  'disability',
  'income',
  'other',
] as const;
export const barrierKindSchema = choice(barrierKinds);
export type BarrierKind = z.infer<typeof barrierKindSchema>;

export const barrierStatuses = ['active', 'resolved'] as const;
export const barrierStatusSchema = choice(barrierStatuses);
export type BarrierStatus = z.infer<typeof barrierStatusSchema>;

export const accommodationKinds = [
  'mobility',
  'vision',
  'hearing',
  'cognitive',
  'mental_health',
  'communication',
  'scheduling',
  'other',
] as const;
export const accommodationKindSchema = choice(accommodationKinds);
export type AccommodationKind = z.infer<typeof accommodationKindSchema>;

// Keys someone may be tempted to add; the strict schema rejects them with this explanation.
const equityKeys = new Set([
  'indigenousIdentity',
  'indigenous',
  'racializedGroup',
  'racialized',
  'race',
  'ethnicity',
  'gender',
  'genderIdentity',
  'sex',
  'sexualOrientation',
  'lgbtq',
  'twoSpirit',
  'newcomer',
  'newcomerStatus',
  'arrivalYear',
  'immigrationStatus',
  'francophone',
  'selfIdentifiedDisability',
  'equity',
]);

function unknownKeysMessage(keys: readonly string[]): string {
  const equity = keys.filter((k) => equityKeys.has(k));
  if (equity.length > 0) {
    return `${equity.join(', ')}: self-identified equity information is never part of an assessment`;
  }
  return `unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`;
}

function strict<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys) : undefined),
  });
}

export const workHistoryEntrySchema = strict({
  nocCode: nocCodeSchema,
  startDate: isoDateSchema,
  // null or absent: the client still holds this job.
  endDate: isoDateSchema.nullable().optional(),
  hoursPerWeek: z
    .number()
    .min(1, 'must be at least 1 hour a week')
    .max(80, 'must be at most 80 hours a week')
    .optional(),
}).superRefine((entry, ctx) => {
  if (entry.endDate != null && entry.endDate < entry.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: `ends on ${entry.endDate}, before it starts on ${entry.startDate}`,
    });
  }
});
export type WorkHistoryEntry = z.infer<typeof workHistoryEntrySchema>;

export const barrierSchema = strict({ kind: barrierKindSchema, status: barrierStatusSchema });
export type Barrier = z.infer<typeof barrierSchema>;

export const accommodationSchema = strict({ kind: accommodationKindSchema, disabilityRelated: z.boolean() });
export type Accommodation = z.infer<typeof accommodationSchema>;

const assessmentInputFields = strict({
  dateOfBirth: isoDateSchema.refine((d) => d > '1900-01-01', { error: 'must be after 1900-01-01', abort: true }),
  // Absent: the caller's today, in the city's time zone (the clock of the request or command).
  assessedOn: isoDateSchema.optional(),
  educationLevel: educationLevelSchema,
  incomeSource: incomeSourceSchema,
  literacyNumeracy: literacyLevelSchema.optional(),
  workHistory: z.array(workHistoryEntrySchema).max(50, 'at most 50 jobs').default([]),
  barriers: z
    .array(barrierSchema)
    .max(30, 'at most 30 barriers')
    .default([])
    .superRefine((barriers, ctx) => {
      const seen = new Set<string>();
      barriers.forEach((b, i) => {
        if (seen.has(b.kind)) {
          ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: `barrier ${b.kind} is listed more than once` });
        }
        seen.add(b.kind);
      });
    }),
  accommodations: z.array(accommodationSchema).max(30, 'at most 30 accommodations').default([]),
});

// The input as checked on `today` (the caller's date, from its clock): dates after the assessment
// date, or after today for an undated input, are refused.
export function assessmentInputSchemaOn(today: string) {
  return assessmentInputFields.superRefine((input, ctx) => checkDates(input, today, ctx));
}

function checkDates(input: z.infer<typeof assessmentInputFields>, today: string, ctx: z.RefinementCtx): void {
  const on = input.assessedOn ?? today;
  const onText = input.assessedOn ? `the assessment date ${on}` : `today (${on})`;
  if (input.dateOfBirth > on) {
    // One mistake, one message: jobs are not also reported as starting before this birth date.
    ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: `${input.dateOfBirth} is after ${onText}` });
    return;
  }
  input.workHistory.forEach((job, i) => {
    if (job.startDate > on) {
      ctx.addIssue({
        code: 'custom',
        path: ['workHistory', i, 'startDate'],
        message: `starts on ${job.startDate}, after ${onText}`,
      });
    }
    if (job.startDate < input.dateOfBirth) {
      ctx.addIssue({
        code: 'custom',
        path: ['workHistory', i, 'startDate'],
        message: `starts on ${job.startDate}, before the date of birth`,
      });
    }
  });
}
export type AssessmentInput = z.infer<typeof assessmentInputFields>;
