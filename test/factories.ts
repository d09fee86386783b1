import crypto from 'node:crypto';
import { systemActor } from '../src/access/actor.ts';
import { withTransaction, type Db } from '../src/db/database.ts';
import type { NewOrganization, Organization } from '../src/domain/organizations/organization.ts';
import { newOrganizationSchema } from '../src/domain/organizations/organization.ts';
import { createOrganization } from '../src/domain/organizations/organization.service.ts';
import type { Role, User } from '../src/domain/accounts/account.ts';
import { insertSession, insertUser } from '../src/domain/accounts/account.queries.ts';
import { hashToken } from '../src/domain/accounts/account.service.ts';
import { hashPassword } from '../src/domain/accounts/password.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/auth.ts';
import { assessClient } from '../src/domain/assessment/assessment.service.ts';
import { momentNow } from './clock.ts';
import type { z } from 'zod';
import { newServiceSchema } from '../src/domain/directory/service.ts';
import { createService } from '../src/domain/directory/service.service.ts';
import { newJobOrderSchema } from '../src/domain/jobs/job-order.ts';
import { createJobOrder } from '../src/domain/jobs/job-order.service.ts';
import { getDecentWorkModel } from '../src/domain/jobs/decent-work.ts';

// A fresh, uniquely named organization per test keeps test files independent on a shared database.
// A word for a suite to find its own rows by full-text search, whatever other suites wrote: a letter, a
// digit, then hex. Mixing letters and digits makes it one "numword" token that no stemmer trims (so the
// marker with an "s" added is another word); a bare hex marker such as "2e45e1" could read to
// PostgreSQL's text search parser as a number in scientific notation and match other suites' rows.
export function wordMarker(): string {
  return `q7${crypto.randomBytes(4).toString('hex')}`;
}

export async function makeOrganization(db: Db, overrides: Partial<NewOrganization> = {}): Promise<Organization> {
  const suffix = crypto.randomBytes(4).toString('hex');
  const input = newOrganizationSchema.parse({
    name: `Test Agency ${suffix}`,
    type: 'employment_service_provider',
    sites: [{ name: `Main office ${suffix}`, streetAddress: '100 Queen St W', postalCode: 'M5H 2N2' }],
    ...overrides,
  });
  return withTransaction(db, (trx) => createOrganization(trx, systemActor('test'), input));
}

export type TestUser = User & { password: string | undefined };
export type TestSession = { cookie: string; csrfToken: string; headers: Record<string, string> };

// Users straight into the database; pass a password only where a test signs in for real (hashing is slow on purpose).
export async function makeUser(
  db: Db,
  options: { organizationId: string; roles?: Role[]; password?: string; status?: 'active' | 'disabled' },
): Promise<TestUser> {
  const suffix = crypto.randomBytes(5).toString('hex');
  const user = await withTransaction(db, async (trx) => {
    const created = await insertUser(trx, {
      organizationId: options.organizationId,
      email: `user-${suffix}@agency.example`,
      displayName: `Test User ${suffix}`,
      preferredLanguage: 'en',
      passwordHash: options.password ? await hashPassword(options.password) : 'not-a-hash',
      roles: options.roles ?? ['employment_counsellor'],
    });
    if (options.status === 'disabled') {
      await trx
        .updateTable('users')
        .set({ status: 'disabled', disabledAt: new Date() })
        .where('id', '=', created.id)
        .execute();
    }
    return created;
  });
  return { ...user, status: options.status ?? 'active', password: options.password };
}

export async function makeSession(db: Db, user: { id: string }): Promise<TestSession> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(32).toString('base64url');
  await insertSession(db, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    absoluteExpiresAt: new Date(Date.now() + 3_600_000),
    userAgent: 'test',
  });
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { cookie, csrfToken, headers: { cookie, [CSRF_HEADER]: csrfToken } };
}

// A client record held by an organization, straight into the database (intake through the API is
// tested in src/domain/clients).
export async function makeClient(
  db: Db,
  options: { organizationId: string },
): Promise<{ id: string; organizationId: string }> {
  return db
    .insertInto('clients')
    .values({
      organizationId: options.organizationId,
      givenName: 'Test',
      familyName: `Client ${crypto.randomBytes(4).toString('hex')}`,
      dateOfBirth: '1990-04-01',
      educationLevel: 'college',
      incomeSource: 'ontario_works',
    })
    .returning(['id', 'organizationId'])
    .executeTakeFirstOrThrow();
}

// A consent naming an organization, straight into the database (every category unless told), and
// revoked at once when asked: the consent rules themselves are tested in src/domain/clients.
export async function makeConsent(
  db: Db,
  options: {
    clientId: string;
    organizationId: string;
    recordedByOrganizationId: string;
    revoked?: boolean;
    categories?: string[];
  },
): Promise<string> {
  return withTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('consents')
      .values({
        clientId: options.clientId,
        organizationId: options.organizationId,
        recordedByOrganizationId: options.recordedByOrganizationId,
        recordedBy: null,
        categories: options.categories ?? ['identity_contact', 'employment', 'assessment', 'plan', 'notes', 'equity'],
        purpose: 'integrated_case_management',
        method: 'written',
        evidence: 'Signed consent form (test)',
        startsOn: '2020-01-01',
        expiresOn: '2099-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (options.revoked)
      await trx
        .insertInto('consentRevocations')
        .values({ consentId: id, revokedBy: null, method: 'phone', reason: null })
        .execute();
    return id;
  });
}

// An assessment of the client from their record, made through the service by a system actor.
export async function makeAssessment(db: Db, clientId: string): Promise<string> {
  const saved = await withTransaction(db, (trx) =>
    assessClient(trx, systemActor('test'), clientId, {}, { requestId: 'test', ...momentNow() }),
  );
  return saved.id;
}

export async function makeTeamMember(
  db: Db,
  row: {
    clientId: string;
    userId: string;
    organizationId: string;
    teamRole?: 'primary_worker' | 'employment_counsellor' | 'caseworker' | 'job_developer' | 'trainer' | 'other';
  },
): Promise<string> {
  const { id } = await db
    .insertInto('caseTeamMembers')
    .values({
      clientId: row.clientId,
      userId: row.userId,
      organizationId: row.organizationId,
      teamRole: row.teamRole ?? 'employment_counsellor',
      addedBy: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function makeNote(
  db: Db,
  row: {
    clientId: string;
    organizationId: string;
    authorId: string | null;
    visibility?: 'agency' | 'case_team' | 'client';
    contactOn?: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('caseNotes')
    .values({
      clientId: row.clientId,
      organizationId: row.organizationId,
      authorId: row.authorId,
      kind: 'contact',
      visibility: row.visibility ?? 'agency',
      contactOn: row.contactOn ?? '2026-01-15',
      body: 'Test note',
      correctsNoteId: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function makeTask(
  db: Db,
  row: { clientId: string; organizationId: string; assignedTo: string; dueOn?: string },
): Promise<string> {
  const { id } = await db
    .insertInto('tasks')
    .values({
      clientId: row.clientId,
      organizationId: row.organizationId,
      createdBy: null,
      assignedTo: row.assignedTo,
      kind: 'follow_up',
      title: 'Test task',
      dueOn: row.dueOn ?? '2099-01-01',
      recurUntil: null,
      previousTaskId: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function makeNotification(db: Db, userId: string): Promise<string> {
  const { id } = await db
    .insertInto('notifications')
    .values({ userId, kind: 'task_assigned', clientId: null, subjectId: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function makePlanItem(
  db: Db,
  kind: 'goals' | 'steps',
  clientId: string,
  organizationId: string,
): Promise<string> {
  if (kind === 'goals') {
    return (
      await db
        .insertInto('planGoals')
        .values({ clientId, organizationId, createdBy: null, description: 'Test goal', targetDate: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  return (
    await db
      .insertInto('planSteps')
      .values({
        clientId,
        organizationId,
        goalId: null,
        createdBy: null,
        phase: 'job_search',
        title: 'Test step',
        startsOn: null,
        dueOn: null,
        linkedKind: null,
        linkedId: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

// A transfer between two organizations, requested (or accepted, due in the future) by the client.
export async function makeTransfer(
  db: Db,
  row: { clientId: string; from: string; to: string; accepted: boolean },
): Promise<string> {
  return (
    await db
      .insertInto('transfers')
      .values({
        clientId: row.clientId,
        fromOrganizationId: row.from,
        toOrganizationId: row.to,
        requestedBy: null,
        requestedByKind: 'client',
        reason: null,
        status: row.accepted ? 'accepted' : 'requested',
        acceptedAt: row.accepted ? new Date() : null,
        acceptedBy: null,
        releaseDueOn: row.accepted ? '2099-01-01' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

// A referral of a client between two agencies, as sent (or as accepted), for access tests.
export async function makeReferral(
  db: Db,
  row: {
    clientId: string;
    from: string;
    to: string;
    serviceId?: string;
    toUserId?: string;
    status?: 'sent' | 'accepted' | 'declined';
    reason?: 'no_capacity' | 'not_eligible';
    createdAt?: Date;
  },
): Promise<string> {
  const accepted = row.status === 'accepted';
  const declined = row.status === 'declined';
  return (
    await db
      .insertInto('referrals')
      .values({
        clientId: row.clientId,
        fromOrganizationId: row.from,
        toOrganizationId: row.to,
        serviceId: row.serviceId ?? null,
        toUserId: row.toUserId ?? null,
        status: row.status ?? 'sent',
        policyVersion: 'referral-2026.1',
        acknowledgeDueOn: '2099-01-01',
        receivedAt: accepted ? new Date() : null,
        acceptedAt: accepted ? new Date() : null,
        firstServiceDueOn: accepted ? '2099-01-15' : null,
        ...(declined ? { receivedAt: new Date(), closedAt: new Date(), reason: row.reason ?? 'no_capacity' } : {}),
        ...(row.createdAt ? { createdAt: row.createdAt } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function makeReview(db: Db, clientId: string, assessmentId: string): Promise<string> {
  return (
    await db
      .insertInto('assessmentReviews')
      .values({ clientId, assessmentId, requestedBy: null, requestedVia: 'staff', reason: 'Test review' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function makeAttachment(db: Db, clientId: string, organizationId: string): Promise<string> {
  const content = Buffer.from('Curriculum vitae (test)');
  return (
    await db
      .insertInto('clientAttachments')
      .values({
        clientId,
        organizationId,
        uploadedBy: null,
        kind: 'resume',
        fileName: 'cv.txt',
        contentType: 'text/plain',
        sizeBytes: content.length,
        sha256: crypto.createHash('sha256').update(content).digest('hex'),
        content,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function makeAccessRequest(db: Db, clientId: string, requestingOrganizationId: string): Promise<string> {
  return (
    await db
      .insertInto('clientAccessRequests')
      .values({ clientId, requestingOrganizationId, requestedBy: null, reason: 'Test request' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

// A directory listing of an organization, through the service as the system actor.
export async function makeService(
  db: Db,
  organizationId: string,
  overrides: Partial<z.input<typeof newServiceSchema>> = {},
): Promise<{ id: string }> {
  const input = newServiceSchema.parse({
    name: `Test service ${crypto.randomBytes(4).toString('hex')}`,
    description: 'A program that helps people find and keep work.',
    interventionTypes: ['employment_services'],
    organizationId,
    ...overrides,
  });
  return withTransaction(db, (trx) => createService(trx, systemActor('test'), input, momentNow()));
}

// A job order of the employer, posted by the system: a line cook's job that pays the living wage.
export async function makeJobOrder(
  db: Db,
  employerId: string,
  overrides: Partial<z.input<typeof newJobOrderSchema>> = {},
): Promise<{ id: string }> {
  const input = newJobOrderSchema.parse({
    employerId,
    title: `Line cook ${crypto.randomBytes(4).toString('hex')}`,
    nocCode: '63200',
    description: 'Prepare and cook meals in a busy neighbourhood restaurant kitchen.',
    hoursPerWeek: 35,
    schedule: 'predictable',
    hourlyWage: 27.5,
    permanence: 'permanent',
    workplace: 'on_site',
    postalCode: 'M6K 1X9',
    openings: 2,
    ...overrides,
  });
  return withTransaction(db, (trx) =>
    createJobOrder(trx, systemActor('test'), input, { moment: momentNow(), model: getDecentWorkModel() }),
  );
}

// A placement of the client for the job order, proposed by the agency; past `proposed` it was shared
// with the employer under a consent naming the employer for a placement (name and work history).
export async function makePlacement(
  db: Db,
  options: {
    clientId: string;
    organizationId: string;
    jobOrderId: string;
    status?: 'proposed' | 'shared' | 'interview' | 'offer' | 'hired';
  },
): Promise<string> {
  return withTransaction(db, async (trx) => {
    const job = await trx
      .selectFrom('jobOrders')
      .select('employerId')
      .where('id', '=', options.jobOrderId)
      .executeTakeFirstOrThrow();
    const status = options.status ?? 'proposed';
    const consent =
      status === 'proposed'
        ? undefined
        : await trx
            .insertInto('consents')
            .values({
              clientId: options.clientId,
              organizationId: job.employerId,
              recordedByOrganizationId: options.organizationId,
              recordedBy: null,
              categories: ['identity_contact', 'employment'],
              purpose: 'placement',
              method: 'written',
              evidence: 'Signed consent form (test)',
              startsOn: '2020-01-01',
              expiresOn: '2099-12-31',
            })
            .returning('id')
            .executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto('placements')
      .values({
        clientId: options.clientId,
        jobOrderId: options.jobOrderId,
        employerId: job.employerId,
        organizationId: options.organizationId,
        proposedBy: null,
        pitch: null,
        status,
        consentId: consent?.id ?? null,
        sharedAt: consent ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('placementEvents')
      .values({
        placementId: id,
        status,
        reason: null,
        note: null,
        actorId: null,
        organizationId: options.organizationId,
      })
      .execute();
    return id;
  });
}

// An employer event hosted by the organization, a month from now, with these employers taking part.
export async function makeHiringEvent(
  db: Db,
  organizationId: string,
  options: { employerIds?: string[] } = {},
): Promise<string> {
  return withTransaction(db, async (trx) => {
    const starts = new Date(Date.now() + 30 * 86_400_000);
    const { id } = await trx
      .insertInto('hiringEvents')
      .values({
        organizationId,
        createdBy: null,
        kind: 'job_fair',
        title: `Job fair ${crypto.randomBytes(4).toString('hex')}`,
        description: null,
        startsAt: starts,
        endsAt: new Date(starts.getTime() + 4 * 3_600_000),
        online: false,
        address: '100 Queen Street West',
        postalCode: 'M5H 2N2',
        capacity: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const employerId of options.employerIds ?? [])
      await trx
        .insertInto('hiringEventEmployers')
        .values({ eventId: id, employerId, addedBy: null, addedByOrganizationId: organizationId })
        .execute();
    return id;
  });
}

// A client registered for an event by an agency.
export async function makeRegistration(
  db: Db,
  options: { eventId: string; clientId: string; organizationId: string },
): Promise<string> {
  const { id } = await db
    .insertInto('hiringEventRegistrations')
    .values({ ...options, registeredBy: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
