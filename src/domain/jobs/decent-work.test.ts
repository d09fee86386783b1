import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decentWorkModelSchema, type DecentWorkModel } from './decent-work-model.ts';
import {
  decentWorkChecksum,
  decentWorkInputSchema,
  defaultDecentWorkModel,
  getDecentWorkModel,
  listDecentWorkModels,
  parseDecentWorkModelFile,
  scoreDecentWork,
} from './decent-work.ts';
import { minimumWageOn, ontarioMinimumWages } from './minimum-wage.ts';

// A shipped scorecard is never edited: a new version is a new file. Each shipped file's checksum is pinned
// here, so an edit fails the build instead of silently changing what stored scores mean.
const SHIPPED_CHECKSUMS: Record<string, string> = {
  'dw-2026.1': '0a29c72f00d2726f2473e6ae2b27a7699f91f3bbf10811ede1d6f7dda9b8b92d',
};
const MODELS_DIR = new URL('./decent-work-models/', import.meta.url);

const model = getDecentWorkModel();
const job = (overrides: Record<string, unknown> = {}) =>
  decentWorkInputSchema.parse({
    hourlyWage: 24,
    hoursPerWeek: 32,
    schedule: 'predictable',
    benefits: ['health', 'dental', 'pension'],
    paidSickDays: 3,
    permanence: 'permanent',
    advancementPath: true,
    safetyTraining: true,
    ...overrides,
  });
const mutable = () => structuredClone(model) as DecentWorkModel;
const issues = (value: unknown) => {
  const result = decentWorkModelSchema.safeParse(value);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
};

describe('shipped decent-work models', () => {
  it('every file validates, is named after its version, and keeps its pinned checksum', () => {
    const files = fs.readdirSync(MODELS_DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(
      Object.keys(SHIPPED_CHECKSUMS)
        .map((v) => `${v}.json`)
        .sort(),
    );
    for (const file of files) {
      const parsed = parseDecentWorkModelFile(file, fs.readFileSync(new URL(file, MODELS_DIR), 'utf8'));
      expect(decentWorkChecksum(parsed), file).toBe(SHIPPED_CHECKSUMS[parsed.version]);
    }
    expect(listDecentWorkModels().map((m) => m.version)).toContain(defaultDecentWorkModel);
  });

  it('names the living wage for Toronto with its source', () => {
    expect(model.livingWage).toMatchObject({ hourly: 27.2, year: 2025 });
    expect(model.livingWage.source).toMatch(/Ontario Living Wage Network/);
  });
});

describe('a decent-work model is checked before it is used', () => {
  it('refuses factors whose points do not add up to 100', () => {
    const changed = mutable();
    (changed.factors[1] as { steps: { atLeast: number; points: number }[] }).steps[0]!.points = 9;
    expect(issues(changed)).toMatch(/add up to 100, not 104/);
  });

  it('refuses steps out of order, a choice without every value, and bands that do not reach 0', () => {
    const steps = mutable();
    (steps.factors[0] as { steps: { atLeast: number }[] }).steps.reverse();
    expect(issues(steps)).toMatch(/highest atLeast down/);
    const choice = mutable();
    delete (choice.factors[2] as { points: Record<string, number> }).points['on_call'];
    expect(issues(choice)).toMatch(/factors\.2/);
    const bands = mutable();
    bands.bands[2]!.min = 10;
    expect(issues(bands)).toMatch(/down to 0/);
  });

  it('refuses a file named after another version', () => {
    expect(() => parseDecentWorkModelFile('dw-2027.1.json', JSON.stringify(model))).toThrow(
      /must be named dw-2026.1.json/,
    );
  });
});

describe('scoring a job order', () => {
  it('adds the points of every factor, each with a sentence in English and French', () => {
    const result = scoreDecentWork(model, job());
    expect(result.score).toBe(68);
    expect(result.band).toBe('fair');
    expect(result.factors.reduce((sum, f) => sum + f.maxPoints, 0)).toBe(100);
    expect(result.factors.find((f) => f.code === 'training')!.plain).toEqual({
      en: 'Training on the job: not offered — 0 of 3 points.',
      fr: 'Formation en cours d’emploi\u00a0: non offerte — 0 point sur 3.',
    });
    expect(result.factors.find((f) => f.code === 'sick_days')!.plain.en).toBe(
      '3 paid sick days a year — 6 of 10 points.',
    );
  });

  it('gives everything to a living-wage, steady, permanent job with every support, and little to on-call minimum wage', () => {
    const best = scoreDecentWork(
      model,
      job({
        hourlyWage: 27.2,
        hoursPerWeek: 37.5,
        schedule: 'fixed',
        benefits: ['health', 'dental', 'pension', 'prescription_drugs', 'disability_insurance', 'vision'],
        paidSickDays: 7,
        trainingProvided: true,
      }),
    );
    expect(best).toMatchObject({ score: 100, band: 'strong' });
    const worst = scoreDecentWork(
      model,
      job({
        hourlyWage: 17.6,
        hoursPerWeek: 0,
        schedule: 'on_call',
        benefits: [],
        paidSickDays: 0,
        permanence: 'temporary',
        advancementPath: false,
        safetyTraining: false,
      }),
    );
    expect(worst).toMatchObject({ score: 3, band: 'weak' });
    expect(worst.factors[0]!.plain.en).toMatch(/^\$17\.60 an hour is 65% of the living wage/);
    expect(worst.factors.find((f) => f.code === 'hours')!.plain.en).toBe('No hours guaranteed — 0 of 5 points.');
    expect(worst.factors.find((f) => f.code === 'benefits')!.plain.fr).toBe('Aucun avantage social — 0 point sur 15.');
  });

  it('caps the benefits at the factor’s maximum', () => {
    const all = scoreDecentWork(
      model,
      job({
        benefits: [
          'health',
          'dental',
          'vision',
          'prescription_drugs',
          'pension',
          'life_insurance',
          'disability_insurance',
          'employee_assistance',
          'tuition_support',
        ],
      }),
    );
    expect(all.factors.find((f) => f.code === 'benefits')!.points).toBe(15);
  });
});

describe("Ontario's general minimum wage", () => {
  it('is the rate in force on the day', () => {
    expect(minimumWageOn('2025-09-30').hourly).toBe(17.2);
    expect(minimumWageOn('2025-10-01').hourly).toBe(17.6);
    expect(minimumWageOn('2026-12-04').hourly).toBe(17.6);
    const dates = ontarioMinimumWages.map((r) => r.effectiveFrom);
    expect(dates).toEqual([...dates].sort());
  });
});
