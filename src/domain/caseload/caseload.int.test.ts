import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  makeClient,
  makeConsent,
  makeNote,
  makeOrganization,
  makeSession,
  makeTask,
  makeTeamMember,
  makeUser,
  type TestUser,
} from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import type { Db } from '../../db/database.ts';
import { addDays } from '../../lib/dates.ts';
import type { AgencyFile, CaseloadItem, TeamWork } from './caseload.ts';

// A morning's work: the quiet clients on a caseload, tasks due today, the team's counts per worker
// and a search across every file the agency holds, each by the same access rules as the file itself.
describeEachEngine('the staff home page: quiet clients, team work and agency search', ({ handle }) => {
  let app: AppInstance;
  let db: Db;
  let agencyA: string;
  let agencyB: string;
  let managerA: TestUser;
  let managerB: TestUser;
  let first: TestUser;
  let second: TestUser;
  let leaver: TestUser;
  let analyst: TestUser;
  const clients = {} as Record<'quiet' | 'contacted' | 'fresh' | 'closed' | 'leavers' | 'consented', string>;
  const names = new Map<string, string>();
  const headers = new Map<string, Record<string, string>>();
  const clock = testClock();
  const today = () => clock.today();
  const call = (u: TestUser, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: headers.get(u.id)!, ...(payload ? { payload } : {}) });

  // A client of `organization` whose file opened `daysAgo` days ago, with `worker` as primary worker.
  async function client(organization: string, worker: TestUser, daysAgo: number, status = 'active') {
    const made = await makeClient(db, { organizationId: organization });
    // Straight into the row: a file's age and a closed status without the intake and closing journeys.
    await sql`update clients set created_at = ${`${addDays(today(), -daysAgo)}T12:00:00Z`}::timestamptz, status = ${status},
      closed_reason = ${status === 'closed' ? 'moved_away' : null} where id = ${made.id}`.execute(db);
    await makeTeamMember(db, {
      clientId: made.id,
      userId: worker.id,
      organizationId: organization,
      teamRole: 'primary_worker',
    });
    const row = await db.selectFrom('clients').select('familyName').where('id', '=', made.id).executeTakeFirstOrThrow();
    names.set(made.id, row.familyName);
    return made.id;
  }

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    db = handle().db;
    agencyA = (await makeOrganization(db)).id;
    agencyB = (await makeOrganization(db)).id;
    const city = (await makeOrganization(db, { type: 'system_manager' })).id;
    managerA = await makeUser(db, { organizationId: agencyA, roles: ['agency_manager'] });
    managerB = await makeUser(db, { organizationId: agencyB, roles: ['agency_manager'] });
    first = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    second = await makeUser(db, { organizationId: agencyA, roles: ['caseworker'] });
    leaver = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    analyst = await makeUser(db, { organizationId: city, roles: ['system_analyst'] });
    for (const u of [managerA, managerB, first, second, leaver, analyst])
      headers.set(u.id, (await makeSession(db, u)).headers);

    clients.quiet = await client(agencyA, first, 60);
    clients.contacted = await client(agencyA, first, 60);
    await makeNote(db, {
      clientId: clients.contacted,
      organizationId: agencyA,
      authorId: first.id,
      contactOn: addDays(today(), -5),
    });
    clients.fresh = await client(agencyA, second, 3);
    clients.closed = await client(agencyA, first, 90, 'closed');
    clients.leavers = await client(agencyA, leaver, 120);
    // Agency B's client on the first worker's caseload through a consent naming agency A.
    clients.consented = await client(agencyB, managerB, 200);
    await makeConsent(db, { clientId: clients.consented, organizationId: agencyA, recordedByOrganizationId: agencyB });
    await makeTeamMember(db, { clientId: clients.consented, userId: first.id, organizationId: agencyA });
    // The leaver left with a client still on their caseload.
    await db
      .updateTable('users')
      .set({ status: 'disabled', disabledAt: new Date() })
      .where('id', '=', leaver.id)
      .execute();

    for (const [assignedTo, dueOn] of [
      [first, addDays(today(), -2)],
      [first, today()],
      [first, addDays(today(), 7)],
      [second, today()],
    ] as const)
      await makeTask(db, { clientId: clients.quiet, organizationId: agencyA, assignedTo: assignedTo.id, dueOn });
  });
  afterAll(async () => app.close());

  it('lists the active clients with no contact in a number of days, and refuses a number out of range', async () => {
    const res = await call(first, 'POST', '/api/caseload', { quietDays: 30 });
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json().items as CaseloadItem[]).map((i) => i.clientId);
    // Contacted 5 days ago, closed, opened 3 days ago: none of them is quiet. The consented client
    // (agency B's, on the caseload by consent) has no contact agency A may read either.
    expect(ids.sort()).toEqual([clients.quiet, clients.consented].sort());
    // Within a week, the one contacted 5 days ago is no longer quiet... but is within 4 days.
    const shorter = await call(first, 'POST', '/api/caseload', { quietDays: 4 });
    expect((shorter.json().items as CaseloadItem[]).map((i) => i.clientId)).toContain(clients.contacted);
    for (const quietDays of [0, 366, 'thirty'])
      expect((await call(first, 'POST', '/api/caseload', { quietDays })).statusCode).toBe(400);
  });

  it('lists the tasks due today apart from the overdue ones', async () => {
    const dueToday = (await call(first, 'GET', '/api/tasks?due=today')).json();
    expect(dueToday.total).toBe(1);
    expect(dueToday.items[0]).toMatchObject({ dueOn: today(), overdue: false });
    const overdue = (await call(first, 'GET', '/api/tasks?due=overdue')).json();
    expect(overdue.total).toBe(1);
    expect(overdue.items[0]).toMatchObject({ dueOn: addDays(today(), -2), overdue: true });
    expect((await call(first, 'GET', '/api/tasks?due=tomorrow')).statusCode).toBe(400);
  });

  it("gives a manager each worker's open work, counted as the caseload counts it", async () => {
    const res = await call(managerA, 'GET', '/api/caseload/team?quietDays=30');
    expect(res.statusCode, res.body).toBe(200);
    const team = res.json() as TeamWork;
    expect(team.quietDays).toBe(30);
    const row = (u: TestUser) => team.workers.find((w) => w.userId === u.id);
    // Agency B's client counts too: its consent names agency A, so its manager may open the file.
    expect(row(first)).toMatchObject({ clients: 3, openTasks: 3, overdueTasks: 1, dueToday: 1, quietClients: 2 });
    expect(row(second)).toMatchObject({ clients: 1, openTasks: 1, overdueTasks: 0, dueToday: 1, quietClients: 0 });
    // The leaver still holds a file: they stay on the list, marked, until it is handed over.
    expect(row(leaver)).toMatchObject({ status: 'disabled', clients: 1, quietClients: 1 });
    expect(team.workers[0]!.userId).toBe(first.id);
    expect(team.totals).toMatchObject({ clients: 5, overdueTasks: 1, dueToday: 2, quietClients: 3 });
    // Once the consent is revoked, that client counts on no row of agency A's.
    await db
      .insertInto('consentRevocations')
      .values({
        consentId: (
          await db
            .selectFrom('consents')
            .select('id')
            .where('clientId', '=', clients.consented)
            .executeTakeFirstOrThrow()
        ).id,
        revokedBy: null,
        method: 'phone',
        reason: null,
      })
      .execute();
    const after = (await call(managerA, 'GET', '/api/caseload/team?quietDays=30')).json() as TeamWork;
    expect(after.workers.find((w) => w.userId === first.id)).toMatchObject({ clients: 2, quietClients: 1 });
    expect(team.workers.some((w) => w.userId === managerB.id)).toBe(false);
    // Another agency's manager sees their own team only.
    const other = (await call(managerB, 'GET', '/api/caseload/team')).json() as TeamWork;
    expect(other.workers.map((w) => w.userId)).not.toContain(first.id);
    // A worker and a system analyst are refused, with a denied audit row.
    for (const u of [first, analyst]) {
      const refused = await call(u, 'GET', '/api/caseload/team');
      expect(refused.statusCode).toBe(403);
      const audit = await db
        .selectFrom('auditLog')
        .select('outcome')
        .where('requestId', '=', refused.json().requestId)
        .executeTakeFirst();
      expect(audit?.outcome).toBe('denied');
    }
    expect((await call(managerA, 'GET', '/api/caseload/team?quietDays=0')).statusCode).toBe(400);
  });

  it('searches every file the agency holds, naming the primary worker, and nothing of another agency', async () => {
    const all = await call(managerA, 'POST', '/api/caseload/agency', {});
    expect(all.statusCode, all.body).toBe(200);
    const ids = (all.json().items as AgencyFile[]).map((i) => i.clientId);
    expect(ids.sort()).toEqual(
      [clients.quiet, clients.contacted, clients.fresh, clients.closed, clients.leavers].sort(),
    );
    const found = await call(managerA, 'POST', '/api/caseload/agency', { q: names.get(clients.fresh)! });
    const items = found.json().items as AgencyFile[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      clientId: clients.fresh,
      name: `Test ${names.get(clients.fresh)}`,
      status: 'active',
      primaryWorker: { id: second.id, displayName: second.displayName },
      openTasks: 0,
    });
    const quiet = (await call(managerA, 'POST', '/api/caseload/agency', { q: names.get(clients.quiet)! })).json();
    expect(quiet.items[0]).toMatchObject({ openTasks: 4, overdueTasks: 1, lastContactOn: null });
    const closed = (await call(managerA, 'POST', '/api/caseload/agency', { status: 'closed' })).json();
    expect(closed.items.map((i: AgencyFile) => i.clientId)).toEqual([clients.closed]);
    // The audit row names every file the answer listed.
    const audit = await db
      .selectFrom('auditLog')
      .select(['recordIds', 'purpose', 'reason'])
      .where('actorUserId', '=', managerA.id)
      .where('action', '=', 'caseload.read')
      .where('reason', '=', 'agency files: search')
      .execute();
    expect(audit.map((a) => a.recordIds)).toContainEqual([clients.fresh]);
    expect(audit.every((a) => a.purpose === 'service_delivery')).toBe(true);
    // Agency B's manager finds none of agency A's clients, even by name.
    const elsewhere = (await call(managerB, 'POST', '/api/caseload/agency', { q: names.get(clients.fresh)! })).json();
    expect(elsewhere.total).toBe(0);
    // A worker searches their own caseload, not the agency's.
    expect((await call(first, 'POST', '/api/caseload/agency', {})).statusCode).toBe(403);
    expect((await call(managerA, 'POST', '/api/caseload/agency', { q: '' })).statusCode).toBe(400);
  });
});
