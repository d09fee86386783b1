import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  makeClient,
  makeConsent,
  makeJobOrder,
  makeOrganization,
  makeSession,
  makeUser,
  type TestSession,
} from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Organization } from '../organizations/organization.ts';

// A job order's candidates (issue 14, point 4): among the worker's own agency's clients, and another
// agency's only through a consent that opens both their identity and their employment information.

describeEachEngine('candidates for a job order', ({ handle }) => {
  let app: AppInstance;
  const clock = testClock('2026-12-03');
  let agency: Organization;
  let other: Organization;
  let developer: TestSession;
  let developerId: string;
  let employerUser: TestSession;
  let jobId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agency = await makeOrganization(db);
    other = await makeOrganization(db);
    const developerUser = await makeUser(db, { organizationId: agency.id, roles: ['job_developer'] });
    developerId = developerUser.id;
    developer = await makeSession(db, developerUser);
    const employer = await makeOrganization(db, {
      type: 'employer',
      name: `Candidates bakery ${crypto.randomBytes(3).toString('hex')}`,
    });
    employerUser = await makeSession(db, await makeUser(db, { organizationId: employer.id, roles: ['employer_user'] }));
    jobId = (await makeJobOrder(db, employer.id, { nocCode: '63202', postalCode: 'M6J 1H4', hoursPerWeek: 30 })).id;
    const client = async (
      name: string,
      holder: Organization,
      fields: { targetNocCodes?: string[]; postalCode?: string; hoursWanted?: number },
    ) => {
      const made = await makeClient(db, { organizationId: holder.id });
      ids[name] = made.id;
      await db.updateTable('clients').set(fields).where('id', '=', made.id).execute();
      return made.id;
    };
    await client('baker', agency, { targetNocCodes: ['63202'], postalCode: 'M6K 1X9', hoursWanted: 30 });
    await client('cook', agency, { targetNocCodes: ['63200'], postalCode: 'M1B 2K9', hoursWanted: 40 });
    await client('welder', agency, { targetNocCodes: ['72106'], postalCode: 'M6K 1X9' });
    await client('closed', agency, { targetNocCodes: ['63202'] });
    await db
      .updateTable('clients')
      .set({ status: 'closed', closedReason: 'employed' })
      .where('id', '=', ids['closed']!)
      .execute();
    await client('elsewhere', other, { targetNocCodes: ['63202'], postalCode: 'M6K 1X9' });
    await client('consented', other, { targetNocCodes: ['63202'], postalCode: 'M6J 1A1' });
    await makeConsent(db, {
      clientId: ids['consented']!,
      organizationId: agency.id,
      recordedByOrganizationId: other.id,
      categories: ['identity_contact', 'employment'],
    });
    await client('partly', other, { targetNocCodes: ['63202'] });
    await makeConsent(db, {
      clientId: ids['partly']!,
      organizationId: agency.id,
      recordedByOrganizationId: other.id,
      categories: ['employment'],
    });
  });
  afterAll(async () => app.close());

  it('ranks the worker’s own clients and consented ones in the job’s occupations, best first', async () => {
    const res = await app.inject({ url: `/api/jobs/${jobId}/candidates`, headers: developer.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const listed = body.results.map((r: { client: { id: string } }) => r.client.id);
    expect(listed.slice(0, 2).sort()).toEqual([ids['baker'], ids['consented']].sort());
    expect(listed).toContain(ids['cook']);
    for (const absent of ['welder', 'closed', 'elsewhere', 'partly']) expect(listed, absent).not.toContain(ids[absent]);
    expect(body.results[0].client.name).toMatch(/^Test Client/);
    expect(body.results[0].factors[0].plain.en).toBe(
      "The job's occupation, Bakers (63202), is one of the client's goals.",
    );
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['recordIds', 'purpose'])
      .where('action', '=', 'match.candidates_for_job')
      // PostgreSQL's test database is shared by the suites running at once: this suite's reader only.
      .where('actorUserId', '=', developerId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.purpose).toBe('placement');
    expect([...(audit[0]!.recordIds ?? [])].sort()).toEqual([...listed].sort());
  });

  it('keeps employers out, and answers 404 for a job order that is not there', async () => {
    expect((await app.inject({ url: `/api/jobs/${jobId}/candidates`, headers: employerUser.headers })).statusCode).toBe(
      403,
    );
    expect(
      (await app.inject({ url: `/api/jobs/${crypto.randomUUID()}/candidates`, headers: developer.headers })).statusCode,
    ).toBe(404);
  });
});
