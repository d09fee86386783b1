import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { barrierKinds } from './assessment-input.ts';
import { assessmentModelSchema, conditionTypes, type AssessmentModel } from './assessment-model.ts';
import { defaultModelVersion, findModel, getModel, listModels, modelChecksum, parseModelFile } from './models.ts';

// A shipped model is never edited: a new version is a new file. Each shipped file's checksum is
// recorded here, so an edit fails the build instead of silently changing stored results' meaning.
const SHIPPED_CHECKSUMS: Record<string, string> = {
  'ca-2026.1': '4182a77459a2c55c2e9b64befd06a70cdb34fd204b587d209a291a5cb8555df6',
};

const MODELS_DIR = new URL('./models/', import.meta.url);

function shippedFiles(): string[] {
  return fs.readdirSync(MODELS_DIR).filter((f) => f.endsWith('.json'));
}

function mutable(model: AssessmentModel): AssessmentModel {
  return structuredClone(model) as AssessmentModel;
}

function rejection(model: unknown): string[] {
  const result = assessmentModelSchema.safeParse(model);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('shipped assessment models', () => {
  it('every JSON file in models/ validates and is named after its version', () => {
    const files = shippedFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const model = parseModelFile(file, fs.readFileSync(new URL(file, MODELS_DIR), 'utf8'));
      expect(`${model.version}.json`).toBe(file);
      expect(findModel(model.version)).toEqual(model);
    }
    expect(
      listModels()
        .map((m) => m.version)
        .sort(),
    ).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
  });

  it('no shipped model has changed since it shipped', () => {
    for (const model of listModels()) {
      expect(
        SHIPPED_CHECKSUMS[model.version],
        `record the checksum of the new model ${model.version} in models.test.ts`,
      ).toBeDefined();
      expect(modelChecksum(model), `${model.version}.json was edited after shipping: add a new version instead`).toBe(
        SHIPPED_CHECKSUMS[model.version],
      );
    }
  });

  it('every model speaks real French: no French text is a copy of the English', () => {
    for (const model of listModels()) {
      const texts = [model.title, model.description, ...model.factors.flatMap((f) => [f.label, f.plain])];
      for (const text of texts) expect(text.fr, `${model.version}: "${text.en}"`).not.toBe(text.en);
    }
  });

  it('the default model exists and is frozen', () => {
    const model = getModel(defaultModelVersion);
    expect(model.version).toBe('ca-2026.1');
    expect(getModel()).toBe(model);
    expect(Object.isFrozen(model.factors[0]!.condition)).toBe(true);
  });

  it('ca-2026.1 has the Ministry seed characteristics and every life-stabilization barrier', () => {
    const model = getModel('ca-2026.1');
    const conditions = model.factors.map((f) => f.condition);
    expect(conditions).toContainEqual({ type: 'education_in', levels: ['less_than_high_school', 'high_school'] });
    expect(conditions).toContainEqual({ type: 'age_between', min: 35, max: 56 });
    expect(conditions).toContainEqual({ type: 'low_skill_history', teers: [4, 5], minShare: 0.5 });
    expect(conditions).toContainEqual({ type: 'disability' });
    expect(conditions).toContainEqual({ type: 'no_recent_work', months: 12 });
    expect(conditions).toContainEqual({ type: 'income_source_in', sources: ['ontario_works', 'odsp'] });
    expect(conditions).toContainEqual({ type: 'literacy_in', levels: ['below_basic', 'basic'] });
    const barriers = conditions.flatMap((c) => (c.type === 'barrier_active' ? [c.kind] : []));
    // Disability is its own factor (barrier or accommodation); 'other' is too vague to weigh.
    expect(barriers.sort()).toEqual(barrierKinds.filter((k) => k !== 'disability' && k !== 'other').sort());
    for (const factor of model.factors) expect(factor.source).toMatch(/^(Seed|Reasoning): /);
  });

  it('getModel names the available versions when asked for an unknown one', () => {
    expect(() => getModel('ca-1999.1')).toThrow(AppError);
    expect(() => getModel('ca-1999.1')).toThrow('Unknown assessment model ca-1999.1; available: ca-2026.1');
    expect(findModel('ca-1999.1')).toBeUndefined();
  });
});

describe('assessmentModelSchema', () => {
  const base = (): AssessmentModel => mutable(getModel('ca-2026.1'));

  it('rejects duplicate factor codes', () => {
    const model = base();
    model.factors.push({ ...model.factors[0]!, weight: 1 });
    expect(rejection(model)).toContainEqual(
      `factors.${model.factors.length - 1}.code: factor education_high_school_or_less appears more than once`,
    );
  });

  it.each([
    [5, 5],
    [7, 3],
  ])('rejects thresholds B=%d, C=%d (C must be above B)', (B, C) => {
    const model = base();
    model.thresholds = { B, C };
    expect(rejection(model)).toContainEqual(
      `thresholds.C: the Stream C threshold (${C}) must be above the Stream B threshold (${B})`,
    );
  });

  it('rejects a Stream C threshold no one could reach', () => {
    const model = base();
    model.thresholds = { B: 3, C: 1000 };
    expect(rejection(model)).toContainEqual(
      'thresholds.C: the Stream C threshold (1000) is above the sum of all weights (36): no one could be in Stream C',
    );
  });

  it('rejects an unknown barrier kind, education level, income source or literacy level', () => {
    const model = base() as unknown as { factors: { condition: Record<string, unknown> }[] };
    model.factors[0]!.condition = { type: 'barrier_active', kind: 'homelessness' };
    model.factors[1]!.condition = { type: 'education_in', levels: ['phd'] };
    model.factors[2]!.condition = { type: 'income_source_in', sources: ['lottery'] };
    model.factors[3]!.condition = { type: 'literacy_in', levels: ['excellent'] };
    const issues = rejection(model);
    expect(issues.some((i) => i.startsWith('factors.0.condition.kind: "homelessness" is not one of: housing'))).toBe(
      true,
    );
    expect(issues.some((i) => i.startsWith('factors.1.condition.levels.0: "phd" is not one of'))).toBe(true);
    expect(issues.some((i) => i.startsWith('factors.2.condition.sources.0: "lottery" is not one of'))).toBe(true);
    expect(issues.some((i) => i.startsWith('factors.3.condition.levels.0: "excellent" is not one of'))).toBe(true);
  });

  it('rejects a condition that would read anything else, such as an equity field', () => {
    const model = base() as unknown as { factors: { condition: Record<string, unknown> }[] };
    model.factors[0]!.condition = { type: 'equity_field', field: 'racializedGroup', values: ['any'] };
    expect(rejection(model)).toContainEqual(
      `factors.0.condition.type: condition type must be one of ${conditionTypes.join(', ')}`,
    );
    model.factors[0]!.condition = { type: 'disability', field: 'selfIdentifiedDisability' };
    expect(rejection(model).join('\n')).toMatch(/factors\.0\.condition: Unrecognized key: "field"/);
  });

  it.each([
    ['a weight of 0', (m: AssessmentModel) => (m.factors[0]!.weight = 0), 'factors.0.weight: must be at least 1 point'],
    [
      'a fractional weight',
      (m: AssessmentModel) => (m.factors[0]!.weight = 1.5),
      'factors.0.weight: must be a whole number of points',
    ],
    [
      'an empty French label',
      (m: AssessmentModel) => (m.factors[0]!.label.fr = ' '),
      'factors.0.label.fr: French text is required',
    ],
    [
      'a minShare above 1',
      (m: AssessmentModel) => (m.factors[2]!.condition = { type: 'low_skill_history', teers: [4, 5], minShare: 1.5 }),
      'factors.2.condition.minShare',
    ],
    [
      'an age range upside down',
      (m: AssessmentModel) => (m.factors[1]!.condition = { type: 'age_between', min: 56, max: 35 }),
      'factors.1.condition.max: min must not exceed max',
    ],
    [
      'a repeated TEER',
      (m: AssessmentModel) => (m.factors[2]!.condition = { type: 'low_skill_history', teers: [4, 4], minShare: 0.5 }),
      'factors.2.condition.teers: each TEER at most once',
    ],
    ['a bad version', (m: AssessmentModel) => (m.version = 'latest'), 'version: must look like ca-2026.1'],
    [
      'a bad effective date',
      (m: AssessmentModel) => (m.effectiveFrom = '2026-02-30'),
      'effectiveFrom: 2026-02-30 is not a real date',
    ],
    ['an unknown key', (m: AssessmentModel) => Object.assign(m, { author: 'x' }), ': Unrecognized key: "author"'],
  ])('rejects %s', (_name, change, expected) => {
    const model = base();
    change(model);
    expect(rejection(model).some((i) => i.startsWith(expected))).toBe(true);
  });

  it('parseModelFile refuses a file not named after its version, or not JSON', () => {
    const text = JSON.stringify(getModel('ca-2026.1'));
    expect(() => parseModelFile('ca-2027.1.json', text)).toThrow(
      'declares version ca-2026.1: the file must be named ca-2026.1.json',
    );
    expect(() => parseModelFile('ca-2027.1.json', '{')).toThrow(/is not valid JSON/);
    expect(() => parseModelFile('x.json', '{}')).toThrow(/Assessment model x.json is invalid:\n {2}version: /);
  });
});

describe('modelChecksum', () => {
  const model = getModel('ca-2026.1');

  it('is a sha256 in hex, the same on every call and for a copy', () => {
    expect(modelChecksum(model)).toMatch(/^[0-9a-f]{64}$/);
    expect(modelChecksum(model)).toBe(modelChecksum(model));
    expect(modelChecksum(mutable(model))).toBe(modelChecksum(model));
  });

  it('ignores key order and layout, not content', () => {
    const raw = fs.readFileSync(new URL('ca-2026.1.json', MODELS_DIR), 'utf8');
    const reordered = JSON.parse(raw, (_key, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse())
        : value,
    ) as AssessmentModel;
    expect(Object.keys(reordered)[0]).toBe('factors');
    expect(modelChecksum(reordered)).toBe(modelChecksum(model));
    const edited = mutable(model);
    edited.factors[0]!.weight += 1;
    expect(modelChecksum(edited)).not.toBe(modelChecksum(model));
    const reworded = mutable(model);
    reworded.factors[0]!.plain.fr += ' ';
    expect(modelChecksum(reworded)).not.toBe(modelChecksum(model));
  });

  it('of a mutable model follows its changes', () => {
    const copy = mutable(model);
    const before = modelChecksum(copy);
    copy.thresholds.C = 8;
    expect(modelChecksum(copy)).not.toBe(before);
  });
});
