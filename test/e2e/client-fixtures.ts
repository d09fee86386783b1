import { makeSession, makeUser } from '../factories.ts';
import type { Role } from '../../src/domain/accounts/account.ts';
import type { ClientView } from '../../src/domain/clients/client.ts';
import type { Assessment } from '../../src/domain/assessment/assessment.ts';
import type { Consent } from '../../src/domain/consent/consent.ts';
import type { SeedName, TestServer } from './harness.ts';

// Client records for the browser suites, made through the real API (intake, assessment, consent) so
// the pages show what the server really answers. No vitest imports: plain helpers.

export type Person = { email: string; password: string; displayName: string };

// A person with a real password (to sign in as) at one of the seeded organizations.
export async function seedPerson(
  server: TestServer,
  organization: SeedName,
  roles: Role[],
  password: string,
): Promise<Person> {
  const user = await makeUser(server.db, { organizationId: server.organizations[organization].id, roles, password });
  return { email: user.email, password, displayName: user.displayName };
}

export type Api = {
  post: <T>(path: string, body?: unknown) => Promise<T>;
  get: <T>(path: string) => Promise<T>;
};

// Requests as a person, over HTTP, with a session of their own (the browser's stays untouched).
export async function apiAs(server: TestServer, email: string): Promise<Api> {
  const user = await server.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const session = await makeSession(server.db, user);
  return {
    post: async <T>(path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: {
          ...session.headers,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    get: async <T>(path: string): Promise<T> => {
      const response = await fetch(`${server.url}${path}`, {
        headers: { ...session.headers, accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

// A date a number of months from today, as YYYY-MM-DD (for consent end dates).
export function monthsFromToday(months: number): string {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

export const margueriteIdentity = {
  givenName: 'Marguerite',
  familyName: 'Tremblay-Okafor',
  dateOfBirth: '1979-05-14',
} as const;

// A full record: every part of the file has something to show.
export const margueriteRecord = {
  ...margueriteIdentity,
  preferredName: 'Maggie',
  pronouns: 'she/her',
  preferredLanguage: 'fr',
  otherLanguages: ['Yoruba'],
  email: 'marguerite.t@example.org',
  phone: '416-555-0123',
  streetAddress: '55 Gerrard St E',
  postalCode: 'M5B 1G3',
  educationLevel: 'high_school',
  literacyNumeracy: 'functional',
  incomeSource: 'ontario_works',
  workHistory: [
    {
      nocCode: '65201',
      jobTitle: 'Counter attendant',
      employerName: 'Queen Street Diner',
      startDate: '2012-06-01',
      endDate: '2019-12-31',
      hoursPerWeek: 30,
    },
    { nocCode: '63200', jobTitle: 'Line cook', startDate: '2020-02-01', endDate: '2021-03-31' },
  ],
  goals: {
    statement: 'Work as a cook again, with daytime hours',
    targetNocCodes: ['63200'],
    hoursWanted: 30,
    timeHorizon: 'within_6_months',
  },
  barriers: [
    { kind: 'housing', status: 'active' },
    { kind: 'childcare', status: 'resolved' },
  ],
  accommodations: [{ kind: 'scheduling', disabilityRelated: false, description: 'Daytime shifts only' }],
  externalIds: [{ kind: 'ontario_works', value: 'OW-7788123' }],
  equity: { francophone: true, newcomer: true, arrivalYear: 2011, racializedGroup: ['black'] },
};

export type ClientFixtures = {
  // A caseworker at the social assistance office, who sees Marguerite's file through a consent.
  caseworker: Person;
  // Held by Riverdale, assessed by its counsellor, with an active consent and a revoked one.
  marguerite: ClientView;
  assessment: Assessment;
  consents: Consent[];
};

const seeded = new WeakMap<TestServer, Promise<ClientFixtures>>();

async function seed(server: TestServer): Promise<ClientFixtures> {
  const caseworker = await seedPerson(server, 'socialAssistance', ['caseworker'], 'ferry to ward island at dawn');
  const counsellor = await apiAs(server, server.user.email);
  const marguerite = await counsellor.post<ClientView>('/api/clients', margueriteRecord);
  const assessment = await counsellor.post<Assessment>(`/api/clients/${marguerite.id}/assessments`, {});
  const shared = await counsellor.post<Consent>(`/api/clients/${marguerite.id}/consents`, {
    organizationId: server.organizations.socialAssistance.id,
    categories: ['identity_contact', 'employment'],
    purpose: 'integrated_case_management',
    method: 'written',
    evidence: 'Signed consent form, scanned to the file',
    expiresOn: monthsFromToday(12),
  });
  const training = await counsellor.post<Consent>(`/api/clients/${marguerite.id}/consents`, {
    organizationId: server.organizations.training.id,
    categories: ['employment'],
    purpose: 'referral',
    method: 'in_person',
    evidence: 'Agreed in person at intake',
    expiresOn: monthsFromToday(6),
  });
  const revoked = await counsellor.post<Consent>(`/api/clients/${marguerite.id}/consents/${training.id}/revoke`, {
    method: 'phone',
    reason: 'Chose another training program',
  });
  // Someone with the same name and birth date at the social assistance office (confirmed as another
  // person there), so Riverdale's duplicate search finds a record it may not see.
  const social = await apiAs(server, caseworker.email);
  await social.post<ClientView>('/api/clients', {
    ...margueriteIdentity,
    educationLevel: 'college',
    incomeSource: 'ontario_works',
    notADuplicate: { reason: 'Different person: another address and health card, checked with the client' },
  });
  return { caseworker, marguerite, assessment, consents: [shared, revoked] };
}

// Seeds once per server, whichever suite or test asks first.
export function clientFixtures(server: TestServer): Promise<ClientFixtures> {
  let fixtures = seeded.get(server);
  if (!fixtures) {
    fixtures = seed(server);
    seeded.set(server, fixtures);
  }
  return fixtures;
}

let ready: ClientFixtures | undefined;
// For page paths, which are synchronous: the fixtures after clientFixtures(server) has resolved.
export async function ensureClientFixtures(server: TestServer): Promise<ClientFixtures> {
  ready = await clientFixtures(server);
  return ready;
}
export function seededClients(): ClientFixtures {
  if (!ready) throw new Error('call ensureClientFixtures(server) first (in the page case’s before)');
  return ready;
}

// Case management on top of the client fixtures, seeded through the API once per server, each part
// only when a suite asks for it (so a journey that changes a part starts from a known state).
function once<T>(name: string, seedIt: (server: TestServer) => Promise<T>): (server: TestServer) => Promise<T> {
  const seededBy = new WeakMap<TestServer, Promise<T>>();
  return (server) => {
    let value = seededBy.get(server);
    if (!value) {
      value = seedIt(server).catch((error: unknown) => {
        throw new Error(`seeding ${name} failed: ${String(error)}`);
      });
      seededBy.set(server, value);
    }
    return value;
  };
}

// Today in Toronto, as the server counts due dates.
export function todayInToronto(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Toronto',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export const dmitriRecord = {
  givenName: 'Dmitri',
  familyName: 'Oyelaran-Castillo',
  dateOfBirth: '1991-02-03',
  preferredLanguage: 'en',
  educationLevel: 'college',
  incomeSource: 'ei',
  barriers: [{ kind: 'transportation', status: 'active' }],
};

export type CaseFixtures = {
  // Marguerite's corrected case-team note, and the text it first had.
  correctedNote: { id: string; firstBody: string; body: string };
  // A second client of Riverdale's counsellor, with a transfer under way and a review asked for.
  dmitri: ClientView;
};

// Marguerite's file gets a corrected note, a note for her, a plan, a recurring check-in and a résumé;
// Dmitri's a transfer request and a review request; Riverdale asks the social assistance office for
// access to its namesake's record.
export const caseFixtures = once('case fixtures', async (server): Promise<CaseFixtures> => {
  const { marguerite } = await clientFixtures(server);
  const counsellor = await apiAs(server, server.user.email);
  const id = marguerite.id;
  const firstBody = 'Met Marguerite at the Danforth office. Housing search under way with the shelter worker.';
  const note = await counsellor.post<{ id: string }>(`/api/clients/${id}/notes`, {
    kind: 'contact',
    visibility: 'case_team',
    body: firstBody,
  });
  const body =
    'Met Marguerite at the Danforth office. Housing search under way with the housing worker of Weston Community Services.';
  const corrected = await counsellor.post<{ id: string }>(`/api/clients/${id}/notes/${note.id}/corrections`, { body });
  await counsellor.post(`/api/clients/${id}/notes`, {
    kind: 'plan',
    visibility: 'client',
    body: 'Bring your résumé to the workshop on Monday at 10.',
  });
  const plan = await counsellor.post<{ goals: { id: string }[] }>(`/api/clients/${id}/plan/goals`, {
    description: 'Work as a cook again, with daytime hours',
    targetDate: monthsFromToday(6),
  });
  await counsellor.post(`/api/clients/${id}/plan/steps`, {
    phase: 'life_stabilization',
    title: 'Find stable housing',
    goalId: plan.goals[0]?.id,
  });
  await counsellor.post(`/api/clients/${id}/plan/steps`, {
    phase: 'job_search',
    title: 'Apply to three kitchens a week',
    startsOn: todayInToronto(),
  });
  await counsellor.post(`/api/clients/${id}/tasks`, {
    title: 'Monthly check-in by phone',
    kind: 'check_in',
    phase: 'before_employment',
    dueOn: todayInToronto(),
    recurrence: 'monthly',
  });
  await counsellor.post(`/api/clients/${id}/attachments`, {
    kind: 'resume',
    fileName: 'marguerite-resume.txt',
    contentType: 'text/plain',
    contentBase64: Buffer.from(
      'Marguerite Tremblay-Okafor\nLine cook, 2020–2021\nCounter attendant, 2012–2019\n',
    ).toString('base64'),
  });

  const dmitri = await counsellor.post<ClientView>('/api/clients', dmitriRecord);
  const assessed = await counsellor.post<{ id: string }>(`/api/clients/${dmitri.id}/assessments`, {});
  await counsellor.post(`/api/clients/${dmitri.id}/transfers`, {
    toOrganizationId: server.organizations.community.id,
    reason: 'Closer to home',
    consent: { categories: ['identity_contact', 'employment'], method: 'in_person', evidence: 'Signed transfer form' },
  });
  await counsellor.post(`/api/clients/${dmitri.id}/assessments/${assessed.id}/reviews`, {
    reason: 'Dmitri found a car pool to work last week.',
  });

  const { matches } = await counsellor.post<{ matches: { kind: string; matchToken?: string }[] }>(
    '/api/clients/duplicates',
    margueriteIdentity,
  );
  const token = matches.find((m) => m.kind === 'possible_existing_record')?.matchToken;
  if (!token) throw new Error('no possible existing record to ask access for');
  await counsellor.post('/api/access-requests', {
    matchToken: token,
    reason: 'She came to us for job search help and named the social assistance office.',
  });
  return { correctedNote: { id: corrected.id, firstBody, body }, dmitri };
});

export const clientAccountPassword = 'a heron over the humber marshes';

// Marguerite's own account: invited by her counsellor, the invitation read from the outbox and
// accepted with a password, as she would from the e-mail.
export const clientAccountFixture = once('client account', async (server): Promise<Person> => {
  const { marguerite } = await clientFixtures(server);
  const counsellor = await apiAs(server, server.user.email);
  const email = margueriteRecord.email;
  await counsellor.post(`/api/clients/${marguerite.id}/account`, { email });
  const message = await server.db
    .selectFrom('outboxMessages')
    .select('bodyText')
    .where('recipient', '=', email)
    .orderBy('createdAt', 'desc')
    .executeTakeFirstOrThrow();
  const token = /#token=([A-Za-z0-9_-]+)/.exec(message.bodyText)?.[1];
  if (!token) throw new Error('no invitation token in the e-mail');
  const accepted = await fetch(`${server.url}/api/auth/accept-invitation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: clientAccountPassword }),
  });
  if (accepted.status !== 204)
    throw new Error(`accepting the invitation answered ${accepted.status}: ${await accepted.text()}`);
  return { email, password: clientAccountPassword, displayName: 'Maggie Tremblay-Okafor' };
});

export type HandoverFixtures = { leaving: Person; receiving: Person; clients: ClientView[] };

// A counsellor leaving Riverdale with two clients, and the colleague who takes them over.
export const handoverFixture = once('handover', async (server): Promise<HandoverFixtures> => {
  const leaving = await seedPerson(server, 'bilingual', ['employment_counsellor'], 'the leslie street spit at sunset');
  const receiving = await seedPerson(server, 'bilingual', ['employment_counsellor'], 'kensington market on a saturday');
  const api = await apiAs(server, leaving.email);
  const clients = [
    await api.post<ClientView>('/api/clients', {
      givenName: 'Anjali',
      familyName: 'Desrosiers-Mensah',
      dateOfBirth: '1985-09-12',
      educationLevel: 'bachelor',
      incomeSource: 'none',
    }),
    await api.post<ClientView>('/api/clients', {
      givenName: 'Tomasz',
      familyName: 'Achterberg-Lui',
      dateOfBirth: '1970-01-30',
      educationLevel: 'high_school',
      incomeSource: 'odsp',
    }),
  ];
  for (const c of clients) {
    await api.post(`/api/clients/${c.id}/assessments`, {});
    await api.post(`/api/clients/${c.id}/notes`, {
      kind: 'contact',
      visibility: 'case_team',
      body: 'First meeting: wants to start a job search this month.',
    });
    await api.post(`/api/clients/${c.id}/tasks`, {
      title: 'Call back about the workshop',
      kind: 'follow_up',
      phase: 'before_employment',
      dueOn: todayInToronto(),
    });
  }
  return { leaving, receiving, clients };
});
