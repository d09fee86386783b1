import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  getProgramMatchModel,
  matchProgramSchema,
  parseProgramMatchModelFile,
  programClientSchema,
  programMatchModelChecksum,
  programMatchModelSchema,
  rankProgramsForClient,
  scoreProgram,
  type ProgramMatchModel,
} from './program-match.ts';

// A shipped program-matching model is never edited: a new version is a new file (checksums pinned here).
const SHIPPED_CHECKSUMS: Record<string, string> = {
  'program-match-2026.1': '9a8ccb9b4c8bcafac8b9e6c023bf21042448fc28699d97ff32a36ba7db6876aa',
};
const MODELS_DIR = new URL('./program-match-models/', import.meta.url);
const model = getProgramMatchModel();
const TODAY = '2026-12-03';

const client = (overrides: Record<string, unknown> = {}) =>
  programClientSchema.parse({
    id: 'c1',
    targetNocCodes: ['72320'],
    postalCode: 'M6K 1X9',
    dateOfBirth: '2002-03-01',
    preferredLanguage: 'en',
    stream: 'B',
    activeBarriers: [],
    incomeSource: 'none',
    ...overrides,
  });
const program = (overrides: Record<string, unknown> = {}) =>
  matchProgramSchema.parse({
    id: 'p1',
    interventionTypes: ['training'],
    occupations: ['72320'],
    deliveryMode: 'in_person',
    intakeState: 'open',
    sites: [{ postalCode: 'M6K 3C3' }],
    ...overrides,
  });
const scored = (c = client(), p = program()) => {
  const pair = scoreProgram(model, c, p, TODAY);
  if (pair.kind !== 'scored') throw new Error(`left out: ${pair.reason}`);
  return pair;
};
const factor = (p: ReturnType<typeof scored>, code: string) => p.factors.find((f) => f.code === code)!;

describe('shipped program-matching models', () => {
  it('every file validates, is named after its version, and keeps its pinned checksum', () => {
    const files = fs.readdirSync(MODELS_DIR).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(Object.keys(SHIPPED_CHECKSUMS).map((v) => `${v}.json`));
    for (const file of files) {
      const parsed = parseProgramMatchModelFile(file, fs.readFileSync(new URL(file, MODELS_DIR), 'utf8'));
      expect(programMatchModelChecksum(parsed), file).toBe(SHIPPED_CHECKSUMS[parsed.version]);
    }
  });

  it('refuses weights that do not add up to 100', () => {
    const changed = structuredClone(model) as ProgramMatchModel;
    changed.weights.intervention = 31;
    const result = programMatchModelSchema.safeParse(changed);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join('\n')).toMatch(/add up to 100, not 101/);
  });
});

describe('programs for a client', () => {
  it('gives a program that fits on every count 100 points, its factors adding up to the score', () => {
    const best = scored(
      client({ preferredLanguage: 'fr' }),
      program({ languages: ['fr'], targetPopulations: ['youth'] }),
    );
    expect(best.score).toBe(100);
    const sum = best.factors.reduce((s, f) => s + f.points, 0);
    expect(Math.abs(sum - best.score)).toBeLessThan(0.2);
  });

  it('leaves out programs not taking people, ended, or for other ages, and counts why', () => {
    const ranking = rankProgramsForClient(
      model,
      client(),
      [
        program({ id: 'full', intakeState: 'full' }),
        program({ id: 'closed', intakeState: 'closed' }),
        program({ id: 'ended', endsOn: '2026-11-30' }),
        program({ id: 'paused', status: 'temporarily_closed' }),
        program({ id: 'older', minimumAge: 30 }),
        program({ id: 'younger', maximumAge: 20 }),
        program({ id: 'fits' }),
      ],
      10,
      TODAY,
    );
    expect(ranking.results.map((r) => r.programId)).toEqual(['fits']);
    expect(ranking.leftOut).toEqual({ not_taking_people: 4, outside_ages: 2 });
  });

  it('fits what the program does to where the client is: barriers call for life stabilization first', () => {
    const stabilize = program({ interventionTypes: ['life_stabilization'], occupations: [] });
    expect(factor(scored(client(), stabilize), 'intervention').value).toBe(model.otherIntervention);
    const withBarrier = client({ activeBarriers: ['housing'] });
    expect(factor(scored(withBarrier, stabilize), 'intervention')).toMatchObject({
      value: 1,
      plain: { en: 'The program offers life stabilization, which the client needs now (Stream B, 1 active barrier).' },
    });
  });

  it('leaves out what the program does when an imported listing does not say', () => {
    const untyped = scored(client(), program({ interventionTypes: [] }));
    expect(factor(untyped, 'intervention')).toMatchObject({
      applies: false,
      plain: { en: 'The listing does not say what kind of help the program gives.' },
    });
    expect(Math.round(untyped.factors.reduce((s, f) => s + f.maxPoints, 0))).toBe(100);
  });

  it('never infers a group from the file beyond ages, income and language: it says to ask the client', () => {
    const forWomen = program({ targetPopulations: ['women'] });
    expect(factor(scored(client(), forWomen), 'population')).toMatchObject({
      value: model.askTheClient,
      plain: { en: 'The program is for women: the file does not say, so ask the client.' },
    });
    // Equity answers in a case are not part of the client the ranking reads: the same result.
    const withEquity = programClientSchema.parse({ ...client(), equity: { gender: 'woman' } });
    expect(scored(withEquity, forWomen)).toEqual(scored(client(), forWomen));
    expect(
      factor(
        scored(client({ incomeSource: 'odsp' }), program({ targetPopulations: ['social_assistance_recipients'] })),
        'population',
      ).value,
    ).toBe(1);
    expect(factor(scored(client(), program({ targetPopulations: ['mature_workers'] })), 'population').value).toBe(0);
  });

  it('leaves out what the reader does not see rather than counting it against the client', () => {
    const unseen = client({ postalCode: null, dateOfBirth: null, preferredLanguage: null });
    const result = scored(unseen, program({ minimumAge: 30, targetPopulations: ['youth'] }));
    expect(factor(result, 'distance').applies).toBe(false);
    expect(factor(result, 'language').applies).toBe(false);
    expect(factor(result, 'population').value).toBe(model.askTheClient);
    const points = result.factors.filter((f) => f.applies).reduce((s, f) => s + f.maxPoints, 0);
    expect(Math.round(points)).toBe(100);
  });

  it('ranks the same case the same way every time, ties to the program taking people now', () => {
    const programs = [
      program({ id: 'b-soon', intakeState: 'opens_soon' }),
      program({ id: 'a-open' }),
      program({ id: 'c-open' }),
    ];
    const model2 = structuredClone(model) as ProgramMatchModel;
    model2.intake.opensSoon = 1;
    const ranking = rankProgramsForClient(model2, client(), programs, 10, TODAY);
    expect(ranking.results.map((r) => r.programId)).toEqual(['a-open', 'c-open', 'b-soon']);
  });
});
