import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accommodationKinds,
  assessmentInputSchemaOn,
  barrierKinds,
  educationLevels,
  incomeSources,
  literacyLevels,
  type AssessmentInput,
} from './assessment-input.ts';
import type { AssessmentModel } from './assessment-model.ts';
import { getModel, modelChecksum } from './models.ts';
import {
  assessmentResultSchema,
  compareResults,
  scoreAssessment,
  streamFor,
  streams,
  type AssessmentResult,
} from './score.ts';

const model = getModel('ca-2026.1');
const ON = '2026-12-01';
// The caller's today (a request's or a command's clock): a fixed date, so no test depends on when it runs.
const TODAY = '2026-12-15';
const assessmentInputSchema = assessmentInputSchemaOn(TODAY);

// A 28-year-old college graduate, working now, with no barriers: Stream A.
const baseline = {
  dateOfBirth: '1998-06-15',
  assessedOn: ON,
  educationLevel: 'college',
  incomeSource: 'none',
  workHistory: [{ nocCode: '21232', startDate: '2022-01-01', endDate: null, hoursPerWeek: 37.5 }],
  barriers: [],
  accommodations: [],
};

function input(overrides: Record<string, unknown> = {}): AssessmentInput {
  return assessmentInputSchema.parse({ ...baseline, ...overrides });
}

function score(overrides: Record<string, unknown> = {}): AssessmentResult {
  return scoreAssessment(model, input(overrides));
}

function factor(result: AssessmentResult, code: string) {
  const found = result.factors.find((f) => f.code === code);
  if (!found) throw new Error(`no factor ${code}`);
  return found;
}

function issues(value: unknown): string[] {
  const result = assessmentInputSchema.safeParse(value);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

// The Ministry's likely Stream C profile: high school or less, aged 40, work mostly in TEER 4–5, a disability.
const seedProfile = {
  dateOfBirth: '1986-03-14',
  educationLevel: 'high_school',
  workHistory: [
    { nocCode: '65201', startDate: '2016-01-01', endDate: '2020-12-31' },
    { nocCode: '75110', startDate: '2021-03-01', endDate: null },
  ],
  barriers: [{ kind: 'disability', status: 'active' }],
};

describe('scoreAssessment: profiles', () => {
  it.each([
    ['a 28-year-old college graduate with recent work and no barriers', {}, 0, 'A'],
    ['one heavy factor: an active housing need', { barriers: [{ kind: 'housing', status: 'active' }] }, 3, 'B'],
    [
      'two moderate factors: high school and child care',
      { educationLevel: 'high_school', barriers: [{ kind: 'childcare', status: 'active' }] },
      4,
      'B',
    ],
    [
      'two heavy factors: housing and mental health',
      {
        barriers: [
          { kind: 'housing', status: 'active' },
          { kind: 'mental_health', status: 'active' },
        ],
      },
      6,
      'B',
    ],
    ['age alone never changes the stream', { dateOfBirth: '1980-01-01' }, 1, 'A'],
    ["the Ministry's Stream C profile", seedProfile, 8, 'C'],
  ])('%s', (_name, overrides, expectedScore, expectedStream) => {
    const result = score(overrides);
    expect(result.score).toBe(expectedScore);
    expect(result.stream).toBe(expectedStream);
  });

  it('explains the Stream C profile factor by factor, naming the model', () => {
    const result = score(seedProfile);
    expect(result.modelVersion).toBe('ca-2026.1');
    expect(result.modelChecksum).toBe(modelChecksum(model));
    expect(result.age).toBe(40);
    expect(result.assessedOn).toBe(ON);
    expect(result.thresholds).toEqual({ B: 3, C: 7 });
    expect(result.factors.map((f) => f.code)).toEqual(model.factors.map((f) => f.code));
    expect(factor(result, 'age_35_56').evidence).toBe('age 40 on 2026-12-01 is within 35–56');
    // 60 months of 65201 (2016-01..2020-12) and 70 of 75110 (2021-03..2026-12): all TEER 5.
    expect(factor(result, 'low_skill_history').evidence).toBe(
      '130 of 130 months (100%) in TEER 4–5 occupations: 65201, 75110; at least 50%',
    );
    expect(factor(result, 'disability').evidence).toBe('active disability barrier');
    expect(result.reasons).toEqual([
      'High school or less (+2): education high school is one of: less than high school, high school',
      'Aged 35 to 56 (+1): age 40 on 2026-12-01 is within 35–56',
      'Work mostly in entry-level jobs (+2): 130 of 130 months (100%) in TEER 4–5 occupations: 65201, 75110; at least 50%',
      'Disability-related barrier or accommodation (+3): active disability barrier',
      'score 8 ≥ 7 (Stream C threshold)',
    ]);
    expect(assessmentResultSchema.parse(result)).toEqual(result);
  });

  it('states the threshold line for each stream', () => {
    expect(score().reasons).toEqual(['score 0 < 3 (Stream B threshold)']);
    expect(score({ barriers: [{ kind: 'housing', status: 'active' }] }).reasons.at(-1)).toBe(
      'score 3 ≥ 3 (Stream B threshold) and < 7 (Stream C threshold)',
    );
  });

  it('gives the client-facing sentence in both languages', () => {
    const f = factor(score(seedProfile), 'education_high_school_or_less');
    expect(f.plain.en).toBe('You told us your highest level of education is high school or less.');
    expect(f.plain.fr).toMatch(/^Vous nous avez dit/);
  });
});

describe('scoreAssessment: age', () => {
  // Exact birthdays around the 35–56 range, assessed on 2026-12-01.
  it.each([
    ['1991-12-02', 34, false],
    ['1991-12-01', 35, true],
    ['1969-12-02', 56, true],
    ['1969-12-01', 57, false],
  ])('born %s: age %d, applies %s', (dateOfBirth, age, applies) => {
    const result = score({ dateOfBirth });
    expect(result.age).toBe(age);
    expect(factor(result, 'age_35_56').applies).toBe(applies);
    expect(factor(result, 'age_35_56').points).toBe(applies ? 1 : 0);
  });

  // Born on 29 February: a year older on 1 March in a common year, on 29 February in a leap year.
  it.each([
    ['1991-02-29', '2026-02-28', null, false],
    ['1992-02-29', '2027-02-28', 34, false],
    ['1992-02-29', '2027-03-01', 35, true],
    ['1992-02-29', '2028-02-28', 35, true],
    ['1992-02-29', '2028-02-29', 36, true],
    ['1972-02-29', '2029-02-28', 56, true],
    ['1972-02-29', '2029-03-01', 57, false],
  ])('born %s, assessed %s: age %s', (dateOfBirth, assessedOn, age, applies) => {
    if (age === null) {
      expect(issues({ ...baseline, dateOfBirth, assessedOn })).toEqual(['dateOfBirth: 1991-02-29 is not a real date']);
      return;
    }
    const result = score({ dateOfBirth, assessedOn, workHistory: [] });
    expect(result.age).toBe(age);
    expect(factor(result, 'age_35_56').applies).toBe(applies);
  });
});

describe('scoreAssessment: barriers and disability', () => {
  it.each([
    ['active', true, 'housing barrier is active'],
    ['resolved', false, 'housing barrier is resolved'],
  ])('a %s housing barrier applies: %s', (status, applies, evidence) => {
    const f = factor(score({ barriers: [{ kind: 'housing', status }] }), 'barrier_housing');
    expect(f.applies).toBe(applies);
    expect(f.evidence).toBe(evidence);
  });

  it('an absent barrier says so', () => {
    expect(factor(score(), 'barrier_digital_access').evidence).toBe('no digital access barrier recorded');
  });

  it.each([
    [
      'an active disability barrier',
      { barriers: [{ kind: 'disability', status: 'active' }] },
      true,
      'active disability barrier',
    ],
    [
      'a resolved disability barrier',
      { barriers: [{ kind: 'disability', status: 'resolved' }] },
      false,
      'no active disability barrier and no disability-related accommodation (disability barrier resolved)',
    ],
    [
      'a disability-related accommodation',
      {
        accommodations: [
          { kind: 'mobility', disabilityRelated: true },
          { kind: 'scheduling', disabilityRelated: false },
        ],
      },
      true,
      'disability-related accommodation: mobility',
    ],
    [
      'an accommodation not related to a disability',
      { accommodations: [{ kind: 'scheduling', disabilityRelated: false }] },
      false,
      'no active disability barrier and no disability-related accommodation',
    ],
    [
      'both',
      {
        barriers: [{ kind: 'disability', status: 'active' }],
        accommodations: [
          { kind: 'hearing', disabilityRelated: true },
          { kind: 'communication', disabilityRelated: true },
        ],
      },
      true,
      'active disability barrier; disability-related accommodation: hearing, communication',
    ],
  ])('%s', (_name, overrides, applies, evidence) => {
    const f = factor(score(overrides), 'disability');
    expect(f.applies).toBe(applies);
    expect(f.evidence).toBe(evidence);
  });
});

describe('scoreAssessment: work history', () => {
  const job = (nocCode: string, startDate: string, endDate: string | null) => ({ nocCode, startDate, endDate });

  it.each([
    // 12 months of 65201 (TEER 5) and 12 of 21232 (TEER 1): exactly half counts as largely.
    [
      'exactly 50%',
      [job('65201', '2025-01-01', '2025-12-31'), job('21232', '2026-01-01', null)],
      true,
      '12 of 24 months (50%) in TEER 4–5 occupations: 65201; at least 50%',
    ],
    [
      'just under 50%',
      [job('65201', '2025-02-15', '2025-12-31'), job('21232', '2026-01-01', null)],
      false,
      '11 of 23 months (47.8%) in TEER 4–5 occupations: 65201; below 50%',
    ],
    [
      'TEER 4 counts',
      [job('14400', '2024-01-01', null)],
      true,
      '36 of 36 months (100%) in TEER 4–5 occupations: 14400',
    ],
    [
      'TEER 3 does not',
      [job('63200', '2024-01-01', null)],
      false,
      '0 of 36 months (0%) in TEER 4–5 occupations; below 50%',
    ],
  ])('%s', (_name, workHistory, applies, evidence) => {
    const f = factor(score({ workHistory }), 'low_skill_history');
    expect(f.applies).toBe(applies);
    expect(f.evidence).toContain(evidence);
  });

  it('an empty work history: no low-skill share, and no recent work', () => {
    const result = score({ workHistory: [] });
    expect(factor(result, 'low_skill_history')).toMatchObject({ applies: false, evidence: 'no work history recorded' });
    expect(factor(result, 'no_recent_work_12_months')).toMatchObject({
      applies: true,
      points: 3,
      evidence: 'no work history recorded',
    });
    expect(result.stream).toBe('B');
  });

  it.each([
    ['2025-12-01', false, 'last job 21232 ended 2025-12-01, within 12 months before 2026-12-01'],
    ['2025-11-30', true, 'last job 21232 ended 2025-11-30, more than 12 months before 2026-12-01'],
  ])('a last job ending %s counts as no recent work: %s', (endDate, applies, evidence) => {
    const f = factor(score({ workHistory: [job('21232', '2020-01-01', endDate)] }), 'no_recent_work_12_months');
    expect(f.applies).toBe(applies);
    expect(f.evidence).toBe(evidence);
  });

  it('a current job (no end date, or one ending after the assessment) is recent work', () => {
    expect(factor(score(), 'no_recent_work_12_months').evidence).toBe('current job 21232 since 2022-01-01');
    const planned = score({ workHistory: [job('65201', '2026-06-01', '2027-05-31')] });
    expect(factor(planned, 'no_recent_work_12_months').applies).toBe(false);
    // Months are counted up to the assessment date only: June to December 2026.
    expect(factor(planned, 'low_skill_history').evidence).toMatch(/^7 of 7 months/);
  });

  it('the newest end date decides, whatever the order of the jobs', () => {
    const f = factor(
      score({ workHistory: [job('21232', '2026-01-01', '2026-03-31'), job('65201', '2010-01-01', '2015-01-01')] }),
      'no_recent_work_12_months',
    );
    expect(f).toMatchObject({
      applies: false,
      evidence: 'last job 21232 ended 2026-03-31, within 12 months before 2026-12-01',
    });
  });
});

describe('scoreAssessment: income and literacy', () => {
  it.each([
    ['ontario_works', true],
    ['odsp', true],
    ['ei', false],
    ['none', false],
    ['other', false],
  ])('income source %s applies: %s', (incomeSource, applies) => {
    expect(factor(score({ incomeSource }), 'social_assistance_income').applies).toBe(applies);
  });

  it.each([
    [undefined, false, 'literacy and numeracy not recorded'],
    ['below_basic', true, 'literacy and numeracy below basic is one of: below basic, basic'],
    ['basic', true, 'literacy and numeracy basic is one of: below basic, basic'],
    ['functional', false, 'literacy and numeracy functional is not one of: below basic, basic'],
    ['unknown', false, 'literacy and numeracy unknown is not one of: below basic, basic'],
  ])('literacy %s applies: %s', (literacyNumeracy, applies, evidence) => {
    const f = factor(score(literacyNumeracy ? { literacyNumeracy } : {}), 'literacy_below_functional');
    expect(f.applies).toBe(applies);
    expect(f.evidence).toBe(evidence);
  });

  it('an unknown education level does not count as high school or less', () => {
    expect(factor(score({ educationLevel: 'unknown' }), 'education_high_school_or_less').applies).toBe(false);
  });
});

describe('scoreAssessment: dates', () => {
  it("uses the caller's today when the input has no assessment date, and needs one or the other", () => {
    const { assessedOn: _omit, ...undated } = baseline;
    const parsed = assessmentInputSchema.parse(undated);
    expect(scoreAssessment(model, parsed, { today: '2026-06-15' }).assessedOn).toBe('2026-06-15');
    expect(() => scoreAssessment(model, parsed)).toThrow('An assessment needs its date');
    expect(scoreAssessment(model, input(), { today: '2020-01-01' }).assessedOn).toBe(ON);
  });

  it('refuses an assessment date before the date of birth', () => {
    const { assessedOn: _omit, ...undated } = baseline;
    expect(() => scoreAssessment(model, assessmentInputSchema.parse(undated), { today: '1990-01-01' })).toThrow(
      'The date of birth 1998-06-15 is after the assessment date 1990-01-01',
    );
  });

  it('is deterministic', () => {
    expect(scoreAssessment(model, input(seedProfile))).toEqual(scoreAssessment(model, input(seedProfile)));
  });
});

describe('assessmentInputSchema', () => {
  it.each([
    'indigenousIdentity',
    'racializedGroup',
    'gender',
    'newcomer',
    'francophone',
    'sexualOrientation',
    'selfIdentifiedDisability',
  ])('rejects the equity field %s: no equity field may reach the model', (key) => {
    expect(issues({ ...baseline, [key]: 'yes' })).toEqual([
      `: ${key}: self-identified equity information is never part of an assessment`,
    ]);
  });

  it('rejects unknown keys at every level', () => {
    expect(issues({ ...baseline, favouriteColour: 'blue' })).toEqual([': unknown field favouriteColour']);
    expect(issues({ ...baseline, barriers: [{ kind: 'housing', status: 'active', note: 'x' }] })).toEqual([
      'barriers.0: unknown field note',
    ]);
    expect(issues({ ...baseline, workHistory: [{ nocCode: '21232', startDate: '2022-01-01', gender: 'f' }] })).toEqual([
      'workHistory.0: gender: self-identified equity information is never part of an assessment',
    ]);
  });

  it('rejects an unknown NOC code, naming it', () => {
    expect(issues({ ...baseline, workHistory: [{ nocCode: '12345', startDate: '2022-01-01' }] })).toEqual([
      'workHistory.0.nocCode: unknown NOC 2021 unit group 12345',
    ]);
  });

  it.each([
    [{ dateOfBirth: '2023-02-30' }, 'dateOfBirth: 2023-02-30 is not a real date'],
    [{ dateOfBirth: '1990-13-01' }, 'dateOfBirth: 1990-13-01 is not a real date'],
    [{ dateOfBirth: '15/06/1998' }, 'dateOfBirth: 15/06/1998 is not a date as YYYY-MM-DD'],
    [{ dateOfBirth: '1900-01-01' }, 'dateOfBirth: must be after 1900-01-01'],
    [{ dateOfBirth: '2026-12-02' }, 'dateOfBirth: 2026-12-02 is after the assessment date 2026-12-01'],
    [{ assessedOn: '2026-11-31' }, 'assessedOn: 2026-11-31 is not a real date'],
    [
      { educationLevel: 'phd' },
      'educationLevel: "phd" is not one of: less_than_high_school, high_school, apprenticeship_or_trades, college, bachelor, graduate, unknown',
    ],
    [{ incomeSource: undefined }, 'incomeSource: required, one of: ontario_works, odsp, ei, none, other'],
    [
      { literacyNumeracy: 'great' },
      'literacyNumeracy: "great" is not one of: below_basic, basic, functional, proficient, unknown',
    ],
    [
      { workHistory: [{ nocCode: '21232', startDate: '2022-05-01', endDate: '2022-04-30' }] },
      'workHistory.0.endDate: ends on 2022-04-30, before it starts on 2022-05-01',
    ],
    [
      { workHistory: [{ nocCode: '21232', startDate: '2027-01-01' }] },
      'workHistory.0.startDate: starts on 2027-01-01, after the assessment date 2026-12-01',
    ],
    [
      { workHistory: [{ nocCode: '21232', startDate: '1990-01-01' }] },
      'workHistory.0.startDate: starts on 1990-01-01, before the date of birth',
    ],
    [
      { workHistory: [{ nocCode: '21232', startDate: '2022-01-01', hoursPerWeek: 0 }] },
      'workHistory.0.hoursPerWeek: must be at least 1 hour a week',
    ],
    [
      { workHistory: [{ nocCode: '21232', startDate: '2022-01-01', hoursPerWeek: 81 }] },
      'workHistory.0.hoursPerWeek: must be at most 80 hours a week',
    ],
    [
      { workHistory: Array.from({ length: 51 }, () => ({ nocCode: '21232', startDate: '2022-01-01' })) },
      'workHistory: at most 50 jobs',
    ],
    [
      {
        barriers: [
          { kind: 'food', status: 'active' },
          { kind: 'food', status: 'resolved' },
        ],
      },
      'barriers.1.kind: barrier food is listed more than once',
    ],
    [
      { barriers: [{ kind: 'homelessness', status: 'active' }] },
      'barriers.0.kind: "homelessness" is not one of: housing, food, mental_health, addictions, childcare, transportation, legal, digital_access, language, disability, income, other',
    ],
    [
      { accommodations: [{ kind: 'vision' }] },
      'accommodations.0.disabilityRelated: Invalid input: expected boolean, received undefined',
    ],
    [
      { accommodations: Array.from({ length: 31 }, () => ({ kind: 'vision', disabilityRelated: true })) },
      'accommodations: at most 30 accommodations',
    ],
  ])('rejects %j', (overrides, message) => {
    expect(issues({ ...baseline, ...overrides })).toEqual([message]);
  });

  it("compares the dates with the caller's today when there is no assessment date", () => {
    const { assessedOn: _omit, ...undated } = baseline;
    expect(issues({ ...undated, dateOfBirth: '2026-12-16' })).toEqual([
      `dateOfBirth: 2026-12-16 is after today (${TODAY})`,
    ]);
    const job = { nocCode: '21232', startDate: '2027-01-04', endDate: null };
    expect(issues({ ...undated, workHistory: [job] })).toEqual([
      `workHistory.0.startDate: starts on 2027-01-04, after today (${TODAY})`,
    ]);
    // The same input, checked by a caller whose today has reached that date.
    expect(assessmentInputSchemaOn('2027-01-04').safeParse({ ...undated, workHistory: [job] }).success).toBe(true);
  });

  it('fills empty lists and keeps a current job', () => {
    const parsed = assessmentInputSchema.parse({
      dateOfBirth: '1990-01-01',
      educationLevel: 'bachelor',
      incomeSource: 'ei',
    });
    expect(parsed).toEqual({
      dateOfBirth: '1990-01-01',
      educationLevel: 'bachelor',
      incomeSource: 'ei',
      workHistory: [],
      barriers: [],
      accommodations: [],
    });
  });
});

describe('compareResults', () => {
  it('names what changed between two assessments', () => {
    const before = score({
      ...seedProfile,
      barriers: [
        { kind: 'disability', status: 'active' },
        { kind: 'housing', status: 'active' },
      ],
    });
    const after = score({
      ...seedProfile,
      barriers: [
        { kind: 'disability', status: 'resolved' },
        { kind: 'housing', status: 'resolved' },
      ],
    });
    const comparison = compareResults(before, after);
    expect(comparison).toMatchObject({
      previousStream: 'C',
      nextStream: 'B',
      streamChanged: true,
      previousScore: 11,
      nextScore: 5,
      modelChanged: false,
    });
    expect(comparison.changes.map((c) => [c.code, c.change, c.previousPoints, c.nextPoints])).toEqual([
      ['disability', 'no_longer_applies', 3, 0],
      ['barrier_housing', 'no_longer_applies', 3, 0],
    ]);
    expect(comparison.summary).toEqual([
      'Stream C → B (score 11 → 5)',
      'no longer applies: Disability-related barrier or accommodation (−3): no active disability barrier and no disability-related accommodation (disability barrier resolved)',
      'no longer applies: Housing need (−3): housing barrier is resolved',
    ]);
  });

  it('lists nothing when only evidence changed (a birthday inside the age range)', () => {
    const before = score({ ...seedProfile, assessedOn: '2026-12-01' });
    const after = score({ ...seedProfile, assessedOn: '2027-06-01' });
    expect(factor(after, 'age_35_56').evidence).not.toBe(factor(before, 'age_35_56').evidence);
    expect(compareResults(before, after)).toMatchObject({
      streamChanged: false,
      changes: [],
      summary: ['Stream C unchanged (score 8 → 8)'],
    });
  });

  it('reports a new model version, its new factors and changed weights', () => {
    const next: AssessmentModel = structuredClone(model) as AssessmentModel;
    next.version = 'ca-2027.1';
    next.factors = next.factors
      .filter((f) => f.code !== 'age_35_56')
      .map((f) => (f.code === 'disability' ? { ...f, weight: 4 } : f));
    next.factors.push({
      ...model.factors.find((f) => f.code === 'barrier_income')!,
      code: 'barrier_other',
      condition: { type: 'barrier_active', kind: 'other' },
    });
    const answers = input({
      ...seedProfile,
      barriers: [
        { kind: 'disability', status: 'active' },
        { kind: 'other', status: 'active' },
      ],
    });
    const comparison = compareResults(scoreAssessment(model, answers), scoreAssessment(next, answers));
    expect(comparison.modelChanged).toBe(true);
    expect(comparison.changes.map((c) => [c.code, c.change, c.previousPoints, c.nextPoints])).toEqual([
      ['disability', 'points_changed', 3, 4],
      ['barrier_other', 'added_to_model', 0, 2],
      ['age_35_56', 'removed_from_model', 1, 0],
    ]);
    expect(comparison.summary[1]).toBe('model ca-2026.1 → ca-2027.1');
  });
});

describe('streamFor', () => {
  it.each([
    [0, 'A'],
    [2, 'A'],
    [3, 'B'],
    [6, 'B'],
    [7, 'C'],
    [36, 'C'],
  ])('score %d with the default thresholds is Stream %s', (s, stream) => {
    expect(streamFor(s, model.thresholds)).toBe(stream);
  });
});

// Random inputs within the schema, assessed on a fixed date.
const nocCodes = ['21232', '41200', '13110', '63200', '14400', '64100', '65201', '65310', '75110', '00010'];
const dateArb = (min: number, max: number) =>
  fc
    .date({ min: new Date(Date.UTC(min, 0, 1)), max: new Date(Date.UTC(max, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const jobArb = fc
  .record({
    nocCode: fc.constantFrom(...nocCodes),
    startDate: dateArb(2005, 2026),
    months: fc.option(fc.integer({ min: 0, max: 120 })),
  })
  .map(({ nocCode, startDate, months }) => {
    const start = startDate > ON ? ON : startDate;
    const endDate =
      months === null ? null : new Date(Date.parse(start) + months * 30 * 86_400_000).toISOString().slice(0, 10);
    return { nocCode, startDate: start, endDate };
  });
const barrierKindsArb = fc.uniqueArray(fc.constantFrom(...barrierKinds), { maxLength: barrierKinds.length });
const inputArb = fc
  .record({
    dateOfBirth: dateArb(1950, 2004),
    educationLevel: fc.constantFrom(...educationLevels),
    incomeSource: fc.constantFrom(...incomeSources),
    literacyNumeracy: fc.option(fc.constantFrom(...literacyLevels), { nil: undefined }),
    workHistory: fc.array(jobArb, { maxLength: 6 }),
    barrierKinds: barrierKindsArb,
    statuses: fc.array(fc.boolean(), { minLength: barrierKinds.length, maxLength: barrierKinds.length }),
    accommodations: fc.array(
      fc.record({ kind: fc.constantFrom(...accommodationKinds), disabilityRelated: fc.boolean() }),
      { maxLength: 4 },
    ),
  })
  .map(({ barrierKinds: kinds, statuses, literacyNumeracy, ...rest }) =>
    assessmentInputSchema.parse({
      ...rest,
      ...(literacyNumeracy ? { literacyNumeracy } : {}),
      assessedOn: ON,
      barriers: kinds.map((kind, i) => ({ kind, status: statuses[i] ? 'active' : 'resolved' })),
    }),
  );

describe('scoreAssessment: properties', () => {
  it('points sum to the score, and each factor scores its weight exactly when it applies', () => {
    fc.assert(
      fc.property(inputArb, (answers) => {
        const result = scoreAssessment(model, answers);
        expect(result.score).toBe(result.factors.reduce((sum, f) => sum + f.points, 0));
        for (const f of result.factors) expect(f.points).toBe(f.applies ? f.weight : 0);
        expect(result.reasons).toHaveLength(result.factors.filter((f) => f.applies).length + 1);
        expect(result.stream).toBe(streamFor(result.score, model.thresholds));
      }),
    );
  });

  it('adding an active barrier, or making a resolved one active, never lowers the score', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...barrierKinds), (answers, kind) => {
        const before = scoreAssessment(model, answers);
        const barriers = [...answers.barriers.filter((b) => b.kind !== kind), { kind, status: 'active' as const }];
        const after = scoreAssessment(model, { ...answers, barriers });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(streams.indexOf(after.stream)).toBeGreaterThanOrEqual(streams.indexOf(before.stream));
      }),
    );
  });

  it('the stream is monotonic in the score, for any thresholds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.nat(100),
        fc.nat(100),
        (b, gap, s1, s2) => {
          const thresholds = { B: b, C: b + gap };
          const [low, high] = s1 <= s2 ? [s1, s2] : [s2, s1];
          expect(streams.indexOf(streamFor(low, thresholds))).toBeLessThanOrEqual(
            streams.indexOf(streamFor(high, thresholds)),
          );
        },
      ),
    );
    fc.assert(
      fc.property(inputArb, inputArb, (a, b) => {
        const [ra, rb] = [scoreAssessment(model, a), scoreAssessment(model, b)];
        if (ra.score <= rb.score) expect(streams.indexOf(ra.stream)).toBeLessThanOrEqual(streams.indexOf(rb.stream));
      }),
    );
  });

  it('every result matches the HTTP response schema', () => {
    fc.assert(
      fc.property(inputArb, (answers) => void assessmentResultSchema.parse(scoreAssessment(model, answers))),
      { numRuns: 50 },
    );
  });
});
