import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Equity } from '../domain/clients/client.ts';
import { parseCsvRecords } from '../lib/csv.ts';
import type { SyntheticEquity, SyntheticTraits } from './city.ts';
import {
  AGE_GROUP_SPANS,
  ageGroupWeights,
  DISABILITY_SHARE,
  francophoneShare,
  FRENCH_NAME_AMONG_FRANCOPHONES,
  newcomerShare,
  residenceWeight,
} from './distributions.ts';
import type { Geography, Neighbourhood } from './geography.ts';
import { nameGender, type NameGender } from './name-details.ts';
import { FRENCH_NAME_GROUP, NAME_GROUPS, type NameGroup } from './names.ts';
import { weightedTable, type Random, type WeightedTable } from './random.ts';
import { PRONOUN_SHARES, PRONOUNS_RECORDED } from './record-distributions.ts';

// The self-identified (equity) answers of synthetic clients: all seven questions of client_equity
// (migrations 0003 and 0010). What is true of a client is drawn first (racialized group and
// Indigenous identity from the neighbourhood's Census 2016 figures, gender and 2SLGBTQ+ from
// Statistics Canada's national figures), then whether they answered each voluntary question.

export const IDENTITY_CSV = fileURLToPath(
  new URL('../../vendor/toronto-neighbourhoods-2016/identity.csv', import.meta.url),
);

// ---- Allowed answers ------------------------------------------------------------------------------
// As the intake form offers them (src/web/pages/clients/client-text.ts; synthetic.test.ts checks).
export const INDIGENOUS_IDENTITIES = [
  'first_nations',
  'metis',
  'inuit',
  'no',
  'prefer_not_to_say',
] as const satisfies readonly NonNullable<Equity['indigenousIdentity']>[];
export type IndigenousIdentity = (typeof INDIGENOUS_IDENTITIES)[number];
// The race categories of Ontario's Data Standards for the Identification and Monitoring of Systemic Racism.
export const RACIALIZED_GROUPS = [
  'black',
  'east_asian',
  'indigenous',
  'latino',
  'middle_eastern',
  'south_asian',
  'southeast_asian',
  'white',
  'another',
] as const;
export type RacializedGroup = (typeof RACIALIZED_GROUPS)[number];
export const GENDERS = ['woman', 'man', 'non_binary', 'two_spirit', 'another', 'prefer_not_to_say'] as const;
export type Gender = (typeof GENDERS)[number];
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';
export type RacializedAnswer = RacializedGroup | typeof PREFER_NOT_TO_SAY;

export const EQUITY_QUESTIONS = [
  'indigenousIdentity',
  'racializedGroup',
  'gender',
  'disability',
  'newcomer',
  'francophone',
  'lgbtq2s',
] as const;
export type EquityQuestion = (typeof EQUITY_QUESTIONS)[number];
// The questions whose form offers "prefer not to say" as an answer of its own; on a yes/no question
// it is stored as no answer (null).
export type DeclinableQuestion = 'indigenousIdentity' | 'racializedGroup' | 'gender';

// ---- Voluntary answers (hand-chosen) ------------------------------------------------------------
// No published figure gives the non-response of an employment service's equity questions; these
// are hand-chosen approximations. A share of clients skip the whole voluntary step…
export const EQUITY_STEP_SKIPPED = 0.05;
// …and the others leave single questions blank, more often the more personal ones…
export const QUESTION_UNANSWERED: Record<EquityQuestion, number> = {
  indigenousIdentity: 0.04,
  racializedGroup: 0.05,
  gender: 0.02,
  disability: 0.07,
  newcomer: 0.02,
  francophone: 0.03,
  lgbtq2s: 0.12,
};
// …or answer "prefer not to say" where the form offers it.
export const PREFER_NOT_TO_SAY_SHARE: Record<DeclinableQuestion, number> = {
  indigenousIdentity: 0.02,
  racializedGroup: 0.04,
  gender: 0.01,
};

// ---- Gender and 2SLGBTQ+ (Statistics Canada; the Census profiles have neither) -----------------
// Gender follows the recorded pronouns (she → woman, he → man, they/them → non-binary); without
// pronouns, the usual gender of the given name, after these shares.
// Census 2021: 41,355 of 30.5 million people aged 15+ in private households (0.14%) were
// non-binary (Statistics Canada, The Daily, 2022-04-27).
export const NON_BINARY_WITHOUT_PRONOUNS = 0.0014;
// Hand-chosen: a gender not listed ("another").
export const ANOTHER_GENDER = 0.001;
// Hand-chosen: Indigenous clients who give Two-Spirit as their gender.
export const TWO_SPIRIT_AMONG_INDIGENOUS = 0.02;
// About 4% of Canadians aged 15+ were LGBTQ2+ in 2018, and 15–24-year-olds were 30% of them against
// 14% of everyone else (Statistics Canada, The Daily, 2021-06-15, "A statistical portrait of
// Canada's diverse LGBTQ2+ communities"). Bayes: 0.04 × 0.30 / (0.04 × 0.30 + 0.96 × 0.14) ≈ 8.2%
// of 15–24-year-olds and 0.04 × 0.70 / (0.04 × 0.70 + 0.96 × 0.86) ≈ 3.3% of those 25 and older.
export const LGBTQ2S_AGED_UNDER_25 = 0.082;
export const LGBTQ2S_AGED_25_PLUS = 0.033;
const LGBTQ2S_YOUNG_MAX_AGE = 24;
// Non-binary, Two-Spirit and another gender are part of 2SLGBTQ+ by definition.
const GENDERS_IN_2SLGBTQ: ReadonlySet<Gender> = new Set(['non_binary', 'two_spirit', 'another']);

// ---- Racialized group and Indigenous identity (Census 2016, per neighbourhood) ------------------
const CENSUS_VISIBLE_MINORITY_GROUPS = [
  'south_asian',
  'chinese',
  'black',
  'filipino',
  'latin_american',
  'arab',
  'southeast_asian',
  'west_asian',
  'korean',
  'japanese',
  'visible_minority_nie',
] as const;
type CensusGroup = (typeof CENSUS_VISIBLE_MINORITY_GROUPS)[number];
export type VisibleMinorityCategory = Exclude<RacializedGroup, 'white' | 'indigenous'>;

// Statistics Canada's visible minority groups onto the Data Standards' race categories, whose
// examples put Chinese, Korean and Japanese under East Asian, Filipino under Southeast Asian, and
// Arab and West Asian (Iranian, Afghan, …) under Middle Eastern.
export const CENSUS_GROUP_CATEGORY: Record<CensusGroup, VisibleMinorityCategory> = {
  south_asian: 'south_asian',
  chinese: 'east_asian',
  korean: 'east_asian',
  japanese: 'east_asian',
  black: 'black',
  filipino: 'southeast_asian',
  southeast_asian: 'southeast_asian',
  latin_american: 'latino',
  arab: 'middle_eastern',
  west_asian: 'middle_eastern',
  visible_minority_nie: 'another',
};
const VISIBLE_MINORITY_CATEGORIES: readonly VisibleMinorityCategory[] = [
  'black',
  'east_asian',
  'latino',
  'middle_eastern',
  'south_asian',
  'southeast_asian',
  'another',
];

// What the generator draws for a client: one race category, or 'multiple' (the Census's "multiple
// visible minorities": two categories). The Census counts Aboriginal people outside the visible
// minority population, so "not a visible minority" less Aboriginal identity stands for White.
export const ORIGINS = [...RACIALIZED_GROUPS, 'multiple'] as const;
export type Origin = (typeof ORIGINS)[number];

// Hand-chosen, illustrative: how strongly each name pool (names.ts) goes with each origin, before
// the neighbourhood's Census shares are imposed (fitOrigins). Unlisted pairs get AFFINITY_FLOOR, so
// any name can go with any group (adoption, marriage, anglicised names).
export const NAME_POOL_AFFINITY: Readonly<Record<string, Partial<Record<Origin, number>>>> = {
  english_scottish_irish: { white: 1, black: 0.1 },
  chinese: { east_asian: 1 },
  south_asian: { south_asian: 1 },
  tamil: { south_asian: 1 },
  filipino: { southeast_asian: 1 },
  caribbean: { black: 1, south_asian: 0.25, multiple: 0.2 },
  portuguese_brazilian: { white: 1, latino: 0.3 },
  italian: { white: 1 },
  latin_american: { latino: 1 },
  east_african: { black: 1 },
  west_african: { black: 1 },
  arabic: { middle_eastern: 1 },
  persian: { middle_eastern: 1 },
  korean: { east_asian: 1 },
  vietnamese: { southeast_asian: 1 },
  eastern_european: { white: 1 },
  greek: { white: 1 },
  jewish_israeli: { white: 1, middle_eastern: 0.1 },
  indigenous: { indigenous: 1 },
  francophone: { white: 1, black: 0.4 },
};
export const AFFINITY_FLOOR = 0.02;

// A second category for a 'multiple' answer is redrawn until it differs from the first, at most
// this many times (a neighbourhood where one group dominates may give one category only).
const SECOND_GROUP_TRIES = 20;

const count = z.coerce.number().int().min(0);
const identityRowSchema = z.object({
  id: z.coerce.number().int().min(1).max(999),
  name: z.string().trim().min(2),
  population_private_households: count,
  south_asian: count,
  chinese: count,
  black: count,
  filipino: count,
  latin_american: count,
  arab: count,
  southeast_asian: count,
  west_asian: count,
  korean: count,
  japanese: count,
  visible_minority_nie: count,
  multiple_visible_minorities: count,
  not_visible_minority: count,
  aboriginal_identity: count,
  first_nations: count,
  metis: count,
  inuit: count,
});

export type NeighbourhoodIdentity = {
  id: number;
  name: string;
  populationPrivateHouseholds: number;
  visibleMinority: Readonly<Record<CensusGroup, number>>;
  multipleVisibleMinorities: number;
  notVisibleMinority: number;
  aboriginalIdentity: number;
  firstNations: number;
  metis: number;
  inuit: number;
};

export function parseNeighbourhoodIdentity(csv: string): NeighbourhoodIdentity[] {
  const ids = new Set<number>();
  return parseCsvRecords(csv).map((record, index) => {
    const parsed = identityRowSchema.safeParse(record);
    if (!parsed.success) {
      throw new Error(
        `identity.csv record ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const r = parsed.data;
    if (ids.has(r.id)) throw new Error(`identity.csv lists neighbourhood ${r.id} twice`);
    ids.add(r.id);
    // The Census counts Aboriginal people among those who are not a visible minority.
    if (r.aboriginal_identity > r.not_visible_minority)
      throw new Error(`identity.csv neighbourhood ${r.id}: more Aboriginal identity than not a visible minority`);
    return {
      id: r.id,
      name: r.name,
      populationPrivateHouseholds: r.population_private_households,
      visibleMinority: Object.fromEntries(CENSUS_VISIBLE_MINORITY_GROUPS.map((g) => [g, r[g]])) as Record<
        CensusGroup,
        number
      >,
      multipleVisibleMinorities: r.multiple_visible_minorities,
      notVisibleMinority: r.not_visible_minority,
      aboriginalIdentity: r.aboriginal_identity,
      firstNations: r.first_nations,
      metis: r.metis,
      inuit: r.inuit,
    };
  });
}

let cached: ReadonlyMap<number, NeighbourhoodIdentity> | undefined;

// Read once per process (about 13 KB).
export function loadNeighbourhoodIdentity(): ReadonlyMap<number, NeighbourhoodIdentity> {
  cached ??= new Map(parseNeighbourhoodIdentity(fs.readFileSync(IDENTITY_CSV, 'utf8')).map((n) => [n.id, n]));
  return cached;
}

function identityOf(identities: ReadonlyMap<number, NeighbourhoodIdentity>, n: Neighbourhood): NeighbourhoodIdentity {
  const found = identities.get(n.id);
  if (!found) throw new Error(`identity.csv has no neighbourhood ${n.id} (${n.name})`);
  return found;
}

// The neighbourhood's shares of each origin, from the Census counts (over their sum: counts are
// randomly rounded, so parts and total differ slightly).
export function censusOriginShares(n: NeighbourhoodIdentity): Record<Origin, number> {
  const counts = Object.fromEntries(ORIGINS.map((o) => [o, 0])) as Record<Origin, number>;
  for (const g of CENSUS_VISIBLE_MINORITY_GROUPS) counts[CENSUS_GROUP_CATEGORY[g]] += n.visibleMinority[g];
  counts.multiple = n.multipleVisibleMinorities;
  counts.indigenous = n.aboriginalIdentity;
  counts.white = n.notVisibleMinority - n.aboriginalIdentity;
  const total = ORIGINS.reduce((a, o) => a + counts[o], 0);
  if (total <= 0) throw new Error(`Neighbourhood ${n.id} has no population in private households`);
  for (const o of ORIGINS) counts[o] /= total;
  return counts;
}

// Shares of the single visible minority categories: where a 'multiple' answer's two groups come from.
export function visibleMinorityShares(n: NeighbourhoodIdentity): Record<VisibleMinorityCategory, number> {
  const shares = Object.fromEntries(VISIBLE_MINORITY_CATEGORIES.map((c) => [c, 0])) as Record<
    VisibleMinorityCategory,
    number
  >;
  for (const g of CENSUS_VISIBLE_MINORITY_GROUPS) shares[CENSUS_GROUP_CATEGORY[g]] += n.visibleMinority[g];
  const total = VISIBLE_MINORITY_CATEGORIES.reduce((a, c) => a + shares[c], 0);
  for (const c of VISIBLE_MINORITY_CATEGORIES) shares[c] = total > 0 ? shares[c] / total : c === 'another' ? 1 : 0;
  return shares;
}

// Chance that two different categories drawn one after the other (the second redrawn until it
// differs) include `category`.
export function pairIncludes(
  shares: Readonly<Record<VisibleMinorityCategory, number>>,
  category: VisibleMinorityCategory,
): number {
  const q = shares[category];
  return (
    q +
    VISIBLE_MINORITY_CATEGORIES.reduce(
      (a, first) => (first === category || shares[first] >= 1 ? a : a + (shares[first] * q) / (1 - shares[first])),
      0,
    )
  );
}

// The city's split of Aboriginal identity (single responses summed over the neighbourhoods):
// neighbourhood counts are rounded to 5, too coarse to split each one.
export function indigenousIdentityShares(
  identities: Iterable<NeighbourhoodIdentity>,
): Record<'first_nations' | 'metis' | 'inuit', number> {
  let firstNations = 0;
  let metis = 0;
  let inuit = 0;
  for (const n of identities) {
    firstNations += n.firstNations;
    metis += n.metis;
    inuit += n.inuit;
  }
  const total = firstNations + metis + inuit;
  return { first_nations: firstNations / total, metis: metis / total, inuit: inuit / total };
}

// Where clients of a neighbourhood get their names: the French pool for some francophones,
// otherwise the pools' weights (generate-city.ts).
export function namePoolShares(n: Neighbourhood): [NameGroup, number][] {
  const french = francophoneShare(n) * FRENCH_NAME_AMONG_FRANCOPHONES;
  const total = NAME_GROUPS.reduce((a, g) => a + g.weight, 0);
  return [
    ...NAME_GROUPS.map((g): [NameGroup, number] => [g, ((1 - french) * g.weight) / total]),
    [FRENCH_NAME_GROUP, french],
  ];
}

const FIT_ITERATIONS = 500;
const FIT_TOLERANCE = 1e-12;

// Iterative proportional fitting: P(origin | name pool) as close to the pools' affinities as the
// neighbourhood's Census shares allow, so that over the pools the origins keep those shares.
export function fitOrigins(
  pools: readonly (readonly [string, number])[],
  target: Readonly<Record<Origin, number>>,
): Map<string, Record<Origin, number>> {
  const m = pools.map(([key, p]) => {
    const affinity = NAME_POOL_AFFINITY[key];
    if (!affinity) throw new Error(`Name pool ${key} has no affinity in NAME_POOL_AFFINITY`);
    return ORIGINS.map((o) => p * (affinity[o] ?? AFFINITY_FLOOR));
  });
  for (let iteration = 0; iteration < FIT_ITERATIONS; iteration++) {
    ORIGINS.forEach((o, j) => {
      const column = m.reduce((a, row) => a + row[j]!, 0);
      const factor = column > 0 ? target[o] / column : 0;
      for (const row of m) row[j]! *= factor;
    });
    let worst = 0;
    m.forEach((row, i) => {
      const sum = row.reduce((a, x) => a + x, 0);
      const p = pools[i]![1];
      if (sum > 0) for (let j = 0; j < row.length; j++) row[j]! *= p / sum;
    });
    ORIGINS.forEach((o, j) => {
      worst = Math.max(worst, Math.abs(m.reduce((a, row) => a + row[j]!, 0) - target[o]));
    });
    if (worst < FIT_TOLERANCE) break;
  }
  return new Map(
    pools.map(([key, p], i) => {
      const row = m[i]!;
      const sum = row.reduce((a, x) => a + x, 0);
      // A pool nobody in the neighbourhood is named from still needs a table: the Census shares.
      const shares = ORIGINS.map((o, j) => (p > 0 && sum > 0 ? row[j]! / sum : target[o]));
      return [key, Object.fromEntries(ORIGINS.map((o, j) => [o, shares[j]!])) as Record<Origin, number>];
    }),
  );
}

// Everything an equity draw needs about a neighbourhood, built once per city.
export type EquityModel = {
  originShares: ReadonlyMap<string, Readonly<Record<Origin, number>>>;
  originByPool: ReadonlyMap<string, WeightedTable<Origin>>;
  visibleMinority: WeightedTable<VisibleMinorityCategory>;
  indigenousIdentity: WeightedTable<'first_nations' | 'metis' | 'inuit'>;
};

export function buildEquityModels(
  geography: Geography,
  identities: ReadonlyMap<number, NeighbourhoodIdentity> = loadNeighbourhoodIdentity(),
): Map<number, EquityModel> {
  const split = indigenousIdentityShares(identities.values());
  const indigenousIdentity = weightedTable(
    (['first_nations', 'metis', 'inuit'] as const).map((k) => [k, split[k]] as const),
  );
  return new Map(
    geography.neighbourhoods.map((n) => {
      const identity = identityOf(identities, n);
      const pools = namePoolShares(n).map(([g, p]) => [g.key, p] as const);
      const originShares = fitOrigins(pools, censusOriginShares(identity));
      const vm = visibleMinorityShares(identity);
      return [
        n.id,
        {
          originShares,
          originByPool: new Map(
            [...originShares].map(([key, shares]) => [key, weightedTable(ORIGINS.map((o) => [o, shares[o]] as const))]),
          ),
          visibleMinority: weightedTable(VISIBLE_MINORITY_CATEGORIES.map((c) => [c, vm[c]] as const)),
          indigenousIdentity,
        },
      ];
    }),
  );
}

export type EquityDrawInput = {
  traits: SyntheticTraits;
  age: number;
  givenName: string;
  nameGroup: string;
  pronouns: string | null;
};

function genderOf(r: Random, c: EquityDrawInput, indigenous: boolean): Exclude<Gender, 'prefer_not_to_say'> {
  if (indigenous && r.bool(TWO_SPIRIT_AMONG_INDIGENOUS)) return 'two_spirit';
  if (c.pronouns !== null)
    return c.pronouns === 'they/them' ? 'non_binary' : c.pronouns.startsWith('she') ? 'woman' : 'man';
  if (r.bool(NON_BINARY_WITHOUT_PRONOUNS)) return 'non_binary';
  if (r.bool(ANOTHER_GENDER)) return 'another';
  const usual = nameGender(c.givenName);
  return usual === 'feminine' ? 'woman' : usual === 'masculine' ? 'man' : r.bool(0.5) ? 'woman' : 'man';
}

type Disclosure = 'answered' | 'prefer_not_to_say' | 'not_answered';

// One client's answers: what is true of them first, then what they chose to say, in a fixed order
// from the equity stream (generate-city.ts), so no other field's draws move.
export function drawEquity(r: Random, model: EquityModel, c: EquityDrawInput): SyntheticEquity {
  const table = model.originByPool.get(c.nameGroup);
  if (!table) throw new Error(`No origin table for name pool ${c.nameGroup}`);
  const origin = r.weightedPick(table);
  let groups: RacializedGroup[] = origin === 'multiple' ? [] : [origin];
  if (origin === 'multiple') {
    const first = r.weightedPick(model.visibleMinority);
    let second = first;
    for (let i = 0; i < SECOND_GROUP_TRIES && second === first; i++) second = r.weightedPick(model.visibleMinority);
    groups = second === first ? [first] : [first, second];
  }
  const indigenous = origin === 'indigenous';
  const identity: IndigenousIdentity = indigenous ? r.weightedPick(model.indigenousIdentity) : 'no';
  const gender = genderOf(r, c, indigenous);
  const lgbtq2s =
    GENDERS_IN_2SLGBTQ.has(gender) ||
    r.bool(c.age <= LGBTQ2S_YOUNG_MAX_AGE ? LGBTQ2S_AGED_UNDER_25 : LGBTQ2S_AGED_25_PLUS);

  const skipped = r.bool(EQUITY_STEP_SKIPPED);
  const disclose = (q: EquityQuestion): Disclosure => {
    if (skipped) return 'not_answered';
    const u = r.float();
    if (u < QUESTION_UNANSWERED[q]) return 'not_answered';
    const declinable = q === 'indigenousIdentity' || q === 'racializedGroup' || q === 'gender';
    return declinable && u < QUESTION_UNANSWERED[q] + PREFER_NOT_TO_SAY_SHARE[q] ? 'prefer_not_to_say' : 'answered';
  };
  const choice = <T>(d: Disclosure, truth: T): T | typeof PREFER_NOT_TO_SAY | null =>
    d === 'answered' ? truth : d === 'prefer_not_to_say' ? PREFER_NOT_TO_SAY : null;
  const yesNo = (q: EquityQuestion, truth: boolean): boolean | null => (disclose(q) === 'answered' ? truth : null);

  const indigenousIdentity = choice(disclose('indigenousIdentity'), identity);
  const racialized = disclose('racializedGroup');
  const racializedGroup: readonly RacializedAnswer[] | null =
    racialized === 'answered' ? groups : racialized === 'prefer_not_to_say' ? [PREFER_NOT_TO_SAY] : null;
  const genderAnswer = choice(disclose('gender'), gender);
  const disability = yesNo('disability', c.traits.disability);
  const newcomer = yesNo('newcomer', c.traits.newcomer);
  const francophone = yesNo('francophone', c.traits.francophone);
  const lgbtq2sAnswer = yesNo('lgbtq2s', lgbtq2s);
  return {
    indigenousIdentity,
    racializedGroup,
    gender: genderAnswer,
    disability,
    newcomer,
    // A year of arrival goes with a "yes" to the newcomer question (the table's check).
    arrivalYear: newcomer === true ? c.traits.arrivalYear : null,
    francophone,
    lgbtq2s: lgbtq2sAnswer,
  };
}

// ---- Targets --------------------------------------------------------------------------------------

export type EquityTarget = {
  // `equity.${question}.${value}`
  key: string;
  question: EquityQuestion;
  // An answer, 'not_answered' (null), or for racializedGroup 'multiple' (two groups listed).
  value: string;
  label: string;
  // Share of all clients.
  target: number;
  source: string;
  approximation: boolean;
};

const PROFILES = 'City of Toronto Neighbourhood Profiles 2016 (Census 2016, 98-316-X2016001)';
const WEIGHTED = "in the client's neighbourhood, weighted by where clients live (unemployed count)";
const VOLUNTARY = 'times the hand-chosen answer rate';

// The answered, "prefer not to say" and unanswered shares of one question.
export function disclosureShares(q: EquityQuestion): Record<Disclosure, number> {
  const asked = 1 - EQUITY_STEP_SKIPPED;
  const declined =
    q === 'indigenousIdentity' || q === 'racializedGroup' || q === 'gender' ? PREFER_NOT_TO_SAY_SHARE[q] : 0;
  return {
    answered: asked * (1 - QUESTION_UNANSWERED[q] - declined),
    prefer_not_to_say: asked * declined,
    not_answered: EQUITY_STEP_SKIPPED + asked * QUESTION_UNANSWERED[q],
  };
}

function givenNameGenders(group: NameGroup): Record<NameGender, number> {
  const shares: Record<NameGender, number> = { feminine: 0, masculine: 0, unisex: 0 };
  for (const name of group.given) shares[nameGender(name)] += 1 / group.given.length;
  return shares;
}

function pronounShare(gender: NameGender, test: (pronouns: string) => boolean): number {
  return (
    (PRONOUNS_RECORDED * PRONOUN_SHARES[gender].reduce((a, [p, w]) => (test(p) ? a + w : a), 0)) /
    PRONOUN_SHARES[gender].reduce((a, [, w]) => a + w, 0)
  );
}

// The true gender shares of one neighbourhood's clients, as genderOf draws them.
function genderShares(n: Neighbourhood, model: EquityModel): Record<Exclude<Gender, 'prefer_not_to_say'>, number> {
  const out = { woman: 0, man: 0, non_binary: 0, two_spirit: 0, another: 0 };
  for (const [group, p] of namePoolShares(n)) {
    const indigenous = model.originShares.get(group.key)?.indigenous ?? 0;
    const twoSpirit = indigenous * TWO_SPIRIT_AMONG_INDIGENOUS;
    out.two_spirit += p * twoSpirit;
    const names = givenNameGenders(group);
    for (const g of ['feminine', 'masculine', 'unisex'] as const) {
      const w = p * names[g] * (1 - twoSpirit);
      const none = (1 - PRONOUNS_RECORDED) * w;
      const byName = none * (1 - NON_BINARY_WITHOUT_PRONOUNS) * (1 - ANOTHER_GENDER);
      out.non_binary += w * pronounShare(g, (x) => x === 'they/them') + none * NON_BINARY_WITHOUT_PRONOUNS;
      out.another += none * (1 - NON_BINARY_WITHOUT_PRONOUNS) * ANOTHER_GENDER;
      out.woman +=
        w * pronounShare(g, (x) => x.startsWith('she')) + byName * (g === 'feminine' ? 1 : g === 'unisex' ? 0.5 : 0);
      out.man +=
        w * pronounShare(g, (x) => x.startsWith('he')) + byName * (g === 'masculine' ? 1 : g === 'unisex' ? 0.5 : 0);
    }
  }
  return out;
}

// Share of a neighbourhood's clients aged 16–24 (the younger 2SLGBTQ+ rate).
function youngShare(n: Neighbourhood): number {
  const weights = ageGroupWeights(n);
  const total = weights.reduce((a, w) => a + w, 0);
  const young = AGE_GROUP_SPANS.reduce(
    (a, span, i) => (span.to <= LGBTQ2S_YOUNG_MAX_AGE ? a + (weights[i] ?? 0) : a),
    0,
  );
  return total > 0 ? young / total : 0;
}

export function buildEquityTargets(
  geography: Geography,
  identities: ReadonlyMap<number, NeighbourhoodIdentity> = loadNeighbourhoodIdentity(),
): EquityTarget[] {
  const models = buildEquityModels(geography, identities);
  const totalWeight = geography.neighbourhoods.reduce((a, n) => a + residenceWeight(n), 0);
  const lists = Object.fromEntries(RACIALIZED_GROUPS.map((g) => [g, 0])) as Record<RacializedGroup, number>;
  const gender = { woman: 0, man: 0, non_binary: 0, two_spirit: 0, another: 0 };
  let multiple = 0;
  let indigenous = 0;
  let lgbtq2s = 0;
  let newcomer = 0;
  let francophone = 0;
  for (const n of geography.neighbourhoods) {
    const w = residenceWeight(n) / totalWeight;
    const identity = identityOf(identities, n);
    const origins = censusOriginShares(identity);
    const vm = visibleMinorityShares(identity);
    for (const g of RACIALIZED_GROUPS) {
      lists[g] += w * (origins[g] + (g === 'white' || g === 'indigenous' ? 0 : origins.multiple * pairIncludes(vm, g)));
    }
    multiple += w * origins.multiple;
    indigenous += w * origins.indigenous;
    const genders = genderShares(n, models.get(n.id)!);
    for (const g of Object.keys(gender) as (keyof typeof gender)[]) gender[g] += w * genders[g];
    const queer = genders.non_binary + genders.two_spirit + genders.another;
    const young = youngShare(n);
    lgbtq2s += w * (queer + (1 - queer) * (young * LGBTQ2S_AGED_UNDER_25 + (1 - young) * LGBTQ2S_AGED_25_PLUS));
    newcomer += w * newcomerShare(n);
    francophone += w * francophoneShare(n);
  }

  const targets: EquityTarget[] = [];
  const add = (
    question: EquityQuestion,
    value: string,
    label: string,
    target: number,
    source: string,
    approximation: boolean,
  ) => targets.push({ key: `equity.${question}.${value}`, question, value, label, target, source, approximation });
  const unanswered = (q: EquityQuestion, label: string) => {
    const d = disclosureShares(q);
    add(
      q,
      'not_answered',
      `${label}: not answered`,
      d.not_answered,
      'Hand-chosen: the whole step skipped, or this question left blank',
      true,
    );
    if (d.prefer_not_to_say > 0)
      add(q, PREFER_NOT_TO_SAY, `${label}: prefer not to say`, d.prefer_not_to_say, 'Hand-chosen', true);
    return d.answered;
  };

  const split = indigenousIdentityShares(identities.values());
  const answeredIndigenous = unanswered('indigenousIdentity', 'Indigenous identity');
  const indigenousSource = `${PROFILES}: Aboriginal identity ${WEIGHTED}; split by the City's single responses (First Nations, Métis, Inuk) ${VOLUNTARY}`;
  for (const k of ['first_nations', 'metis', 'inuit'] as const) {
    add(
      'indigenousIdentity',
      k,
      `Indigenous identity: ${k.replace('_', ' ')}`,
      answeredIndigenous * indigenous * split[k],
      indigenousSource,
      false,
    );
  }
  add(
    'indigenousIdentity',
    'no',
    'Indigenous identity: no',
    answeredIndigenous * (1 - indigenous),
    indigenousSource,
    false,
  );

  const answeredRacialized = unanswered('racializedGroup', 'Racialized group');
  for (const g of RACIALIZED_GROUPS) {
    const source =
      g === 'white'
        ? `${PROFILES}: not a visible minority less Aboriginal identity, ${WEIGHTED}, ${VOLUNTARY}`
        : g === 'indigenous'
          ? `${PROFILES}: Aboriginal identity, ${WEIGHTED}, ${VOLUNTARY}`
          : `${PROFILES}: visible minority groups mapped to the category (single groups, plus multiple visible minorities as two groups), ${WEIGHTED}, ${VOLUNTARY}`;
    add(
      'racializedGroup',
      g,
      `Racialized group lists ${g.replace('_', ' ')}`,
      answeredRacialized * lists[g],
      source,
      false,
    );
  }
  add(
    'racializedGroup',
    'multiple',
    'Racialized group lists two groups',
    answeredRacialized * multiple,
    `${PROFILES}: multiple visible minorities, ${WEIGHTED}, ${VOLUNTARY}`,
    false,
  );

  const answeredGender = unanswered('gender', 'Gender');
  const genderSource =
    'Recorded pronouns and the usual gender of the given name (hand-chosen); Statistics Canada Census 2021 non-binary share (0.14%) ' +
    'for clients without pronouns; hand-chosen Two-Spirit and another-gender shares';
  for (const g of Object.keys(gender) as (keyof typeof gender)[]) {
    add('gender', g, `Gender: ${g.replace('_', ' ')}`, answeredGender * gender[g], genderSource, true);
  }

  const yesNo = (q: EquityQuestion, label: string, share: number, source: string, approximation: boolean) => {
    const answered = unanswered(q, label);
    add(q, 'yes', `${label}: yes`, answered * share, source, approximation);
    add(q, 'no', `${label}: no`, answered * (1 - share), source, approximation);
  };
  yesNo(
    'disability',
    'Disability',
    DISABILITY_SHARE,
    `Hand-chosen ${DISABILITY_SHARE} (distributions.ts) ${VOLUNTARY}`,
    true,
  );
  yesNo(
    'newcomer',
    'Newcomer',
    newcomer,
    `${PROFILES}: immigrants arrived 2011–2016, ${WEIGHTED}, ${VOLUNTARY}`,
    false,
  );
  yesNo(
    'francophone',
    'Francophone',
    francophone,
    `${PROFILES}: official language minority, ${WEIGHTED}, ${VOLUNTARY}`,
    false,
  );
  yesNo(
    'lgbtq2s',
    '2SLGBTQ+',
    lgbtq2s,
    `Statistics Canada (4% of people aged 15+ in 2018, by age: ${LGBTQ2S_AGED_UNDER_25} under 25, ${LGBTQ2S_AGED_25_PLUS} from 25), plus every non-binary, Two-Spirit or another-gender client, ${VOLUNTARY}`,
    true,
  );
  return targets;
}
