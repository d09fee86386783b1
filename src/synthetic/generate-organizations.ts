import { weightedTable, type Random, type WeightedTable } from './random.ts';
import { TORONTO_BOUNDS, type ForwardSortationArea, type Geography, type Neighbourhood } from './geography.ts';
import { residenceWeight } from './distributions.ts';
import { NAME_GROUPS } from './names.ts';
import {
  COMMUNITY_DESCRIPTORS,
  EMPLOYER_INDUSTRIES,
  EMPLOYER_SUFFIXES,
  EMPLOYMENT_DESCRIPTORS,
  STEM_FIRST,
  STEM_SECOND,
  STREET_AREA_BY_FSA,
  STREETS,
  TRAINING_DESCRIPTORS,
  UNIT_PREFIXES,
  type Descriptor,
} from './organization-names.ts';
import { ORGANIZATION_TYPES, type OrganizationType, type SyntheticOrganization, type SyntheticSite } from './city.ts';

// How many organizations of each type a city of N clients gets: about one per
// `clientsPerOrganization` clients, kept between `min` and `max`. A city has a bounded number of
// agencies, so past the cap agencies grow rather than multiply.
export const ORGANIZATION_SCALING: Record<
  OrganizationType,
  { clientsPerOrganization: number; min: number; max: number; sites: readonly [number, number] }
> = {
  system_manager: { clientsPerOrganization: Number.POSITIVE_INFINITY, min: 1, max: 1, sites: [1, 1] },
  employment_service_provider: { clientsPerOrganization: 2_000, min: 3, max: 150, sites: [1, 3] },
  social_assistance_office: { clientsPerOrganization: 25_000, min: 2, max: 18, sites: [1, 1] },
  training_organization: { clientsPerOrganization: 5_000, min: 2, max: 60, sites: [1, 2] },
  community_agency: { clientsPerOrganization: 2_500, min: 3, max: 120, sites: [1, 3] },
  employer: { clientsPerOrganization: 250, min: 5, max: 2_000, sites: [1, 2] },
};

export function organizationCounts(clients: number): Record<OrganizationType, number> {
  const counts = {} as Record<OrganizationType, number>;
  for (const type of ORGANIZATION_TYPES) {
    const s = ORGANIZATION_SCALING[type];
    counts[type] = Math.min(s.max, Math.max(s.min, Math.ceil(clients / s.clientsPerOrganization)));
  }
  return counts;
}

// Share of organizations of a type that serve in French, and of those, the share with a French
// primary name (hand-chosen).
const FRENCH_SERVICE: Record<OrganizationType, number> = {
  system_manager: 1,
  employment_service_provider: 0.15,
  social_assistance_office: 0.34,
  training_organization: 0.15,
  community_agency: 0.12,
  employer: 0.03,
};
const FRENCH_FIRST_NAME = 0.35;
const WHEELCHAIR_ACCESSIBLE = 0.85;

// Canada Post never uses D, F, I, O, Q or U in a postal code.
const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';
export const LOCAL_DELIVERY_UNITS: readonly string[] = (() => {
  const units: string[] = [];
  for (let a = 1; a <= 9; a++) {
    for (const letter of POSTAL_LETTERS) {
      for (let b = 0; b <= 9; b++) units.push(`${a}${letter}${b}`);
    }
  }
  return units;
})();

export { canonicalPostalCodePattern as POSTAL_CODE_PATTERN } from '../domain/organizations/organization.ts';

// Kilometres, flat-earth: fine across a city.
const KM_PER_DEGREE_LATITUDE = 111.2;
const KM_PER_DEGREE_LONGITUDE = 111.32 * Math.cos((43.7 * Math.PI) / 180);
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return Math.hypot((lat2 - lat1) * KM_PER_DEGREE_LATITUDE, (lon2 - lon1) * KM_PER_DEGREE_LONGITUDE);
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export type SiteDraft = {
  fsa: ForwardSortationArea;
  latitude: number;
  longitude: number;
  neighbourhood: Neighbourhood;
};

export type Context = {
  geography: Geography;
  neighbourhoodsByFsa: Map<string, Neighbourhood[]>;
  fsaWeights: Map<string, number>;
  meanFsaWeight: number;
};

export function createContext(geography: Geography): Context {
  const neighbourhoodsByFsa = new Map<string, Neighbourhood[]>();
  const fsaWeights = new Map<string, number>(geography.fsas.map((f) => [f.code, 0]));
  for (const n of geography.neighbourhoods) {
    const list = neighbourhoodsByFsa.get(n.fsa) ?? [];
    list.push(n);
    neighbourhoodsByFsa.set(n.fsa, list);
    fsaWeights.set(n.fsa, (fsaWeights.get(n.fsa) ?? 0) + residenceWeight(n));
  }
  const total = [...fsaWeights.values()].reduce((a, b) => a + b, 0);
  return { geography, neighbourhoodsByFsa, fsaWeights, meanFsaWeight: total / geography.fsas.length };
}

// Where a type's sites go: mostly where clients live, with a floor so every FSA can get some;
// employers lean downtown.
function fsaTable(ctx: Context, type: OrganizationType): WeightedTable<ForwardSortationArea> {
  const floor: Record<OrganizationType, number> = {
    system_manager: 0,
    employment_service_provider: 0.2,
    social_assistance_office: 0.2,
    training_organization: 0.6,
    community_agency: 0.2,
    employer: 1,
  };
  return weightedTable(
    ctx.geography.fsas.map((f) => {
      const downtown = type === 'employer' && f.formerMunicipality === 'Toronto' && f.code.startsWith('M5') ? 3 : 0;
      return [f, (ctx.fsaWeights.get(f.code) ?? 0) + ctx.meanFsaWeight * (floor[type] + downtown)] as const;
    }),
  );
}

function nearestNeighbourhood(
  candidates: readonly Neighbourhood[],
  latitude: number,
  longitude: number,
): Neighbourhood {
  let best = candidates[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const n of candidates) {
    const d = distanceKm(latitude, longitude, n.latitude, n.longitude);
    if (d < bestDistance) {
      best = n;
      bestDistance = d;
    }
  }
  return best;
}

function draftSite(ctx: Context, rng: Random, fsa: ForwardSortationArea): SiteDraft {
  // Within about 700 m of the FSA's (hand-typed) centroid.
  const latitude = Math.min(
    TORONTO_BOUNDS.maxLatitude,
    Math.max(TORONTO_BOUNDS.minLatitude, fsa.latitude + (rng.float() - 0.5) * 0.012),
  );
  const longitude = Math.min(
    TORONTO_BOUNDS.maxLongitude,
    Math.max(TORONTO_BOUNDS.minLongitude, fsa.longitude + (rng.float() - 0.5) * 0.016),
  );
  const local = ctx.neighbourhoodsByFsa.get(fsa.code);
  const neighbourhood = nearestNeighbourhood(local ?? ctx.geography.neighbourhoods, latitude, longitude);
  return { fsa, latitude: round6(latitude), longitude: round6(longitude), neighbourhood };
}

function streetAddress(rng: Random, fsa: ForwardSortationArea, withUnit: boolean): string {
  const street = rng.pick(STREETS[STREET_AREA_BY_FSA.get(fsa.code) ?? 'downtown']);
  const address = `${rng.int(2, 3_998)} ${street}`;
  return withUnit && rng.bool(0.4)
    ? `${address}, ${rng.pick(UNIT_PREFIXES)} ${rng.int(1, 12) * 100 + rng.int(0, 20)}`
    : address;
}

function phoneNumber(rng: Random): string {
  // 555-0100 to 555-0199 are reserved for fictional use across North America.
  return `${rng.pick(['416', '647', '437'])}-555-01${String(rng.int(0, 99)).padStart(2, '0')}`;
}

export type OrganizationPlan = { organization: SyntheticOrganization; drafts: SiteDraft[] };

export function buildOrganizations(ctx: Context, rng: Random, clients: number): OrganizationPlan[] {
  const counts = organizationCounts(clients);
  const usedNames = new Set<string>();
  const plans: OrganizationPlan[] = [];
  const claim = (name: string) => {
    const key = name.toLowerCase();
    if (usedNames.has(key)) return false;
    usedNames.add(key);
    return true;
  };

  // Invented stems in a seed-dependent order; each agency takes the next one.
  const stems = STEM_FIRST.flatMap((a) => STEM_SECOND.map((b) => `${a}${b}`));
  for (let i = stems.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [stems[i], stems[j]] = [stems[j]!, stems[i]!];
  }
  let stemIndex = 0;
  const nextStem = () => {
    const stem = stems[stemIndex % stems.length]!;
    const round = Math.floor(stemIndex / stems.length);
    stemIndex++;
    return round === 0 ? stem : `${stem} ${round + 1}`;
  };

  const siteDrafts = (type: OrganizationType): SiteDraft[] => {
    const [lo, hi] = ORGANIZATION_SCALING[type].sites;
    const table = fsaTable(ctx, type);
    return Array.from({ length: rng.int(lo, hi) }, () => draftSite(ctx, rng, rng.weightedPick(table)));
  };

  const add = (organization: Omit<SyntheticOrganization, 'id'>, drafts: SiteDraft[]) => {
    plans.push({ organization: { id: rng.uuid(), ...organization }, drafts });
  };

  // The one system manager: the City's Employment Service System Manager, at City Hall's FSA.
  const cityHall = ctx.geography.fsaByCode.get('M5H') ?? ctx.geography.fsas[0]!;
  const managerName = 'City of Toronto — Employment Service System Manager (demo)';
  claim(managerName);
  add(
    {
      type: 'system_manager',
      name: managerName,
      nameFr: "Ville de Toronto — Gestionnaire du système de services d'emploi (démo)",
      website: 'https://employment-system.example.org',
      phone: '416-555-0100',
      email: 'essm@employment-system.example.org',
      offersFrench: true,
    },
    [draftSite(ctx, rng, cityHall)],
  );

  const agency = (type: OrganizationType, descriptors: readonly Descriptor[]) => {
    for (let i = 0; i < counts[type]; i++) {
      const descriptor = rng.pick(descriptors);
      let stem = nextStem();
      while (!claim(`${stem} ${descriptor.en}`)) stem = nextStem();
      const offersFrench = rng.bool(FRENCH_SERVICE[type]);
      const english = `${stem} ${descriptor.en}`;
      const french = `${descriptor.fr} ${stem}`;
      const frenchFirst = offersFrench && rng.bool(FRENCH_FIRST_NAME);
      const name = frenchFirst ? french : english;
      if (frenchFirst) claim(french);
      const domain = `${slug(stem)}.example.org`;
      add(
        {
          type,
          name,
          nameFr: offersFrench ? french : null,
          website: `https://${domain}`,
          phone: phoneNumber(rng),
          email: `info@${domain}`,
          offersFrench,
        },
        siteDrafts(type),
      );
    }
  };

  agency('employment_service_provider', EMPLOYMENT_DESCRIPTORS);

  // Social assistance offices are spread out: each at least 4 km from the others where possible.
  const officeTable = fsaTable(ctx, 'social_assistance_office');
  const offices: SiteDraft[] = [];
  for (let i = 0; i < counts.social_assistance_office; i++) {
    let draft = draftSite(ctx, rng, rng.weightedPick(officeTable));
    for (let attempt = 0; attempt < 30; attempt++) {
      const crowded = offices.some((o) => distanceKm(o.latitude, o.longitude, draft.latitude, draft.longitude) < 4);
      const taken = usedNames.has(
        `city of toronto social assistance office — ${draft.neighbourhood.name} (demo)`.toLowerCase(),
      );
      if (!crowded && !taken) break;
      draft = draftSite(ctx, rng, rng.weightedPick(officeTable));
    }
    let name = `City of Toronto Social Assistance Office — ${draft.neighbourhood.name} (demo)`;
    if (!claim(name)) {
      name = `City of Toronto Social Assistance Office — ${draft.neighbourhood.name} ${i + 1} (demo)`;
      claim(name);
    }
    offices.push(draft);
    add(
      {
        type: 'social_assistance_office',
        name,
        nameFr: `Bureau d'aide sociale de la Ville de Toronto — ${draft.neighbourhood.name} (démo)`,
        website: null,
        phone: phoneNumber(rng),
        email: null,
        offersFrench: rng.bool(FRENCH_SERVICE.social_assistance_office),
      },
      [draft],
    );
  }

  agency('training_organization', TRAINING_DESCRIPTORS);
  agency('community_agency', COMMUNITY_DESCRIPTORS);

  const surnameTable = weightedTable(NAME_GROUPS.map((g) => [g, g.weight] as const));
  for (let i = 0; i < counts.employer; i++) {
    let name = '';
    for (let attempt = 0; attempt < 20 && (name === '' || usedNames.has(name.toLowerCase())); attempt++) {
      const owner = rng.pick(rng.weightedPick(surnameTable).family);
      const partner = rng.bool(0.15) ? ` & ${rng.pick(rng.weightedPick(surnameTable).family)}` : '';
      const suffix = rng.pick(EMPLOYER_SUFFIXES);
      name = `${owner}${partner} ${rng.pick(EMPLOYER_INDUSTRIES)}${suffix ? ` ${suffix}` : ''}`;
    }
    if (usedNames.has(name.toLowerCase())) name = `${name} (${i + 1})`;
    claim(name);
    const domain = `${slug(name)}.example.com`;
    add(
      {
        type: 'employer',
        name,
        nameFr: null,
        website: rng.bool(0.7) ? `https://www.${domain}` : null,
        phone: phoneNumber(rng),
        email: rng.bool(0.8) ? `jobs@${domain}` : null,
        offersFrench: rng.bool(FRENCH_SERVICE.employer),
      },
      siteDrafts('employer'),
    );
  }
  return plans;
}

export function buildSites(rng: Random, plans: readonly OrganizationPlan[]): SyntheticSite[] {
  const sites: SyntheticSite[] = [];
  for (const { organization, drafts } of plans) {
    const agencyType = organization.type !== 'employer';
    for (const draft of drafts) {
      sites.push({
        id: rng.uuid(),
        organizationId: organization.id,
        name: drafts.length === 1 ? organization.name : `${organization.name} — ${draft.neighbourhood.name}`,
        streetAddress: streetAddress(rng, draft.fsa, agencyType),
        city: 'Toronto',
        province: 'ON',
        postalCode: `${draft.fsa.code} ${rng.pick(LOCAL_DELIVERY_UNITS)}`,
        fsa: draft.fsa.code,
        neighbourhoodId: draft.neighbourhood.id,
        latitude: draft.latitude,
        longitude: draft.longitude,
        wheelchairAccessible: rng.bool(WHEELCHAIR_ACCESSIBLE),
      });
    }
  }
  return sites;
}
