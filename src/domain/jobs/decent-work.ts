import { z } from 'zod';
import { bilingualTextSchema, policyRegistry } from '../../lib/versioned-policy.ts';
import {
  decentWorkModelSchema,
  factorMaxPoints,
  type DecentWorkFactor,
  type DecentWorkModel,
} from './decent-work-model.ts';
import {
  benefitWords,
  jobBenefits,
  jobPermanence,
  jobSchedules,
  permanenceWords,
  scheduleWords,
} from './job-vocabulary.ts';

// The decent-work score of a job order (docs/jobs.md): pure and deterministic, the same model and job
// always give the same score, each factor with its points and a sentence in English and French.

const MODELS_DIR = new URL('./decent-work-models/', import.meta.url);
export const defaultDecentWorkModel = 'dw-2026.1';

const registry = policyRegistry<DecentWorkModel>({
  label: 'Decent-work model',
  dir: MODELS_DIR,
  schema: decentWorkModelSchema,
  defaultVersion: defaultDecentWorkModel,
});

export const parseDecentWorkModelFile = registry.parseFile;
export const listDecentWorkModels = registry.list;
export const findDecentWorkModel = registry.find;
export const getDecentWorkModel = registry.get;
export const decentWorkChecksum = registry.checksum;

// What the scorecard reads of a job order. Other fields of a job order are ignored, so a whole job order
// (as the API returns it) can be scored from the CLI.
export const decentWorkInputSchema = z.object({
  hourlyWage: z.number().positive().max(1000),
  hoursPerWeek: z.number().min(0).max(80),
  schedule: z.enum(jobSchedules),
  benefits: z
    .array(z.enum(jobBenefits))
    .max(jobBenefits.length)
    .refine((b) => new Set(b).size === b.length, 'each benefit at most once')
    .default([]),
  paidSickDays: z.number().int().min(0).max(30).default(0),
  permanence: z.enum(jobPermanence),
  advancementPath: z.boolean().default(false),
  trainingProvided: z.boolean().default(false),
  safetyTraining: z.boolean().default(false),
});
export type DecentWorkInput = z.infer<typeof decentWorkInputSchema>;

export const decentWorkFactorResultSchema = z.object({
  code: z.string(),
  label: bilingualTextSchema,
  points: z.number().int(),
  maxPoints: z.number().int(),
  plain: bilingualTextSchema,
});
export type DecentWorkFactorResult = z.infer<typeof decentWorkFactorResultSchema>;

export const decentWorkBands = ['strong', 'fair', 'weak'] as const;

export const decentWorkResultSchema = z.object({
  modelVersion: z.string(),
  modelChecksum: z.string().regex(/^[0-9a-f]{64}$/),
  score: z.number().int().min(0).max(100),
  band: z.enum(decentWorkBands),
  bandLabel: bilingualTextSchema,
  livingWage: z.object({
    hourly: z.number(),
    area: bilingualTextSchema,
    year: z.number().int(),
    source: z.string(),
    url: z.string(),
  }),
  factors: z.array(decentWorkFactorResultSchema),
});
export type DecentWorkResult = z.infer<typeof decentWorkResultSchema>;

const money = {
  en: (n: number) => `$${n.toFixed(2)}`,
  fr: (n: number) => `${n.toFixed(2).replace('.', ',')} $`,
};
const pointsOf = {
  en: (p: number, max: number) => `${p} of ${max} points`,
  fr: (p: number, max: number) => `${p} ${p > 1 ? 'points' : 'point'} sur ${max}`,
};
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function stepPoints(steps: readonly { atLeast: number; points: number }[], value: number): number {
  return steps.find((s) => value >= s.atLeast)?.points ?? 0;
}

type Scored = { points: number; en: string; fr: string };

function scoreFactor(model: DecentWorkModel, factor: DecentWorkFactor, job: DecentWorkInput): Scored {
  switch (factor.kind) {
    case 'steps': {
      if (factor.attribute === 'wageToLivingWage') {
        const ratio = job.hourlyWage / model.livingWage.hourly;
        const share = Math.round(ratio * 100);
        const { hourly, area, year } = model.livingWage;
        return {
          points: stepPoints(factor.steps, ratio),
          en: `${money.en(job.hourlyWage)} an hour is ${share}% of the living wage for the ${area.en} (${money.en(hourly)} in ${year})`,
          fr: `${money.fr(job.hourlyWage)} l’heure, soit ${share}\u00a0% du salaire de subsistance de la ${area.fr} (${money.fr(hourly)} en ${year})`,
        };
      }
      if (factor.attribute === 'hoursPerWeek') {
        return {
          points: stepPoints(factor.steps, job.hoursPerWeek),
          en: job.hoursPerWeek === 0 ? 'No hours guaranteed' : `${job.hoursPerWeek} hours a week`,
          fr:
            job.hoursPerWeek === 0
              ? 'Aucune heure garantie'
              : `${job.hoursPerWeek.toString().replace('.', ',')} heures par semaine`,
        };
      }
      const days = job.paidSickDays;
      return {
        points: stepPoints(factor.steps, days),
        en: days === 0 ? 'No paid sick days' : `${days} paid sick ${days === 1 ? 'day' : 'days'} a year`,
        fr:
          days === 0
            ? 'Aucun congé de maladie payé'
            : `${days} ${days === 1 ? 'jour' : 'jours'} de congé de maladie payés par année`,
      };
    }
    case 'choice': {
      const words = factor.attribute === 'schedule' ? scheduleWords[job.schedule] : permanenceWords[job.permanence];
      const points = factor.attribute === 'schedule' ? factor.points[job.schedule] : factor.points[job.permanence];
      return { points, en: capital(words.en), fr: capital(words.fr) };
    }
    case 'each': {
      const sum = job.benefits.reduce((total, b) => total + factor.points[b], 0);
      const names = (lang: 'en' | 'fr') => job.benefits.map((b) => benefitWords[b][lang]).join(', ');
      return job.benefits.length === 0
        ? { points: 0, en: 'No benefits', fr: 'Aucun avantage social' }
        : {
            points: Math.min(factor.max, sum),
            en: `${factor.label.en}: ${names('en')}`,
            fr: `${factor.label.fr}\u00a0: ${names('fr')}`,
          };
    }
    case 'flag': {
      const offered = job[factor.attribute];
      return {
        points: offered ? factor.points : 0,
        en: `${factor.label.en}: ${offered ? 'offered' : 'not offered'}`,
        fr: `${factor.label.fr}\u00a0: ${offered ? 'offerte' : 'non offerte'}`,
      };
    }
    default: {
      const unknown: never = factor;
      return unknown;
    }
  }
}

export function bandOf(model: DecentWorkModel, score: number): DecentWorkModel['bands'][number] {
  return model.bands.find((b) => score >= b.min) ?? model.bands.at(-1)!;
}

export function scoreDecentWork(model: DecentWorkModel, job: DecentWorkInput): DecentWorkResult {
  const factors = model.factors.map((factor): DecentWorkFactorResult => {
    const maxPoints = factorMaxPoints(factor);
    const scored = scoreFactor(model, factor, job);
    const plain = {
      en: `${scored.en} — ${pointsOf.en(scored.points, maxPoints)}.`,
      fr: `${scored.fr} — ${pointsOf.fr(scored.points, maxPoints)}.`,
    };
    return { code: factor.code, label: factor.label, points: scored.points, maxPoints, plain };
  });
  const score = factors.reduce((sum, f) => sum + f.points, 0);
  const band = bandOf(model, score);
  const { hourly, area, year, source, url } = model.livingWage;
  return {
    modelVersion: model.version,
    modelChecksum: decentWorkChecksum(model),
    score,
    band: band.code,
    bandLabel: band.label,
    livingWage: { hourly, area, year, source, url },
    factors,
  };
}
