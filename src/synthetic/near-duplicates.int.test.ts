import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openIsolatedEngine } from '../../test/db.ts';
import { testApp } from '../../test/app.ts';
import { makeSession, makeUser, type TestSession } from '../../test/factories.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { AppInstance } from '../server/app.ts';
import type { DuplicateMatch } from '../domain/clients/client.ts';
import type { NearDuplicateKind } from './city.ts';
import { cityAsOf } from './city-as-of.ts';
import { generateCity } from './generate-city.ts';
import { loadSyntheticCity } from './load-city.ts';
import { NEAR_DUPLICATE_KINDS, plantedDuplicates, type PlantedPair } from './near-duplicates.ts';

// A small city with pairs planted densely (one in every 25 clients: 120 pairs, about 20 of each
// kind), searched the way intake searches: the counsellor of the agency that holds the second
// record asks "is this person already known?" with that record's name and date of birth.
// Loaded as of a day far from the reference date: the pairs must survive the move of every date.
const CITY = { seed: 11, clients: 3_000, duplicateEvery: 25, today: '2026-12-03' };
const TOP = 5;

// What proves the first record was found: the duplicate search writes one audit row per request
// (found by the request id the answer carries) listing the id of every match it returned, in rank
// order; the counsellor sees a record of another agency only as 'possible_existing_record' with no
// id. So the test requires the first record's id among the audit row's ids, and that the answer
// has a match at that very rank: the real search, with the real access rules, ranked it in the
// top five.
describeEachEngine('planted near-duplicates and the duplicate search', ({ engine, handle }) => {
  let db: DatabaseHandle;
  let app: AppInstance;
  const pairs: PlantedPair[] = plantedDuplicates(cityAsOf(generateCity(CITY), CITY.today));
  const sessions = new Map<string, TestSession>();

  beforeAll(async () => {
    // One city per database, and the shared test database must not hold one: a database of its own.
    db = engine === 'postgres' ? await openIsolatedEngine('postgres', 'continuum_neardup') : handle();
    await loadSyntheticCity(db, CITY);
    app = await testApp(db);
    const types = new Map(
      (await db.db.selectFrom('organizations').select(['id', 'type']).execute()).map((o) => [o.id, o.type]),
    );
    for (const agency of new Set(pairs.map((p) => p.copy.organizationId))) {
      const role = types.get(agency) === 'social_assistance_office' ? 'caseworker' : 'employment_counsellor';
      sessions.set(agency, await makeSession(db.db, await makeUser(db.db, { organizationId: agency, roles: [role] })));
    }
  });

  afterAll(async () => {
    await app?.close();
    if (engine === 'postgres') await db.close();
  });

  it('plants pairs of every kind in the test city', () => {
    expect(pairs).toHaveLength(120);
    for (const kind of NEAR_DUPLICATE_KINDS)
      expect(pairs.filter((p) => p.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
  });

  it.each(NEAR_DUPLICATE_KINDS.map((k): [NearDuplicateKind] => [k]))(
    'finds the first record of every %s pair in the top five',
    async (kind) => {
      const misses: unknown[] = [];
      for (const pair of pairs.filter((p) => p.kind === kind)) {
        const { copy, original } = pair;
        const res = await app.inject({
          method: 'POST',
          url: '/api/clients/duplicates',
          headers: sessions.get(copy.organizationId)!.headers,
          payload: { givenName: copy.givenName, familyName: copy.familyName, dateOfBirth: copy.dateOfBirth },
        });
        expect(res.statusCode, res.body).toBe(200);
        const matches = (res.json() as { matches: DuplicateMatch[] }).matches;
        const audit = await db.db
          .selectFrom('auditLog')
          .select(['recordIds'])
          .where('requestId', '=', String(res.headers['x-request-id']))
          .where('action', '=', 'client.search_duplicates')
          .executeTakeFirstOrThrow();
        const ids = parseIds(audit.recordIds);
        const rank = ids.indexOf(original.id);
        const shown = matches[rank];
        const found =
          rank >= 0 &&
          rank < TOP &&
          ids.length === matches.length &&
          shown !== undefined &&
          (shown.kind === 'possible_existing_record' || shown.clientId === original.id);
        if (!found) {
          misses.push({
            original: `${original.givenName} ${original.familyName} ${original.dateOfBirth}`,
            searched: `${copy.givenName} ${copy.familyName} ${copy.dateOfBirth}`,
            rank,
            matches: matches.map(
              (m) =>
                `${m.kind === 'visible' ? `${m.givenName} ${m.familyName} ${m.dateOfBirth}` : 'possible_existing_record'} ${m.score} (${m.reasons.join('; ')})`,
            ),
          });
        }
      }
      expect(misses).toEqual([]);
    },
  );
});

// uuid[] arrives as an array from PostgreSQL and may arrive as its text form ('{a,b}') elsewhere.
function parseIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}
