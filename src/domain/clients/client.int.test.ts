import { DEFAULT_TIME_ZONE } from '../../server/config.ts';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import { addMonths, todayIn } from '../../lib/dates.ts';
import { looksLikeSin } from './client.ts';
import { plausibleBirthDates, scoreCandidate, searchKey } from './client.service.ts';

// A family name no other test uses, so counts and searches see only this test's records.
const letters = (n: number) => [...crypto.randomBytes(n)].map((b) => 'bcdfghjklmnprstvwz'[b % 18]).join('');
const uniqueFamily = () => `${letters(1).toUpperCase()}${letters(9)}`;
// A random birth date, so that test records do not look like each other's duplicates.
const randomBirthDate = () => {
  const [y, m, d] = [...crypto.randomBytes(3)];
  return `${1960 + (y! % 40)}-${String(1 + (m! % 12)).padStart(2, '0')}-${String(1 + (d! % 28)).padStart(2, '0')}`;
};

const intake = (familyName: string, extra: Record<string, unknown> = {}) => ({
  givenName: 'Amara',
  familyName,
  dateOfBirth: randomBirthDate(),
  preferredLanguage: 'en',
  phone: '416-555-0199',
  postalCode: 'm6h 1a1',
  educationLevel: 'high_school',
  incomeSource: 'ontario_works',
  workHistory: [
    { nocCode: '65201', jobTitle: 'Cook', startDate: '2015-01-01', endDate: '2024-06-30', hoursPerWeek: 35 },
  ],
  goals: {
    statement: 'A decent job for the next five years',
    targetNocCodes: ['63200'],
    hoursWanted: 30,
    timeHorizon: 'within_6_months',
  },
  barriers: [{ kind: 'housing', status: 'active' }],
  accommodations: [{ kind: 'scheduling', disabilityRelated: false }],
  externalIds: [{ kind: 'ontario_works', value: `OW-${crypto.randomBytes(4).toString('hex')}` }],
  equity: { newcomer: true, arrivalYear: 2019, francophone: false },
  ...extra,
});

describe('duplicate search helpers', () => {
  it('folds accents, hyphens and case the way the database does', () => {
    expect(searchKey('  Zoë Côté-Lefèvre ')).toBe('zoe cote lefevre');
    expect(searchKey("O'Brien")).toBe('o brien');
  });
  it('offers the swapped and year-off birth dates that typos give, and only real ones', () => {
    expect(plausibleBirthDates('1984-07-09')).toEqual({
      exact: '1984-07-09',
      swapped: '1984-09-07',
      yearOff: ['1983-07-09', '1985-07-09'],
    });
    expect(plausibleBirthDates('1984-07-25').swapped).toBeNull();
    expect(plausibleBirthDates('1984-02-29').yearOff).toEqual([]);
  });
  it('scores a same-name, same-date candidate above a same-name, other-date one', () => {
    const base = {
      id: 'x',
      organizationId: 'o',
      givenName: 'a',
      familyName: 'b',
      dateOfBirth: '1984-07-09',
      nameSimilarity: 0.9,
      givenSimilarity: 1,
      familySimilarity: 1,
      externalIdMatch: false,
    };
    expect(scoreCandidate({ ...base, dateMatch: 'exact' }, true).score).toBeGreaterThan(
      scoreCandidate({ ...base, dateMatch: 'none' }, true).score,
    );
    expect(scoreCandidate({ ...base, dateMatch: 'none', externalIdMatch: true }, true).score).toBeGreaterThanOrEqual(
      0.98,
    );
  });
  it('recognizes a social insurance number by its check digit', () => {
    expect(looksLikeSin('046 454 286')).toBe(true);
    expect(looksLikeSin('046454287')).toBe(false);
  });
});

describeEachEngine('clients, consent and the Common Assessment', ({ handle }) => {
  let app: AppInstance;
  let agencyA: string;
  let agencyB: string;
  let employer: string;
  let counsellorA: TestUser;
  let managerA: TestUser;
  let manager2A: TestUser;
  let counsellorB: TestUser;
  let developerB: TestUser;
  const headers = new Map<string, Record<string, string>>();
  const as = (u: TestUser) => headers.get(u.id)!;
  const call = (u: TestUser, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: as(u),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const untilNextYear = () => addMonths(todayIn(DEFAULT_TIME_ZONE), 12);

  beforeAll(async () => {
    app = await testApp(handle());
    const db = handle().db;
    agencyA = (await makeOrganization(db)).id;
    agencyB = (await makeOrganization(db, { type: 'social_assistance_office' })).id;
    employer = (await makeOrganization(db, { type: 'employer' })).id;
    counsellorA = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    managerA = await makeUser(db, { organizationId: agencyA, roles: ['agency_manager'] });
    manager2A = await makeUser(db, { organizationId: agencyA, roles: ['agency_manager', 'employment_counsellor'] });
    counsellorB = await makeUser(db, { organizationId: agencyB, roles: ['caseworker'] });
    developerB = await makeUser(db, { organizationId: agencyA, roles: ['job_developer'] });
    for (const u of [counsellorA, managerA, manager2A, counsellorB, developerB])
      headers.set(u.id, (await makeSession(db, u)).headers);
  });
  afterAll(async () => app.close());

  async function createClient(
    familyName = uniqueFamily(),
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; familyName: string }> {
    const res = await call(counsellorA, 'POST', '/api/clients', intake(familyName, extra));
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id, familyName };
  }
  const auditRows = (requestId: string) =>
    handle()
      .db.selectFrom('auditLog')
      .select(['action', 'outcome', 'reason', 'clientId', 'purpose', 'recordIds'])
      .where('requestId', '=', requestId)
      .execute();
  const clientsNamed = async (familyName: string) =>
    Number(
      (
        await handle()
          .db.selectFrom('clients')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('familyName', '=', familyName)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('opens a file at the caller’s agency with every category, audited, neighbourhood from the postal code', async () => {
    const familyName = uniqueFamily();
    const res = await call(counsellorA, 'POST', '/api/clients', intake(familyName));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ organizationId: agencyA, status: 'active', access: { scope: 'own' } });
    expect(body.access.categories).toEqual(['assessment', 'employment', 'equity', 'identity_contact', 'notes', 'plan']);
    expect(body.identityContact).toMatchObject({
      familyName,
      postalCode: 'M6H 1A1',
      dateOfBirth: expect.stringMatching(/^19[6-9][0-9]-/),
    });
    expect(body.identityContact.neighbourhoodId).toEqual(expect.any(Number));
    expect(body.employment.goals.statement).toBe('A decent job for the next five years');
    expect(body.equity).toEqual({ newcomer: true, arrivalYear: 2019, francophone: false });
    expect(res.headers['cache-control']).toContain('no-store');
    expect((await auditRows(String(res.headers['x-request-id']))).map((r) => r.action)).toContain('client.create');
  });

  it('refuses impossible dates, unknown codes, a social insurance number and a forged owner, writing nothing', async () => {
    const familyName = uniqueFamily();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ dateOfBirth: '1990-02-30' }, 400, 'dateOfBirth'],
      [{ workHistory: [{ nocCode: '99999', startDate: '2020-01-01' }] }, 400, '99999'],
      [{ workHistory: [{ nocCode: '65201', startDate: '2020-01-01', endDate: '2019-01-01' }] }, 400, 'endDate'],
      [{ educationLevel: 'phd' }, 400, 'educationLevel'],
      [{ externalIds: [{ kind: 'other', value: '046454286' }] }, 400, 'social insurance number'],
      [{ organizationId: agencyB }, 403, 'organization'],
    ];
    for (const [extra, status, mention] of cases) {
      const res = await call(counsellorA, 'POST', '/api/clients', intake(familyName, extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toContain(mention);
    }
    const sin = (
      await call(
        counsellorA,
        'POST',
        '/api/clients',
        intake(familyName, { externalIds: [{ kind: 'other', value: '046454286' }] }),
      )
    ).json() as { errors: { code?: string }[] };
    expect(sin.errors.map((e) => e.code)).toEqual(['sin_not_allowed']);
    expect(await clientsNamed(familyName)).toBe(0);
  });

  it('hides another agency’s client behind the 404 a random id gets, and audits the attempt', async () => {
    const { id } = await createClient();
    const hidden = await call(counsellorB, 'GET', `/api/clients/${id}`);
    const random = await call(counsellorB, 'GET', `/api/clients/${crypto.randomUUID()}`);
    expect(hidden.statusCode).toBe(404);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined, instance: undefined });
    expect(strip(hidden.json())).toEqual(strip(random.json()));
    expect(await auditRows(String(hidden.headers['x-request-id']))).toEqual([
      expect.objectContaining({ outcome: 'denied', reason: 'not_visible', clientId: id }),
    ]);
  });

  it('opens the consented categories only, field by field, and closes them on the next request after revocation', async () => {
    const { id } = await createClient();
    // Each refusal names its rule by a reason code, on the problem and on the field (docs/api.md).
    const bad = [
      [{ organizationId: crypto.randomUUID() }, 'unknown organization', 'unknown_organization'],
      [{ organizationId: agencyA }, 'already has it', 'consent_holder'],
      [
        { organizationId: employer, categories: ['identity_contact', 'assessment'] },
        'employer',
        'consent_employer_categories',
      ],
      [{ organizationId: employer, categories: ['identity_contact', 'equity'] }, 'employer', 'consent_employer_equity'],
      [{ expiresOn: '2020-01-01' }, 'expiresOn', 'consent_expired'],
      [{ categories: [] }, 'categories', 'validation'],
      [{ method: 'telepathy' }, 'method', 'validation'],
    ] as const;
    const grant = {
      organizationId: agencyB,
      categories: ['identity_contact', 'employment'],
      purpose: 'integrated_case_management',
      method: 'written',
      evidence: 'Signed consent form, scanned to the file',
      expiresOn: untilNextYear(),
    };
    for (const [change, mention, reason] of bad) {
      const res = await call(counsellorA, 'POST', `/api/clients/${id}/consents`, { ...grant, ...change });
      expect(res.statusCode, mention).toBe(400);
      expect(res.body).toContain(mention);
      const problem = res.json() as { reason: string; errors: { code?: string }[] };
      expect(problem.reason, mention).toBe(reason);
      if (reason !== 'validation') expect(problem.errors.map((e) => e.code)).toContain(reason);
      else expect(problem.errors.every((e) => typeof e.code === 'string')).toBe(true);
    }
    const granted = await call(counsellorA, 'POST', `/api/clients/${id}/consents`, grant);
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({
      status: 'active',
      organizationId: agencyB,
      categories: ['identity_contact', 'employment'],
    });

    const seen = await call(counsellorB, 'GET', `/api/clients/${id}`);
    expect(seen.statusCode).toBe(200);
    const view = seen.json();
    expect(view.access).toEqual({
      scope: 'cons',
      categories: ['employment', 'identity_contact'],
      purposes: ['integrated_case_management'],
    });
    expect(view.identityContact.givenName).toBe('Amara');
    expect(view.employment.educationLevel).toBe('high_school');
    expect(view).not.toHaveProperty('assessment');
    expect(view).not.toHaveProperty('equity');
    expect(await auditRows(String(seen.headers['x-request-id']))).toEqual([
      expect.objectContaining({
        action: 'client.read',
        outcome: 'succeeded',
        purpose: 'integrated_case_management',
        clientId: id,
      }),
    ]);
    // A purpose the consent does not name opens nothing.
    expect((await call(counsellorB, 'GET', `/api/clients/${id}?purpose=placement`)).statusCode).toBe(404);
    // The consented organization sees the consents naming it, and the assessment stays closed.
    expect((await call(counsellorB, 'GET', `/api/clients/${id}/consents`)).json().total).toBe(1);
    expect((await call(counsellorB, 'GET', `/api/clients/${id}/assessments`)).statusCode).toBe(404);

    const revoked = await call(counsellorA, 'POST', `/api/clients/${id}/consents/${granted.json().id}/revoke`, {
      method: 'phone',
      reason: 'Client called to withdraw',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revocationMethod: 'phone' });
    expect((await call(counsellorB, 'GET', `/api/clients/${id}`)).statusCode).toBe(404);
    expect(
      (await call(counsellorA, 'POST', `/api/clients/${id}/consents/${granted.json().id}/revoke`, { method: 'phone' }))
        .statusCode,
    ).toBe(409);
    // History is kept: the revoked consent is still listed for the holding agency.
    expect((await call(counsellorA, 'GET', `/api/clients/${id}/consents`)).json().items).toEqual([
      expect.objectContaining({ status: 'revoked' }),
    ]);
    // The database itself refuses to rewrite consent history.
    await expect(handle().db.deleteFrom('consents').where('id', '=', granted.json().id).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('keeps equity answers from managers and from consents that do not name equity', async () => {
    const { id } = await createClient();
    expect((await call(managerA, 'GET', `/api/clients/${id}`)).json()).not.toHaveProperty('equity');
    const base = {
      organizationId: agencyB,
      purpose: 'integrated_case_management',
      method: 'in_person',
      evidence: 'Agreed in person at intake',
      expiresOn: untilNextYear(),
    };
    await call(counsellorA, 'POST', `/api/clients/${id}/consents`, {
      ...base,
      categories: ['identity_contact', 'assessment'],
    });
    const without = (await call(counsellorB, 'GET', `/api/clients/${id}`)).json();
    expect(without).not.toHaveProperty('equity');
    expect(without.assessment.barriers).toEqual([{ kind: 'housing', status: 'active' }]);
    await call(counsellorA, 'POST', `/api/clients/${id}/consents`, { ...base, categories: ['equity'] });
    expect((await call(counsellorB, 'GET', `/api/clients/${id}`)).json().equity).toEqual({
      newcomer: true,
      arrivalYear: 2019,
      francophone: false,
    });
  });

  it('finds near-duplicates across agencies, showing only “possible existing record” outside the caller’s access', async () => {
    const familyName = uniqueFamily();
    const { id } = await createClient(familyName, {
      givenName: 'Zoë',
      familyName: `${familyName}-Côté`,
      dateOfBirth: '1984-07-09',
    });
    const probes = [
      { givenName: 'Zoe', familyName: `${familyName}-Cote`, dateOfBirth: '1984-07-09' },
      { givenName: 'Zoë', familyName, dateOfBirth: '1984-09-07' },
      { givenName: 'Zoey', familyName: `${familyName} Cote`, dateOfBirth: '1984-07-09' },
      { givenName: 'Zoë', familyName: `${familyName}-Côté`, dateOfBirth: '1985-07-09' },
      // The same name with a birth date recorded quite wrongly (the exact-name branch), and no date at all (trigrams).
      { givenName: 'Zoe', familyName: `${familyName}-Cote`, dateOfBirth: '1991-02-23' },
      { givenName: 'Zoe', familyName: `${familyName}-Cote` },
      { givenName: 'Zoë', familyName: `${familyName}-Coté` },
    ];
    for (const probe of probes) {
      const own = await call(counsellorA, 'POST', '/api/clients/duplicates', probe);
      expect(own.statusCode, own.body).toBe(200);
      expect(
        own
          .json()
          .matches.slice(0, 5)
          .map((m: { clientId?: string }) => m.clientId),
        JSON.stringify(probe),
      ).toContain(id);
      const outside = await call(counsellorB, 'POST', '/api/clients/duplicates', probe);
      const match = outside.json().matches[0];
      expect(match.kind).toBe('possible_existing_record');
      expect(Object.keys(match).sort()).toEqual(['kind', 'matchToken', 'reasons', 'score']);
      expect(match.matchToken).not.toContain(id);
      expect(outside.body).not.toContain(familyName);
      const [row] = await auditRows(String(outside.headers['x-request-id']));
      expect(row).toMatchObject({ action: 'client.search_duplicates', outcome: 'succeeded' });
      expect(row!.recordIds).toContain(id);
    }
    // Intake of the same person is refused until the worker says why it is someone else.
    const again = { ...intake(`${familyName}-Côté`, { givenName: 'Zoë', dateOfBirth: '1984-07-09' }) };
    const refused = await call(counsellorB, 'POST', '/api/clients', again);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).not.toContain(id);
    expect(await clientsNamed(`${familyName}-Côté`)).toBe(1);
    const confirmed = await call(counsellorB, 'POST', '/api/clients', {
      ...again,
      externalIds: [],
      notADuplicate: { reason: 'Different person: met both at the same visit' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
  });

  it('refuses a second record holding the same Ontario Works number', async () => {
    const value = `OW-${crypto.randomBytes(4).toString('hex')}`;
    await createClient(uniqueFamily(), { externalIds: [{ kind: 'ontario_works', value }] });
    const res = await call(
      counsellorB,
      'POST',
      '/api/clients',
      intake(uniqueFamily(), { givenName: 'Other', externalIds: [{ kind: 'ontario_works', value }] }),
    );
    expect(res.statusCode).toBe(409);
  });

  it('assesses, reassesses with a reason, and takes a manager’s override with justification, keeping the whole history', async () => {
    const { id } = await createClient(uniqueFamily(), {
      dateOfBirth: '1980-03-14',
      barriers: [{ kind: 'disability', status: 'active' }],
      workHistory: [{ nocCode: '65201', startDate: '2012-01-01', endDate: '2025-01-31', hoursPerWeek: 30 }],
    });
    const first = await call(managerA, 'POST', `/api/clients/${id}/assessments`, {});
    expect(first.statusCode, first.body).toBe(201);
    const initial = first.json();
    expect(initial).toMatchObject({
      kind: 'initial',
      sequence: 1,
      stream: 'C',
      previousStream: null,
      modelVersion: 'ca-2026.1',
    });
    expect(initial.result.factors.length).toBeGreaterThan(5);
    expect(initial.result.reasons.join(' ')).toMatch(/threshold/);
    expect((await call(counsellorA, 'GET', `/api/clients/${id}`)).json().assessment).toMatchObject({
      stream: 'C',
      assessmentId: initial.id,
    });

    const noReason = await call(counsellorA, 'POST', `/api/clients/${id}/assessments`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    expect(
      (await call(counsellorA, 'POST', `/api/clients/${id}/assessments`, { reason: 'x', modelVersion: 'ca-1999.9' }))
        .statusCode,
    ).toBe(400);
    const again = await call(counsellorA, 'POST', `/api/clients/${id}/assessments`, {
      reason: 'Client shared a new diagnosis letter',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({
      kind: 'reassessment',
      sequence: 2,
      previousStream: 'C',
      reason: 'Client shared a new diagnosis letter',
    });

    // Overrides: a justification, a manager, never the one who made the assessment in force.
    const second = again.json();
    expect(
      (
        await call(counsellorA, 'POST', `/api/clients/${id}/assessments/${second.id}/override`, {
          stream: 'B',
          justification: 'Long enough justification text here',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(managerA, 'POST', `/api/clients/${id}/assessments/${second.id}/override`, {
          stream: 'B',
          justification: 'too short',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call(managerA, 'POST', `/api/clients/${id}/assessments/${second.id}/override`, {
          stream: 'D',
          justification: 'Long enough justification text here',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call(managerA, 'POST', `/api/clients/${id}/assessments/${initial.id}/override`, {
          stream: 'B',
          justification: 'Long enough justification text here',
        })
      ).statusCode,
    ).toBe(409);
    const overridden = await call(managerA, 'POST', `/api/clients/${id}/assessments/${second.id}/override`, {
      stream: 'B',
      justification: 'Stable housing and a job offer in hand since the last assessment',
    });
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json()).toMatchObject({
      kind: 'override',
      stream: 'B',
      computedStream: 'C',
      previousStream: 'C',
      overridesAssessmentId: second.id,
    });
    const selfOverride = await call(
      managerA,
      'POST',
      `/api/clients/${id}/assessments/${overridden.json().id}/override`,
      { stream: 'A', justification: 'Overriding my own override is not allowed' },
    );
    expect(selfOverride.statusCode).toBe(403);
    expect(
      (
        await call(manager2A, 'POST', `/api/clients/${id}/assessments/${overridden.json().id}/override`, {
          stream: 'C',
          justification: 'Second manager restores the model stream after review',
        })
      ).statusCode,
    ).toBe(201);

    // The stream changed: the case team (the counsellor who opened the file) is told.
    const told = (await call(counsellorA, 'GET', '/api/notifications'))
      .json()
      .items.filter((n: { kind: string; clientId: string }) => n.kind === 'assessment_changed' && n.clientId === id);
    expect(told.length).toBeGreaterThanOrEqual(1);
    const history = await call(counsellorA, 'GET', `/api/clients/${id}/assessments`);
    expect(history.json().items.map((a: { kind: string; stream: string }) => `${a.kind}:${a.stream}`)).toEqual([
      'override:C',
      'override:B',
      'reassessment:C',
      'initial:C',
    ]);
    expect(history.json().total).toBe(4);
    // Nothing of the assessment reaches another agency without a consent naming the category.
    expect((await call(counsellorB, 'POST', `/api/clients/${id}/assessments`, { reason: 'try' })).statusCode).toBe(404);
    await expect(
      handle().db.updateTable('assessments').set({ stream: 'A' }).where('clientId', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('shows a job developer the stream but not the assessment behind it', async () => {
    const { id } = await createClient();
    await call(counsellorA, 'POST', `/api/clients/${id}/assessments`, {});
    const view = (await call(developerB, 'GET', `/api/clients/${id}`)).json();
    expect(view).not.toHaveProperty('assessment');
    expect(view.stream).toMatch(/^[ABC]$/);
    expect((await call(developerB, 'GET', `/api/clients/${id}/assessments`)).statusCode).toBe(404);
  });
});
