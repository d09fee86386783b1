import { z } from 'zod';
import { addMonths, ageOn, calendarMonthsTouched, isIsoDate } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { nocTeer } from '../occupations/noc.ts';
import type { AssessmentInput, WorkHistoryEntry } from './assessment-input.ts';
import {
  bilingualTextSchema,
  modelChecksum,
  type AssessmentModel,
  type BilingualText,
  type Condition,
} from './assessment-model.ts';

export const streams = ['A', 'B', 'C'] as const;
export const streamSchema = z.enum(streams);
export type Stream = z.infer<typeof streamSchema>;

export const factorResultSchema = z.object({
  code: z.string(),
  applies: z.boolean(),
  weight: z.number().int(),
  points: z.number().int(),
  label: bilingualTextSchema,
  plain: bilingualTextSchema,
  // English, for staff: what in the input made the factor apply or not.
  evidence: z.string(),
});
export type FactorResult = z.infer<typeof factorResultSchema>;

export const assessmentResultSchema = z.object({
  modelVersion: z.string(),
  modelChecksum: z.string().regex(/^[0-9a-f]{64}$/),
  assessedOn: z.iso.date(),
  age: z.number().int(),
  score: z.number().int(),
  stream: streamSchema,
  thresholds: z.object({ B: z.number().int(), C: z.number().int() }),
  factors: z.array(factorResultSchema),
  reasons: z.array(z.string()),
});
export type AssessmentResult = z.infer<typeof assessmentResultSchema>;

// `today`: the caller's date (its clock, in the city's zone), the assessment date of an undated input.
export type ScoreOptions = { today?: string };

export function streamFor(score: number, thresholds: AssessmentModel['thresholds']): Stream {
  if (score >= thresholds.C) return 'C';
  if (score >= thresholds.B) return 'B';
  return 'A';
}

// Pure and deterministic: the same model, input and date always give the same result.
export function scoreAssessment(
  model: AssessmentModel,
  input: AssessmentInput,
  options: ScoreOptions = {},
): AssessmentResult {
  const assessedOn = input.assessedOn ?? options.today;
  if (assessedOn === undefined)
    throw new AppError('invalid', 'An assessment needs its date: give assessedOn.', [
      { field: 'assessedOn', message: 'required' },
    ]);
  if (!isIsoDate(assessedOn))
    throw new AppError('invalid', `${assessedOn} is not a real date`, [
      { field: 'assessedOn', message: 'not a real date' },
    ]);
  if (input.dateOfBirth > assessedOn) {
    throw new AppError('invalid', `The date of birth ${input.dateOfBirth} is after the assessment date ${assessedOn}`, [
      { field: 'dateOfBirth', message: `after the assessment date ${assessedOn}` },
    ]);
  }
  const context: Context = {
    input,
    assessedOn,
    age: ageOn(input.dateOfBirth, assessedOn),
    jobs: jobSpans(input.workHistory, assessedOn),
  };
  const factors = model.factors.map((factor): FactorResult => {
    const { applies, evidence } = evaluate(factor.condition, context);
    return {
      code: factor.code,
      applies,
      weight: factor.weight,
      points: applies ? factor.weight : 0,
      label: factor.label,
      plain: factor.plain,
      evidence,
    };
  });
  const score = factors.reduce((sum, f) => sum + f.points, 0);
  const stream = streamFor(score, model.thresholds);
  const reasons = factors.filter((f) => f.applies).map((f) => `${f.label.en} (+${f.points}): ${f.evidence}`);
  reasons.push(thresholdReason(score, stream, model.thresholds));
  return {
    modelVersion: model.version,
    modelChecksum: modelChecksum(model),
    assessedOn,
    age: context.age,
    score,
    stream,
    thresholds: { B: model.thresholds.B, C: model.thresholds.C },
    factors,
    reasons,
  };
}

function thresholdReason(score: number, stream: Stream, { B, C }: AssessmentModel['thresholds']): string {
  switch (stream) {
    case 'C':
      return `score ${score} ≥ ${C} (Stream C threshold)`;
    case 'B':
      return `score ${score} ≥ ${B} (Stream B threshold) and < ${C} (Stream C threshold)`;
    case 'A':
      return `score ${score} < ${B} (Stream B threshold)`;
  }
}

type JobSpan = { nocCode: string; startDate: string; endDate: string | undefined; current: boolean; months: number };
type Context = { input: AssessmentInput; assessedOn: string; age: number; jobs: JobSpan[] };
type Evaluation = { applies: boolean; evidence: string };

// Work history as seen on the assessment date: a job not started yet is ignored, and months are
// counted up to the assessment date (a contract's planned end date is not yet history).
function jobSpans(history: readonly WorkHistoryEntry[], assessedOn: string): JobSpan[] {
  return history
    .filter((job) => job.startDate <= assessedOn)
    .map((job) => {
      const current = job.endDate == null || job.endDate >= assessedOn;
      const end = current ? assessedOn : (job.endDate as string);
      return {
        nocCode: job.nocCode,
        startDate: job.startDate,
        endDate: job.endDate ?? undefined,
        current,
        months: calendarMonthsTouched(job.startDate, end),
      };
    });
}

const words: Record<string, string> = { ontario_works: 'Ontario Works', odsp: 'ODSP', ei: 'EI' };
function human(value: string): string {
  return words[value] ?? value.replace(/_/g, ' ');
}
function oneOf(values: readonly string[]): string {
  return values.map(human).join(', ');
}

function teerList(teers: readonly number[]): string {
  const sorted = [...teers].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  const contiguous = sorted.length > 1 && last - first === sorted.length - 1;
  return contiguous ? `${first}–${last}` : sorted.join(', ');
}

// A share as a percentage rounded down to one decimal, exactly (never shows 50% for 49.96%).
function percent(part: number, whole: number): string {
  return `${Math.floor((part * 1000) / whole) / 10}%`;
}

function evaluate(condition: Condition, { input, assessedOn, age, jobs }: Context): Evaluation {
  switch (condition.type) {
    case 'age_between': {
      const applies = age >= condition.min && age <= condition.max;
      return {
        applies,
        evidence: `age ${age} on ${assessedOn} is ${applies ? 'within' : 'outside'} ${condition.min}–${condition.max}`,
      };
    }
    case 'education_in': {
      const applies = condition.levels.includes(input.educationLevel);
      return {
        applies,
        evidence: `education ${human(input.educationLevel)} is ${applies ? '' : 'not '}one of: ${oneOf(condition.levels)}`,
      };
    }
    case 'low_skill_history': {
      const total = jobs.reduce((sum, j) => sum + j.months, 0);
      if (total === 0) return { applies: false, evidence: 'no work history recorded' };
      const low = jobs.filter((j) => (condition.teers as readonly number[]).includes(nocTeer(j.nocCode)));
      const lowMonths = low.reduce((sum, j) => sum + j.months, 0);
      // Compared in whole months: lowMonths / total >= minShare, without rounding surprises at 50%.
      const applies = lowMonths >= condition.minShare * total - 1e-9;
      const codes = [...new Set(low.map((j) => j.nocCode))];
      return {
        applies,
        evidence:
          `${lowMonths} of ${total} months (${percent(lowMonths, total)}) in TEER ${teerList(condition.teers)} occupations` +
          `${codes.length > 0 ? `: ${codes.join(', ')}` : ''}; ${applies ? 'at least' : 'below'} ${Math.round(condition.minShare * 1000) / 10}%`,
      };
    }
    case 'no_recent_work': {
      if (jobs.length === 0) return { applies: true, evidence: 'no work history recorded' };
      const current = jobs.find((j) => j.current);
      if (current) return { applies: false, evidence: `current job ${current.nocCode} since ${current.startDate}` };
      const last = jobs.reduce((a, b) => ((b.endDate ?? '') > (a.endDate ?? '') ? b : a));
      const cutoff = addMonths(assessedOn, -condition.months);
      const applies = (last.endDate ?? '') < cutoff;
      return {
        applies,
        evidence: `last job ${last.nocCode} ended ${last.endDate ?? ''}, ${applies ? 'more than' : 'within'} ${condition.months} months before ${assessedOn}`,
      };
    }
    case 'barrier_active': {
      const barrier = input.barriers.find((b) => b.kind === condition.kind);
      if (!barrier) return { applies: false, evidence: `no ${human(condition.kind)} barrier recorded` };
      return {
        applies: barrier.status === 'active',
        evidence: `${human(condition.kind)} barrier is ${barrier.status}`,
      };
    }
    case 'disability': {
      const barrier = input.barriers.find((b) => b.kind === 'disability');
      const related = input.accommodations.filter((a) => a.disabilityRelated).map((a) => human(a.kind));
      const found: string[] = [];
      if (barrier?.status === 'active') found.push('active disability barrier');
      if (related.length > 0) found.push(`disability-related accommodation: ${[...new Set(related)].join(', ')}`);
      if (found.length > 0) return { applies: true, evidence: found.join('; ') };
      const resolved = barrier ? ' (disability barrier resolved)' : '';
      return {
        applies: false,
        evidence: `no active disability barrier and no disability-related accommodation${resolved}`,
      };
    }
    case 'income_source_in': {
      const applies = condition.sources.includes(input.incomeSource);
      return {
        applies,
        evidence: `income source ${human(input.incomeSource)} is ${applies ? '' : 'not '}one of: ${oneOf(condition.sources)}`,
      };
    }
    case 'literacy_in': {
      if (input.literacyNumeracy === undefined)
        return { applies: false, evidence: 'literacy and numeracy not recorded' };
      const applies = condition.levels.includes(input.literacyNumeracy);
      return {
        applies,
        evidence: `literacy and numeracy ${human(input.literacyNumeracy)} is ${applies ? '' : 'not '}one of: ${oneOf(condition.levels)}`,
      };
    }
  }
}

export type FactorChangeKind =
  'now_applies' | 'no_longer_applies' | 'points_changed' | 'added_to_model' | 'removed_from_model';
export type FactorChange = {
  code: string;
  change: FactorChangeKind;
  previousPoints: number;
  nextPoints: number;
  label: BilingualText;
  // The evidence of the newer result, or of the previous one for a factor the new model dropped.
  evidence: string;
};
export type ResultComparison = {
  previousStream: Stream;
  nextStream: Stream;
  streamChanged: boolean;
  previousScore: number;
  nextScore: number;
  modelChanged: boolean;
  changes: FactorChange[];
  // English lines for a reassessment's "what changed".
  summary: string[];
};

// What changed between two results of the same client, for a reassessment: only factors whose
// points moved are listed (evidence that changed without changing points, such as a birthday inside
// the age range, is not a change).
export function compareResults(previous: AssessmentResult, next: AssessmentResult): ResultComparison {
  const before = new Map(previous.factors.map((f) => [f.code, f]));
  const after = new Map(next.factors.map((f) => [f.code, f]));
  const codes = [
    ...next.factors.map((f) => f.code),
    ...previous.factors.map((f) => f.code).filter((c) => !after.has(c)),
  ];
  const changes: FactorChange[] = [];
  for (const code of codes) {
    const was = before.get(code);
    const now = after.get(code);
    const previousPoints = was?.points ?? 0;
    const nextPoints = now?.points ?? 0;
    if (previousPoints === nextPoints && (was?.applies ?? false) === (now?.applies ?? false)) continue;
    const change: FactorChangeKind = !was
      ? 'added_to_model'
      : !now
        ? 'removed_from_model'
        : was.applies && now.applies
          ? 'points_changed'
          : now.applies
            ? 'now_applies'
            : 'no_longer_applies';
    const shown = (now ?? was) as FactorResult;
    changes.push({ code, change, previousPoints, nextPoints, label: shown.label, evidence: shown.evidence });
  }
  const modelChanged = previous.modelVersion !== next.modelVersion || previous.modelChecksum !== next.modelChecksum;
  const streamChanged = previous.stream !== next.stream;
  const summary = [
    streamChanged
      ? `Stream ${previous.stream} → ${next.stream} (score ${previous.score} → ${next.score})`
      : `Stream ${next.stream} unchanged (score ${previous.score} → ${next.score})`,
    ...(modelChanged ? [`model ${previous.modelVersion} → ${next.modelVersion}`] : []),
    ...changes.map((c) => {
      const delta = c.nextPoints - c.previousPoints;
      const signed = delta >= 0 ? `+${delta}` : `−${-delta}`;
      return `${c.change.replace(/_/g, ' ')}: ${c.label.en} (${signed}): ${c.evidence}`;
    }),
  ];
  return {
    previousStream: previous.stream,
    nextStream: next.stream,
    streamChanged,
    previousScore: previous.score,
    nextScore: next.score,
    modelChanged,
    changes,
    summary,
  };
}
