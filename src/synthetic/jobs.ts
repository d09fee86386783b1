import { accommodationKinds } from '../domain/assessment/assessment-input.ts';
import { decentWorkInputSchema, getDecentWorkModel, scoreDecentWork } from '../domain/jobs/decent-work.ts';
import { jobBenefits, jobPermanence, jobSchedules } from '../domain/jobs/job-vocabulary.ts';
import type { MatchClient, MatchJob } from '../domain/matching/match.ts';
import { loadGeography } from './geography.ts';
import { OCCUPATIONS } from './occupations.ts';
import { weightedTable, type Random } from './random.ts';

// Synthetic job orders and job seekers as matching reads them (issue 14, point 9; docs/synthetic-data.md),
// deterministic for a seed: the occupations people in Toronto's employment services most often hold or
// seek (./occupations.ts), postal areas across the city, the hours, accommodations and decent-work
// attributes of entry-level and mid-level jobs.

const occupations = weightedTable(OCCUPATIONS.map((o) => [o.code, o.weight] as const));
const CREDENTIALS = [
  'Food handler certificate',
  'Smart Serve',
  'WHMIS',
  'Forklift licence',
  'First aid and CPR',
  'G driver’s licence',
];
const SKILLS_SAMPLE = [
  'http://data.europa.eu/esco/skill/045f71e6-0699-4169-8a54-9c6b96f3174d',
  'http://data.europa.eu/esco/skill/04fe962b-4017-4eb7-9139-7d69b6922bc9',
];

function postalCode(random: Random): string {
  const fsa = random.pick(loadGeography().fsas).code;
  return `${fsa} ${random.int(1, 9)}${'ABCEGHJKLMNPRSTVWXYZ'[random.int(0, 19)]}${random.int(1, 9)}`;
}

function some<T>(random: Random, items: readonly T[], max: number): T[] {
  const n = random.int(0, max);
  const chosen = new Set<T>();
  while (chosen.size < n) chosen.add(random.pick(items));
  return [...chosen];
}

export function syntheticMatchJobs(random: Random, count: number): MatchJob[] {
  const model = getDecentWorkModel();
  const jobs: MatchJob[] = [];
  for (let i = 0; i < count; i += 1) {
    const fullTime = random.bool(0.6);
    const hoursPerWeek = fullTime ? random.pick([35, 37, 40, 40, 44]) : random.pick([12, 16, 20, 24, 25, 30]);
    const attributes = decentWorkInputSchema.parse({
      hourlyWage: Math.round((17.6 + random.float() * random.float() * 20) * 100) / 100,
      hoursPerWeek,
      schedule: random.pick(jobSchedules),
      benefits: fullTime ? some(random, jobBenefits, 5) : some(random, jobBenefits, 1),
      paidSickDays: random.pick([0, 0, 2, 3, 5, 7]),
      permanence: random.pick(jobPermanence),
      advancementPath: random.bool(0.35),
      trainingProvided: random.bool(0.5),
      safetyTraining: random.bool(0.6),
    });
    const workplace = random.bool(0.05) ? 'remote' : random.bool(0.08) ? 'hybrid' : 'on_site';
    jobs.push({
      id: `job-${String(i).padStart(6, '0')}`,
      nocCode: random.weightedPick(occupations),
      skills: some(random, SKILLS_SAMPLE, 2),
      credentialsRequired: random.bool(0.3) ? [random.pick(CREDENTIALS)] : [],
      hoursPerWeek,
      workplace,
      postalCode: workplace === 'remote' ? null : postalCode(random),
      accommodationsOffered: some(random, accommodationKinds, 3),
      decentWorkScore: scoreDecentWork(model, attributes).score,
    });
  }
  return jobs;
}

export function syntheticMatchClients(random: Random, count: number): MatchClient[] {
  const clients: MatchClient[] = [];
  for (let i = 0; i < count; i += 1) {
    const goals = random.bool(0.85) ? [random.weightedPick(occupations)] : [];
    if (goals.length > 0 && random.bool(0.3)) goals.push(random.weightedPick(occupations));
    clients.push({
      id: `client-${String(i).padStart(7, '0')}`,
      targetNocCodes: [...new Set(goals)],
      workHistory: some(random, [0, 1, 2], 2).map(() => ({ nocCode: random.weightedPick(occupations) })),
      skills: some(random, SKILLS_SAMPLE, 2),
      credentials: random.bool(0.25) ? [random.pick(CREDENTIALS)] : [],
      hoursWanted: random.bool(0.8) ? random.pick([15, 20, 25, 30, 35, 40]) : null,
      postalCode: postalCode(random),
      accommodationsNeeded: random.bool(0.15) ? [random.pick(accommodationKinds)] : [],
      stream: random.pick(['A', 'A', 'B', 'B', 'C'] as const),
    });
  }
  return clients;
}
