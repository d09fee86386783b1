import { AGE_GROUPS, CENSUS_EDUCATION_LEVELS, type Geography, type Neighbourhood } from './geography.ts';

// What the synthetic city's clients look like, as data: the generator samples from these rules
// and synthetic.test.ts checks that what it produced matches every target. Figures from the 2016
// Neighbourhood Profiles are real (weighted to where clients live); hand-chosen ones say so.

// "Today" for the synthetic city: ages and arrival years are relative to it, so output never
// depends on the clock. The start of Ontario's 2025–26 fiscal year.
export const REFERENCE_DATE = '2025-04-01';
export const REFERENCE_YEAR = 2025;
// The synthetic city is Toronto: a load given no day of its own is dated at today there (the
// loader moves every date from the reference date to the load day: city-as-of.ts).
export const CITY_TIME_ZONE = 'America/Toronto';

export const MIN_CLIENT_AGE = 16;
export const MAX_CLIENT_AGE = 64;
// Employment Ontario's youth programs serve people aged 15 to 29; clients here start at 16.
export const YOUTH_MAX_AGE = 29;

export const EDUCATION_LEVELS = [...CENSUS_EDUCATION_LEVELS, 'unknown'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const INCOME_SOURCES = ['ontario_works', 'odsp', 'ei', 'none', 'other'] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];

const PROFILES = 'City of Toronto Neighbourhood Profiles 2016 (Census 2016, 98-316-X2016001)';
const WEIGHTED =
  "in the client's neighbourhood; clients are placed in neighbourhoods in proportion to each one's unemployed count";

// Hand-chosen: an illustrative mix for an integrated employment service that takes referrals of
// Ontario Works (Toronto Employment & Social Services) and ODSP recipients alongside EI claimants
// and people with no income support. Not a published figure.
export const INCOME_SOURCE_SHARES: Record<IncomeSource, number> = {
  ontario_works: 0.3,
  odsp: 0.07,
  ei: 0.14,
  none: 0.41,
  other: 0.08,
};

// Hand-chosen. For scale: Statistics Canada's Canadian Survey on Disability 2017 counted about
// 22% of Canadians aged 15 and over with a disability; every ODSP recipient has one by definition.
export const DISABILITY_SHARE = 0.17;

// Hand-chosen: the share of francophone clients who ask for service in French.
export const FRENCH_PREFERENCE_AMONG_FRANCOPHONES = 0.5;
// Hand-chosen: the share of francophones named from the French name pool (names.ts).
export const FRENCH_NAME_AMONG_FRANCOPHONES = 0.7;

// Hand-chosen: clients who did not state their education.
export const UNKNOWN_EDUCATION_SHARE = 0.02;

// A newcomer arrived within the five years before the reference date, as in the Census's
// "recent immigrant" (arrived 2011 to Census day 2016). Years are spread evenly (hand-chosen).
export const NEWCOMER_ARRIVAL_YEARS: readonly number[] = [2020, 2021, 2022, 2023, 2024];

// Youngest age at which a level is usually finished in Ontario (hand-chosen): a level drawn from
// the Census's 25–64 figures is lowered to the highest one the client's age allows.
export const EDUCATION_MIN_AGE: Record<(typeof CENSUS_EDUCATION_LEVELS)[number], number> = {
  less_than_high_school: 0,
  high_school: 18,
  apprenticeship_or_trades: 20,
  college: 20,
  bachelor: 22,
  graduate: 24,
};

// Ages 16–19 come from the Census 15–19 group: four of its five years.
export const AGE_GROUP_SPANS: readonly {
  group: (typeof AGE_GROUPS)[number];
  from: number;
  to: number;
  share: number;
}[] = AGE_GROUPS.map((group) => {
  const lo = Number(group.slice(4, 6));
  const from = Math.max(lo, MIN_CLIENT_AGE);
  return { group, from, to: lo + 4, share: (lo + 5 - from) / 5 };
});

// A neighbourhood's pull on where clients live: its unemployed count (Census 2016, aged 15+).
export function residenceWeight(n: Neighbourhood): number {
  return n.unemployed;
}

export function ageGroupWeights(n: Neighbourhood): number[] {
  return AGE_GROUP_SPANS.map((span, i) => (n.ageCounts[i] ?? 0) * span.share);
}

export function educationWeights(n: Neighbourhood): number[] {
  return [...n.educationCounts];
}

export function newcomerShare(n: Neighbourhood): number {
  return n.immigrationTotal > 0 ? n.recentImmigrants / n.immigrationTotal : 0;
}

export function francophoneShare(n: Neighbourhood): number {
  return n.firstOfficialLanguageTotal > 0 ? n.officialLanguageMinority / n.firstOfficialLanguageTotal : 0;
}

// Index into CENSUS_EDUCATION_LEVELS: the drawn level, or the highest one reachable at this age.
export function educationForAge(levelIndex: number, age: number): number {
  let i = levelIndex;
  while (i > 0 && EDUCATION_MIN_AGE[CENSUS_EDUCATION_LEVELS[i]!] > age) {
    // Apprenticeship and college need the same age; lowering either lands on high school.
    i = CENSUS_EDUCATION_LEVELS[i] === 'college' ? 1 : i - 1;
  }
  return i;
}

// Among all non-ODSP clients, chosen so that the overall disability share hits its target.
export function disabilityShareWithoutOdsp(): number {
  return (DISABILITY_SHARE - INCOME_SOURCE_SHARES.odsp) / (1 - INCOME_SOURCE_SHARES.odsp);
}

export type DistributionGroup =
  | 'age_group'
  | 'age_band'
  | 'education'
  | 'income_source'
  | 'newcomer'
  | 'arrival_year'
  | 'disability'
  | 'francophone'
  | 'preferred_language'
  | 'residence';

export type DistributionTarget = {
  // `${group}.${value}`
  key: string;
  group: DistributionGroup;
  value: string;
  label: string;
  // Expected share, 0–1, of `among`.
  target: number;
  among: 'clients' | 'newcomers';
  source: string;
  // True when the value is hand-chosen rather than taken from a published figure.
  approximation: boolean;
};

function normalise(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? w / total : 0));
}

export function buildDistributionTargets(geography: Geography): DistributionTarget[] {
  const hoods = geography.neighbourhoods;
  const residence = normalise(hoods.map(residenceWeight));
  const ageGroup = new Array<number>(AGE_GROUP_SPANS.length).fill(0);
  const education = new Array<number>(CENSUS_EDUCATION_LEVELS.length).fill(0);
  const designation = { nia: 0, emerging: 0, none: 0 };
  let newcomer = 0;
  let francophone = 0;

  hoods.forEach((n, k) => {
    const w = residence[k] ?? 0;
    designation[n.designation] += w;
    newcomer += w * newcomerShare(n);
    francophone += w * francophoneShare(n);
    const ages = normalise(ageGroupWeights(n));
    const levels = normalise(educationWeights(n));
    AGE_GROUP_SPANS.forEach((span, g) => {
      const pGroup = w * (ages[g] ?? 0);
      ageGroup[g]! += pGroup;
      const years = span.to - span.from + 1;
      for (let age = span.from; age <= span.to; age++) {
        levels.forEach((p, e) => {
          const lowered = educationForAge(e, age);
          education[lowered]! += (pGroup / years) * p;
        });
      }
    });
  });

  const targets: DistributionTarget[] = [];
  const add = (t: Omit<DistributionTarget, 'key'>) => targets.push({ key: `${t.group}.${t.value}`, ...t });

  AGE_GROUP_SPANS.forEach((span, g) => {
    add({
      group: 'age_group',
      value: `${span.from}_${span.to}`,
      label: `Aged ${span.from}–${span.to}`,
      target: ageGroup[g] ?? 0,
      among: 'clients',
      source: `${PROFILES}: population by five-year age group (male + female)${span.share < 1 ? ', four fifths of the 15–19 group' : ''}, ${WEIGHTED}`,
      approximation: false,
    });
  });
  const bandShare = (from: number, to: number) =>
    AGE_GROUP_SPANS.reduce((sum, span, g) => (span.from >= from && span.to <= to ? sum + (ageGroup[g] ?? 0) : sum), 0);
  const bands: [string, string, number, number][] = [
    ['youth_16_29', `Youth, aged 16–${YOUTH_MAX_AGE} (Employment Ontario's youth range is 15–29)`, 16, YOUTH_MAX_AGE],
    ['30_44', 'Aged 30–44', 30, 44],
    ['45_64', 'Aged 45–64', 45, 64],
  ];
  for (const [value, label, from, to] of bands) {
    add({
      group: 'age_band',
      value,
      label,
      target: bandShare(from, to),
      among: 'clients',
      source: `Sum of the age groups above (${PROFILES})`,
      approximation: false,
    });
  }

  const educationLabels: Record<EducationLevel, string> = {
    less_than_high_school: 'Less than high school',
    high_school: 'High school diploma or equivalent',
    apprenticeship_or_trades: 'Apprenticeship or trades certificate',
    college: 'College, CEGEP or university below bachelor',
    bachelor: "Bachelor's degree",
    graduate: 'Above bachelor (graduate, professional, doctorate)',
    unknown: 'Not stated',
  };
  CENSUS_EDUCATION_LEVELS.forEach((level, e) => {
    add({
      group: 'education',
      value: level,
      label: educationLabels[level],
      target: (education[e] ?? 0) * (1 - UNKNOWN_EDUCATION_SHARE),
      among: 'clients',
      source:
        `${PROFILES}: highest certificate, diploma or degree, aged 25–64, ${WEIGHTED}; ` +
        'lowered to what the client’s age allows (hand-chosen minimum ages), less the "not stated" share',
      approximation: false,
    });
  });
  add({
    group: 'education',
    value: 'unknown',
    label: educationLabels.unknown,
    target: UNKNOWN_EDUCATION_SHARE,
    among: 'clients',
    source: 'Hand-chosen',
    approximation: true,
  });

  const incomeLabels: Record<IncomeSource, string> = {
    ontario_works: 'Ontario Works',
    odsp: 'Ontario Disability Support Program',
    ei: 'Employment Insurance',
    none: 'No income support',
    other: 'Other income support',
  };
  for (const source of INCOME_SOURCES) {
    add({
      group: 'income_source',
      value: source,
      label: incomeLabels[source],
      target: INCOME_SOURCE_SHARES[source],
      among: 'clients',
      source:
        'Hand-chosen: an illustrative mix for an employment service that serves Ontario Works (Toronto ' +
        'Employment & Social Services) and ODSP referrals alongside EI claimants; not a published figure',
      approximation: true,
    });
  }

  add({
    group: 'newcomer',
    value: 'yes',
    label: 'Newcomer (arrived in the last five years)',
    target: newcomer,
    among: 'clients',
    source: `${PROFILES}: immigrants who arrived 2011–2016 among the population in private households, ${WEIGHTED}`,
    approximation: false,
  });
  for (const year of NEWCOMER_ARRIVAL_YEARS) {
    add({
      group: 'arrival_year',
      value: String(year),
      label: `Arrived in ${year} (share of newcomers)`,
      target: 1 / NEWCOMER_ARRIVAL_YEARS.length,
      among: 'newcomers',
      source: `Hand-chosen: newcomers spread evenly over the five years before ${REFERENCE_DATE}`,
      approximation: true,
    });
  }
  add({
    group: 'disability',
    value: 'yes',
    label: 'Self-identified disability (every ODSP client, some others)',
    target: DISABILITY_SHARE,
    among: 'clients',
    source:
      'Hand-chosen; for scale, the Canadian Survey on Disability 2017 found about 22% of Canadians aged 15+ ' +
      'with a disability',
    approximation: true,
  });
  add({
    group: 'francophone',
    value: 'yes',
    label: 'Francophone',
    target: francophone,
    among: 'clients',
    source:
      `${PROFILES}: official language minority (first official language French, plus half of "English and ` +
      `French"), ${WEIGHTED}; a stand-in for Ontario's Inclusive Definition of Francophone`,
    approximation: false,
  });
  add({
    group: 'preferred_language',
    value: 'fr',
    label: 'Prefers service in French',
    target: francophone * FRENCH_PREFERENCE_AMONG_FRANCOPHONES,
    among: 'clients',
    source: `Francophone share above × ${FRENCH_PREFERENCE_AMONG_FRANCOPHONES} (hand-chosen share of francophones asking for French)`,
    approximation: true,
  });

  const designationLabels = {
    nia: 'Lives in a Neighbourhood Improvement Area',
    emerging: 'Lives in an Emerging Neighbourhood',
    none: 'Lives in a neighbourhood with no TSNS2020 designation',
  } as const;
  for (const d of ['nia', 'emerging', 'none'] as const) {
    add({
      group: 'residence',
      value: d,
      label: designationLabels[d],
      target: designation[d],
      among: 'clients',
      source: `${PROFILES}: unemployed count (aged 15+) of each neighbourhood with its TSNS2020 designation`,
      approximation: false,
    });
  }
  return targets;
}
