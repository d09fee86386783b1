import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { testApp } from '../../test/app.ts';
import {
  makeAssessment,
  makeClient,
  makeConsent,
  makeJobOrder,
  makeHiringEvent,
  makeNote,
  makeOrganization,
  makePlanItem,
  makeReview,
  makeService,
  makeSession,
  makeTask,
  makeTeamMember,
  makeUser,
  type TestSession,
  type TestUser,
} from '../../test/factories.ts';
import type { Role } from '../domain/accounts/account.ts';
import type { Organization, OrganizationType } from '../domain/organizations/organization.ts';
import type { AppInstance } from '../server/app.ts';
import type { Db } from '../db/database.ts';
import { rolesAllowedFor } from './authorize.ts';
import { clientActions, sessionActions, type ClientAction, type ClientCan, type SessionAction } from './can.ts';

// The `can` maps promise the web UI that an action's route will take it (issue 9, point 4). For every
// role at two agencies (and the system manager's and an employer's roles, and a client's own account),
// against a client file reached in each way the access rules know, each entry of the record's `can`
// (and the summary's, which must be the same) is compared with what its route answers the same
// caller: true exactly when the route does not refuse (403 or 404). The session's `can` is compared
// with the routes of the pages it opens.

type Column = { label: string; role: Role; organization: Organization; user: TestUser };
const reaches = [
  'own',
  'other',
  'consented',
  'consented_on_team',
  'on_team_without_consent',
  'revoked_on_team',
] as const;
type Reach = (typeof reaches)[number] | 'self';
type Request = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: Record<string, unknown> };
type File = {
  clientId: string;
  assessmentId: string;
  reviewId: string;
  goalId: string;
  ownNoteId: string;
  agencyNoteId: string;
  workerMemberId: string;
  thirdConsentId: string;
  yourConsentId: string | undefined;
};

const nextYear = () => `${new Date().getUTCFullYear() + 1}-06-30`;
const refused = (status: number) => status === 403 || status === 404;

describeEachEngine('the can maps answer as the routes do', ({ handle }) => {
  let app: AppInstance;
  let db: Db;
  const columns: Column[] = [];
  let other: Organization;
  let third: Organization;

  beforeAll(async () => {
    app = await testApp(handle());
    db = handle().db;
    other = await makeOrganization(db, { type: 'employment_service_provider' });
    third = await makeOrganization(db, { type: 'community_agency' });
    const types: OrganizationType[] = ['employment_service_provider', 'community_agency', 'system_manager', 'employer'];
    for (const type of types) {
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

  // A file with every part the client's pages act on, the caller placed as the reach says.
  async function fileFor(column: Column, reach: Reach): Promise<File> {
    const holder = reach === 'own' || reach === 'self' ? column.organization : other;
    const worker = await makeUser(db, { organizationId: holder.id, roles: ['employment_counsellor'] });
    const colleague = await makeUser(db, {
      organizationId: column.organization.id,
      roles: [rolesAllowedFor(column.organization.type)[0]!],
    });
    const client = await makeClient(db, { organizationId: holder.id });
    const workerMemberId = await makeTeamMember(db, {
      clientId: client.id,
      userId: worker.id,
      organizationId: holder.id,
      teamRole: 'primary_worker',
    });
    const assessmentId = await makeAssessment(db, client.id);
    const reviewId = await makeReview(db, client.id, assessmentId);
    const goalId = await makePlanItem(db, 'goals', client.id, holder.id);
    // Notes of the caller's organization: one the caller wrote, one a colleague wrote.
    const ownNoteId = await makeNote(db, {
      clientId: client.id,
      organizationId: column.organization.id,
      authorId: column.user.id,
      visibility: 'case_team',
    });
    const agencyNoteId = await makeNote(db, {
      clientId: client.id,
      organizationId: column.organization.id,
      authorId: colleague.id,
      visibility: 'case_team',
    });
    const thirdConsentId = await makeConsent(db, {
      clientId: client.id,
      organizationId: third.id,
      recordedByOrganizationId: holder.id,
    });
    let yourConsentId: string | undefined;
    if (reach === 'consented' || reach === 'consented_on_team' || reach === 'revoked_on_team') {
      yourConsentId = await makeConsent(db, {
        clientId: client.id,
        organizationId: column.organization.id,
        recordedByOrganizationId: holder.id,
        revoked: reach === 'revoked_on_team',
      });
      if (reach === 'revoked_on_team') yourConsentId = undefined;
    }
    if (reach === 'consented_on_team' || reach === 'on_team_without_consent' || reach === 'revoked_on_team') {
      await makeTeamMember(db, { clientId: client.id, userId: column.user.id, organizationId: column.organization.id });
    }
    if (reach === 'self')
      await db.updateTable('users').set({ clientId: client.id }).where('id', '=', column.user.id).execute();
    return {
      clientId: client.id,
      assessmentId,
      reviewId,
      goalId,
      ownNoteId,
      agencyNoteId,
      workerMemberId,
      thirdConsentId,
      yourConsentId,
    };
  }

  // The request each entry promises, in an order where one probe's change cannot decide a later one
  // (the file's status, the caller's consent and team place change last). Writes send valid bodies,
  // so a route that lets the caller through answers 2xx, or 400/409 on the record's state.
  function probes(
    f: File,
    column: Column,
    categories: readonly string[],
  ): [ClientAction, () => Promise<Request | undefined>][] {
    const base = `/api/clients/${f.clientId}`;
    const own = column.role === 'job_seeker';
    const method = own ? 'client_account' : 'written';
    return [
      ['readPlan', async () => ({ method: 'GET', url: `${base}/plan` })],
      [
        'createPlan',
        async () => ({ method: 'POST', url: `${base}/plan/goals`, payload: { description: 'Can-map goal' } }),
      ],
      [
        'updatePlan',
        async () => ({ method: 'PATCH', url: `${base}/plan/goals/${f.goalId}`, payload: { status: 'achieved' } }),
      ],
      [
        'acknowledgePlan',
        async () => ({
          method: 'POST',
          url: `${base}/plan/acknowledgements`,
          payload: { agrees: true, method: own ? 'client_account' : 'in_person' },
        }),
      ],
      ['readNotes', async () => ({ method: 'GET', url: `${base}/notes` })],
      [
        'addNote',
        async () => ({
          method: 'POST',
          url: `${base}/notes`,
          payload: { kind: 'contact', visibility: 'agency', body: 'Can-map note' },
        }),
      ],
      [
        'correctOwnNotes',
        async () => ({
          method: 'POST',
          url: `${base}/notes/${f.ownNoteId}/corrections`,
          payload: { body: 'Corrected' },
        }),
      ],
      [
        'correctAgencyNotes',
        async () => ({
          method: 'POST',
          url: `${base}/notes/${f.agencyNoteId}/corrections`,
          payload: { body: 'Corrected' },
        }),
      ],
      ['readTasks', async () => ({ method: 'GET', url: `${base}/tasks` })],
      [
        'addTask',
        async () => ({
          method: 'POST',
          url: `${base}/tasks`,
          payload: { title: 'Can-map follow-up', dueOn: nextYear() },
        }),
      ],
      ['readTeam', async () => ({ method: 'GET', url: `${base}/team` })],
      ['readAccessLog', async () => ({ method: 'GET', url: `${base}/access-log` })],
      ['addTeamMember', async () => ({ method: 'GET', url: `${base}/team/candidates` })],
      ['readConsents', async () => ({ method: 'GET', url: `${base}/consents` })],
      [
        'grantConsent',
        async () => ({
          method: 'POST',
          url: `${base}/consents`,
          payload: {
            organizationId: third.id,
            categories: ['identity_contact'],
            purpose: 'referral',
            method,
            ...(own ? {} : { evidence: 'Signed form' }),
            expiresOn: nextYear(),
          },
        }),
      ],
      ['readAssessment', async () => ({ method: 'GET', url: `${base}/assessments` })],
      [
        'requestReview',
        async () => ({
          method: 'POST',
          url: `${base}/assessments/${f.assessmentId}/reviews`,
          payload: { reason: 'Please look again' },
        }),
      ],
      [
        'answerReview',
        async () => ({
          method: 'POST',
          url: `${base}/reviews/${f.reviewId}/answer`,
          payload: { answer: 'Reviewed with the client in full', outcome: 'upheld' },
        }),
      ],
      [
        'overrideAssessment',
        async () => ({
          method: 'POST',
          url: `${base}/assessments/${f.assessmentId}/override`,
          payload: { stream: 'A', justification: 'Can-map check of the override rule, long enough' },
        }),
      ],
      ['createAssessment', async () => ({ method: 'POST', url: `${base}/assessments`, payload: {} })],
      ['readAttachments', async () => ({ method: 'GET', url: `${base}/attachments` })],
      [
        'addAttachment',
        async () => ({
          method: 'POST',
          url: `${base}/attachments`,
          payload: {
            kind:
              categories.includes('employment') || !categories.includes('identity_contact')
                ? 'resume'
                : 'signed_consent',
            fileName: 'cv.txt',
            contentType: 'text/plain',
            contentBase64: Buffer.from('Curriculum vitae').toString('base64'),
          },
        }),
      ],
      [
        'updateRecord',
        async () => ({
          method: 'PATCH',
          url: base,
          payload: { goals: { statement: 'Can-map goal', targetNocCodes: [] } },
        }),
      ],
      ['readTransfers', async () => ({ method: 'GET', url: `${base}/transfers` })],
      // An organization nobody has: refused as invalid once the caller is let through.
      [
        'requestTransfer',
        async () => ({ method: 'POST', url: `${base}/transfers`, payload: { toOrganizationId: crypto.randomUUID() } }),
      ],
      ['readReferrals', async () => ({ method: 'GET', url: `${base}/referrals` })],
      // A program nobody lists: refused as invalid once the caller is let through.
      [
        'sendReferral',
        async () => ({ method: 'POST', url: `${base}/referrals`, payload: { serviceId: crypto.randomUUID() } }),
      ],
      ['readJobMatches', async () => ({ method: 'GET', url: `${base}/job-matches` })],
      ['readProgramMatches', async () => ({ method: 'GET', url: `${base}/program-matches` })],
      ['readPlacements', async () => ({ method: 'GET', url: `${base}/placements` })],
      // A job order nobody has: refused as invalid once the caller is let through.
      [
        'proposePlacement',
        async () => ({ method: 'POST', url: `${base}/placements`, payload: { jobOrderId: crypto.randomUUID() } }),
      ],
      // An event nobody lists: refused as invalid once the caller is let through.
      [
        'registerForEvents',
        async () => ({ method: 'POST', url: `${base}/hiring-events`, payload: { eventId: crypto.randomUUID() } }),
      ],
      ['removeTeamMembers', async () => ({ method: 'POST', url: `${base}/team/${f.workerMemberId}/remove` })],
      [
        'leaveTeam',
        async () => {
          const place = await db
            .selectFrom('caseTeamMembers')
            .select('id')
            .where('clientId', '=', f.clientId)
            .where('userId', '=', column.user.id)
            .where('removedAt', 'is', null)
            .executeTakeFirst();
          const id =
            place?.id ??
            (await makeTeamMember(db, {
              clientId: f.clientId,
              userId: column.user.id,
              organizationId: column.organization.id,
            }));
          return { method: 'POST', url: `${base}/team/${id}/remove` };
        },
      ],
      [
        'revokeConsents',
        async () => ({
          method: 'POST',
          url: `${base}/consents/${f.thirdConsentId}/revoke`,
          payload: { method: own ? 'client_account' : 'phone' },
        }),
      ],
      // Only where a consent names the caller's organization: the entry is about such consents.
      [
        'revokeConsentsNamingYou',
        async () =>
          f.yourConsentId
            ? {
                method: 'POST',
                url: `${base}/consents/${f.yourConsentId}/revoke`,
                payload: { method: own ? 'client_account' : 'phone' },
              }
            : undefined,
      ],
      [
        'inviteAccount',
        async () => ({
          method: 'POST',
          url: `${base}/account`,
          payload: { email: `can-${crypto.randomBytes(5).toString('hex')}@example.org` },
        }),
      ],
      ['changeStatus', async () => ({ method: 'POST', url: `${base}/status`, payload: { status: 'on_hold' } })],
    ];
  }

  it('has a probe for every entry of the client map', () => {
    const f = {
      clientId: '',
      assessmentId: '',
      reviewId: '',
      goalId: '',
      ownNoteId: '',
      agencyNoteId: '',
      workerMemberId: '',
      thirdConsentId: '',
      yourConsentId: undefined,
    };
    expect(
      probes(f, columns[0]!, [])
        .map(([name]) => name)
        .sort(),
    ).toEqual([...clientActions].sort());
  });

  it('gives each client action exactly when its route takes it', { timeout: 900_000 }, async () => {
    const wrong: string[] = [];
    const seen = new Map<ClientAction, Set<boolean>>();
    let checked = 0;
    const cases: { column: Column; reach: Reach }[] = columns.flatMap((column) =>
      reaches.map((reach) => ({ column, reach })),
    );
    // A client's own account reaches their own file only.
    const home = columns.find((c) => c.organization.type === 'employment_service_provider')!.organization;
    cases.push({
      column: {
        label: 'job_seeker',
        role: 'job_seeker',
        organization: home,
        user: await makeUser(db, { organizationId: home.id, roles: ['job_seeker'] }),
      },
      reach: 'self',
    });
    for (const { column, reach } of cases) {
      const session: TestSession = await makeSession(db, column.user);
      const f = await fileFor(column, reach);
      const where = `${column.label}, ${reach}`;
      const record = await app.inject({ method: 'GET', url: `/api/clients/${f.clientId}`, headers: session.headers });
      const summary = await app.inject({
        method: 'GET',
        url: `/api/clients/${f.clientId}/summary`,
        headers: session.headers,
      });
      expect(summary.statusCode, where).toBe(record.statusCode);
      // A file the caller cannot read carries no map and its pages show nothing; none of its parts
      // may be readable either. (Some writes decide on the holder alone: a member who no longer
      // reaches the file may still leave its team, which no page offers.)
      const body =
        record.statusCode === 200 ? (record.json() as { can: ClientCan; access: { categories: string[] } }) : undefined;
      const can = body?.can ?? (Object.fromEntries(clientActions.map((a) => [a, false])) as ClientCan);
      if (body) expect((summary.json() as { can: ClientCan }).can, where).toEqual(body.can);
      for (const [action, probe] of probes(f, column, body?.access.categories ?? [])) {
        if (!body && !action.startsWith('read')) continue;
        const request = await probe();
        if (!request) continue;
        const res = await app.inject({ ...request, headers: session.headers });
        expect(res.statusCode, `${where}: ${action} ${request.method} ${request.url}`).toBeLessThan(500);
        checked += 1;
        if (can[action] === refused(res.statusCode))
          wrong.push(
            `${where}: can.${action} is ${can[action]}, ${request.method} ${request.url} answered ${res.statusCode}`,
          );
        seen.set(action, (seen.get(action) ?? new Set()).add(can[action]));
      }
    }
    expect(wrong).toEqual([]);
    // So the comparison cannot pass vacuously: every entry is true somewhere, and false somewhere.
    expect(clientActions.filter((a) => seen.get(a)?.size !== 2)).toEqual([]);
    expect(checked).toBeGreaterThan(cases.length * 8);
  });

  it(
    'opens each page in the session map exactly when its route lets the user through',
    { timeout: 300_000 },
    async () => {
      const wrong: string[] = [];
      const seen = new Map<SessionAction, Set<boolean>>();
      const seeker = await makeUser(db, { organizationId: other.id, roles: ['job_seeker'] });
      const seekerClient = await makeClient(db, { organizationId: other.id });
      await db.updateTable('users').set({ clientId: seekerClient.id }).where('id', '=', seeker.id).execute();
      const all = [...columns, { label: 'job_seeker', role: 'job_seeker' as const, organization: other, user: seeker }];
      for (const column of all) {
        const session = await makeSession(db, column.user);
        const answer = await app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers });
        expect(answer.statusCode, column.label).toBe(200);
        const can = (answer.json() as { can: Record<SessionAction, boolean> }).can;
        const colleague = await makeUser(db, {
          organizationId: column.organization.id,
          roles: [rolesAllowedFor(column.organization.type)[0]!],
        });
        const elsewhere = await makeClient(db, { organizationId: third.id });
        const home = await makeClient(db, { organizationId: column.organization.id });
        const requests: Record<SessionAction, () => Promise<Request>> = {
          myFile: async () => ({ method: 'GET', url: '/api/me/client' }),
          work: async () => ({ method: 'GET', url: '/api/tasks?due=today' }),
          team: async () => ({ method: 'GET', url: '/api/caseload/team' }),
          caseload: async () => ({ method: 'POST', url: '/api/caseload', payload: {} }),
          agencyCaseload: async () => ({ method: 'POST', url: '/api/caseload', payload: { workerId: colleague.id } }),
          handover: async () => ({
            method: 'POST',
            url: '/api/caseload/reassign',
            payload: { fromUserId: colleague.id, toUserId: column.user.id },
          }),
          tasks: async () => ({ method: 'GET', url: '/api/tasks' }),
          transfers: async () => ({ method: 'GET', url: '/api/transfers?direction=incoming' }),
          referrals: async () => ({ method: 'GET', url: '/api/referrals?box=inbox' }),
          recruit: async () => ({
            method: 'GET',
            url: `/api/services/${(await makeService(db, third.id)).id}/candidates`,
          }),
          agencyTasks: async () => ({ method: 'GET', url: '/api/tasks?scope=agency' }),
          employers: async () => ({
            method: 'GET',
            url: `/api/employers/${(await makeOrganization(db, { type: 'employer' })).id}/engagements`,
          }),
          manageEmployers: async () => ({
            method: 'PATCH',
            url: `/api/employers/${(await makeOrganization(db, { type: 'employer' })).id}`,
            payload: { size: '5_19' },
          }),
          // An empty job order: refused as invalid once the caller is let through.
          postJobs: async () => ({ method: 'POST', url: '/api/jobs', payload: {} }),
          jobs: async () => ({ method: 'GET', url: '/api/jobs' }),
          placements: async () => ({ method: 'GET', url: '/api/placements' }),
          // An empty event: refused as invalid once the caller is let through.
          manageEvents: async () => ({ method: 'POST', url: '/api/hiring-events', payload: {} }),
          eventRegistrations: async () => ({
            method: 'GET',
            url: `/api/hiring-events/${await makeHiringEvent(db, third.id)}/registrations`,
          }),
          jobCandidates: async () => ({
            method: 'GET',
            url: `/api/jobs/${(await makeJobOrder(db, (await makeOrganization(db, { type: 'employer' })).id)).id}/candidates`,
          }),
          // A task of another organization assigned to the user: only `self` reaches it.
          completeOwnTasks: async () => ({
            method: 'POST',
            url: `/api/tasks/${await makeTask(db, { clientId: elsewhere.id, organizationId: third.id, assignedTo: column.user.id })}/complete`,
            payload: {},
          }),
          // A colleague's task of the user's organization: only `own` reaches it.
          completeAgencyTasks: async () => ({
            method: 'POST',
            url: `/api/tasks/${await makeTask(db, { clientId: home.id, organizationId: column.organization.id, assignedTo: colleague.id })}/complete`,
            payload: {},
          }),
          newClient: async () => ({
            method: 'POST',
            url: '/api/clients',
            payload: {
              givenName: 'Cam',
              familyName: `Mapper ${crypto.randomBytes(3).toString('hex').replace(/[0-9]/g, 'x')}`,
              dateOfBirth: '1971-02-03',
              educationLevel: 'college',
              incomeSource: 'ontario_works',
            },
          }),
          accessRequests: async () => ({ method: 'GET', url: '/api/access-requests?direction=incoming' }),
          landscape: async () => ({ method: 'GET', url: '/api/reports/landscape' }),
          reports: async () => ({ method: 'GET', url: '/api/reports/assessments' }),
          // A client account is never invited as staff: refused as invalid once the gate lets the user through.
          administration: async () => ({
            method: 'POST',
            url: '/api/users',
            payload: {
              email: `can-${crypto.randomBytes(4).toString('hex')}@agency.example`,
              displayName: 'Can Map',
              roles: ['job_seeker'],
            },
          }),
          everyOrganization: async () => ({
            method: 'POST',
            url: '/api/organizations',
            payload: { name: `Can Map ${crypto.randomBytes(4).toString('hex')}`, type: 'employer' },
          }),
        };
        for (const action of sessionActions) {
          const request = await requests[action]();
          const res = await app.inject({ ...request, headers: session.headers });
          expect(res.statusCode, `${column.label}: ${action}`).toBeLessThan(500);
          if (can[action] === refused(res.statusCode))
            wrong.push(
              `${column.label}: can.${action} is ${can[action]}, ${request.method} ${request.url} answered ${res.statusCode}`,
            );
          seen.set(action, (seen.get(action) ?? new Set()).add(can[action]));
        }
      }
      expect(wrong).toEqual([]);
      expect(sessionActions.filter((a) => seen.get(a)?.size !== 2)).toEqual([]);
    },
  );
});
