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
    expect(new Set(geography.neighbourhoods.map((n) => n.id))).toEqual(new Set(Array.from({ length: 140 }, (_, i) => i + 1)));
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

describe('generateCity', () => {
  it('is deterministic: the same seed gives the same city, another seed another city', () => {
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
      expect(city.organizations.filter((o) => o.type === type), type).toHaveLength(counts[type]);
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
      (c) => !POSTAL_CODE_PATTERN.test(c.postalCode) || c.postalCode.slice(0, 3) !== hoodById.get(c.neighbourhoodId)?.fsa,
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

  it('keeps equity answers consistent', () => {
    const inconsistent = clients.filter(
      (c) =>
        (!c.equity.newcomer && c.equity.arrivalYear !== null) ||
        (c.equity.newcomer && c.equity.arrivalYear === null) ||
        (c.incomeSource === 'odsp' && !c.equity.disability) ||
        (c.preferredLanguage === 'fr' && !c.equity.francophone),
    );
    expect(inconsistent).toEqual([]);
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
      const equity = encodeCopyRow([c.id, e.newcomer, e.arrivalYear, e.disability, e.francophone]);
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
        return c.equity.newcomer ? 'yes' : 'no';
      case 'arrival_year':
        return c.equity.arrivalYear === null ? undefined : String(c.equity.arrivalYear);
      case 'disability':
        return c.equity.disability ? 'yes' : 'no';
      case 'francophone':
        return c.equity.francophone ? 'yes' : 'no';
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
  const newcomers = clients.filter((c) => c.equity.newcomer).length;

  it.each(targets.map((t): [string, DistributionTarget] => [t.key, t]))('%s is within 2 points of target', (_key, t) => {
    const share = (observed.get(t.key) ?? 0) / (t.among === 'newcomers' ? newcomers : clients.length);
    expect(Math.abs(share - t.target)).toBeLessThanOrEqual(0.02);
  });

  it('places clients in proportion to each neighbourhood’s unemployed count', () => {
    const total = geography.neighbourhoods.reduce((a, n) => a + n.unemployed, 0);
    const counts = new Map<number, number>();
    for (const c of clients) counts.set(c.neighbourhoodId, (counts.get(c.neighbourhoodId) ?? 0) + 1);
    for (const n of geography.neighbourhoods) {
      expect(Math.abs((counts.get(n.id) ?? 0) / clients.length - n.unemployed / total), n.name).toBeLessThan(0.003);
    }
  });
});
