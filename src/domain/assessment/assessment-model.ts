import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import {
  barrierKindSchema,
  educationLevelSchema,
  incomeSourceSchema,
  literacyLevelSchema,
} from './assessment-input.ts';

// A Common Assessment model kept as data (src/domain/assessment/models/*.json): policy can change
// factors, weights and thresholds by shipping a new version, and every result names the version.
// Every condition reads only fields of assessmentInputSchema, which has no equity fields.

export const bilingualTextSchema = z.strictObject({
  en: z.string().trim().min(1, 'English text is required'),
  fr: z.string().trim().min(1, 'French text is required'),
});
export type BilingualText = z.infer<typeof bilingualTextSchema>;

function nonEmptyUnique<T extends z.ZodType>(item: T, what: string) {
  return z
    .array(item)
    .min(1, `give at least one ${what}`)
    .refine((list) => new Set(list).size === list.length, `each ${what} at most once`);
}

export const conditionTypes = [
  'age_between',
  'education_in',
  'low_skill_history',
  'no_recent_work',
  'barrier_active',
  'disability',
  'income_source_in',
  'literacy_in',
] as const;
export type ConditionType = (typeof conditionTypes)[number];

export const conditionSchema = z.discriminatedUnion(
  'type',
  [
    z
      .strictObject({
        type: z.literal('age_between'),
        min: z.number().int().min(0).max(120),
        max: z.number().int().min(0).max(120),
      })
      .refine((c) => c.min <= c.max, { error: 'min must not exceed max', path: ['max'] }),
    z.strictObject({
      type: z.literal('education_in'),
      levels: nonEmptyUnique(educationLevelSchema, 'education level'),
    }),
    // Share of the months of work history spent in occupations of these TEER categories.
    z.strictObject({
      type: z.literal('low_skill_history'),
      teers: nonEmptyUnique(z.number().int().min(0).max(5), 'TEER'),
      minShare: z.number().min(0).max(1),
    }),
    // No job current or ended within this many months before the assessment (or no work history).
    z.strictObject({ type: z.literal('no_recent_work'), months: z.number().int().min(1).max(240) }),
    z.strictObject({ type: z.literal('barrier_active'), kind: barrierKindSchema }),
    // An active 'disability' barrier or an accommodation marked disability-related; never self-identification.
    z.strictObject({ type: z.literal('disability') }),
    z.strictObject({
      type: z.literal('income_source_in'),
      sources: nonEmptyUnique(incomeSourceSchema, 'income source'),
    }),
    z.strictObject({ type: z.literal('literacy_in'), levels: nonEmptyUnique(literacyLevelSchema, 'literacy level') }),
  ],
  { error: () => `condition type must be one of ${conditionTypes.join(', ')}` },
);
export type Condition = z.infer<typeof conditionSchema>;

export const factorSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'must be snake_case, such as age_35_56'),
  weight: z.number().int('must be a whole number of points').min(1, 'must be at least 1 point').max(100),
  label: bilingualTextSchema,
  // One plain-language sentence for the client.
  plain: bilingualTextSchema,
  // Why this factor is in the model: the evidence or policy it comes from.
  source: z.string().trim().min(10, 'say why this factor is in the model'),
  condition: conditionSchema,
});
export type Factor = z.infer<typeof factorSchema>;

export const assessmentModelSchema = z
  .strictObject({
    version: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*-\d{4}\.\d+$/, 'must look like ca-2026.1'),
    effectiveFrom: isoDateSchema,
    title: bilingualTextSchema,
    description: bilingualTextSchema,
    // score >= C: Stream C; score >= B: Stream B; otherwise Stream A.
    thresholds: z.strictObject({
      B: z.number().int('must be a whole number of points').min(1),
      C: z.number().int('must be a whole number of points').min(1),
    }),
    factors: z.array(factorSchema).min(1, 'a model needs at least one factor').max(100),
  })
  .superRefine((model, ctx) => {
    const { B, C } = model.thresholds;
    if (C <= B) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'C'],
        message: `the Stream C threshold (${C}) must be above the Stream B threshold (${B})`,
      });
    }
    const seen = new Set<string>();
    model.factors.forEach((f, i) => {
      if (seen.has(f.code))
        ctx.addIssue({
          code: 'custom',
          path: ['factors', i, 'code'],
          message: `factor ${f.code} appears more than once`,
        });
      seen.add(f.code);
    });
    const total = model.factors.reduce((sum, f) => sum + f.weight, 0);
    if (C > total) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'C'],
        message: `the Stream C threshold (${C}) is above the sum of all weights (${total}): no one could be in Stream C`,
      });
    }
  });
export type AssessmentModel = z.infer<typeof assessmentModelSchema>;

// Keys sorted at every level, no spaces: the same model always gives the same text, whatever the
// file's layout or key order.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// Only frozen models (as models.ts loads them) are cached: a mutable one could change after hashing.
const checksums = new WeakMap<AssessmentModel, string>();

// sha256 of the model's canonical JSON: a stored result proves which exact model text it used.
export function modelChecksum(model: AssessmentModel): string {
  const cached = checksums.get(model);
  if (cached) return cached;
  const checksum = createHash('sha256').update(canonicalJson(model)).digest('hex');
  if (Object.isFrozen(model)) checksums.set(model, checksum);
  return checksum;
}
