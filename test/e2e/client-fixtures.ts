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
export async function seedPerson(server: TestServer, organization: SeedName, roles: Role[], password: string): Promise<Person> {
  const user = await makeUser(server.db, { organizationId: server.organizations[organization].id, roles, password });
  return { email: user.email, password, displayName: user.displayName };
}

export type Api = {
  post: <T>(path: string, body: unknown) => Promise<T>;
};

// Requests as a person, over HTTP, with a session of their own (the browser's stays untouched).
export async function apiAs(server: TestServer, email: string): Promise<Api> {
  const user = await server.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const session = await makeSession(server.db, user);
  return {
    post: async <T>(path: string, body: unknown): Promise<T> => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { ...session.headers, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
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

export const margueriteIdentity = { givenName: 'Marguerite', familyName: 'Tremblay-Okafor', dateOfBirth: '1979-05-14' } as const;

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
    { nocCode: '65201', jobTitle: 'Counter attendant', employerName: 'Queen Street Diner', startDate: '2012-06-01', endDate: '2019-12-31', hoursPerWeek: 30 },
    { nocCode: '63200', jobTitle: 'Line cook', startDate: '2020-02-01', endDate: '2021-03-31' },
  ],
  goals: { statement: 'Work as a cook again, with daytime hours', targetNocCodes: ['63200'], hoursWanted: 30, timeHorizon: 'within_6_months' },
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
  const revoked = await counsellor.post<Consent>(`/api/clients/${marguerite.id}/consents/${training.id}/revoke`, { method: 'phone', reason: 'Chose another training program' });
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
