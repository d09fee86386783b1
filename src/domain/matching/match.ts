import { z } from 'zod';
import { policyRegistry, bilingualTextSchema } from '../../lib/versioned-policy.ts';
import { accommodationKinds } from '../assessment/assessment-input.ts';
import { nocCodeSchema, nocTitle } from '../occupations/noc.ts';
import { matchFactors, matchModelSchema, type MatchFactor, type MatchModel } from './match-model.ts';
import { kmBetween, placeOf, relatedNoc, skillLabel } from './reference.ts';

// Explainable matching (docs/matching.md): pure and deterministic, no database. A client's job goals,
// past work, skills, credentials, hours wanted, area and the accommodations they asked to have shared
// (the `employment` category) and their stream, against a job order. Never equity data, notes or the
// assessment's details. Every result carries each factor's points and a sentence in English and French.

const MODELS_DIR = new URL('./match-models/', import.meta.url);
export const defaultMatchModel = 'match-2026.1';

const registry = policyRegistry<MatchModel>({
  label: 'Matching model',
  dir: MODELS_DIR,
  schema: matchModelSchema,
  defaultVersion: defaultMatchModel,
});
export const parseMatchModelFile = registry.parseFile;
export const listMatchModels = registry.list;
export const findMatchModel = registry.find;
export const getMatchModel = registry.get;
export const matchModelChecksum = registry.checksum;

const words = (max: number) => z.string().trim().min(1).max(max);

export const matchClientSchema = z.object({
  id: z.string().min(1).max(100),
  targetNocCodes: z.array(nocCodeSchema).max(10).default([]),
  workHistory: z
    .array(z.object({ nocCode: nocCodeSchema }))
    .max(50)
    .default([]),
  // null: not recorded, so the factor does not apply; an empty list: recorded, none.
  skills: z.array(z.string().max(200)).max(100).nullable().default([]),
  credentials: z.array(words(100)).max(30).nullable().default([]),
  hoursWanted: z.number().min(1).max(80).nullable().default(null),
  postalCode: z.string().trim().max(10).nullable().default(null),
  accommodationsNeeded: z.array(z.enum(accommodationKinds)).max(accommodationKinds.length).default([]),
  stream: z.enum(['A', 'B', 'C']).nullable().default(null),
});
export type MatchClient = z.infer<typeof matchClientSchema>;

export const matchJobSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(200).optional(),
  nocCode: nocCodeSchema,
  skills: z
    .array(z.union([z.string(), z.object({ uri: z.string() }).transform((s) => s.uri)]))
    .max(30)
    .default([]),
  credentialsRequired: z.array(words(100)).max(10).default([]),
  hoursPerWeek: z.number().min(0).max(80),
  workplace: z.enum(['on_site', 'hybrid', 'remote']),
  postalCode: z.string().trim().max(10).nullable().default(null),
  accommodationsOffered: z.array(z.enum(accommodationKinds)).max(accommodationKinds.length).default([]),
  decentWorkScore: z.number().int().min(0).max(100),
});
export type MatchJob = z.infer<typeof matchJobSchema>;

export const factorResultSchema = z.object({
  code: z.enum(matchFactors),
  label: bilingualTextSchema,
  applies: z.boolean(),
  // 0 to 1: how well this factor matches.
  value: z.number(),
  // The factor's share of the 100 points, once the factors that do not apply are left out.
  points: z.number(),
  maxPoints: z.number(),
  plain: bilingualTextSchema,
});
export type FactorResult = z.infer<typeof factorResultSchema>;

export const matchResultSchema = z.object({
  clientId: z.string(),
  jobId: z.string(),
  score: z.number(),
  factors: z.array(factorResultSchema),
});
export type MatchResult = z.infer<typeof matchResultSchema>;

// Why a pair was not offered at all.
export const leftOutReasons = ['occupation_too_far', 'too_far_to_commute'] as const;
export type LeftOutReason = (typeof leftOutReasons)[number];

// What every ranking from the API says of itself, and how many results it asks for.
export const rankingHeaderShape = {
  modelVersion: z.string(),
  modelChecksum: z.string(),
  considered: z.number().int(),
  leftOut: z.record(z.enum(leftOutReasons), z.number().int()),
};
export const matchLimitQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

type Text = { en: string; fr: string };
// `plain` is worked out only for the results shown (`text`): a batch ranks millions of pairs on their values.
type Scored = { value: number; applies: boolean; plain: Text };
const NO_TEXT: Text = { en: '', fr: '' };

// Words shared with the program matching (program-match.ts).
export const round1 = (n: number) => Math.round(n * 10) / 10;
export const fr1 = (n: number) => String(round1(n)).replace('.', ',');
export const occupationName = (code: string) => `${nocTitle(code) ?? code} (${code})`;
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

export type Closeness = {
  value: number;
  how: 'unit' | 'minor' | 'subMajor' | 'major' | 'related' | 'none';
  shared: string[];
};

export function closeness(model: MatchModel, a: string, b: string): Closeness {
  return closenessIn(model.occupation, a, b);
}

// The same, under any table of NOC closeness (the program-matching model keeps its own).
export function closenessIn(o: Omit<MatchModel['occupation'], 'minimum'>, a: string, b: string): Closeness {
  if (a === b) return { value: o.unitGroup, how: 'unit', shared: [] };
  const hierarchy: Closeness =
    a.slice(0, 4) === b.slice(0, 4)
      ? { value: o.minorGroup, how: 'minor', shared: [] }
      : a.slice(0, 3) === b.slice(0, 3)
        ? { value: o.subMajorGroup, how: 'subMajor', shared: [] }
        : a.slice(0, 2) === b.slice(0, 2)
          ? { value: o.majorGroup, how: 'major', shared: [] }
          : { value: 0, how: 'none', shared: [] };
  const shared = relatedNoc(a).get(b);
  if (shared && o.relatedByCrosswalk > hierarchy.value) return { value: o.relatedByCrosswalk, how: 'related', shared };
  return hierarchy;
}

export const howWords: Record<Closeness['how'], Text> = {
  unit: { en: 'is', fr: 'correspond à' },
  minor: { en: 'is in the same minor group as', fr: 'est dans le même groupe intermédiaire que' },
  subMajor: { en: 'is in the same sub-major group as', fr: 'est dans le même sous-grand groupe que' },
  major: { en: 'is in the same major group as', fr: 'est dans le même grand groupe que' },
  related: { en: 'is related, through the O*NET crosswalk, to', fr: 'est liée, par la correspondance O*NET, à' },
  none: { en: 'is far from', fr: 'est éloignée de' },
};

function scoreOccupation(model: MatchModel, client: MatchClient, job: MatchJob, text: boolean): Scored {
  if (client.targetNocCodes.length === 0 && client.workHistory.length === 0)
    return {
      value: 0,
      applies: false,
      plain: !text
        ? NO_TEXT
        : {
            en: 'The client has named no job goal and no past work yet.',
            fr: 'Le client n’a encore indiqué aucun objectif d’emploi ni expérience de travail.',
          },
    };
  let best: { code: string; c: Closeness; past: boolean } | undefined;
  for (const code of client.targetNocCodes) {
    const c = closeness(model, job.nocCode, code);
    if (!best || c.value > best.c.value) best = { code, c, past: false };
  }
  for (const { nocCode } of client.workHistory) {
    const c = closeness(model, job.nocCode, nocCode);
    const value = c.value * model.occupation.pastWorkFactor;
    if (!best || value > best.c.value) best = { code: nocCode, c: { ...c, value }, past: true };
  }
  const found = best!;
  return { value: found.c.value, applies: true, plain: !text ? NO_TEXT : occupationWords(job, found) };
}

function occupationWords(job: MatchJob, best: { code: string; c: Closeness; past: boolean }): Text {
  const job1 = occupationName(job.nocCode);
  if (best.c.value === 0)
    return {
      en: `The job's occupation, ${job1}, is far from the client's goals and past work.`,
      fr: `La profession de l’emploi, ${job1}, est éloignée des objectifs et de l’expérience du client.`,
    };
  if (best.c.how === 'unit' && !best.past)
    return {
      en: `The job's occupation, ${job1}, is one of the client's goals.`,
      fr: `La profession de l’emploi, ${job1}, fait partie des objectifs du client.`,
    };
  const theirs = best.code === job.nocCode ? '' : ` ${occupationName(best.code)}`;
  const what = best.past
    ? {
        en: `the client's past work${theirs ? ` as${theirs}` : ''}`,
        fr: `l’expérience du client${theirs ? ` comme${theirs}` : ''}`,
      }
    : { en: `the client's goal${theirs}`, fr: `l’objectif du client${theirs}` };
  const via =
    best.c.how === 'related'
      ? { en: ` (shared: ${best.c.shared.join('; ')})`, fr: ` (en commun : ${best.c.shared.join('; ')})` }
      : { en: '', fr: '' };
  return {
    en: `The job's occupation, ${job1}, ${howWords[best.c.how].en} ${what.en}${via.en}.`,
    fr: `La profession de l’emploi, ${job1}, ${howWords[best.c.how].fr} ${what.fr}${via.fr}.`,
  };
}

function scoreSkills(client: MatchClient, job: MatchJob, text: boolean): Scored {
  if (job.skills.length === 0)
    return {
      value: 0,
      applies: false,
      plain: !text ? NO_TEXT : { en: 'The job lists no skills.', fr: 'L’emploi n’indique aucune compétence.' },
    };
  const held = client.skills;
  if (held === null)
    return {
      value: 0,
      applies: false,
      plain: !text
        ? NO_TEXT
        : { en: 'The client’s skills are not recorded.', fr: 'Les compétences du client ne sont pas consignées.' },
    };
  let have = 0;
  for (const skill of job.skills) if (held.includes(skill)) have += 1;
  return { value: have / job.skills.length, applies: true, plain: !text ? NO_TEXT : skillsWords(client, job) };
}

function skillNames(list: readonly string[]): string {
  return list.map(skillLabel).join(', ');
}

function skillsWords(client: MatchClient, job: MatchJob): Text {
  const held = client.skills ?? [];
  const have = job.skills.filter((s) => held.includes(s));
  const missing = job.skills.filter((s) => !held.includes(s));
  if (missing.length === 0)
    return {
      en: `The client has every skill the job asks for (${skillNames(have)}).`,
      fr: `Le client a toutes les compétences demandées (${skillNames(have)}).`,
    };
  const some = { en: have.length ? ` (${skillNames(have)})` : '', fr: have.length ? ` (${skillNames(have)})` : '' };
  return {
    en: `The client has ${have.length} of the ${job.skills.length} skills the job asks for${some.en}; not yet: ${skillNames(missing)}.`,
    fr: `Le client a ${have.length} des ${job.skills.length} compétences demandées${some.fr}; pas encore : ${skillNames(missing)}.`,
  };
}

function scoreHours(model: MatchModel, client: MatchClient, job: MatchJob, text: boolean): Scored {
  if (client.hoursWanted === null)
    return {
      value: 0,
      applies: false,
      plain: !text
        ? NO_TEXT
        : {
            en: 'The client has not said how many hours they want.',
            fr: 'Le client n’a pas indiqué combien d’heures il souhaite.',
          },
    };
  const wanted = client.hoursWanted;
  const gap = Math.abs(job.hoursPerWeek - wanted);
  const { fullWithin, zeroAt } = model.hours;
  const value = gap <= fullWithin ? 1 : gap >= zeroAt ? 0 : 1 - (gap - fullWithin) / (zeroAt - fullWithin);
  return {
    value,
    applies: true,
    plain: !text
      ? NO_TEXT
      : (() => {
          const offered =
            job.hoursPerWeek === 0
              ? { en: 'no guaranteed hours', fr: 'aucune heure garantie' }
              : { en: `${job.hoursPerWeek} hours a week`, fr: `${fr1(job.hoursPerWeek)} heures par semaine` };
          return {
            en: `The job offers ${offered.en}; the client wants ${wanted}.`,
            fr: `L’emploi offre ${offered.fr}; le client en souhaite ${fr1(wanted)}.`,
          };
        })(),
  };
}

function commuteKm(client: MatchClient, job: MatchJob): number | undefined {
  if (job.workplace === 'remote') return 0;
  const from = placeOf(client.postalCode);
  const to = placeOf(job.postalCode);
  return from && to ? kmBetween(from, to) : undefined;
}

function scoreCommute(
  model: MatchModel,
  client: MatchClient,
  job: MatchJob,
  km: number | undefined,
  text: boolean,
): Scored {
  if (job.workplace === 'remote')
    return {
      value: 1,
      applies: true,
      plain: !text ? NO_TEXT : { en: 'The job is done remotely.', fr: 'L’emploi se fait à distance.' },
    };
  if (km === undefined)
    return {
      value: 0,
      applies: false,
      plain: !text
        ? NO_TEXT
        : {
            en: 'The distance is not known (a place outside Toronto, or none given).',
            fr: 'La distance n’est pas connue (un lieu hors de Toronto, ou aucun lieu donné).',
          },
    };
  const { fullWithinKm, zeroAtKm } = model.commute;
  const value = km <= fullWithinKm ? 1 : km >= zeroAtKm ? 0 : 1 - (km - fullWithinKm) / (zeroAtKm - fullWithinKm);
  const from = (client.postalCode ?? '').slice(0, 3).toUpperCase();
  const to = (job.postalCode ?? '').slice(0, 3).toUpperCase();
  const hybrid =
    job.workplace === 'hybrid'
      ? { en: ' (part of the week on site)', fr: ' (une partie de la semaine sur place)' }
      : { en: '', fr: '' };
  return {
    value,
    applies: true,
    plain: !text
      ? NO_TEXT
      : {
          en: `About ${round1(km)} km between the client's area (${from}) and the job's (${to})${hybrid.en}.`,
          fr: `Environ ${fr1(km)} km entre le secteur du client (${from}) et celui de l’emploi (${to})${hybrid.fr}.`,
        },
  };
}

const accommodationWords: Record<(typeof accommodationKinds)[number], Text> = {
  mobility: { en: 'mobility', fr: 'mobilité' },
  vision: { en: 'vision', fr: 'vision' },
  hearing: { en: 'hearing', fr: 'audition' },
  cognitive: { en: 'cognitive', fr: 'cognitif' },
  mental_health: { en: 'mental health', fr: 'santé mentale' },
  communication: { en: 'communication', fr: 'communication' },
  scheduling: { en: 'scheduling', fr: 'horaire' },
  other: { en: 'other', fr: 'autre' },
};

function accommodationList(list: readonly (typeof accommodationKinds)[number][], lang: 'en' | 'fr'): string {
  return list.map((a) => accommodationWords[a][lang]).join(', ');
}

function scoreAccommodations(client: MatchClient, job: MatchJob, text: boolean): Scored {
  const needed = client.accommodationsNeeded;
  if (needed.length === 0)
    return {
      value: 0,
      applies: false,
      plain: !text
        ? NO_TEXT
        : {
            en: 'The client has shared no accommodation need.',
            fr: 'Le client n’a fait part d’aucun besoin de mesure d’adaptation.',
          },
    };
  const missing = needed.filter((a) => !job.accommodationsOffered.includes(a));
  return {
    value: (needed.length - missing.length) / needed.length,
    applies: true,
    plain: !text
      ? NO_TEXT
      : missing.length === 0
        ? {
            en: `The job offers every accommodation the client needs (${accommodationList(needed, 'en')}).`,
            fr: `L’emploi offre toutes les mesures d’adaptation dont le client a besoin (${accommodationList(needed, 'fr')}).`,
          }
        : missing.length === needed.length
          ? {
              en: `The job offers none of the accommodations the client needs (${accommodationList(missing, 'en')}).`,
              fr: `L’emploi n’offre aucune des mesures d’adaptation dont le client a besoin (${accommodationList(missing, 'fr')}).`,
            }
          : {
              en: `The job offers ${needed.length - missing.length} of the ${needed.length} accommodations the client needs; not offered: ${accommodationList(missing, 'en')}.`,
              fr: `L’emploi offre ${needed.length - missing.length} des ${needed.length} mesures d’adaptation dont le client a besoin; non offertes : ${accommodationList(missing, 'fr')}.`,
            },
  };
}

// A client's credentials as compared (letter case and accents aside), worked out once per client.
const foldedByClient = new WeakMap<MatchClient, ReadonlySet<string>>();
function foldedCredentials(client: MatchClient): ReadonlySet<string> {
  let held = foldedByClient.get(client);
  if (!held) {
    held = new Set((client.credentials ?? []).map(fold));
    foldedByClient.set(client, held);
  }
  return held;
}

function scoreCredentials(client: MatchClient, job: MatchJob, text: boolean): Scored {
  if (job.credentialsRequired.length === 0)
    return {
      value: 0,
      applies: false,
      plain: !text
        ? NO_TEXT
        : { en: 'The job requires no credential.', fr: 'L’emploi n’exige aucun titre de compétence.' },
    };
  if (client.credentials === null)
    return {
      value: 0,
      applies: false,
      plain: !text
        ? NO_TEXT
        : {
            en: 'The client’s credentials are not recorded.',
            fr: 'Les titres de compétence du client ne sont pas consignés.',
          },
    };
  const held = foldedCredentials(client);
  const missing = job.credentialsRequired.filter((c) => !held.has(fold(c)));
  const n = job.credentialsRequired.length;
  return {
    value: (n - missing.length) / n,
    applies: true,
    plain: !text
      ? NO_TEXT
      : missing.length === 0
        ? {
            en: `The client holds every credential the job requires (${job.credentialsRequired.join(', ')}).`,
            fr: `Le client détient tous les titres exigés (${job.credentialsRequired.join(', ')}).`,
          }
        : {
            en: `The client holds ${n - missing.length} of the ${n} credentials the job requires; missing: ${missing.join(', ')}.`,
            fr: `Le client détient ${n - missing.length} des ${n} titres exigés; manquants : ${missing.join(', ')}.`,
          },
  };
}

function scoreDecentWork(job: MatchJob, text: boolean): Scored {
  return {
    value: job.decentWorkScore / 100,
    applies: true,
    plain: !text
      ? NO_TEXT
      : {
          en: `The job scores ${job.decentWorkScore} of 100 for decent work.`,
          fr: `L’emploi obtient ${job.decentWorkScore} sur 100 pour le travail décent.`,
        },
  };
}

function scoreStream(model: MatchModel, client: MatchClient, text: boolean): Scored {
  if (client.stream === null)
    return {
      value: 0,
      applies: false,
      plain: !text ? NO_TEXT : { en: 'The client has no stream yet.', fr: 'Le client n’a pas encore de volet.' },
    };
  const value = model.stream[client.stream];
  return {
    value,
    applies: true,
    plain: !text
      ? NO_TEXT
      : {
          en: `Stream ${client.stream}: ${value === 0 ? 'no added priority' : value === 1 ? 'the highest priority for scarce openings' : 'some priority for scarce openings'}.`,
          fr: `Volet ${client.stream} : ${value === 0 ? 'aucune priorité ajoutée' : value === 1 ? 'la plus haute priorité pour les postes rares' : 'une certaine priorité pour les postes rares'}.`,
        },
  };
}

// The NOC codes a client's jobs can come from under the model: for each goal, the widest group of the
// hierarchy that still reaches the model's minimum (for past work, at its share), and the related unit
// groups through the crosswalk; as ranges of codes, merged. None when the client has neither goal nor
// past work (the occupation factor then does not apply, and a search would return every job).
export function nocRangesFor(
  model: MatchModel,
  client: Pick<MatchClient, 'targetNocCodes' | 'workHistory'>,
  atLeast = model.occupation.minimum,
) {
  const o = model.occupation;
  const levels: [number, number][] = [
    [2, o.majorGroup],
    [3, o.subMajorGroup],
    [4, o.minorGroup],
    [5, o.unitGroup],
  ];
  const ranges: { from: string; to: string }[] = [];
  const add = (code: string, factor: number) => {
    const level = levels.find(([, value]) => value * factor >= atLeast);
    if (level) {
      const prefix = code.slice(0, level[0]);
      ranges.push({ from: prefix.padEnd(5, '0'), to: prefix.padEnd(5, '9') });
    }
    if (o.relatedByCrosswalk * factor >= atLeast)
      for (const related of relatedNoc(code).keys()) ranges.push({ from: related, to: related });
  };
  for (const code of client.targetNocCodes) add(code, 1);
  for (const { nocCode } of client.workHistory) add(nocCode, o.pastWorkFactor);
  ranges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: { from: string; to: string }[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.from <= last.to) {
      if (r.to > last.to) last.to = r.to;
    } else merged.push({ ...r });
  }
  return merged;
}

// Every occupation value a job can have for a client under the model (a goal's group, past work's, a
// related unit group), at or above the minimum, highest first.
export function occupationValues(model: MatchModel): number[] {
  const o = model.occupation;
  const own = [o.unitGroup, o.minorGroup, o.subMajorGroup, o.majorGroup, o.relatedByCrosswalk];
  const all = [...own, ...own.map((v) => v * o.pastWorkFactor)].filter((v) => v >= o.minimum);
  return [...new Set(all)].sort((a, b) => b - a);
}

export type PairOutcome = { kind: 'matched'; result: MatchResult } | { kind: 'left_out'; reason: LeftOutReason };

export type PairScore = { kind: 'scored'; score: number; scored: Record<MatchFactor, Scored>; scale: number };

// The score of a pair on the factors' values alone (their sentences are worked out only for what is
// shown), or why the job is not offered at all. Rounded to a tenth, as shown.
export function scorePair(
  model: MatchModel,
  client: MatchClient,
  job: MatchJob,
  text = false,
): PairScore | { kind: 'left_out'; reason: LeftOutReason } {
  const occupation = scoreOccupation(model, client, job, text);
  if (occupation.applies && occupation.value < model.occupation.minimum)
    return { kind: 'left_out', reason: 'occupation_too_far' };
  const km = commuteKm(client, job);
  if (job.workplace === 'on_site' && km !== undefined && km > model.commute.maxKm)
    return { kind: 'left_out', reason: 'too_far_to_commute' };
  const scored: Record<MatchFactor, Scored> = {
    occupation,
    skills: scoreSkills(client, job, text),
    hours: scoreHours(model, client, job, text),
    commute: scoreCommute(model, client, job, km, text),
    accommodations: scoreAccommodations(client, job, text),
    credentials: scoreCredentials(client, job, text),
    decentWork: scoreDecentWork(job, text),
    stream: scoreStream(model, client, text),
  };
  let applicable = 0;
  for (const f of matchFactors) if (scored[f].applies) applicable += model.weights[f];
  const scale = applicable === 0 ? 0 : 100 / applicable;
  let total = 0;
  for (const f of matchFactors) if (scored[f].applies) total += model.weights[f] * scale * scored[f].value;
  return { kind: 'scored', score: round1(total), scored, scale };
}

function explain(model: MatchModel, client: MatchClient, job: MatchJob, scoredPair: PairScore): MatchResult {
  // Scored again with the sentences: the same values, now in words.
  const again = scorePair(model, client, job, true);
  const pair = again.kind === 'scored' ? again : scoredPair;
  const factors = matchFactors.map((code): FactorResult => {
    const s = pair.scored[code];
    return {
      code,
      label: model.labels[code],
      applies: s.applies,
      value: Math.round(s.value * 1000) / 1000,
      points: s.applies ? round1(model.weights[code] * pair.scale * s.value) : 0,
      maxPoints: s.applies ? round1(model.weights[code] * pair.scale) : 0,
      plain: s.plain,
    };
  });
  return { clientId: client.id, jobId: job.id, score: pair.score, factors };
}

// One client against one job: the result with every factor, or why the job is not offered at all.
export function matchPair(model: MatchModel, client: MatchClient, job: MatchJob): PairOutcome {
  const pair = scorePair(model, client, job);
  return pair.kind === 'left_out' ? pair : { kind: 'matched', result: explain(model, client, job, pair) };
}

export type Ranking = {
  modelVersion: string;
  modelChecksum: string;
  results: MatchResult[];
  // How many pairs were considered, and how many were left out and why.
  considered: number;
  leftOut: Record<LeftOutReason, number>;
};

// Higher score first; ties to the more decent job, then by job id and client id, so a ranking is reproducible.
export function beforeInRanking(
  a: { score: number; job: MatchJob; client: MatchClient },
  b: { score: number; job: MatchJob; client: MatchClient },
): number {
  return (
    b.score - a.score ||
    b.job.decentWorkScore - a.job.decentWorkScore ||
    (a.job.id === b.job.id ? (a.client.id < b.client.id ? -1 : 1) : a.job.id < b.job.id ? -1 : 1)
  );
}

export type ScoredPair = { score: number; job: MatchJob; client: MatchClient; pair: PairScore };

function rank(model: MatchModel, pairs: [MatchClient, MatchJob][], limit: number): Ranking {
  const kept: ScoredPair[] = [];
  const leftOut: Record<LeftOutReason, number> = { occupation_too_far: 0, too_far_to_commute: 0 };
  for (const [client, job] of pairs) {
    const pair = scorePair(model, client, job);
    if (pair.kind === 'left_out') leftOut[pair.reason] += 1;
    else kept.push({ score: pair.score, job, client, pair });
  }
  return rankScored(model, kept, pairs.length, leftOut, limit);
}

// The ranking of pairs already scored (a caller that scored them on its way, as one client's matches read
// tier by tier), with the sentences of the results shown.
export function rankScored(
  model: MatchModel,
  kept: ScoredPair[],
  considered: number,
  leftOut: Record<LeftOutReason, number>,
  limit: number,
): Ranking {
  kept.sort(beforeInRanking);
  return {
    modelVersion: model.version,
    modelChecksum: matchModelChecksum(model),
    results: kept.slice(0, limit).map((k) => explain(model, k.client, k.job, k.pair)),
    considered,
    leftOut,
  };
}

export function rankJobsForClient(model: MatchModel, client: MatchClient, jobs: MatchJob[], limit = 20): Ranking {
  return rank(
    model,
    jobs.map((j) => [client, j]),
    limit,
  );
}

export function rankClientsForJob(model: MatchModel, job: MatchJob, clients: MatchClient[], limit = 20): Ranking {
  return rank(
    model,
    clients.map((c) => [c, job]),
    limit,
  );
}
