import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { testApp } from '../../test/app.ts';
import {
  makeAssessment,
  makeClient,
  makeConsent,
  makeNote,
  makeOrganization,
  makeSession,
  makeTask,
  makeTeamMember,
  makeUser,
  type TestUser,
} from '../../test/factories.ts';
import type { Role } from '../domain/accounts/account.ts';
import { organizationTypes, type Organization } from '../domain/organizations/organization.ts';
import type { AppInstance } from '../server/app.ts';
import type { Db } from '../db/database.ts';
import { rolesAllowedFor } from './authorize.ts';

// A composite view never shows what its part's own route refuses (issue 9, point 3). For every role at
// every organization type, against a client file with every part filled in (assessment, notes of each
// visibility, open and closed tasks, consents, a case team), reached in each way the access rules know,
// the summary and the timeline are compared with the parts' own routes: each item they show must be one
// that route returns to the same caller, and a part whose route answers 404 must be absent. Every
// audit row of the reads must carry its purpose.

type Column = { label: string; role: Role; organization: Organization; user: TestUser };
// How the caller reaches the client of another agency (or holds it).
const reaches = [
  'own',
  'other',
  'consented',
  'consented_on_team',
  'on_team_without_consent',
  'revoked_on_team',
] as const;
type Reach = (typeof reaches)[number];

type Ids = { ok: boolean; ids: Set<string> };

describeEachEngine('composite views answer as their parts', ({ handle }) => {
  let app: AppInstance;
  let db: Db;
  const columns: Column[] = [];
  let other: Organization;

  beforeAll(async () => {
    app = await testApp(handle());
    db = handle().db;
    other = await makeOrganization(db, { type: 'employment_service_provider' });
    for (const type of organizationTypes) {
      const organization = await makeOrganization(db, { type });
      for (const role of rolesAllowedFor(type)) {
        columns.push({
          label: `${role} at ${type}`,
          role,
          organization,
          user: await makeUser(db, { organizationId: organization.id, roles: [role] }),
        });
      }
    }
  });
  afterAll(async () => app.close());

  // A file with every part: the holder's worker on the team, an assessment, notes of each visibility,
  // an open and a closed task for the holder's worker, and the caller placed as the reach says.
  async function fileFor(column: Column, reach: Reach): Promise<string> {
    const holder = reach === 'own' ? column.organization : other;
    const worker = await makeUser(db, { organizationId: holder.id, roles: ['employment_counsellor'] });
    const client = await makeClient(db, { organizationId: holder.id });
    await makeTeamMember(db, {
      clientId: client.id,
      userId: worker.id,
      organizationId: holder.id,
      teamRole: 'primary_worker',
    });
    await makeAssessment(db, client.id);
    for (const visibility of ['agency', 'case_team', 'client'] as const)
      await makeNote(db, { clientId: client.id, organizationId: holder.id, authorId: worker.id, visibility });
    await makeTask(db, { clientId: client.id, organizationId: holder.id, assignedTo: worker.id });
    const closed = await makeTask(db, { clientId: client.id, organizationId: holder.id, assignedTo: worker.id });
    await db.updateTable('tasks').set({ status: 'done', completedAt: new Date() }).where('id', '=', closed).execute();
    // A consent naming a third party, which another agency's caller must not see.
    const third = await makeOrganization(db, { type: 'community_agency' });
    await makeConsent(db, { clientId: client.id, organizationId: third.id, recordedByOrganizationId: holder.id });
    if (reach === 'consented' || reach === 'consented_on_team' || reach === 'revoked_on_team') {
      await makeConsent(db, {
        clientId: client.id,
        organizationId: column.organization.id,
        recordedByOrganizationId: holder.id,
        revoked: reach === 'revoked_on_team',
      });
    }
    if (reach === 'consented_on_team' || reach === 'on_team_without_consent' || reach === 'revoked_on_team') {
      await makeTeamMember(db, { clientId: client.id, userId: column.user.id, organizationId: column.organization.id });
    }
    return client.id;
  }

  it(
    'shows in the summary and the timeline only what each part’s own route shows the same caller',
    { timeout: 600_000 },
    async () => {
      const leaks: string[] = [];
      const noPurpose: string[] = [];
      const requestIds: string[] = [];
      // So the comparison cannot pass vacuously: how many items the composites showed in all.
      let shown = 0;
      for (const column of columns) {
        const { headers } = await makeSession(db, column.user);
        const get = async (url: string) => {
          const res = await app.inject({ method: 'GET', url, headers });
          requestIds.push(String(res.headers['x-request-id']));
          return res;
        };
        const list = async (
          url: string,
          id: (item: Record<string, unknown>) => string = (i) => String(i.id),
        ): Promise<Ids> => {
          const res = await get(url);
          if (res.statusCode !== 200) return { ok: false, ids: new Set() };
          return { ok: true, ids: new Set((res.json() as { items: Record<string, unknown>[] }).items.map(id)) };
        };
        for (const reach of reaches) {
          const clientId = await fileFor(column, reach);
          const base = `/api/clients/${clientId}`;
          const where = `${column.label}, ${reach}`;
          const parts = {
            tasks: await list(`${base}/tasks`),
            notes: await list(`${base}/notes?perPage=100`),
            assessments: await list(`${base}/assessments?perPage=100`),
            consents: await list(`${base}/consents`),
            team: await list(`${base}/team`),
          };
          const record = await get(base);
          const summary = await get(`${base}/summary`);
          const timeline = await get(`${base}/timeline?limit=500`);
          if (summary.statusCode !== record.statusCode)
            leaks.push(`${where}: summary ${summary.statusCode}, record ${record.statusCode}`);
          if (timeline.statusCode !== record.statusCode)
            leaks.push(`${where}: timeline ${timeline.statusCode}, record ${record.statusCode}`);
          const check = (view: string, part: keyof typeof parts, ids: string[]) => {
            shown += ids.length;
            for (const id of ids) {
              if (!parts[part].ids.has(id))
                leaks.push(
                  `${where}: ${view} shows ${part} ${id}, which ${part}'s route ${parts[part].ok ? 'does not list' : 'refuses'}`,
                );
            }
          };
          if (summary.statusCode === 200) {
            const s = summary.json() as {
              openTasks: { id: string }[];
              lastContacts: { id: string }[];
              currentAssessment: { id: string } | null;
              team: { id: string }[];
            };
            check(
              'summary',
              'tasks',
              s.openTasks.map((t) => t.id),
            );
            check(
              'summary',
              'notes',
              s.lastContacts.map((n) => n.id),
            );
            check('summary', 'assessments', s.currentAssessment ? [s.currentAssessment.id] : []);
            check(
              'summary',
              'team',
              s.team.map((m) => m.id),
            );
          }
          if (timeline.statusCode === 200) {
            const events = (timeline.json() as { items: { kind: string; subjectId: string }[] }).items;
            const of = (...kinds: string[]) => events.filter((e) => kinds.includes(e.kind)).map((e) => e.subjectId);
            check('timeline', 'notes', of('note'));
            check('timeline', 'assessments', of('assessment'));
            check('timeline', 'consents', of('consent_granted', 'consent_revoked'));
            check('timeline', 'team', of('team_joined', 'team_left'));
            check('timeline', 'tasks', of('task_created', 'task_closed'));
          }
        }
      }
      const rows = await db
        .selectFrom('auditLog')
        .select(['action', 'recordType', 'requestId', 'purpose'])
        .where('requestId', 'in', requestIds)
        .where('outcome', '=', 'succeeded')
        .where('clientId', 'is not', null)
        .execute();
      for (const row of rows) if (!row.purpose) noPurpose.push(`${row.action} ${row.recordType ?? ''}`);
      expect(leaks).toEqual([]);
      expect(noPurpose).toEqual([]);
      expect(rows.length).toBeGreaterThan(columns.length * 5);
      expect(shown).toBeGreaterThan(columns.length * 3);
    },
  );

  it('gives a partner counsellor on the team, with a consent for every category, no task of the holding agency anywhere', async () => {
    const column = columns.find(
      (c) => c.role === 'employment_counsellor' && c.organization.type === 'community_agency',
    )!;
    const clientId = await fileFor(column, 'consented_on_team');
    const { headers } = await makeSession(db, column.user);
    expect((await app.inject({ method: 'GET', url: `/api/clients/${clientId}/tasks`, headers })).statusCode).toBe(404);
    const summary = (await app.inject({ method: 'GET', url: `/api/clients/${clientId}/summary`, headers })).json() as {
      openTasks: unknown[];
      lastContacts: { visibility: string }[];
    };
    expect(summary.openTasks).toEqual([]);
    // The team's notes, not the agency's own: what GET /notes gives the same counsellor.
    expect(summary.lastContacts.map((n) => n.visibility).sort()).toEqual(['case_team', 'client']);
    const timeline = (
      await app.inject({ method: 'GET', url: `/api/clients/${clientId}/timeline`, headers })
    ).json() as { items: { kind: string }[] };
    expect(timeline.items.filter((e) => e.kind.startsWith('task_'))).toEqual([]);
    const consents = timeline.items.filter((e) => e.kind === 'consent_granted');
    expect(consents).toHaveLength(1);
  });
});
