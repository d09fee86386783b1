import { DEFAULT_TIME_ZONE } from '../../server/config.ts';
import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.ts';
import { testApp } from '../../../test/app.ts';
import { makeOrganization, makeSession, makeUser, type TestUser } from '../../../test/factories.ts';
import type { AppInstance } from '../../server/app.ts';
import { addMonths, todayIn } from '../../lib/dates.ts';

const letters = (n: number) => [...crypto.randomBytes(n)].map((b) => 'bcdfghjklmnprstvwz'[b % 18]).join('');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describeEachEngine('the client record: changes, status, equity, attachments and access requests', ({ handle }) => {
  let app: AppInstance;
  let agencyA: string;
  let agencyB: string;
  let counsellorA: TestUser;
  let managerA: TestUser;
  let developerA: TestUser;
  let counsellorB: TestUser;
  const headers = new Map<string, Record<string, string>>();
  const call = (u: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: headers.get(u.id)!,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  beforeAll(async () => {
    app = await testApp(handle());
    const db = handle().db;
    agencyA = (await makeOrganization(db)).id;
    agencyB = (await makeOrganization(db, { type: 'community_agency' })).id;
    counsellorA = await makeUser(db, { organizationId: agencyA, roles: ['employment_counsellor'] });
    managerA = await makeUser(db, { organizationId: agencyA, roles: ['agency_manager'] });
    developerA = await makeUser(db, { organizationId: agencyA, roles: ['job_developer'] });
    counsellorB = await makeUser(db, { organizationId: agencyB, roles: ['employment_counsellor'] });
    for (const u of [counsellorA, managerA, developerA, counsellorB])
      headers.set(u.id, (await makeSession(db, u)).headers);
  });
  afterAll(async () => app.close());

  async function intake(
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; givenName: string; familyName: string; dateOfBirth: string }> {
    const person = {
      givenName: `${letters(1).toUpperCase()}${letters(6)}`,
      familyName: `${letters(1).toUpperCase()}${letters(8)}`,
      dateOfBirth: '1983-11-23',
    };
    const res = await call(counsellorA, 'POST', '/api/clients', {
      ...person,
      educationLevel: 'college',
      incomeSource: 'ei',
      barriers: [{ kind: 'childcare', status: 'active' }],
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id, ...person };
  }

  it('changes the record within the caller’s categories, keeps resolved barriers, and says when a reassessment is due', async () => {
    const { id } = await intake();
    await call(counsellorA, 'POST', `/api/clients/${id}/assessments`, {});
    const changed = await call(counsellorA, 'PATCH', `/api/clients/${id}`, {
      barriers: [
        { kind: 'childcare', status: 'resolved' },
        { kind: 'transportation', status: 'active' },
      ],
      phone: '647-555-0123',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().reassessmentSuggested).toBe(true);
    expect(changed.json().assessment.barriers).toEqual([
      { kind: 'childcare', status: 'resolved' },
      { kind: 'transportation', status: 'active' },
    ]);
    expect(changed.json().identityContact.phone).toBe('647-555-0123');
    // The stream did not change by itself.
    expect((await call(counsellorA, 'GET', `/api/clients/${id}/assessments`)).json().total).toBe(1);
    // A job developer updates goals and work history, not barriers or income.
    expect(
      (
        await call(developerA, 'PATCH', `/api/clients/${id}`, {
          goals: { statement: 'Warehouse work, days only', targetNocCodes: ['75101'] },
        })
      ).statusCode,
    ).toBe(200);
    const refused = await call(developerA, 'PATCH', `/api/clients/${id}`, { incomeSource: 'none' });
    expect(refused.statusCode).toBe(403);
    expect((await call(counsellorB, 'PATCH', `/api/clients/${id}`, { phone: '416-555-0000' })).statusCode).toBe(404);
    expect((await call(counsellorA, 'PATCH', `/api/clients/${id}`, {})).statusCode).toBe(400);
    expect((await call(counsellorA, 'PATCH', `/api/clients/${id}`, { dateOfBirth: '1983-02-31' })).statusCode).toBe(
      400,
    );
  });

  it('corrects a date of birth, audited, and runs the duplicate search again for the corrected person', async () => {
    const mine = await intake();
    // The same person, as it turns out, at agency B: same name, another date of birth on our file.
    const theirs = await call(counsellorB, 'POST', '/api/clients', {
      givenName: mine.givenName,
      familyName: mine.familyName,
      dateOfBirth: '1983-11-28',
      educationLevel: 'college',
      incomeSource: 'ei',
      notADuplicate: { reason: 'Another birth date on the ID shown at intake' },
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    // A change that is not to the identity runs no search.
    const phone = await call(counsellorA, 'PATCH', `/api/clients/${mine.id}`, { phone: '416-555-0188' });
    expect(phone.json().possibleDuplicates).toEqual([]);
    const corrected = await call(counsellorA, 'PATCH', `/api/clients/${mine.id}`, { dateOfBirth: '1983-11-28' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().identityContact.dateOfBirth).toBe('1983-11-28');
    const matches = corrected.json().possibleDuplicates as { kind: string; score: number; matchToken?: string }[];
    // Agency B's record, which agency A may not see: only that it exists, with a token to ask for access.
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ kind: 'possible_existing_record' });
    expect(matches[0]!.score).toBeGreaterThanOrEqual(0.85);
    expect(matches[0]!.matchToken).toBeTruthy();
    expect(corrected.body).not.toContain(theirs.json().id);
    const rows = await handle()
      .db.selectFrom('auditLog')
      .select(['action', 'reason', 'recordIds'])
      .where('clientId', '=', mine.id)
      .where('action', 'in', ['client.update', 'client.search_duplicates'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['fields: dateOfBirth', 'after a correction of the identity: 1 match(es)']),
    );
    expect(rows.find((r) => r.action === 'client.search_duplicates')?.recordIds).toEqual([theirs.json().id]);
    // Not a date: refused, and nothing changes.
    expect((await call(counsellorA, 'PATCH', `/api/clients/${mine.id}`, { dateOfBirth: 'last year' })).statusCode).toBe(
      400,
    );
    expect((await call(counsellorA, 'GET', `/api/clients/${mine.id}`)).json().identityContact.dateOfBirth).toBe(
      '1983-11-28',
    );
  });

  it('holds, resumes, closes with a reason and reopens the file, keeping each change', async () => {
    const { id } = await intake();
    expect((await call(counsellorA, 'POST', `/api/clients/${id}/status`, { status: 'closed' })).statusCode).toBe(400);
    expect((await call(counsellorA, 'POST', `/api/clients/${id}/status`, { status: 'active' })).statusCode).toBe(409);
    for (const change of [
      { status: 'on_hold', note: 'Away for a month' },
      { status: 'active' },
      { status: 'closed', closedReason: 'employed' },
      { status: 'active' },
    ]) {
      const res = await call(counsellorA, 'POST', `/api/clients/${id}/status`, change);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(change.status);
    }
    const timeline = (await call(counsellorA, 'GET', `/api/clients/${id}/timeline`))
      .json()
      .items.filter((e: { kind: string }) => e.kind === 'file_status');
    expect(timeline.map((e: { summary: string }) => e.summary).sort()).toEqual([
      'closed: employed',
      'on_hold',
      'reopened',
      'resumed',
    ]);
    expect((await call(developerA, 'POST', `/api/clients/${id}/status`, { status: 'on_hold' })).statusCode).toBe(403);
  });

  it('keeps equity answers to counsellors and the client', async () => {
    const { id } = await intake();
    const res = await call(counsellorA, 'PUT', `/api/clients/${id}/equity`, {
      racializedGroup: ['black'],
      gender: 'woman',
      newcomer: true,
      arrivalYear: 2021,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().equity).toEqual({
      racializedGroup: ['black'],
      gender: 'woman',
      newcomer: true,
      arrivalYear: 2021,
    });
    expect((await call(managerA, 'PUT', `/api/clients/${id}/equity`, { gender: 'man' })).statusCode).toBe(403);
    expect((await call(counsellorA, 'PUT', `/api/clients/${id}/equity`, { arrivalYear: 2021 })).statusCode).toBe(400);
  });

  it('takes size-capped attachments whose content matches their type, and serves them only to those who may see them', async () => {
    const { id } = await intake();
    const upload = (body: Record<string, unknown>) =>
      call(counsellorA, 'POST', `/api/clients/${id}/attachments`, {
        kind: 'resume',
        fileName: 'cv.pdf',
        contentType: 'application/pdf',
        contentBase64: PDF.toString('base64'),
        ...body,
      });
    const saved = await upload({});
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({
      kind: 'resume',
      sizeBytes: PDF.length,
      sha256: crypto.createHash('sha256').update(PDF).digest('hex'),
    });
    expect((await upload({ contentBase64: Buffer.from('not a pdf').toString('base64') })).statusCode).toBe(400);
    expect((await upload({ contentType: 'application/x-msdownload' })).statusCode).toBe(400);
    expect((await upload({ fileName: '../../etc/passwd' })).statusCode).toBe(400);
    expect((await upload({ contentBase64: '***' })).statusCode).toBe(400);
    const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5 * 1024 * 1024 + 10, 32)]);
    const tooBig = await upload({ contentBase64: big.toString('base64') });
    expect([400, 413]).toContain(tooBig.statusCode);
    const download = await call(counsellorA, 'GET', `/api/clients/${id}/attachments/${saved.json().id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['cache-control']).toContain('no-store');
    expect(Buffer.from(download.rawPayload).equals(PDF)).toBe(true);
    expect(
      (await call(counsellorB, 'GET', `/api/clients/${id}/attachments/${saved.json().id}/content`)).statusCode,
    ).toBe(404);
    expect((await call(counsellorA, 'GET', `/api/clients/${id}/attachments`)).json().total).toBe(1);
    expect(
      await handle().db.selectFrom('clientAttachments').select('id').where('clientId', '=', id).execute(),
    ).toHaveLength(1);
  });

  it('leads a duplicate search outside the caller’s access to an access request, granted through the client’s consent', async () => {
    const person = await intake({ dateOfBirth: '1991-06-02' });
    const search = await call(counsellorB, 'POST', '/api/clients/duplicates', {
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: '1991-06-02',
    });
    const match = search.json().matches[0];
    expect(match.kind).toBe('possible_existing_record');
    expect(match.matchToken).not.toContain(person.id);
    // Another agency cannot use the token: it is sealed to the organization that searched.
    const stolen = await call(counsellorA, 'POST', '/api/access-requests', {
      matchToken: match.matchToken,
      reason: 'x',
    });
    expect(stolen.statusCode).toBe(400);
    expect(
      (
        await call(managerA, 'POST', '/api/access-requests', {
          matchToken: `${match.matchToken.slice(0, -4)}AAAA`,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(400);
    const asked = await call(counsellorB, 'POST', '/api/access-requests', {
      matchToken: match.matchToken,
      reason: 'She came to us for a referral to a training program',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'open', clientId: null });
    expect(
      (await call(counsellorB, 'POST', '/api/access-requests', { matchToken: match.matchToken, reason: 'again' }))
        .statusCode,
    ).toBe(409);
    // The holding agency's worker is told and sees the request with the client.
    expect((await call(counsellorA, 'GET', '/api/notifications?unread=true')).json().items).toContainEqual(
      expect.objectContaining({ kind: 'access_requested', clientId: person.id }),
    );
    const incoming = (await call(counsellorA, 'GET', '/api/access-requests?direction=incoming'))
      .json()
      .items.find((r: { id: string }) => r.id === asked.json().id);
    expect(incoming).toMatchObject({ clientId: person.id, requestingOrganizationId: agencyB });
    expect(
      (
        await call(counsellorA, 'POST', `/api/access-requests/${asked.json().id}/answer`, {
          decision: 'granted',
          consentId: crypto.randomUUID(),
        })
      ).statusCode,
    ).toBe(400);
    const consent = await call(counsellorA, 'POST', `/api/clients/${person.id}/consents`, {
      organizationId: agencyB,
      categories: ['identity_contact', 'employment'],
      purpose: 'referral',
      method: 'in_person',
      evidence: 'Client agreed at her appointment',
      expiresOn: addMonths(todayIn(DEFAULT_TIME_ZONE), 2),
    });
    const granted = await call(counsellorA, 'POST', `/api/access-requests/${asked.json().id}/answer`, {
      decision: 'granted',
      consentId: consent.json().id,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const outgoing = (await call(counsellorB, 'GET', '/api/access-requests?direction=outgoing'))
      .json()
      .items.find((r: { id: string }) => r.id === asked.json().id);
    expect(outgoing).toMatchObject({ status: 'granted', clientId: person.id });
    expect((await call(counsellorB, 'GET', `/api/clients/${person.id}`)).statusCode).toBe(200);
    expect(
      (await call(counsellorB, 'POST', `/api/access-requests/${asked.json().id}/answer`, { decision: 'declined' }))
        .statusCode,
    ).toBe(404);
  });
});
