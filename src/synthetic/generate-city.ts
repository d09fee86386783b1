import { createRandom, weightedTable, type WeightedTable } from './random.ts';
import { CENSUS_EDUCATION_LEVELS, loadGeography, type Geography, type Neighbourhood } from './geography.ts';
import {
  AGE_GROUP_SPANS,
  ageGroupWeights,
  disabilityShareWithoutOdsp,
  educationForAge,
  educationWeights,
  francophoneShare,
  FRENCH_NAME_AMONG_FRANCOPHONES,
  FRENCH_PREFERENCE_AMONG_FRANCOPHONES,
  INCOME_SOURCE_SHARES,
  INCOME_SOURCES,
  MAX_CLIENT_AGE,
  MIN_CLIENT_AGE,
  NEWCOMER_ARRIVAL_YEARS,
  newcomerShare,
  REFERENCE_DATE,
  residenceWeight,
  UNKNOWN_EDUCATION_SHARE,
  type EducationLevel,
  type IncomeSource,
} from './distributions.ts';
import { FRENCH_NAME_GROUP, NAME_GROUPS, type NameGroup } from './names.ts';
import {
  cityOptionsSchema,
  type CityOptions,
  type ClientRecord,
  type OrganizationType,
  type SyntheticCity,
  type SyntheticClient,
} from './city.ts';
import { drawCaseWork, StaffPools } from './case-work.ts';
import type { ProgramIndex } from './referrals.ts';
import { buildDirectory } from './generate-directory.ts';
import { drawRecord, type CoreClient } from './client-record.ts';
import { buildEquityModels, drawEquity, type EquityModel } from './equity.ts';
import type { Partners } from './consents.ts';
import { createDuplicatePlanner, plantCopy } from './near-duplicates.ts';
import { STREET_AREA_BY_FSA, STREETS } from './organization-names.ts';
import type { Random } from './random.ts';
import {
  buildOrganizations,
  buildSites,
  createContext,
  distanceKm,
  LOCAL_DELIVERY_UNITS,
  type OrganizationPlan,
  type SiteDraft,
} from './generate-organizations.ts';

// Ontario Works and ODSP clients often hold their file at the social assistance office.
const SOCIAL_ASSISTANCE_HOME_SHARE = 0.5;
// A client's employment service provider is one of the nearest few, nearer ones more likely.
const NEAREST_PROVIDER_WEIGHTS = [4, 3, 2, 1] as const;
const HYPHENATED_FAMILY_NAME = 0.04;
const MIXED_FAMILY_NAME = 0.1;

// Everything a client draw needs about a neighbourhood, precomputed once per city.
type NeighbourhoodModel = {
  id: number;
  postalPrefix: string;
  ageTable: WeightedTable<number>;
  educationTable: WeightedTable<number>;
  newcomerShare: number;
  francophoneShare: number;
  providerTable: WeightedTable<string>;
  equity: EquityModel;
  nearestOffice: string;
  // Nearest first: where consents and second records go.
  providers: readonly string[];
  training: readonly string[];
  community: readonly string[];
  streets: readonly string[];
};

function buildNeighbourhoodModels(geography: Geography, plans: readonly OrganizationPlan[]): NeighbourhoodModel[] {
  const located = (type: OrganizationType) =>
    plans.filter((p) => p.organization.type === type).map((p) => ({ id: p.organization.id, points: p.drafts }));
  const providers = located('employment_service_provider');
  const offices = located('social_assistance_office');
  const training = located('training_organization');
  const community = located('community_agency');
  const equity = buildEquityModels(geography);

  const byDistance = (n: Neighbourhood, orgs: { id: string; points: SiteDraft[] }[]) =>
    orgs
      .map((o) => ({
        id: o.id,
        d: Math.min(...o.points.map((p) => distanceKm(n.latitude, n.longitude, p.latitude, p.longitude))),
      }))
      .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));

  return geography.neighbourhoods.map((n) => {
    const nearestProviders = byDistance(n, providers).slice(0, NEAREST_PROVIDER_WEIGHTS.length);
    const nearestOffice = byDistance(n, offices)[0];
    if (!nearestOffice || nearestProviders.length === 0) throw new Error('A city needs providers and offices');
    return {
      id: n.id,
      postalPrefix: `${n.fsa} `,
      ageTable: weightedTable(ageGroupWeights(n).map((w, i) => [i, w] as const)),
      educationTable: weightedTable(educationWeights(n).map((w, i) => [i, w] as const)),
      newcomerShare: newcomerShare(n),
      francophoneShare: francophoneShare(n),
      providerTable: weightedTable(nearestProviders.map((p, i) => [p.id, NEAREST_PROVIDER_WEIGHTS[i]!] as const)),
      equity: equity.get(n.id)!,
      nearestOffice: nearestOffice.id,
      providers: nearestProviders.map((p) => p.id),
      training: byDistance(n, training)
        .slice(0, 3)
        .map((o) => o.id),
      community: byDistance(n, community)
        .slice(0, 3)
        .map((o) => o.id),
      streets: STREETS[STREET_AREA_BY_FSA.get(n.fsa) ?? 'downtown'],
    };
  });
}

const DAY_MS = 86_400_000;

type BirthDates = { firstDay: number; strings: readonly string[]; rangeByAge: readonly (readonly [number, number])[] };

let birthDatesCache: BirthDates | undefined;

// Every possible date of birth as a 'YYYY-MM-DD' string, built once: formatting dates per client
// would cost more than everything else a client needs.
function birthDates(): BirthDates {
  if (birthDatesCache) return birthDatesCache;
  const [y, m, d] = REFERENCE_DATE.split('-').map(Number) as [number, number, number];
  const rangeByAge: [number, number][] = [];
  for (let age = 0; age <= MAX_CLIENT_AGE; age++) {
    // Aged `age` on the reference date: born after it, age + 1 years earlier, and on or before it, age years earlier.
    const earliest = Date.UTC(y - age - 1, m - 1, d + 1) / DAY_MS;
    const latest = Date.UTC(y - age, m - 1, d) / DAY_MS;
    rangeByAge.push([earliest, latest]);
  }
  const firstDay = rangeByAge[MAX_CLIENT_AGE]![0];
  const lastDay = rangeByAge[MIN_CLIENT_AGE]![1];
  const strings: string[] = [];
  for (let day = firstDay; day <= lastDay; day++) strings.push(new Date(day * DAY_MS).toISOString().slice(0, 10));
  birthDatesCache = { firstDay, strings, rangeByAge };
  return birthDatesCache;
}

export function ageOn(dateOfBirth: string, referenceDate: string = REFERENCE_DATE): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = referenceDate.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

type CoreDraw = { core: CoreClient; hood: NeighbourhoodModel };

// The client's core fields, drawn exactly as before the record existed (one stream, fixed order).
function drawCore(rng: Random, residence: WeightedTable<NeighbourhoodModel>, tables: CoreTables): CoreDraw {
  const dates = birthDates();
  const id = rng.uuid();
  const hood = rng.weightedPick(residence);
  const span = AGE_GROUP_SPANS[rng.weightedPick(hood.ageTable)]!;
  const age = rng.int(span.from, span.to);
  const [earliest, latest] = dates.rangeByAge[age]!;
  const dateOfBirth = dates.strings[rng.int(earliest, latest) - dates.firstDay]!;

  const educationLevel: EducationLevel = rng.bool(UNKNOWN_EDUCATION_SHARE)
    ? 'unknown'
    : CENSUS_EDUCATION_LEVELS[educationForAge(rng.weightedPick(hood.educationTable), age)]!;
  const incomeSource = rng.weightedPick(tables.income);
  // ODSP is for people with a disability, so every ODSP client has one.
  const disability = incomeSource === 'odsp' || rng.bool(tables.otherDisability);
  const newcomer = rng.bool(hood.newcomerShare);
  const arrivalYear = newcomer ? rng.pick(NEWCOMER_ARRIVAL_YEARS) : null;
  const francophone = rng.bool(hood.francophoneShare);
  const preferredLanguage = francophone && rng.bool(FRENCH_PREFERENCE_AMONG_FRANCOPHONES) ? 'fr' : 'en';

  const group: NameGroup =
    francophone && rng.bool(FRENCH_NAME_AMONG_FRANCOPHONES) ? FRENCH_NAME_GROUP : rng.weightedPick(tables.nameGroups);
  const givenName = rng.pick(group.given);
  let familyName = rng.pick(group.family);
  const r = rng.float();
  if (r < HYPHENATED_FAMILY_NAME) {
    const second = rng.pick(rng.weightedPick(tables.nameGroups).family);
    if (second !== familyName) familyName = `${familyName}-${second}`;
  } else if (r < HYPHENATED_FAMILY_NAME + MIXED_FAMILY_NAME) {
    familyName = rng.pick(rng.weightedPick(tables.nameGroups).family);
  }

  const onAssistance = incomeSource === 'ontario_works' || incomeSource === 'odsp';
  const organizationId =
    onAssistance && rng.bool(SOCIAL_ASSISTANCE_HOME_SHARE) ? hood.nearestOffice : rng.weightedPick(hood.providerTable);

  return {
    hood,
    core: {
      id,
      organizationId,
      givenName,
      familyName,
      dateOfBirth,
      preferredLanguage,
      postalCode: hood.postalPrefix + rng.pick(LOCAL_DELIVERY_UNITS),
      neighbourhoodId: hood.id,
      educationLevel,
      incomeSource,
      traits: { newcomer, arrivalYear, disability, francophone },
      age,
      nameGroup: group.key,
    },
  };
}

type CoreTables = {
  income: WeightedTable<IncomeSource>;
  nameGroups: WeightedTable<NameGroup>;
  otherDisability: number;
};

function partnersOf(core: CoreClient, hood: NeighbourhoodModel): Partners {
  return {
    holderId: core.organizationId,
    holderIsOffice: core.organizationId === hood.nearestOffice,
    onAssistance: core.incomeSource === 'ontario_works' || core.incomeSource === 'odsp',
    providers: hood.providers,
    office: hood.nearestOffice,
    training: hood.training,
    community: hood.community,
  };
}

// Where the second record of a planted pair is opened: another nearby employment service, or the
// social assistance office for a client on assistance; never the agency holding the first record.
function otherAgency(rng: Random, core: CoreClient, hood: NeighbourhoodModel): string {
  const onAssistance = core.incomeSource === 'ontario_works' || core.incomeSource === 'odsp';
  const candidates = [
    ...(onAssistance && rng.bool(0.3) ? [hood.nearestOffice] : []),
    ...hood.providers,
    hood.nearestOffice,
  ].filter((id) => id !== core.organizationId);
  return candidates[0] ?? core.organizationId;
}

type World = {
  seed: number;
  residence: WeightedTable<NeighbourhoodModel>;
  employerNames: readonly string[];
  duplicateEvery: number;
  organizationTypes: ReadonlyMap<string, OrganizationType>;
  frenchAgencies: ReadonlySet<string>;
  // The programs each organization lists (the directory), for referrals to name.
  programs: ProgramIndex;
};

function* generateClients(world: World, count: number): Generator<SyntheticClient, void, undefined> {
  const root = createRandom(world.seed);
  const rng = root.fork('clients');
  // The record and the planted duplicates draw from streams of their own.
  const records = root.fork('records');
  const duplicates = root.fork('duplicates');
  const planner = createDuplicatePlanner(duplicates, count, world.duplicateEvery);
  // Case work, and the staff who carry it, from streams of their own too.
  const casework = root.fork('casework');
  // The self-identified answers too, added after the rest: nothing drawn before them moves.
  const equity = root.fork('equity');
  const pools = new StaffPools(root.fork('staff'), world.organizationTypes, world.frenchAgencies);
  const referrals = { r: root.fork('referrals'), programs: world.programs };
  const withCaseWork = (record: ClientRecord): SyntheticClient => ({
    ...record,
    caseWork: drawCaseWork(casework, record, pools, referrals),
  });
  const tables: CoreTables = {
    income: weightedTable(INCOME_SOURCES.map((s) => [s, INCOME_SOURCE_SHARES[s]] as const)),
    nameGroups: weightedTable(NAME_GROUPS.map((g) => [g, g.weight] as const)),
    otherDisability: disabilityShareWithoutOdsp(),
  };
  const context = (core: CoreClient, hood: NeighbourhoodModel, index: number) => ({
    seed: world.seed,
    index,
    partners: partnersOf(core, hood),
    streets: hood.streets,
    employerNames: world.employerNames,
    equity: (pronouns: string | null) =>
      drawEquity(equity, hood.equity, {
        traits: core.traits,
        age: core.age,
        givenName: core.givenName,
        nameGroup: core.nameGroup,
        pronouns,
      }),
  });

  for (let i = 0; i < count; i++) {
    const { core, hood } = drawCore(rng, world.residence, tables);
    const client = drawRecord(records, core, context(core, hood, i));
    yield withCaseWork(client);
    if (planner.plantsAfter(i) && i + 1 < count) {
      // The slot's own core draw is made and dropped, so later clients stay as they were.
      drawCore(rng, world.residence, tables);
      const kind = planner.chooseKind(client);
      let otherFamily = duplicates.pick(duplicates.weightedPick(tables.nameGroups).family);
      if (otherFamily === core.familyName)
        otherFamily = duplicates.pick(NAME_GROUPS[0]!.family.filter((f) => f !== core.familyName));
      i++;
      yield withCaseWork(plantCopy(duplicates, client, kind, otherAgency(duplicates, core, hood), otherFamily));
    }
  }
}

// Pure: the same options (and vendored geography) always give the same city.
export function generateCity(options: CityOptions, geography: Geography = loadGeography()): SyntheticCity {
  const { seed, clients, duplicateEvery, servicesPerProvider } = cityOptionsSchema.parse(options);
  const root = createRandom(seed);
  const ctx = createContext(geography);
  const plans = buildOrganizations(ctx, root.fork('organizations'), clients);
  const sites = buildSites(root.fork('sites'), plans);
  const models = buildNeighbourhoodModels(geography, plans);
  const residence = weightedTable(models.map((m, i) => [m, residenceWeight(geography.neighbourhoods[i]!)] as const));
  const employerNames = plans.filter((p) => p.organization.type === 'employer').map((p) => p.organization.name);
  const services = buildDirectory(
    root.fork('directory'),
    plans.map((p) => p.organization),
    sites,
    servicesPerProvider,
  );
  const programs = new Map<string, string[]>();
  for (const s of services) programs.set(s.organizationId, [...(programs.get(s.organizationId) ?? []), s.id]);
  return {
    seed,
    clientCount: clients,
    referenceDate: REFERENCE_DATE,
    organizations: plans.map((p) => p.organization),
    sites,
    services,
    clients: () =>
      generateClients(
        {
          seed,
          residence,
          employerNames,
          duplicateEvery,
          organizationTypes: new Map(plans.map((p) => [p.organization.id, p.organization.type])),
          frenchAgencies: new Set(plans.filter((p) => p.organization.offersFrench).map((p) => p.organization.id)),
          programs,
        },
        clients,
      ),
  };
}
