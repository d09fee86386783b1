import fs from 'node:fs';
import { describe, it, expect } from 'vitest';
import { buildGeographyMigration, GEOGRAPHY_MIGRATION } from '../../scripts/build-geography-migration.ts';
import { createRandom, weightedTable } from './random.ts';
import { loadGeography, TORONTO_BOUNDS } from './geography.ts';
import {
  buildDistributionTargets,
  MAX_CLIENT_AGE,
  MIN_CLIENT_AGE,
  YOUTH_MAX_AGE,
  type DistributionGroup,
  type DistributionTarget,
} from './distributions.ts';
import { ORGANIZATION_TYPES, type SyntheticClient } from './city.ts';
import { ageOn, generateCity } from './generate-city.ts';
import { distanceKm, organizationCounts, POSTAL_CODE_PATTERN } from './generate-organizations.ts';
import { STREET_AREA_BY_FSA } from './organization-names.ts';
import { arrayLiteral, clientCopyLine, clientEquityCopyLine, timestampOn } from './copy-lines.ts';
import { encodeCopyRow } from '../db/copy.ts';
import { equityInputSchema } from '../domain/clients/client.ts';
import { genders, indigenousIdentities, racializedGroups } from '../web/pages/clients/client-text.ts';
import { buildNeighbourhoodIdentity, IDENTITY_ROWS } from '../../scripts/build-neighbourhood-identity-vendor.ts';
import {
  buildEquityModels,
  buildEquityTargets,
  censusOriginShares,
  EQUITY_QUESTIONS,
  GENDERS,
  INDIGENOUS_IDENTITIES,
  loadNeighbourhoodIdentity,
  namePoolShares,
  ORIGINS,
  PREFER_NOT_TO_SAY,
  RACIALIZED_GROUPS,
  type EquityTarget,
} from './equity.ts';

const geography = loadGeography();
const hoodById = new Map(geography.neighbourhoods.map((n) => [n.id, n]));
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('random', () => {
  it('is reproducible per seed and differs across seeds', () => {
    const draw = (seed: number) => {
      const r = createRandom(seed);
      return Array.from({ length: 5 }, () => r.uint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('keeps int within its inclusive bounds and reaches both ends', () => {
    const r = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(r.int(-2, 2));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2]);
  });

  it('never picks a zero-weight item and follows the weights', () => {
    const table = weightedTable([
      ['a', 0],
      ['b', 3],
      ['c', 0],
      ['d', 1],
      ['e', 0],
    ] as const);
    const r = createRandom(4);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 40_000; i++) {
      const item = r.weightedPick(table);
      counts[item] = (counts[item] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual(['b', 'd']);
    expect((counts.b ?? 0) / 40_000).toBeCloseTo(0.75, 1);
  });

  it('formats version 4 uuids', () => {
    const r = createRandom(5);
    for (let i = 0; i < 1_000; i++) expect(r.uuid()).toMatch(UUID_V4);
  });

  it('rejects tables without a positive weight', () => {
    expect(() => weightedTable([['a', 0]])).toThrow();
    expect(() => weightedTable([['a', -1]])).toThrow();
  });
});

describe('vendored geography', () => {
  it('has the 140 neighbourhoods and 96 residential FSAs, inside Toronto', () => {
    expect(geography.neighbourhoods).toHaveLength(140);
    expect(new Set(geography.neighbourhoods.map((n) => n.id))).toEqual(
      new Set(Array.from({ length: 140 }, (_, i) => i + 1)),
    );
    expect(geography.fsas).toHaveLength(96);
    for (const place of [...geography.neighbourhoods, ...geography.fsas]) {
      expect(place.latitude).toBeGreaterThanOrEqual(TORONTO_BOUNDS.minLatitude);
      expect(place.latitude).toBeLessThanOrEqual(TORONTO_BOUNDS.maxLatitude);
      expect(place.longitude).toBeGreaterThanOrEqual(TORONTO_BOUNDS.minLongitude);
      expect(place.longitude).toBeLessThanOrEqual(TORONTO_BOUNDS.maxLongitude);
    }
  });

  it('puts each neighbourhood in an FSA whose centroid is nearby', () => {
    for (const n of geography.neighbourhoods) {
      const fsa = geography.fsaByCode.get(n.fsa);
      expect(fsa, n.name).toBeDefined();
      expect(distanceKm(n.latitude, n.longitude, fsa!.latitude, fsa!.longitude), n.name).toBeLessThan(5);
    }
  });

  it('matches the TSNS2020 designations: 31 NIAs and 8 emerging neighbourhoods', () => {
    expect(geography.neighbourhoods.filter((n) => n.designation === 'nia')).toHaveLength(31);
    expect(geography.neighbourhoods.filter((n) => n.designation === 'emerging')).toHaveLength(8);
  });

  it('gives every FSA a street area', () => {
    for (const f of geography.fsas) expect(STREET_AREA_BY_FSA.get(f.code), f.code).toBeDefined();
  });

  it('is what migration 0002 loads (rerun scripts/build-geography-migration.ts if not)', () => {
    expect(fs.readFileSync(GEOGRAPHY_MIGRATION, 'utf8')).toBe(buildGeographyMigration(geography));
  });
});

describe('vendored identity figures (Census 2016 visible minority and Aboriginal identity)', () => {
  const identity = loadNeighbourhoodIdentity();

  it('has every neighbourhood of neighbourhoods.csv, by id and name', () => {
    expect(identity.size).toBe(140);
    for (const n of geography.neighbourhoods) expect(identity.get(n.id)?.name, String(n.id)).toBe(n.name);
  });

  it('adds up: the groups and "not a visible minority" make the total, within Census rounding', () => {
    for (const n of identity.values()) {
      const parts =
        Object.values(n.visibleMinority).reduce((a, x) => a + x, 0) +
        n.multipleVisibleMinorities +
        n.notVisibleMinority;
      expect(Math.abs(parts - n.populationPrivateHouseholds), n.name).toBeLessThanOrEqual(
        Math.max(50, n.populationPrivateHouseholds * 0.01),
      );
      expect(n.firstNations + n.metis + n.inuit, n.name).toBeLessThanOrEqual(n.aboriginalIdentity + 25);
    }
  });

  it('fits origins to name pools without moving the Census shares of any neighbourhood', () => {
    const models = buildEquityModels(geography, identity);
    for (const n of geography.neighbourhoods) {
      const target = censusOriginShares(identity.get(n.id)!);
      const model = models.get(n.id)!;
      for (const o of ORIGINS) {
        const fitted = namePoolShares(n).reduce((a, [g, p]) => a + p * model.originShares.get(g.key)![o], 0);
        expect(Math.abs(fitted - target[o]), `${n.name} ${o}`).toBeLessThan(1e-6);
      }
    }
  });

  it('offers exactly the answers the intake form offers', () => {
    expect([...INDIGENOUS_IDENTITIES]).toEqual([...indigenousIdentities]);
    expect([...RACIALIZED_GROUPS]).toEqual([...racializedGroups]);
    expect([...GENDERS]).toEqual([...genders]);
  });

  it('derives the vendored CSV by _id with the characteristic checked (scripts/build-neighbourhood-identity-vendor.ts)', () => {
    const header = ['_id', 'Category', 'Topic', 'Data Source', 'Characteristic', 'City of Toronto', 'Bravo', 'Alpha'];
    const line = (id: number, name: string, a: string, b: string) => `${id},x,x,x,"  ${name}",0,"${a}","${b}"`;
    // As the City's file spells them (its Métis lost the é).
    const names: Record<number, string> = {
      1336: 'Total - Visible minority for the population in private households - 25% sample data',
      1338: 'South Asian',
      1339: 'Chinese',
      1340: 'Black',
      1341: 'Filipino',
      1148: 'Latin American',
      1342: 'Arab',
      1343: 'Southeast Asian',
      1344: 'West Asian',
      1345: 'Korean',
      1346: 'Japanese',
      1347: 'Visible minority; n.i.e.',
      1348: 'Multiple visible minorities',
      1349: 'Not a visible minority',
      1304: 'Aboriginal identity',
      1306: 'First Nations (North American Indian)',
      1307: 'Mtis',
      1189: 'Inuk (Inuit)',
    };
    const rows = [
      header.join(','),
      line(1, 'Neighbourhood Number', '2', '1'),
      ...IDENTITY_ROWS.map((r, i) => line(r.id, names[r.id]!, `${i + 1},000`, String(i))),
    ];
    const csv = buildNeighbourhoodIdentity(rows.join('\n'), 2);
    const [head, first, second] = csv.trim().split('\n');
    expect(head).toBe(['id', 'name', ...IDENTITY_ROWS.map((r) => r.column)].join(','));
    expect(first).toBe(['1', 'Alpha', ...IDENTITY_ROWS.map((_, i) => String(i))].join(','));
    expect(second).toBe(['2', 'Bravo', ...IDENTITY_ROWS.map((_, i) => String((i + 1) * 1000))].join(','));
    expect(() => buildNeighbourhoodIdentity(rows.join('\n').replace('"  Black"', '"  White"'), 2)).toThrow(
      /Row _id 1340/,
    );
  });
});

describe('generateCity', () => {
  // Three cities of 3,000 clients: a few seconds on a quiet 2-core machine, more while other suites run.
  it('is deterministic: the same seed gives the same city, another seed another city', { timeout: 30_000 }, () => {
    const a = generateCity({ seed: 7, clients: 3_000 });
    const b = generateCity({ seed: 7, clients: 3_000 });
    const c = generateCity({ seed: 8, clients: 3_000 });
    expect(b.organizations).toEqual(a.organizations);
    expect(b.sites).toEqual(a.sites);
    const clientsA = [...a.clients()];
    expect([...b.clients()]).toEqual(clientsA);
    // A second pass over one city (COPY makes two: clients, then client_equity) repeats itself.
    expect([...a.clients()]).toEqual(clientsA);
    expect(c.organizations.map((o) => o.id)).not.toEqual(a.organizations.map((o) => o.id));
    expect([...c.clients()].map((x) => x.id)).not.toEqual(clientsA.map((x) => x.id));
  });

  it('rejects seeds and counts the database cannot hold', () => {
    expect(() => generateCity({ seed: -1, clients: 10 })).toThrow();
    expect(() => generateCity({ seed: 2 ** 31, clients: 10 })).toThrow();
    expect(() => generateCity({ seed: 1, clients: 1.5 })).toThrow();
  });

  it.each([0, 100, 30_000, 100_000, 1_000_000])('scales organizations sensibly for %i clients', (clients) => {
    const counts = organizationCounts(clients);
    expect(counts.system_manager).toBe(1);
    for (const type of ORGANIZATION_TYPES) expect(counts[type]).toBeGreaterThanOrEqual(1);
    expect(counts.employment_service_provider).toBeLessThanOrEqual(counts.employer);
  });
});

describe('a city of 60,000 clients', () => {
  const city = generateCity({ seed: 2025, clients: 60_000 });
  const clients: SyntheticClient[] = [...city.clients()];
  const orgById = new Map(city.organizations.map((o) => [o.id, o]));
  const ages = clients.map((c) => ageOn(c.dateOfBirth, city.referenceDate));

  it('has one system manager and every organization type, in the documented numbers', () => {
    const counts = organizationCounts(60_000);
    for (const type of ORGANIZATION_TYPES) {
      expect(
        city.organizations.filter((o) => o.type === type),
        type,
      ).toHaveLength(counts[type]);
    }
    expect(city.organizations.filter((o) => o.type === 'system_manager')).toHaveLength(1);
  });

  it('names organizations uniquely and within the schema limits', () => {
    const names = city.organizations.map((o) => o.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const o of city.organizations) {
      expect(o.name.trim().length).toBeGreaterThanOrEqual(2);
      expect(o.name.length).toBeLessThanOrEqual(200);
      if (o.nameFr !== null) expect(o.nameFr.length).toBeLessThanOrEqual(200);
      if (o.website !== null) expect(o.website).toMatch(/^https?:\/\/[a-z0-9.-]+\.example\.(org|com)$/);
    }
    const french = city.organizations.filter((o) => o.offersFrench && o.type !== 'system_manager');
    expect(french.length).toBeGreaterThan(0);
    expect(french.some((o) => o.nameFr !== null && o.name === o.nameFr)).toBe(true);
  });

  it('gives every organization a site, with a valid postal code in its FSA near the FSA centroid', () => {
    const withSites = new Set(city.sites.map((s) => s.organizationId));
    for (const o of city.organizations) expect(withSites.has(o.id), o.name).toBe(true);
    const misplaced = city.sites.filter((s) => {
      const fsa = geography.fsaByCode.get(s.fsa);
      return (
        !POSTAL_CODE_PATTERN.test(s.postalCode) ||
        s.postalCode.slice(0, 3) !== s.fsa ||
        !fsa ||
        distanceKm(s.latitude, s.longitude, fsa.latitude, fsa.longitude) > 1.5 ||
        !hoodById.has(s.neighbourhoodId) ||
        !/^\d+ [A-Z][A-Za-z'. ]+/.test(s.streetAddress)
      );
    });
    expect(misplaced).toEqual([]);
  });

  it('gives every client a valid postal code in their neighbourhood’s FSA', () => {
    const misplaced = clients.filter(
      (c) =>
        !POSTAL_CODE_PATTERN.test(c.postalCode) || c.postalCode.slice(0, 3) !== hoodById.get(c.neighbourhoodId)?.fsa,
    );
    expect(misplaced).toEqual([]);
  });

  it('houses clients in every neighbourhood', () => {
    expect(new Set(clients.map((c) => c.neighbourhoodId)).size).toBe(140);
  });

  it('gives clients unique version 4 uuids, distinct from organization and site ids', () => {
    const ids = new Set(clients.map((c) => c.id));
    expect(ids.size).toBe(clients.length);
    for (const id of [...city.organizations.map((o) => o.id), ...city.sites.map((s) => s.id)]) {
      expect(ids.has(id)).toBe(false);
      expect(id).toMatch(UUID_V4);
    }
    expect(clients[0]!.id).toMatch(UUID_V4);
  });

  it('holds each client file at an employment service provider or a social assistance office', () => {
    const homes = new Set(clients.map((c) => orgById.get(c.organizationId)?.type));
    expect([...homes].sort()).toEqual(['employment_service_provider', 'social_assistance_office']);
  });

  it('gives working-age dates of birth relative to the fixed reference date', () => {
    const wrong = clients.filter((c, i) => {
      const age = ages[i]!;
      return !/^\d{4}-\d{2}-\d{2}$/.test(c.dateOfBirth) || age < MIN_CLIENT_AGE || age > MAX_CLIENT_AGE;
    });
    expect(wrong).toEqual([]);
    expect(Math.min(...ages)).toBe(MIN_CLIENT_AGE);
    expect(Math.max(...ages)).toBe(MAX_CLIENT_AGE);
  });

  it('keeps traits consistent', () => {
    const inconsistent = clients.filter(
      (c) =>
        (!c.traits.newcomer && c.traits.arrivalYear !== null) ||
        (c.traits.newcomer && c.traits.arrivalYear === null) ||
        (c.incomeSource === 'odsp' && !c.traits.disability) ||
        (c.preferredLanguage === 'fr' && !c.traits.francophone),
    );
    expect(inconsistent).toEqual([]);
  });

  it('records equity answers that are allowed, agree with the traits and with each other', () => {
    const groups = new Set<string>(RACIALIZED_GROUPS);
    const wrong = clients.filter((c) => {
      const e = c.equity;
      const r = e.racializedGroup;
      const parsed = equityInputSchema.safeParse(Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null)));
      return (
        !parsed.success ||
        (e.newcomer !== null && e.newcomer !== c.traits.newcomer) ||
        (e.disability !== null && e.disability !== c.traits.disability) ||
        (e.francophone !== null && e.francophone !== c.traits.francophone) ||
        e.arrivalYear !== (e.newcomer === true ? c.traits.arrivalYear : null) ||
        (r !== null &&
          (r.length === 0 ||
            r.length > 2 ||
            new Set(r).size !== r.length ||
            (r.includes(PREFER_NOT_TO_SAY) ? r.length !== 1 : r.some((g) => !groups.has(g))))) ||
        (r !== null && r.includes('indigenous') && e.indigenousIdentity === 'no') ||
        (e.indigenousIdentity !== null &&
          ['first_nations', 'metis', 'inuit'].includes(e.indigenousIdentity) &&
          r !== null &&
          r[0] !== PREFER_NOT_TO_SAY &&
          !r.includes('indigenous')) ||
        (e.gender === 'two_spirit' && e.indigenousIdentity === 'no') ||
        (e.gender !== null && ['non_binary', 'two_spirit', 'another'].includes(e.gender) && e.lgbtq2s === false) ||
        (c.pronouns?.startsWith('she') &&
          e.gender !== null &&
          !['woman', 'two_spirit', PREFER_NOT_TO_SAY].includes(e.gender)) ||
        (c.pronouns === 'they/them' &&
          e.gender !== null &&
          !['non_binary', 'two_spirit', PREFER_NOT_TO_SAY].includes(e.gender))
      );
    });
    expect(wrong.map((c) => c.id)).toEqual([]);
  });

  it('writes client COPY lines exactly as encodeCopyRow would', () => {
    const mismatched = clients.filter((c) => {
      const row = encodeCopyRow([
        c.id,
        c.organizationId,
        c.givenName,
        c.familyName,
        c.dateOfBirth,
        c.preferredLanguage,
        c.postalCode,
        c.neighbourhoodId,
        c.educationLevel,
        c.incomeSource,
        c.preferredName,
        c.pronouns,
        arrayLiteral(c.otherLanguages),
        c.interpreterNeeded,
        c.interpreterLanguage,
        c.email,
        c.phone,
        c.streetAddress,
        c.literacyNumeracy,
        c.goals.statement,
        arrayLiteral(c.goals.targetNocCodes),
        c.goals.hoursWanted,
        c.goals.timeHorizon,
        c.status,
        c.closedReason,
        timestampOn(c.intakeDate),
      ]);
      const e = c.equity;
      const equity = encodeCopyRow([
        c.id,
        e.indigenousIdentity,
        e.racializedGroup === null ? null : arrayLiteral(e.racializedGroup),
        e.gender,
        e.disability,
        e.newcomer,
        e.arrivalYear,
        e.francophone,
        e.lgbtq2s,
      ]);
      return clientCopyLine(c) !== row || clientEquityCopyLine(c) !== equity;
    });
    expect(mismatched).toEqual([]);
  });

  it('uses hyphenated and accented names', () => {
    expect(clients.some((c) => /\p{L}-\p{L}/u.test(c.familyName))).toBe(true);
    expect(clients.some((c) => /\p{L}-\p{L}/u.test(c.givenName))).toBe(true);
    expect(clients.some((c) => /[^\x00-\x7F]/.test(c.givenName))).toBe(true);
    expect(clients.some((c) => /[^\x00-\x7F]/.test(c.familyName))).toBe(true);
  });

  const value = (c: SyntheticClient, age: number, group: DistributionGroup): string | undefined => {
    switch (group) {
      case 'age_group': {
        const from = age < 20 ? 16 : age - (age % 5);
        return `${from}_${age < 20 ? 19 : from + 4}`;
      }
      case 'age_band':
        return age <= YOUTH_MAX_AGE ? 'youth_16_29' : age <= 44 ? '30_44' : '45_64';
      case 'education':
        return c.educationLevel;
      case 'income_source':
        return c.incomeSource;
      case 'newcomer':
        return c.traits.newcomer ? 'yes' : 'no';
      case 'arrival_year':
        return c.traits.arrivalYear === null ? undefined : String(c.traits.arrivalYear);
      case 'disability':
        return c.traits.disability ? 'yes' : 'no';
      case 'francophone':
        return c.traits.francophone ? 'yes' : 'no';
      case 'preferred_language':
        return c.preferredLanguage;
      case 'residence':
        return hoodById.get(c.neighbourhoodId)!.designation;
    }
  };

  const targets = buildDistributionTargets(geography);

  it('has targets for every group, each with a source', () => {
    expect(new Set(targets.map((t) => t.group)).size).toBe(10);
    for (const t of targets) {
      expect(t.source.length).toBeGreaterThan(5);
      expect(t.target).toBeGreaterThanOrEqual(0);
      expect(t.target).toBeLessThanOrEqual(1);
    }
  });

  it.each(['age_group', 'age_band', 'education', 'income_source', 'arrival_year', 'residence'] as const)(
    '%s targets add up to one',
    (group) => {
      const sum = targets.filter((t) => t.group === group).reduce((a, t) => a + t.target, 0);
      expect(sum).toBeCloseTo(1, 6);
    },
  );

  // Counts per `${group}.${value}`, tallied once for all targets.
  const observed = new Map<string, number>();
  const groups = [...new Set(targets.map((t) => t.group))];
  clients.forEach((c, i) => {
    for (const group of groups) {
      const v = value(c, ages[i]!, group);
      if (v !== undefined) observed.set(`${group}.${v}`, (observed.get(`${group}.${v}`) ?? 0) + 1);
    }
  });
  const newcomers = clients.filter((c) => c.traits.newcomer).length;

  it.each(targets.map((t): [string, DistributionTarget] => [t.key, t]))(
    '%s is within 2 points of target',
    (_key, t) => {
      const share = (observed.get(t.key) ?? 0) / (t.among === 'newcomers' ? newcomers : clients.length);
      expect(Math.abs(share - t.target)).toBeLessThanOrEqual(0.02);
    },
  );

  const equityTargets = buildEquityTargets(geography);
  const answerOf = (c: SyntheticClient, t: EquityTarget): boolean => {
    const v = c.equity[t.question];
    if (t.value === 'not_answered') return v === null;
    if (t.question === 'racializedGroup') {
      const groups = c.equity.racializedGroup;
      return groups !== null && (t.value === 'multiple' ? groups.length === 2 : groups.includes(t.value as never));
    }
    if (typeof v === 'boolean') return v === (t.value === 'yes');
    return v === t.value;
  };

  it('has equity targets for every question and answer, each with a source', () => {
    expect(new Set(equityTargets.map((t) => t.question))).toEqual(new Set(EQUITY_QUESTIONS));
    expect(new Set(equityTargets.map((t) => t.key)).size).toBe(equityTargets.length);
    for (const q of EQUITY_QUESTIONS) {
      // One answer per client, except racialized groups (several, and 'multiple' counts twice).
      const sum = equityTargets.filter((t) => t.question === q).reduce((a, t) => a + t.target, 0);
      if (q !== 'racializedGroup') expect(sum, q).toBeCloseTo(1, 6);
      else expect(sum, q).toBeGreaterThan(1);
    }
    const answers = (q: string) => equityTargets.filter((t) => t.question === q).map((t) => t.value);
    expect(answers('indigenousIdentity').sort()).toEqual([...INDIGENOUS_IDENTITIES, 'not_answered'].sort());
    expect(answers('gender').sort()).toEqual([...GENDERS, 'not_answered'].sort());
    expect(answers('racializedGroup').sort()).toEqual(
      [...RACIALIZED_GROUPS, PREFER_NOT_TO_SAY, 'multiple', 'not_answered'].sort(),
    );
    for (const t of equityTargets) expect(t.source.length, t.key).toBeGreaterThan(5);
  });

  it.each(equityTargets.map((t): [string, EquityTarget] => [t.key, t]))(
    '%s is within 2 points of target',
    (_key, t) => {
      const share = clients.filter((c) => answerOf(c, t)).length / clients.length;
      expect(Math.abs(share - t.target)).toBeLessThanOrEqual(0.02);
    },
  );

  it('places clients in proportion to each neighbourhood’s unemployed count', () => {
    const total = geography.neighbourhoods.reduce((a, n) => a + n.unemployed, 0);
    const counts = new Map<number, number>();
    for (const c of clients) counts.set(c.neighbourhoodId, (counts.get(c.neighbourhoodId) ?? 0) + 1);
    for (const n of geography.neighbourhoods) {
      expect(Math.abs((counts.get(n.id) ?? 0) / clients.length - n.unemployed / total), n.name).toBeLessThan(0.003);
    }
  });
});
