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

// Employer events (issue 14, point 6): listed publicly, kept by the host and those who keep every event,
// employers taking part with their own job orders (and told when an agency puts them in), clients
// registered by an agency that may read the file, attendance, placements proposed from the event counted
// in its results, and a cancellation that reaches everyone who counted on it.

describeEachEngine('employer events', ({ handle }) => {
  let app: AppInstance;
  const clock = testClock('2026-12-03T15:00:00Z');
  let agency: Organization;
  let elsewhere: Organization;
  let employer: Organization;
  let otherEmployer: Organization;
  let developer: TestSession;
  let counsellor: TestSession;
  let outsider: TestSession;
  let outsiderManager: TestSession;
  let employerUser: TestSession;
  let employerUserId: string;
  let otherEmployerUser: TestSession;
  let developerId: string;
  let counsellorId: string;
  let clientId: string;
  let strangerClientId: string;
  let jobId: string;
  let otherJobId: string;
  let eventId: string;
  let registrationId: string;
  const fair = {
    kind: 'job_fair',
    title: 'Scarborough hospitality job fair',
    description: 'Meet hotels and restaurants hiring for the holidays. Bring your résumé.',
    startsAt: '2026-12-10T15:00:00.000Z',
    endsAt: '2026-12-10T20:00:00.000Z',
    address: '150 Borough Drive',
    postalCode: 'm1p 4n6',
    capacity: 2,
  };

  beforeAll(async () => {
    app = await testApp(handle(), { clock });
    const db = handle().db;
    agency = await makeOrganization(db);
    elsewhere = await makeOrganization(db, { type: 'community_agency' });
    employer = await makeOrganization(db, { type: 'employer', name: 'Harbourfront Hotel' });
    otherEmployer = await makeOrganization(db, { type: 'employer', name: 'Kingston Road Diner' });
    const dev = await makeUser(db, { organizationId: agency.id, roles: ['job_developer'] });
    developerId = dev.id;
    developer = await makeSession(db, dev);
    const couns = await makeUser(db, { organizationId: agency.id });
    counsellorId = couns.id;
    counsellor = await makeSession(db, couns);
    outsider = await makeSession(db, await makeUser(db, { organizationId: elsewhere.id }));
    outsiderManager = await makeSession(
      db,
      await makeUser(db, { organizationId: elsewhere.id, roles: ['agency_manager'] }),
    );
    const eu = await makeUser(db, { organizationId: employer.id, roles: ['employer_user'] });
    employerUserId = eu.id;
    employerUser = await makeSession(db, eu);
    otherEmployerUser = await makeSession(
      db,
      await makeUser(db, { organizationId: otherEmployer.id, roles: ['employer_user'] }),
    );
    clientId = (await makeClient(db, { organizationId: agency.id })).id;
    strangerClientId = (await makeClient(db, { organizationId: agency.id })).id;
    jobId = (await makeJobOrder(db, employer.id, { title: 'Room attendant', nocCode: '65310' })).id;
    otherJobId = (await makeJobOrder(db, otherEmployer.id, { title: 'Line cook', nocCode: '63200' })).id;
  });
  afterAll(async () => app.close());

  const send = (
    session: TestSession | undefined,
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => app.inject({ method, url, headers: session?.headers ?? {}, ...(payload ? { payload: payload as object } : {}) });
  const get = (session: TestSession | undefined, url: string) => app.inject({ url, headers: session?.headers ?? {} });
  const notificationsOf = async (userId: string, kind: string) =>
    handle()
      .db.selectFrom('notifications')
      .select(['subjectId'])
      .where('userId', '=', userId)
      .where('kind', '=', kind as 'hiring_event_joined')
      .execute();

  it('lists an event for the host, refusing a bad one in words and writing nothing', async () => {
    const before = await handle()
      .db.selectFrom('hiringEvents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const backwards = await send(developer, 'POST', '/api/hiring-events', { ...fair, endsAt: '2026-12-10T14:00:00Z' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toMatchObject({ field: 'endsAt', code: 'event_ends_before_start' });
    const nowhere = await send(developer, 'POST', '/api/hiring-events', { ...fair, address: null });
    expect(nowhere.json().errors[0]).toMatchObject({ field: 'address', code: 'event_place_needed' });
    const past = await send(developer, 'POST', '/api/hiring-events', {
      ...fair,
      startsAt: '2026-11-10T15:00:00Z',
      endsAt: '2026-11-10T17:00:00Z',
    });
    expect(past.json().errors[0]).toMatchObject({ field: 'endsAt', code: 'event_in_past' });
    const tooLong = await send(developer, 'POST', '/api/hiring-events', { ...fair, endsAt: '2026-12-20T15:00:00Z' });
    expect(tooLong.json().errors[0]).toMatchObject({ code: 'event_too_long' });
    const after = await handle()
      .db.selectFrom('hiringEvents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);

    const made = await send(developer, 'POST', '/api/hiring-events', fair);
    expect(made.statusCode, made.body).toBe(201);
    eventId = made.json().id;
    expect(made.json()).toMatchObject({
      host: { id: agency.id },
      status: 'planned',
      postalCode: 'M1P 4N6',
      mayManage: true,
      results: { registered: 0, attended: 0, proposed: 0, interviews: 0, hires: 0 },
    });
    // An employer's staff list their own hiring event, hosted by their organization; a counsellor keeps none.
    const own = await send(employerUser, 'POST', '/api/hiring-events', {
      ...fair,
      kind: 'hiring_event',
      title: 'Harbourfront Hotel open hiring day',
      online: true,
      address: null,
      postalCode: null,
    });
    expect(own.json()).toMatchObject({ host: { id: employer.id }, mayManage: true, online: true });
    expect((await send(counsellor, 'POST', '/api/hiring-events', fair)).statusCode).toBe(403);
  });

  it('shows the listing to anyone, soonest first; a random id is 404', async () => {
    const list = (await get(undefined, '/api/hiring-events?kind=job_fair&perPage=100')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toContain(eventId);
    const starts = list.items.map((e: { startsAt: string }) => e.startsAt);
    expect([...starts].sort()).toEqual(starts);
    const page = (await get(undefined, `/api/hiring-events/${eventId}`)).json();
    expect(page).toMatchObject({ title: fair.title, mayManage: false, mayRegister: false, results: null, mine: null });
    expect((await get(undefined, `/api/hiring-events/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await get(undefined, '/api/hiring-events/not-an-id')).statusCode).toBe(404);
    const past = (await get(undefined, '/api/hiring-events?when=past&perPage=100')).json();
    expect(past.items.map((e: { id: string }) => e.id)).not.toContain(eventId);
  });

  it('puts in an employer with its own open job orders, and tells the employer', async () => {
    const wrongJob = await send(developer, 'PUT', `/api/hiring-events/${eventId}/employers/${employer.id}`, {
      jobOrderIds: [jobId, otherJobId],
    });
    expect(wrongJob.statusCode).toBe(400);
    expect(wrongJob.json().errors[0]).toMatchObject({ field: 'jobOrderIds.1', code: 'job_not_of_employer' });
    expect(await notificationsOf(employerUserId, 'hiring_event_joined')).toEqual([]);
    const added = await send(developer, 'PUT', `/api/hiring-events/${eventId}/employers/${employer.id}`, {
      jobOrderIds: [jobId],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ employers: 1, jobsOnOffer: 1 });
    expect(await notificationsOf(employerUserId, 'hiring_event_joined')).toEqual([{ subjectId: eventId }]);
    const inbox = (await get(employerUser, '/api/notifications')).json();
    expect(inbox.items).toContainEqual(
      expect.objectContaining({ kind: 'hiring_event_joined', subjectId: eventId, eventTitle: fair.title }),
    );
    // Not an employer: 404; another employer's staff may not change this one's part (403, audited).
    expect(
      (await send(developer, 'PUT', `/api/hiring-events/${eventId}/employers/${agency.id}`, { jobOrderIds: [] }))
        .statusCode,
    ).toBe(404);
    const meddling = await send(otherEmployerUser, 'PUT', `/api/hiring-events/${eventId}/employers/${employer.id}`, {
      jobOrderIds: [],
    });
    expect(meddling.statusCode).toBe(403);
    const denied = await handle()
      .db.selectFrom('auditLog')
      .select(['outcome', 'action'])
      .where('requestId', '=', String(meddling.headers['x-request-id']))
      .execute();
    expect(denied).toContainEqual({ outcome: 'denied', action: 'event.manage' });
    // An employer joins by itself, with its own job order: nobody to tell.
    const joined = await send(otherEmployerUser, 'PUT', `/api/hiring-events/${eventId}/employers/${otherEmployer.id}`, {
      jobOrderIds: [otherJobId],
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({ employers: 2, jobsOnOffer: 2, mayTakePart: true, mayManage: false });
  });

  it('shows the job orders on offer to agency staff, to an employer only its own, to the public as counts', async () => {
    const staff = (await get(outsider, `/api/hiring-events/${eventId}`)).json();
    expect(
      staff.participants
        .map((p: { jobs: { id: string }[] }) => p.jobs.map((j) => j.id))
        .flat()
        .sort(),
    ).toEqual([jobId, otherJobId].sort());
    const mine = (await get(employerUser, `/api/hiring-events/${eventId}`)).json();
    const byId = Object.fromEntries(mine.participants.map((p: { id: string }) => [p.id, p]));
    expect(byId[employer.id].jobs.map((j: { id: string }) => j.id)).toEqual([jobId]);
    expect(byId[otherEmployer.id]).toMatchObject({ jobs: null, jobCount: 1 });
    const anyone = (await get(undefined, `/api/hiring-events/${eventId}`)).json();
    expect(anyone.participants.every((p: { jobs: unknown }) => p.jobs === null)).toBe(true);
    expect(anyone.participants.map((p: { name: string }) => p.name).sort()).toEqual([
      'Harbourfront Hotel',
      'Kingston Road Diner',
    ]);
  });

  it('registers clients the worker may read, once each, up to the capacity; others are 404', async () => {
    const made = await send(counsellor, 'POST', `/api/clients/${clientId}/hiring-events`, { eventId });
    expect(made.statusCode, made.body).toBe(201);
    registrationId = made.json().id;
    expect(made.json()).toMatchObject({ event: { id: eventId }, agency: { id: agency.id }, attended: null });
    const again = await send(counsellor, 'POST', `/api/clients/${clientId}/hiring-events`, { eventId });
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe('already_registered');
    // Another agency's client without a consent: as a random id.
    const hidden = await send(outsider, 'POST', `/api/clients/${strangerClientId}/hiring-events`, { eventId });
    expect(hidden.statusCode).toBe(404);
    // With a consent naming that agency (employment included), it may.
    await makeConsent(handle().db, {
      clientId: strangerClientId,
      organizationId: elsewhere.id,
      recordedByOrganizationId: agency.id,
      categories: ['identity_contact', 'employment'],
    });
    const consented = await send(outsider, 'POST', `/api/clients/${strangerClientId}/hiring-events`, { eventId });
    expect(consented.statusCode, consented.body).toBe(201);
    // The two places are taken.
    const third = (await makeClient(handle().db, { organizationId: agency.id })).id;
    const full = await send(counsellor, 'POST', `/api/clients/${third}/hiring-events`, { eventId });
    expect(full.statusCode).toBe(409);
    expect(full.json().reason).toBe('event_full');
    const unknown = await send(counsellor, 'POST', `/api/clients/${third}/hiring-events`, {
      eventId: crypto.randomUUID(),
    });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'eventId', code: 'unknown_event' });
    const audit = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'purpose', 'clientId'])
      .where('recordId', '=', registrationId)
      .execute();
    expect(audit).toContainEqual({ action: 'event.register', purpose: 'hiring_event', clientId });
  });

  it("lists to each agency its own registrations, named, and the client's file lists them", async () => {
    const own = (await get(counsellor, `/api/hiring-events/${eventId}/registrations`)).json();
    expect(own.items.map((r: { client: { id: string } }) => r.client.id)).toEqual([clientId]);
    expect(own.items[0].client.name).toEqual(expect.any(String));
    const theirs = (await get(outsider, `/api/hiring-events/${eventId}/registrations`)).json();
    expect(theirs.items.map((r: { client: { id: string } }) => r.client.id)).toEqual([strangerClientId]);
    expect((await get(employerUser, `/api/hiring-events/${eventId}/registrations`)).statusCode).toBe(403);
    const page = (await get(counsellor, `/api/hiring-events/${eventId}`)).json();
    expect(page).toMatchObject({ mine: { registered: 1, attended: 0 }, mayRegister: true, results: null });
    // The agency holding the file sees every registration; the consented agency its own.
    const file = (await get(counsellor, `/api/clients/${strangerClientId}/hiring-events`)).json();
    expect(file.items.map((r: { agency: { id: string } }) => r.agency.id)).toEqual([elsewhere.id]);
    const read = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'purpose'])
      .where('actorUserId', '=', counsellorId)
      .where('recordType', '=', 'hiring_event_registration')
      .where('action', '=', 'event.read')
      .execute();
    expect(read.length).toBeGreaterThanOrEqual(2);
  });

  it('records attendance once the event has started, by the registering agency only', async () => {
    const url = `/api/hiring-events/${eventId}/registrations/${registrationId}`;
    const early = await send(counsellor, 'PATCH', url, { attended: true });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ code: 'event_not_started' });
    clock.set('2026-12-10T16:00:00Z');
    expect((await send(outsider, 'PATCH', url, { attended: true })).statusCode).toBe(404);
    const came = await send(counsellor, 'PATCH', url, { attended: true });
    expect(came.statusCode, came.body).toBe(200);
    expect(came.json().attended).toBe(true);
    expect((await send(counsellor, 'PATCH', url, {})).statusCode).toBe(400);
  });

  it('counts the placements proposed from the event: interviews and hires, for those who keep it', async () => {
    const notOnOffer = (await makeJobOrder(handle().db, employer.id, { title: 'Night auditor' })).id;
    const refused = await send(developer, 'POST', `/api/clients/${clientId}/placements`, {
      jobOrderId: notOnOffer,
      hiringEventId: eventId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'hiringEventId', code: 'job_not_on_offer' });
    const proposed = await send(developer, 'POST', `/api/clients/${clientId}/placements`, {
      jobOrderId: jobId,
      hiringEventId: eventId,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const placementId = proposed.json().id;
    const shared = await send(counsellor, 'POST', `/api/placements/${placementId}/steps`, {
      status: 'shared',
      consent: { categories: ['identity_contact', 'employment'], method: 'in_person', evidence: 'Agreed at the fair.' },
    });
    expect(shared.statusCode, shared.body).toBe(200);
    for (const step of [
      { status: 'interview' },
      { status: 'offer' },
      { status: 'hired', employment: { startDate: '2026-12-14', hoursPerWeek: 32, hourlyWage: 21 } },
    ]) {
      const res = await send(employerUser, 'POST', `/api/placements/${placementId}/steps`, step);
      expect(res.statusCode, res.body).toBe(200);
    }
    const kept = (await get(outsiderManager, `/api/hiring-events/${eventId}`)).json();
    expect(kept.results).toEqual({ registered: 2, attended: 1, proposed: 1, interviews: 1, hires: 1 });
    expect((await get(counsellor, `/api/hiring-events/${eventId}`)).json().results).toBeNull();
  });

  it('is marked held once started; a cancelled event tells those who counted on it and changes no more', async () => {
    const db = handle().db;
    clock.set('2026-12-03T16:00:00Z');
    const next = (
      await send(developer, 'POST', '/api/hiring-events', {
        ...fair,
        title: 'Warehouse networking breakfast',
        kind: 'networking',
        capacity: null,
      })
    ).json().id;
    await send(developer, 'PUT', `/api/hiring-events/${next}/employers/${employer.id}`, { jobOrderIds: [] });
    await send(counsellor, 'POST', `/api/clients/${clientId}/hiring-events`, { eventId: next });
    const early = await send(developer, 'PATCH', `/api/hiring-events/${next}`, { status: 'held' });
    expect(early.json().errors[0]).toMatchObject({ code: 'event_not_started' });
    expect((await send(counsellor, 'PATCH', `/api/hiring-events/${next}`, { status: 'cancelled' })).statusCode).toBe(
      403,
    );
    const cancelled = await send(developer, 'PATCH', `/api/hiring-events/${next}`, { status: 'cancelled' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect(await notificationsOf(counsellorId, 'hiring_event_cancelled')).toEqual([{ subjectId: next }]);
    expect(await notificationsOf(employerUserId, 'hiring_event_cancelled')).toEqual([{ subjectId: next }]);
    // The one who cancelled is not told of their own act.
    expect(await notificationsOf(developerId, 'hiring_event_cancelled')).toEqual([]);
    const again = await send(developer, 'PATCH', `/api/hiring-events/${next}`, { title: 'Renamed breakfast' });
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe('event_cancelled');
    const late = await send(outsider, 'POST', `/api/clients/${strangerClientId}/hiring-events`, { eventId: next });
    expect(late.json().reason).toBe('event_closed');
    const title = await db.selectFrom('hiringEvents').select('title').where('id', '=', next).executeTakeFirstOrThrow();
    expect(title.title).toBe('Warehouse networking breakfast');
    clock.set('2026-12-10T16:00:00Z');
    const held = await send(developer, 'PATCH', `/api/hiring-events/${eventId}`, { status: 'held' });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().status).toBe('held');
  });
});
