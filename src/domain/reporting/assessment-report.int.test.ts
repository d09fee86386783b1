import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import { formatReport } from '../../cli/commands/report-assessments.ts';

const letters = (n: number) => [...crypto.randomBytes(n)].map((b) => 'bcdfghjklmnprstvwz'[b % 18]).join('');

describeEachEngine('the assessment report', ({ handle }) => {
  let app: AppInstance;
  let agency: string;
  let counsellor: TestUser;
  let manager: TestUser;
  let analyst: TestUser;
  let otherManager: TestUser;
  const headers = new Map<string, Record<string, string>>();
  const call = (u: TestUser, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: headers.get(u.id)!,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  beforeAll(async () => {
    app = await testApp(handle());
    const db = handle().db;
    agency = (await makeOrganization(db)).id;
    const city = (await makeOrganization(db, { type: 'system_manager' })).id;
    counsellor = await makeUser(db, { organizationId: agency, roles: ['employment_counsellor'] });
    manager = await makeUser(db, { organizationId: agency, roles: ['agency_manager'] });
    analyst = await makeUser(db, { organizationId: city, roles: ['system_analyst'] });
    otherManager = await makeUser(db, { organizationId: (await makeOrganization(db)).id, roles: ['agency_manager'] });
    for (const u of [counsellor, manager, analyst, otherManager]) headers.set(u.id, (await makeSession(db, u)).headers);
    // 24 clients: 12 answer francophone yes (all high-risk profiles), 12 no; 3 are reassessed.
    for (let i = 0; i < 24; i += 1) {
      const francophone = i < 12;
      const res = await call(counsellor, 'POST', '/api/clients', {
        givenName: `${letters(1).toUpperCase()}${letters(6)}`,
        familyName: `${letters(1).toUpperCase()}${letters(8)}`,
        dateOfBirth: `19${String(70 + (i % 20))}-0${1 + (i % 9)}-1${i % 9}`,
        educationLevel: francophone ? 'less_than_high_school' : 'bachelor',
        incomeSource: francophone ? 'ontario_works' : 'none',
        barriers: francophone
          ? [
              { kind: 'housing', status: 'active' },
              { kind: 'disability', status: 'active' },
            ]
          : [],
        workHistory: francophone
          ? []
          : [{ nocCode: '21231', startDate: '2020-01-01', endDate: null, hoursPerWeek: 37.5 }],
        equity: { francophone },
      });
      expect(res.statusCode, res.body).toBe(201);
      await call(counsellor, 'POST', `/api/clients/${res.json().id}/assessments`, {});
      if (i < 3)
        await call(counsellor, 'POST', `/api/clients/${res.json().id}/assessments`, { reason: 'New information' });
    }
  });
  afterAll(async () => app.close());

  it('shows stream rates by self-identified group and withholds small cells', async () => {
    const res = await call(manager, 'GET', '/api/reports/assessments');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.scope).toBe('organization');
    expect(report.overall.clients).toBe(24);
    const yes = report.streamsByGroup.find(
      (g: { dimension: string; group: string }) => g.dimension === 'francophone' && g.group === 'true',
    );
    const no = report.streamsByGroup.find(
      (g: { dimension: string; group: string }) => g.dimension === 'francophone' && g.group === 'false',
    );
    expect(yes).toMatchObject({ clients: 12, C: 12, shareC: 1 });
    // 12 in Stream A: shown; B and C are zero.
    expect(no).toMatchObject({ clients: 12, A: 12, C: 0, shareC: 0 });
    // Beside each share, everyone else's, the ratio, and the flag (policy rp-2026.1: 1.25 either way).
    expect(report).toMatchObject({ policyVersion: 'rp-2026.1', disparityRatio: 1.25 });
    expect(yes).toMatchObject({ shareCElsewhere: 0, ratioC: null, flagged: true });
    expect(no).toMatchObject({ shareCElsewhere: 1, ratioC: 0, flagged: true });
    // Nobody answered gender: one group of 24, "not answered".
    expect(report.streamsByGroup.filter((g: { dimension: string }) => g.dimension === 'gender')).toEqual([
      expect.objectContaining({ group: 'not_answered', clients: 24 }),
    ]);
    const [mine] = report.byAgency;
    expect(mine).toMatchObject({ organizationId: agency, clientsAssessed: 24, assessments: 27 });
    // 3 reassessments is under the minimum cell: withheld, with the initial count beside it.
    expect(mine.reassessments).toBeNull();
    expect(JSON.stringify(report)).not.toMatch(/familyName|givenName|dateOfBirth/);
    expect(formatReport(report)).toContain('francophone');
  });

  it('gives the system manager the whole system and an agency manager only their agency', async () => {
    const system = (await call(analyst, 'GET', `/api/reports/assessments?organizationId=${agency}`)).json();
    expect(system.byAgency.map((a: { organizationId: string }) => a.organizationId)).toEqual([agency]);
    const other = (await call(otherManager, 'GET', '/api/reports/assessments')).json();
    expect(other.overall.clients).toBe(0);
    expect(other.byAgency).toEqual([]);
    expect((await call(counsellor, 'GET', '/api/reports/assessments')).statusCode).toBe(403);
  });
});
