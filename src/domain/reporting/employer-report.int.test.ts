import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import {
  makeClient,
  makeHiringEvent,
  makeJobOrder,
  makeOrganization,
  makePlacement,
  makeRegistration,
  makeSession,
  makeUser,
  type TestSession,
} from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import { formatEmployerReport } from '../../cli/commands/report-employers.ts';
import type { EmployerReport } from './employer-report.ts';
import { addDays, todayIn } from '../../lib/dates.ts';

// Dated from the day the suite runs: the report's period is the last 365 days by default.
const daysAgo = (n: number) => addDays(todayIn('America/Toronto'), -n);

// The employer measures (issue 14): by agency, contacts logged and employers reached, job orders by
// decent-work band, placements from proposal to hire, and each event held judged by hires. Counts of
// people under the minimum cell are withheld, with the cells beside them that would give them away.

describeEachEngine('employer engagement and placement measures', ({ handle }) => {
  let app: AppInstance;
  let agencyId: string;
  let eventId: string;
  let manager: TestSession;
  let analyst: TestSession;
  let otherManager: TestSession;

  beforeAll(async () => {
    app = await testApp(handle());
    const db = handle().db;
    const agency = await makeOrganization(db);
    agencyId = agency.id;
    const other = await makeOrganization(db, { type: 'community_agency' });
    const system = await makeOrganization(db, { type: 'system_manager' });
    manager = await makeSession(db, await makeUser(db, { organizationId: agency.id, roles: ['agency_manager'] }));
    otherManager = await makeSession(db, await makeUser(db, { organizationId: other.id, roles: ['agency_manager'] }));
    analyst = await makeSession(db, await makeUser(db, { organizationId: system.id, roles: ['system_analyst'] }));
    const employer = await makeOrganization(db, { type: 'employer' });
    const second = await makeOrganization(db, { type: 'employer' });
    await db
      .insertInto('employerEngagements')
      .values([
        {
          employerId: employer.id,
          organizationId: agency.id,
          kind: 'call',
          occurredOn: daysAgo(32),
          summary: 'Called.',
        },
        { employerId: employer.id, organizationId: agency.id, kind: 'visit', occurredOn: daysAgo(14), summary: 'Met.' },
        { employerId: second.id, organizationId: agency.id, kind: 'email', occurredOn: daysAgo(13), summary: 'Wrote.' },
        { employerId: second.id, organizationId: other.id, kind: 'call', occurredOn: daysAgo(12), summary: 'Called.' },
      ])
      .execute();
    // Three job orders posted by the agency: decent (a living wage and more), partly, and falling short.
    const jobs = [
      await makeJobOrder(db, employer.id, {
        hourlyWage: 31,
        benefits: ['dental', 'health'],
        paidSickDays: 7,
        advancementPath: true,
        trainingProvided: true,
        safetyTraining: true,
      }),
      await makeJobOrder(db, employer.id, { hourlyWage: 24 }),
      await makeJobOrder(db, employer.id, { hourlyWage: 18, schedule: 'on_call', permanence: 'temporary' }),
    ];
    await db
      .updateTable('jobOrders')
      .set({ postedByOrganizationId: agency.id })
      .where(
        'id',
        'in',
        jobs.map((j) => j.id),
      )
      .execute();
    // Twelve proposals: three hired, nine still proposed.
    for (let i = 0; i < 12; i += 1) {
      const client = await makeClient(db, { organizationId: agency.id });
      await makePlacement(db, {
        clientId: client.id,
        organizationId: agency.id,
        jobOrderId: jobs[i % 3]!.id,
        status: i < 3 ? 'hired' : 'proposed',
      });
    }
    // An event held by the agency, with two registrations, one of them there.
    eventId = await makeHiringEvent(db, agency.id);
    const held = new Date(Date.now() - 10 * 86_400_000);
    await db
      .updateTable('hiringEvents')
      .set({ status: 'held', startsAt: held, endsAt: new Date(held.getTime() + 4 * 3_600_000) })
      .where('id', '=', eventId)
      .execute();
    for (let i = 0; i < 2; i += 1) {
      const client = await makeClient(db, { organizationId: agency.id });
      const registration = await makeRegistration(db, { eventId, clientId: client.id, organizationId: agency.id });
      await db
        .updateTable('hiringEventRegistrations')
        .set({ attended: i === 0 })
        .where('id', '=', registration)
        .execute();
    }
  });
  afterAll(async () => app.close());

  const report = async (session: TestSession, query = '') => {
    const res = await app.inject({ url: `/api/reports/employers${query}`, headers: session.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as EmployerReport;
  };

  it('gives an agency manager their own agency: contacts, job orders by band, placements, small counts withheld', async () => {
    const mine = await report(manager);
    expect(mine.scope).toBe('organization');
    expect(mine.byAgency.map((a) => a.organizationId)).toEqual([agencyId]);
    const t = mine.total;
    expect({ engagements: t.engagements, employersEngaged: t.employersEngaged, jobOrders: t.jobOrders }).toEqual({
      engagements: 3,
      employersEngaged: 2,
      jobOrders: 3,
    });
    expect(t.jobOrdersByBand.reduce((a, b) => a + b.count, 0)).toBe(3);
    expect(t.jobOrdersByBand.find((b) => b.band === 'strong')!.count).toBeGreaterThanOrEqual(1);
    expect(t.jobOrdersByBand.find((b) => b.band === 'weak')!.count).toBeGreaterThanOrEqual(1);
    // Twelve proposed are shown; three hired are too few to show, and so is the rate.
    expect(t.proposed).toBe(12);
    expect(t.hired).toBeNull();
    expect(t.hireRate).toBeNull();
    // The event held: its employers and job orders are shown, its two people are not.
    const event = mine.events.find((e) => e.eventId === eventId)!;
    expect(event).toMatchObject({ registered: null, came: null, hired: 0 });
    expect(mine.minCell).toBe(10);
    // The CLI's tables and bars (continuum report employers) say the same, withheld cells as "<10".
    const text = formatEmployerReport(mine);
    expect(text).toContain('Contacts logged 3, employers reached 2, job orders posted 3, hire rate —');
    expect(text).toMatch(/ {2}proposed {19}█+·* {6}12\n/);
    expect(text).toMatch(/ {2}hired {22}\(withheld\) {19}<10\n/);
    expect(text).toContain('Employer events held, judged by hires');
    expect(text).not.toMatch(/familyName|givenName|dateOfBirth/);
  });

  it('gives the system manager the city, or one agency, and another agency only its own', async () => {
    const city = await report(analyst);
    expect(city.scope).toBe('system');
    expect(city.byAgency.map((a) => a.organizationId)).toContain(agencyId);
    const one = await report(analyst, `?organizationId=${agencyId}`);
    expect(one.total.engagements).toBe(3);
    const theirs = await report(otherManager);
    expect(theirs.byAgency.map((a) => a.organizationId)).not.toContain(agencyId);
    expect(theirs.events.map((e) => e.eventId)).not.toContain(eventId);
    // Another agency's choice of agency is not theirs to make.
    const refused = await app.inject({
      url: `/api/reports/employers?organizationId=${agencyId}`,
      headers: otherManager.headers,
    });
    expect(refused.statusCode).toBe(200);
    expect((refused.json() as EmployerReport).byAgency.map((a) => a.organizationId)).not.toContain(agencyId);
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'recordType'])
      .where('action', '=', 'report.employers')
      .where('requestId', 'is not', null)
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(4);
  });
});
