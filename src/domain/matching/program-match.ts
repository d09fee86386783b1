import { z } from 'zod';
import { ageOn, isoDateSchema } from '../../lib/dates.ts';
import { bilingualTextSchema, policyRegistry } from '../../lib/versioned-policy.ts';
import { barrierKinds, incomeSources } from '../assessment/assessment-input.ts';
import {
  deliveryModes,
  intakeStates,
  interventionTypes,
  serviceStatuses,
  targetPopulations,
} from '../directory/vocabulary.ts';
import { INTAKE_SOON_DAYS } from '../directory/listing.ts';
import { nocCodeSchema } from '../occupations/noc.ts';
import { closenessIn, factorResultSchema, fr1, howWords, occupationName, round1, type Closeness } from './match.ts';
import { kmBetween, placeOf } from './reference.ts';

// Programs of the directory ranked for one client (docs/matching.md, "Programs for a client"): pure and
// deterministic, no database. What a program does against where the client is on the continuum (their
// stream and unmet needs), the occupations it prepares for against the client's goals and past work, the
// distance, who it is for (only as far as the file tells without equity answers), whether it takes
// people now, and the client's language. Every result carries each factor's points and a sentence in
// English and French. The weights are a versioned model kept as data (program-match-models/*.json).

export const programFactors = ['intervention', 'occupation', 'distance', 'population', 'intake', 'language'] as const;
export type ProgramFactor = (typeof programFactors)[number];

const share = z.number().min(0).max(1);
const typeList = z.array(z.enum(interventionTypes)).min(1);

export const programMatchModelSchema = z
  .strictObject({
    version: z.string().regex(/^program-match-\d{4}\.\d+$/, 'a version looks like program-match-2026.1'),
    effectiveFrom: isoDateSchema,
    title: bilingualTextSchema,
    description: bilingualTextSchema,
    weights: z.record(z.enum(programFactors), z.number().int().min(0).max(100)),
    labels: z.record(z.enum(programFactors), bilingualTextSchema),
    // What a client needs now, by stream (unknown: no stream yet, or one the reader does not see), and
    // what active barriers add.
    needs: z.strictObject({ barriers: typeList, A: typeList, B: typeList, C: typeList, unknown: typeList }),
    occupation: z.strictObject({
      unitGroup: share,
      minorGroup: share,
      subMajorGroup: share,
      majorGroup: share,
      relatedByCrosswalk: share,
      pastWorkFactor: share,
    }),
    // A program that does something else still counts this much: the continuum is not linear.
    otherIntervention: share,
    // A program for everyone, against one for a group the client is in (1).
    openToAll: share,
    // A program for a group the file cannot tell (newcomers, women...): the worker asks the client.
    askTheClient: share,
    distance: z.strictObject({ fullWithinKm: z.number().min(0).max(50), zeroAtKm: z.number().min(1).max(100) }),
    // Open now, or opening within the directory's "soon" (INTAKE_SOON_DAYS).
    intake: z.strictObject({ open: share, opensSoon: share }),
    youthAges: z.tuple([z.number().int().min(0), z.number().int().max(120)]),
    matureFromAge: z.number().int().min(18).max(120),
  })
  .superRefine((model, ctx) => {
    const total = Object.values<number>(model.weights).reduce((a, b) => a + b, 0);
    if (total !== 100)
      ctx.addIssue({ code: 'custom', path: ['weights'], message: `the weights must add up to 100, not ${total}` });
    if (model.distance.fullWithinKm >= model.distance.zeroAtKm)
      ctx.addIssue({ code: 'custom', path: ['distance'], message: 'fullWithinKm must be less than zeroAtKm' });
  });
export type ProgramMatchModel = z.infer<typeof programMatchModelSchema>;

export const defaultProgramMatchModel = 'program-match-2026.1';
const registry = policyRegistry<ProgramMatchModel>({
  label: 'Program matching model',
  dir: new URL('./program-match-models/', import.meta.url),
  schema: programMatchModelSchema,
  defaultVersion: defaultProgramMatchModel,
});
export const parseProgramMatchModelFile = registry.parseFile;
export const listProgramMatchModels = registry.list;
export const findProgramMatchModel = registry.find;
export const getProgramMatchModel = registry.get;
export const programMatchModelChecksum = registry.checksum;

// What of a client the ranking reads. null: not known to the reader (a category not shared), so the
// factors that need it do not apply and the rules that need it are not applied.
export const programClientSchema = z.object({
  id: z.string().min(1).max(100),
  targetNocCodes: z.array(nocCodeSchema).max(10).default([]),
  workHistory: z
    .array(z.object({ nocCode: nocCodeSchema }))
    .max(50)
    .default([]),
  postalCode: z.string().trim().max(10).nullable().default(null),
  dateOfBirth: isoDateSchema.nullable().default(null),
  preferredLanguage: z.enum(['en', 'fr']).nullable().default(null),
  stream: z.enum(['A', 'B', 'C']).nullable().default(null),
  // The kinds of barrier still active; null when the reader does not see the assessment.
  activeBarriers: z.array(z.enum(barrierKinds)).nullable().default(null),
  incomeSource: z.enum(incomeSources).nullable().default(null),
});
export type ProgramClient = z.infer<typeof programClientSchema>;

// A program as the directory's API answers it, or just the fields the ranking reads.
export const matchProgramSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(1000).optional(),
  status: z.enum(serviceStatuses).default('active'),
  // A listing imported from HSDS may name none (migration 0027).
  interventionTypes: z.array(z.enum(interventionTypes)).default([]),
  occupations: z
    .array(z.union([nocCodeSchema, z.object({ code: nocCodeSchema }).transform((o) => o.code)]))
    .max(50)
    .default([]),
  targetPopulations: z.array(z.enum(targetPopulations)).default([]),
  languages: z.array(z.string()).default(['en']),
  deliveryMode: z.enum(deliveryModes),
  minimumAge: z.number().int().nullable().default(null),
  maximumAge: z.number().int().nullable().default(null),
  endsOn: isoDateSchema.nullable().default(null),
  intakeState: z.enum(intakeStates),
  sites: z
    .array(z.object({ postalCode: z.string().nullable() }))
    .max(200)
    .default([]),
});
export type MatchProgram = z.infer<typeof matchProgramSchema>;

// The same shape as a job match's factors, with the program factors' codes.
export const programFactorResultSchema = factorResultSchema.extend({ code: z.enum(programFactors) });
export type ProgramFactorResult = z.infer<typeof programFactorResultSchema>;

export const programLeftOutReasons = ['not_taking_people', 'outside_ages'] as const;
export type ProgramLeftOutReason = (typeof programLeftOutReasons)[number];

export type ProgramMatchResult = { programId: string; score: number; factors: ProgramFactorResult[] };
export type ProgramRanking = {
  considered: number;
  leftOut: Record<ProgramLeftOutReason, number>;
  results: ProgramMatchResult[];
};

type Text = { en: string; fr: string };
type Scored = { value: number; applies: boolean; plain: Text };

const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
const both = (items: readonly Text[]): Text => ({
  en: list(
    items.map((i) => i.en),
    'and',
  ),
  fr: list(
    items.map((i) => i.fr),
    'et',
  ),
});

const interventionWords: Record<(typeof interventionTypes)[number], Text> = {
  life_stabilization: { en: 'life stabilization', fr: 'de la stabilisation de la situation de vie' },
  pre_employment: { en: 'pre-employment', fr: 'de la préparation à l’emploi' },
  training: { en: 'training', fr: 'de la formation' },
  employment_services: { en: 'employment services', fr: 'des services d’emploi' },
  retention: { en: 'job retention', fr: 'du soutien au maintien en emploi' },
  entrepreneurship: { en: 'entrepreneurship', fr: 'de l’accompagnement en entrepreneuriat' },
  work_integrated_learning: { en: 'work-integrated learning', fr: 'de l’apprentissage intégré au travail' },
};
const populationWords: Record<(typeof targetPopulations)[number], Text> = {
  youth: { en: 'youth', fr: 'aux jeunes' },
  newcomers: { en: 'newcomers', fr: 'aux personnes nouvellement arrivées' },
  women: { en: 'women', fr: 'aux femmes' },
  indigenous: { en: 'Indigenous people', fr: 'aux personnes autochtones' },
  black: { en: 'Black people', fr: 'aux personnes noires' },
  racialized: { en: 'racialized people', fr: 'aux personnes racisées' },
  persons_with_disabilities: { en: 'people with disabilities', fr: 'aux personnes handicapées' },
  social_assistance_recipients: {
    en: 'people on social assistance',
    fr: 'aux personnes qui reçoivent de l’aide sociale',
  },
  mature_workers: { en: 'mature workers', fr: 'aux travailleurs expérimentés' },
  francophones: { en: 'francophones', fr: 'aux francophones' },
  lgbtq2s: { en: '2SLGBTQ+ people', fr: 'aux personnes 2ELGBTQ+' },
  justice_involved: { en: 'people involved with the justice system', fr: 'aux personnes judiciarisées' },
  veterans: { en: 'veterans', fr: 'aux vétérans' },
  unhoused: { en: 'people without housing', fr: 'aux personnes sans logement' },
  laid_off_workers: { en: 'laid-off workers', fr: 'aux travailleurs mis à pied' },
};

// Whether the file shows the client in a group, out of it, or cannot tell (never from equity answers).
function inPopulation(
  model: ProgramMatchModel,
  client: ProgramClient,
  age: number | undefined,
  population: (typeof targetPopulations)[number],
): boolean | undefined {
  switch (population) {
    case 'youth':
      return age === undefined ? undefined : age >= model.youthAges[0] && age <= model.youthAges[1];
    case 'mature_workers':
      return age === undefined ? undefined : age >= model.matureFromAge;
    case 'social_assistance_recipients':
      return client.incomeSource === null
        ? undefined
        : client.incomeSource === 'ontario_works' || client.incomeSource === 'odsp';
    case 'laid_off_workers':
      return client.incomeSource === 'ei' ? true : undefined;
    case 'francophones':
      return client.preferredLanguage === 'fr' ? true : undefined;
    // Groups the file cannot tell without self-identified equity answers, which matching never reads.
    case 'newcomers':
    case 'women':
    case 'indigenous':
    case 'black':
    case 'racialized':
    case 'persons_with_disabilities':
    case 'lgbtq2s':
    case 'justice_involved':
    case 'veterans':
    case 'unhoused':
      return undefined;
  }
}

function needsOf(model: ProgramMatchModel, client: ProgramClient): { types: Set<string>; why: Text } {
  const types = new Set<string>(model.needs[client.stream ?? 'unknown']);
  const barriers = client.activeBarriers?.length ?? 0;
  if (barriers > 0) for (const t of model.needs.barriers) types.add(t);
  const stream: Text = client.stream
    ? { en: `Stream ${client.stream}`, fr: `volet ${client.stream}` }
    : { en: 'no stream known', fr: 'aucun volet connu' };
  const why =
    barriers > 0
      ? {
          en: `${stream.en}, ${barriers} active ${barriers === 1 ? 'barrier' : 'barriers'}`,
          fr: `${stream.fr}, ${barriers} ${barriers === 1 ? 'obstacle actif' : 'obstacles actifs'}`,
        }
      : stream;
  return { types, why };
}

function scoreIntervention(model: ProgramMatchModel, client: ProgramClient, program: MatchProgram): Scored {
  if (program.interventionTypes.length === 0)
    return {
      value: 0,
      applies: false,
      plain: {
        en: 'The listing does not say what kind of help the program gives.',
        fr: 'La fiche ne précise pas le type d’aide qu’offre le programme.',
      },
    };
  const { types, why } = needsOf(model, client);
  const fits = program.interventionTypes.filter((t) => types.has(t));
  if (fits.length > 0) {
    const what = both(fits.map((t) => interventionWords[t]));
    return {
      value: 1,
      applies: true,
      plain: {
        en: `The program offers ${what.en}, which the client needs now (${why.en}).`,
        fr: `Le programme offre ${what.fr}, ce dont le client a besoin maintenant (${why.fr}).`,
      },
    };
  }
  const offers = both(program.interventionTypes.map((t) => interventionWords[t]));
  const first = both([...types].map((t) => interventionWords[t as keyof typeof interventionWords]));
  return {
    value: model.otherIntervention,
    applies: true,
    plain: {
      en: `The program offers ${offers.en}; where the client is now (${why.en}) points first to ${first.en}.`,
      fr: `Le programme offre ${offers.fr}; l’étape du client (${why.fr}) appelle d’abord ${first.fr}.`,
    },
  };
}

function scoreOccupation(model: ProgramMatchModel, client: ProgramClient, program: MatchProgram): Scored {
  if (program.occupations.length === 0)
    return {
      value: 0,
      applies: false,
      plain: {
        en: 'The program does not prepare for particular occupations.',
        fr: 'Le programme ne prépare pas à des professions en particulier.',
      },
    };
  if (client.targetNocCodes.length === 0 && client.workHistory.length === 0)
    return {
      value: 0,
      applies: false,
      plain: {
        en: 'The client has named no job goal and no past work yet.',
        fr: 'Le client n’a encore indiqué aucun objectif d’emploi ni expérience de travail.',
      },
    };
  let best: { program: string; client: string; c: Closeness; past: boolean } | undefined;
  for (const p of program.occupations) {
    for (const code of client.targetNocCodes) {
      const c = closenessIn(model.occupation, p, code);
      if (!best || c.value > best.c.value) best = { program: p, client: code, c, past: false };
    }
    for (const { nocCode } of client.workHistory) {
      const c = closenessIn(model.occupation, p, nocCode);
      const value = c.value * model.occupation.pastWorkFactor;
      if (!best || value > best.c.value) best = { program: p, client: nocCode, c: { ...c, value }, past: true };
    }
  }
  const b = best!;
  if (b.c.value === 0)
    return {
      value: 0,
      applies: true,
      plain: {
        en: `The occupations the program prepares for are far from the client's goals and past work.`,
        fr: `Les professions auxquelles prépare le programme sont éloignées des objectifs et de l’expérience du client.`,
      },
    };
  const theirs = b.past
    ? {
        en: `the client's past work as ${occupationName(b.client)}`,
        fr: `l’expérience du client comme ${occupationName(b.client)}`,
      }
    : { en: `the client's goal ${occupationName(b.client)}`, fr: `l’objectif du client ${occupationName(b.client)}` };
  return {
    value: b.c.value,
    applies: true,
    plain:
      b.c.how === 'unit' && !b.past
        ? {
            en: `The program prepares for ${occupationName(b.program)}, one of the client's goals.`,
            fr: `Le programme prépare à ${occupationName(b.program)}, l’un des objectifs du client.`,
          }
        : {
            en: `The program prepares for ${occupationName(b.program)}, which ${howWords[b.c.how].en} ${theirs.en}.`,
            fr: `Le programme prépare à ${occupationName(b.program)}, qui ${howWords[b.c.how].fr} ${theirs.fr}.`,
          },
  };
}

function scoreDistance(model: ProgramMatchModel, client: ProgramClient, program: MatchProgram): Scored {
  if (program.deliveryMode === 'virtual')
    return { value: 1, applies: true, plain: { en: 'The program is online.', fr: 'Le programme se donne en ligne.' } };
  const home = placeOf(client.postalCode);
  let nearest: { km: number; postalCode: string } | undefined;
  for (const s of program.sites) {
    const there = placeOf(s.postalCode);
    if (!home || !there || !s.postalCode) continue;
    const km = kmBetween(home, there);
    if (!nearest || km < nearest.km) nearest = { km, postalCode: s.postalCode };
  }
  if (!nearest)
    return {
      value: 0,
      applies: false,
      plain: {
        en: 'The distance is not known (a place outside Toronto, or none given).',
        fr: 'La distance n’est pas connue (un lieu hors de Toronto, ou aucun lieu donné).',
      },
    };
  const { fullWithinKm, zeroAtKm } = model.distance;
  const km = nearest.km;
  const value = km <= fullWithinKm ? 1 : km >= zeroAtKm ? 0 : 1 - (km - fullWithinKm) / (zeroAtKm - fullWithinKm);
  const from = (client.postalCode ?? '').slice(0, 3).toUpperCase();
  const to = nearest.postalCode.slice(0, 3).toUpperCase();
  const hybrid =
    program.deliveryMode === 'hybrid'
      ? { en: ' (part of it online)', fr: ' (en partie en ligne)' }
      : { en: '', fr: '' };
  if (from === to)
    return {
      value,
      applies: true,
      plain: {
        en: `The program's nearest site is in the client's own area (${to})${hybrid.en}.`,
        fr: `Le lieu le plus proche du programme est dans le secteur même du client (${to})${hybrid.fr}.`,
      },
    };
  return {
    value,
    applies: true,
    plain: {
      en: `About ${round1(km)} km between the client's area (${from}) and the program's nearest site (${to})${hybrid.en}.`,
      fr: `Environ ${fr1(km)} km entre le secteur du client (${from}) et le lieu le plus proche du programme (${to})${hybrid.fr}.`,
    },
  };
}

function scorePopulation(
  model: ProgramMatchModel,
  client: ProgramClient,
  program: MatchProgram,
  age: number | undefined,
): Scored {
  if (program.targetPopulations.length === 0)
    return {
      value: model.openToAll,
      applies: true,
      plain: { en: 'The program is open to everyone.', fr: 'Le programme s’adresse à tout le monde.' },
    };
  const known = program.targetPopulations.map((p) => ({ p, in: inPopulation(model, client, age, p) }));
  const yes = known.filter((k) => k.in === true).map((k) => populationWords[k.p]);
  if (yes.length > 0) {
    const who = both(yes);
    return {
      value: 1,
      applies: true,
      plain: {
        en: `The program is for ${who.en}, as the file shows the client is.`,
        fr: `Le programme s’adresse ${who.fr}, dont le client fait partie selon le dossier.`,
      },
    };
  }
  const ask = known.filter((k) => k.in === undefined).map((k) => populationWords[k.p]);
  if (ask.length > 0) {
    const who = both(ask);
    return {
      value: model.askTheClient,
      applies: true,
      plain: {
        en: `The program is for ${who.en}: the file does not say, so ask the client.`,
        fr: `Le programme s’adresse ${who.fr}\u00a0: le dossier ne le dit pas; posez la question au client.`,
      },
    };
  }
  const who = both(program.targetPopulations.map((p) => populationWords[p]));
  return {
    value: 0,
    applies: true,
    plain: {
      en: `The program is for ${who.en}, which the file shows the client is not.`,
      fr: `Le programme s’adresse ${who.fr}, dont le client ne fait pas partie selon le dossier.`,
    },
  };
}

function scoreIntake(model: ProgramMatchModel, program: MatchProgram): Scored {
  return program.intakeState === 'open'
    ? {
        value: model.intake.open,
        applies: true,
        plain: { en: 'It takes people now.', fr: 'Il admet des personnes maintenant.' },
      }
    : {
        value: model.intake.opensSoon,
        applies: true,
        plain: {
          en: `Its intake opens within ${INTAKE_SOON_DAYS} days.`,
          fr: `Ses admissions ouvrent d’ici ${INTAKE_SOON_DAYS} jours.`,
        },
      };
}

function scoreLanguage(client: ProgramClient, program: MatchProgram): Scored {
  if (client.preferredLanguage !== 'fr')
    return {
      value: 0,
      applies: false,
      plain: {
        en: 'The client has not asked for services in French.',
        fr: 'Le client n’a pas demandé de services en français.',
      },
    };
  const french = program.languages.includes('fr');
  return {
    value: french ? 1 : 0,
    applies: true,
    plain: french
      ? { en: 'It is offered in French, the client’s language.', fr: 'Il est offert en français, la langue du client.' }
      : {
          en: 'It is not offered in French, the client’s language.',
          fr: 'Il n’est pas offert en français, la langue du client.',
        },
  };
}

export type ProgramPair =
  | { kind: 'scored'; score: number; factors: ProgramFactorResult[] }
  | { kind: 'left_out'; reason: ProgramLeftOutReason };

export function scoreProgram(
  model: ProgramMatchModel,
  client: ProgramClient,
  program: MatchProgram,
  today: string,
): ProgramPair {
  if (
    program.status !== 'active' ||
    (program.endsOn !== null && program.endsOn < today) ||
    (program.intakeState !== 'open' && program.intakeState !== 'opens_soon')
  )
    return { kind: 'left_out', reason: 'not_taking_people' };
  const age = client.dateOfBirth ? ageOn(client.dateOfBirth, today) : undefined;
  if (
    age !== undefined &&
    ((program.minimumAge !== null && age < program.minimumAge) ||
      (program.maximumAge !== null && age > program.maximumAge))
  )
    return { kind: 'left_out', reason: 'outside_ages' };
  const scored: Record<ProgramFactor, Scored> = {
    intervention: scoreIntervention(model, client, program),
    occupation: scoreOccupation(model, client, program),
    distance: scoreDistance(model, client, program),
    population: scorePopulation(model, client, program, age),
    intake: scoreIntake(model, program),
    language: scoreLanguage(client, program),
  };
  const applying = programFactors.reduce((sum, f) => sum + (scored[f].applies ? model.weights[f] : 0), 0);
  const factors = programFactors.map((f) => {
    const maxPoints = scored[f].applies && applying > 0 ? round1((model.weights[f] * 100) / applying) : 0;
    return {
      code: f,
      label: model.labels[f],
      applies: scored[f].applies,
      value: round1(scored[f].value * 100) / 100,
      points: round1(scored[f].value * maxPoints),
      maxPoints,
      plain: scored[f].plain,
    };
  });
  const score = round1(
    programFactors.reduce(
      (sum, f) => sum + (scored[f].applies && applying > 0 ? (scored[f].value * model.weights[f] * 100) / applying : 0),
      0,
    ),
  );
  return { kind: 'scored', score, factors };
}

// The best programs for a client, best first; ties go to those taking people now, then by id.
export function rankProgramsForClient(
  model: ProgramMatchModel,
  client: ProgramClient,
  programs: readonly MatchProgram[],
  limit: number,
  today: string,
): ProgramRanking {
  const leftOut: Record<ProgramLeftOutReason, number> = { not_taking_people: 0, outside_ages: 0 };
  const scored: (ProgramMatchResult & { open: boolean })[] = [];
  for (const program of programs) {
    const pair = scoreProgram(model, client, program, today);
    if (pair.kind === 'left_out') leftOut[pair.reason] += 1;
    else
      scored.push({
        programId: program.id,
        score: pair.score,
        factors: pair.factors,
        open: program.intakeState === 'open',
      });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.open) - Number(a.open) ||
      (a.programId < b.programId ? -1 : a.programId > b.programId ? 1 : 0),
  );
  return {
    considered: programs.length,
    leftOut,
    results: scored.slice(0, limit).map(({ open: _open, ...r }) => r),
  };
}
