import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchModelSchema, type MatchModel } from './match-model.ts';
import {
  getMatchModel,
  matchClientSchema,
  matchJobSchema,
  matchModelChecksum,
  matchPair,
  parseMatchModelFile,
  rankClientsForJob,
  rankJobsForClient,
  type MatchResult,
} from './match.ts';

// A shipped matching model is never edited: a new version is a new file (checksums pinned here).
const SHIPPED_CHECKSUMS: Record<string, string> = {
  'match-2026.1': '570079669e6514f06e1c626eeab4419fdb12ccaa79558382636b19c182de19b0',
};
const MODELS_DIR = new URL('./match-models/', import.meta.url);
const model = getMatchModel();

const client = (overrides: Record<string, unknown> = {}) =>
  matchClientSchema.parse({
    id: 'c1',
    targetNocCodes: ['63202'],
    hoursWanted: 30,
    postalCode: 'M6K 1X9',
    stream: 'B',
    ...overrides,
  });
const job = (overrides: Record<string, unknown> = {}) =>
  matchJobSchema.parse({
    id: 'j1',
    nocCode: '63202',
    hoursPerWeek: 30,
    workplace: 'on_site',
    postalCode: 'M6K 3C3',
    decentWorkScore: 100,
    ...overrides,
  });
const matched = (c = client(), j = job()): MatchResult => {
  const outcome = matchPair(model, c, j);
  if (outcome.kind !== 'matched') throw new Error(`left out: ${outcome.reason}`);
  return outcome.result;
};
const factor = (r: MatchResult, code: string) => r.factors.find((f) => f.code === code)!;

describe('shipped matching models', () => {
  it('every file validates, is named after its version, and keeps its pinned checksum', () => {
    const files = fs.readdirSync(MODELS_DIR).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(Object.keys(SHIPPED_CHECKSUMS).map((v) => `${v}.json`));
    for (const file of files) {
      const parsed = parseMatchModelFile(file, fs.readFileSync(new URL(file, MODELS_DIR), 'utf8'));
      expect(matchModelChecksum(parsed), file).toBe(SHIPPED_CHECKSUMS[parsed.version]);
    }
  });

  it('refuses weights that do not add up to 100 and a NOC closeness that grows with distance', () => {
    const changed = structuredClone(model) as MatchModel;
    changed.weights.occupation = 31;
    changed.occupation.majorGroup = 0.9;
    const result = matchModelSchema.safeParse(changed);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message).join('\n');
    expect(messages).toMatch(/add up to 100, not 101/);
    expect(messages).toMatch(/closer groups of the NOC/);
  });
});

describe('the occupation factor', () => {
  it('counts a goal, then the NOC hierarchy from minor group to major group, then the crosswalk', () => {
    expect(factor(matched(), 'occupation').value).toBe(1);
    expect(factor(matched(client(), job({ nocCode: '63200' })), 'occupation').value).toBe(0.75);
    expect(factor(matched(client(), job({ nocCode: '63210' })), 'occupation').value).toBe(0.5);
    expect(factor(matched(client(), job({ nocCode: '63100' })), 'occupation').value).toBe(0.3);
    expect(
      factor(matched(client({ targetNocCodes: ['63201'] }), job({ nocCode: '65202' })), 'occupation'),
    ).toMatchObject({
      value: 0.6,
      plain: { en: expect.stringContaining('through the O*NET crosswalk') },
    });
    expect(factor(matched(client(), job({ nocCode: '63100' })), 'occupation').plain.en).toBe(
      "The job's occupation, Insurance agents and brokers (63100), is in the same major group as the client's goal Bakers (63202).",
    );
  });

  it('counts past work at the model’s share of a goal', () => {
    const r = matched(client({ targetNocCodes: [], workHistory: [{ nocCode: '65201' }] }), job({ nocCode: '65201' }));
    expect(factor(r, 'occupation').value).toBe(0.8);
  });

  it('leaves out jobs in unrelated occupations, and on-site jobs beyond the longest commute, but never remote ones', () => {
    expect(matchPair(model, client(), job({ nocCode: '72106' }))).toEqual({
      kind: 'left_out',
      reason: 'occupation_too_far',
    });
    const far = client({ postalCode: 'M1B 1A1' });
    expect(matchPair(model, far, job({ postalCode: 'M9W 5L7' }))).toEqual({
      kind: 'left_out',
      reason: 'too_far_to_commute',
    });
    expect(matchPair(model, far, job({ postalCode: 'M9W 5L7', workplace: 'remote' })).kind).toBe('matched');
  });
});

describe('a match', () => {
  it('scales the factors that apply to 100 and says why each one counts', () => {
    const r = matched();
    // No skills asked, no credential required, no accommodation needed: those three do not apply.
    expect(r.factors.filter((f) => !f.applies).map((f) => f.code)).toEqual(['skills', 'accommodations', 'credentials']);
    expect(r.factors.reduce((sum, f) => sum + f.maxPoints, 0)).toBeCloseTo(100, 0);
    expect(r.score).toBeCloseTo(100 - (5 * 100) / 70 / 2, 1);
    expect(factor(r, 'stream').plain).toEqual({
      en: 'Stream B: some priority for scarce openings.',
      fr: 'Volet B : une certaine priorité pour les postes rares.',
    });
  });

  it('weighs hours, commute, accommodations and credentials by how far they fall short', () => {
    const r = matched(
      client({
        accommodationsNeeded: ['scheduling', 'mobility'],
        credentials: ['Food Handler Certificate'],
        hoursWanted: 20,
      }),
      job({
        hoursPerWeek: 32.5,
        postalCode: 'M5V 2T6',
        accommodationsOffered: ['mobility'],
        credentialsRequired: ['Food handler certificate', 'Smart Serve'],
      }),
    );
    expect(factor(r, 'hours').value).toBeCloseTo(1 - 7.5 / 15, 3);
    expect(factor(r, 'commute').value).toBe(1);
    expect(factor(r, 'accommodations')).toMatchObject({
      value: 0.5,
      plain: { en: expect.stringMatching(/not offered: scheduling/) },
    });
    expect(factor(r, 'credentials')).toMatchObject({
      value: 0.5,
      plain: { en: expect.stringMatching(/missing: Smart Serve/) },
    });
  });

  it('never reads what a client record keeps apart: equity answers are not part of a match', () => {
    const plain = matched(client(), job());
    const withEquity = matched(client({ equity: { disability: true }, notes: 'private' }), job());
    expect(withEquity).toEqual(plain);
  });
});

describe('rankings', () => {
  const jobs = [
    job({ id: 'exact', decentWorkScore: 40 }),
    job({ id: 'exact-too', decentWorkScore: 40, hoursPerWeek: 31 }),
    job({ id: 'cook', nocCode: '63200', decentWorkScore: 90 }),
    job({ id: 'welder', nocCode: '72106' }),
  ];

  it('ranks a client’s jobs best first, reproducibly, and counts what it left out', () => {
    const ranking = rankJobsForClient(model, client(), jobs, 2);
    expect(ranking.results.map((r) => r.jobId)).toEqual(['exact', 'exact-too']);
    expect(ranking).toMatchObject({ considered: 4, leftOut: { occupation_too_far: 1, too_far_to_commute: 0 } });
    expect(rankJobsForClient(model, client(), [...jobs].reverse(), 2)).toEqual(ranking);
  });

  it('ranks candidates for a job, the stream giving priority when all else is equal', () => {
    const clients = [
      client({ id: 'a', stream: 'A' }),
      client({ id: 'c', stream: 'C' }),
      client({ id: 'b', stream: 'B' }),
    ];
    expect(rankClientsForJob(model, job(), clients).results.map((r) => r.clientId)).toEqual(['c', 'b', 'a']);
  });
});
