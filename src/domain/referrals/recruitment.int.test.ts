import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeService, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import { testClock } from '../../../test/clock.ts';
import type { AppInstance } from '../../server/app.ts';

const letters = (n: number) => [...crypto.randomBytes(n)].map((b) => 'bcdfghjklmnprstvwz'[b % 18]).join('');

describeEachEngine('recruitment for a program', ({ handle }) => {
  let app: AppInstance;
  let agencyA: string;
  let agencyB: string;
  let counsellorA: TestUser;
  let otherCounsellorA: TestUser;
  let counsellorB: TestUser;
  let program: string;
  const headers = new Map<string, Record<string, string>>();
  const clock = testClock('2026-12-02');
  const call = (u: TestUser, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: headers.get(u.id)!,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const intake = async (u: TestUser, fields: Record<string, unknown>) => {
    const res = await call(u, 'POST', '/api/clients', {
      givenName: `${letters(1).toUpperCase()}${letters(6)}`,
      familyName: `${letters(1).toUpperCase()}${letters(8)}`,
      educationLevel: 'high_school',
      incomeSource: 'none',
      ...fields,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const candidates = async (u: TestUser, query = '') => {
    const res = await call(u, 'GET', `/api/services/${program}/candidates${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agencyA = (await makeOrganization(db)).id;
    agencyB = (await makeOrganization(db, { type: 'training_organization' })).id;
    counsellorA = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    otherCounsellorA = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    counsellorB = await makeUser(db, { organizationId: agencyB, roles: ['employment_counsellor'] });
    for (const u of [counsellorA, otherCounsellorA, counsellorB]) headers.set(u.id, (await makeSession(db, u)).headers);
    // A youth warehouse program for social assistance recipients, in French and English, 18 to 29.
    program = (
      await makeService(db, agencyB, {
        name: 'Warehouse skills for youth',
        interventionTypes: ['training'],
        minimumAge: 18,
        maximumAge: 29,
        targetPopulations: ['youth', 'social_assistance_recipients'],
        targetNocCodes: ['75101'],
        languages: ['en', 'fr'],
        seats: 20,
        seatsOpen: 4,
      })
    ).id;
  });
  afterAll(async () => app.close());

  it("lists the worker's own clients who fit, best fit first, with the reasons, and refers one in one step", async () => {
    // 2026-12-02: born 2000-06-01 is 26; 1996-12-02 turned 30 today (too old); 2008-12-03 is 17 (too young).
    const best = await intake(counsellorA, {
      dateOfBirth: '2000-06-01',
      incomeSource: 'ontario_works',
      preferredLanguage: 'fr',
      goals: { targetNocCodes: ['75101', '75110'] },
    });
    const plain = await intake(counsellorA, { dateOfBirth: '1999-01-15' });
    const tooOld = await intake(counsellorA, { dateOfBirth: '1996-12-02' });
    const tooYoung = await intake(counsellorA, { dateOfBirth: '2008-12-03' });
    const colleagues = await intake(otherCounsellorA, { dateOfBirth: '2001-03-03' });
    const elsewhere = await intake(counsellorB, { dateOfBirth: '2002-02-02' });

    const mine = await candidates(counsellorA);
    expect(mine.program).toMatchObject({ id: program, recruiting: true, intakeState: 'open', minimumAge: 18 });
    const ids = mine.items.map((c: { clientId: string }) => c.clientId);
    expect(ids).toEqual([best, plain]);
    for (const out of [tooOld, tooYoung, colleagues, elsewhere]) expect(ids).not.toContain(out);
    expect(mine.items[0]).toMatchObject({ age: 26, consentNeeded: true });
    expect(mine.items[0].reasons).toEqual([
      { kind: 'age', value: '26' },
      { kind: 'occupation', value: '75101' },
      { kind: 'related_occupation', value: '75110' },
      { kind: 'population', value: 'youth' },
      { kind: 'population', value: 'social_assistance_recipients' },
      { kind: 'language', value: 'fr' },
    ]);
    expect(mine.items[1].reasons).toEqual([
      { kind: 'age', value: '27' },
      { kind: 'population', value: 'youth' },
    ]);
    // The agency's files: the colleague's client too, never another agency's.
    const agency = await candidates(counsellorA, '?scope=agency');
    expect(agency.items.map((c: { clientId: string }) => c.clientId).sort()).toEqual([best, plain, colleagues].sort());
    expect(agency.total).toBe(3);
    // The receiving agency's worker sees only their own: the program's agency needs no consent for them.
    const theirs = await candidates(counsellorB);
    expect(theirs.items).toEqual([expect.objectContaining({ clientId: elsewhere, consentNeeded: false })]);

    // The list is audited as a read of those files.
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['recordIds', 'purpose'])
      .where('actorUserId', '=', counsellorA.id)
      .where('action', '=', 'referral.create')
      .where('reason', 'like', `candidates for program ${program}%`)
      .execute();
    expect(audit.some((a) => a.purpose === 'referral' && a.recordIds?.includes(best))).toBe(true);

    // One step: the referral with the consent; the client then leaves the list.
    const sent = await call(counsellorA, 'POST', `/api/clients/${best}/referrals`, {
      serviceId: program,
      consent: { categories: ['identity_contact', 'employment'], method: 'in_person', evidence: 'Signed form' },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await candidates(counsellorA)).items.map((c: { clientId: string }) => c.clientId)).toEqual([plain]);
  });

  it('lists no one for a program that is full, and answers 404 for an unknown program', async () => {
    const db = handle().db;
    await intake(counsellorA, { dateOfBirth: '2000-01-01' });
    const full = (await makeService(db, agencyB, { seats: 10, seatsOpen: 0 })).id;
    const res = await call(counsellorA, 'GET', `/api/services/${full}/candidates`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ program: { recruiting: false, intakeState: 'full' }, items: [], total: 0 });
    const unknown = await call(counsellorA, 'GET', `/api/services/${crypto.randomUUID()}/candidates`);
    expect(unknown.statusCode).toBe(404);
    const bad = await call(counsellorA, 'GET', `/api/services/${program}/candidates?scope=city`);
    expect(bad.statusCode).toBe(400);
  });
});
