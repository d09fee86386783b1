import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from './db.ts';
import { testApp } from './app.ts';
import {
  makeAssessment,
  makeClient,
  makeConsent,
  makeNote,
  makeNotification,
  makeOrganization,
  makeAccessRequest,
  makeAttachment,
  makePlanItem,
  makeReview,
  makeReferral,
  makeService,
  makeJobOrder,
  makePlacement,
  makeHiringEvent,
  makeRegistration,
  makeTransfer,
  makeSession,
  makeTask,
  makeTeamMember,
  makeUser,
  type TestUser,
} from './factories.ts';
import type { Role } from '../src/domain/accounts/account.ts';
import {
  organizationTypes,
  type Organization,
  type OrganizationType,
} from '../src/domain/organizations/organization.ts';
import type { AppInstance } from '../src/server/app.ts';
import type { Db } from '../src/db/database.ts';
import type { UserActor } from '../src/access/actor.ts';
import { actorScopes, rolesAllowedFor } from '../src/access/authorize.ts';
import type { Action, Scope } from '../src/access/permissions.ts';

// Every route, called by every role at every organization type that may hold it (and by a visitor),
// against records of the caller's own organization, of another one, of the caller themself, and a
// random id. The expected answer is worked out from src/access/permissions.ts (itself checked against
// docs/permissions.md), so the routes and the table cannot drift apart. Every refusal (403, or a 404
// for a record the caller may not see) must leave a `denied` audit row with the request's id, and a
// hidden record's 404 must read exactly like a random id's.

type Target = 'none' | 'self' | 'own' | 'other' | 'consented' | 'revoked' | 'random';
type Request = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: Record<string, unknown> };
// `visible`: whether a caller outside the scope can still see the record (the public directory),
// which makes a refusal 403 rather than 404. `ok`: the status when the action is allowed.
type Case = { target: Target; ok: number; visible: boolean; request: (ctx: CaseContext) => Promise<Request> };
type RouteCases = { route: string; action: Action; cases: Case[] };

export type Column = {
  label: string;
  role: Role | undefined;
  organization: Organization | undefined;
  user: TestUser | undefined;
};
type CaseContext = {
  column: Column;
  other: Organization;
  third: Organization;
  loginEmail: string;
  fresh: (organization: Organization, role: Role) => Promise<TestUser>;
  db: Db;
  client: (holder: Organization) => Promise<{ id: string }>;
  // A client of the other organization whose consent names the caller's (all categories), and one whose consent was revoked.
  consented: () => Promise<{ id: string }>;
  revoked: () => Promise<{ id: string }>;
  // A client of that target with an assessment made by the system, and one consent to revoke.
  assessed: (target: 'own' | 'other' | 'consented') => Promise<{ id: string; assessmentId: string }>;
  withConsent: (target: 'own' | 'other' | 'consented') => Promise<{ id: string; consentId: string }>;
};

const LOGIN_PASSWORD = 'ferries to the toronto islands';
const unique = (prefix: string) => `${prefix} ${crypto.randomBytes(5).toString('hex')}`;
// A role the organization's staff may hold and an agency manager may grant, for users made as targets.
const targetRole = (type: OrganizationType): Role => {
  const preferred: Role[] = ['employment_counsellor', 'trainer', 'system_analyst', 'employer_user'];
  return preferred.find((r) => rolesAllowedFor(type).includes(r)) ?? rolesAllowedFor(type)[0]!;
};

const self = (c: CaseContext) => c.column.organization;

const clientTargets = ['own', 'other', 'consented', 'revoked', 'random'] as const;
async function clientFor(c: CaseContext, target: (typeof clientTargets)[number]): Promise<{ id: string }> {
  switch (target) {
    case 'own':
      return c.client(self(c)!);
    case 'other':
      return c.client(c.other);
    case 'consented':
      return c.consented();
    case 'revoked':
      return c.revoked();
    case 'random':
      return { id: crypto.randomUUID() };
    default: {
      const unknown: never = target;
      return unknown;
    }
  }
}
// The same request against a client of each target (own, other, consented, revoked, random): `ok`
// where the table allows it, 404 for a random id.
function onClient(ok: number, method: Request['method'], suffix: string, payload?: Record<string, unknown>): Case[] {
  return clientTargets.map((target) => ({
    target,
    ok: target === 'random' ? 404 : ok,
    visible: false,
    request: async (c: CaseContext) => ({
      method,
      url: `/api/clients/${(await clientFor(c, target)).id}${suffix}`,
      ...(payload ? { payload } : {}),
    }),
  }));
}
const nextYear = () => `${new Date().getUTCFullYear() + 1}-06-30`;
// Someone nobody has met: a random name and birth date, so intake finds no possible duplicate.
const uniquePerson = () => {
  const letters = (n: number) => [...crypto.randomBytes(n)].map((b) => 'bcdfghjklmnprstvwz'[b % 18]).join('');
  const [y, m, d] = [...crypto.randomBytes(3)];
  return {
    givenName: `${letters(1).toUpperCase()}${letters(6)}`,
    familyName: `${letters(1).toUpperCase()}${letters(8)}`,
    dateOfBirth: `${1950 + (y! % 50)}-${String(1 + (m! % 12)).padStart(2, '0')}-${String(1 + (d! % 28)).padStart(2, '0')}`,
  };
};

// An employer for a job-order case: the caller's own organization when it is one (an employer user's
// `own`), and otherwise a new employer (for agency staff `own` and `other` then read alike: `all`).
async function employerFor(c: CaseContext, target: 'own' | 'other'): Promise<{ id: string }> {
  const own = self(c);
  if (target === 'own' && own?.type === 'employer') return own;
  return makeOrganization(c.db, { type: 'employer' });
}

export const routes: RouteCases[] = [
  {
    route: 'GET /api/health',
    action: 'system.health',
    cases: [{ target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/health' }) }],
  },
  {
    route: 'GET /api/system/summary',
    action: 'system.summary',
    cases: [
      { target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/system/summary' }) },
    ],
  },
  {
    route: 'GET /api/openapi.json',
    action: 'system.api_docs',
    cases: [
      { target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/openapi.json' }) },
    ],
  },
  {
    route: 'GET /api/organizations',
    action: 'organization.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/organizations?perPage=5' }),
      },
    ],
  },
  {
    route: 'GET /api/organizations/:id',
    action: 'organization.read',
    cases: [
      {
        target: 'other',
        ok: 200,
        visible: true,
        request: async (c) => ({ method: 'GET', url: `/api/organizations/${c.other.id}` }),
      },
      {
        target: 'random',
        ok: 404,
        visible: true,
        request: async () => ({ method: 'GET', url: `/api/organizations/${crypto.randomUUID()}` }),
      },
    ],
  },
  {
    route: 'POST /api/organizations',
    action: 'organization.create',
    cases: [
      {
        target: 'none',
        ok: 201,
        visible: true,
        request: async () => ({
          method: 'POST',
          url: '/api/organizations',
          payload: { name: unique('Matrix Org'), type: 'employer' },
        }),
      },
    ],
  },
  {
    route: 'PATCH /api/organizations/:id',
    action: 'organization.update',
    cases: [
      {
        target: 'own',
        ok: 200,
        visible: true,
        request: async (c) => ({
          method: 'PATCH',
          url: `/api/organizations/${self(c)?.id}`,
          payload: { phone: '416-555-0150' },
        }),
      },
      {
        target: 'other',
        ok: 200,
        visible: true,
        request: async (c) => ({
          method: 'PATCH',
          url: `/api/organizations/${c.other.id}`,
          payload: { phone: '416-555-0151' },
        }),
      },
    ],
  },
  {
    route: 'POST /api/organizations/:id/sites',
    action: 'site.manage',
    cases: (['own', 'other'] as const).map((target) => ({
      target,
      ok: 201,
      visible: true,
      request: async (c: CaseContext) => ({
        method: 'POST' as const,
        url: `/api/organizations/${target === 'own' ? self(c)?.id : c.other.id}/sites`,
        payload: { name: unique('Site'), streetAddress: '55 John St', postalCode: 'M5V 3C6' },
      }),
    })),
  },
  {
    route: 'PATCH /api/organizations/:id/sites/:siteId',
    action: 'site.manage',
    cases: (['own', 'other'] as const).map((target) => ({
      target,
      ok: 200,
      visible: true,
      request: async (c: CaseContext) => {
        const organization = target === 'own' ? self(c)! : c.other;
        return {
          method: 'PATCH' as const,
          url: `/api/organizations/${organization.id}/sites/${organization.sites[0]!.id}`,
          payload: { wheelchairAccessible: true },
        };
      },
    })),
  },
  {
    route: 'POST /api/auth/login',
    action: 'auth.sign_in',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async (c) => ({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: c.loginEmail, password: LOGIN_PASSWORD },
        }),
      },
    ],
  },
  {
    route: 'POST /api/auth/accept-invitation',
    action: 'auth.accept_invitation',
    // A used or made-up token gets the same 400 from everyone: what matters is that nobody is turned away first.
    cases: [
      {
        target: 'none',
        ok: 400,
        visible: true,
        request: async () => ({
          method: 'POST',
          url: '/api/auth/accept-invitation',
          payload: { token: crypto.randomBytes(32).toString('base64url'), password: LOGIN_PASSWORD },
        }),
      },
    ],
  },
  {
    route: 'POST /api/auth/password-reset',
    action: 'auth.password_reset',
    cases: [
      {
        target: 'none',
        ok: 202,
        visible: true,
        request: async () => ({
          method: 'POST',
          url: '/api/auth/password-reset',
          payload: { email: `${unique('nobody').replace(' ', '-')}@example.org` },
        }),
      },
    ],
  },
  {
    route: 'POST /api/auth/password-reset/complete',
    action: 'auth.password_reset',
    cases: [
      {
        target: 'none',
        ok: 400,
        visible: true,
        request: async () => ({
          method: 'POST',
          url: '/api/auth/password-reset/complete',
          payload: { token: crypto.randomBytes(32).toString('base64url'), password: LOGIN_PASSWORD },
        }),
      },
    ],
  },
  {
    route: 'GET /api/auth/session',
    action: 'session.read',
    cases: [
      { target: 'self', ok: 200, visible: false, request: async () => ({ method: 'GET', url: '/api/auth/session' }) },
    ],
  },
  {
    route: 'POST /api/auth/logout',
    action: 'session.revoke',
    cases: [
      { target: 'self', ok: 204, visible: false, request: async () => ({ method: 'POST', url: '/api/auth/logout' }) },
    ],
  },
  {
    route: 'POST /api/auth/logout-everywhere',
    action: 'session.revoke_all',
    cases: [
      {
        target: 'self',
        ok: 200,
        visible: false,
        request: async () => ({ method: 'POST', url: '/api/auth/logout-everywhere' }),
      },
    ],
  },
  {
    route: 'POST /api/auth/mfa/totp',
    action: 'mfa.enrol',
    cases: [
      { target: 'self', ok: 200, visible: false, request: async () => ({ method: 'POST', url: '/api/auth/mfa/totp' }) },
    ],
  },
  // Runs after the start above, so a made-up code is refused as wrong for anyone allowed to enrol.
  {
    route: 'POST /api/auth/mfa/totp/confirm',
    action: 'mfa.enrol',
    cases: [
      {
        target: 'self',
        ok: 400,
        visible: false,
        request: async () => ({ method: 'POST', url: '/api/auth/mfa/totp/confirm', payload: { code: '123456' } }),
      },
    ],
  },
  {
    route: 'POST /api/users',
    action: 'user.invite',
    cases: [
      {
        target: 'own',
        ok: 201,
        visible: true,
        request: async (c) => ({
          method: 'POST',
          url: '/api/users',
          payload: {
            email: `${unique('invitee').replace(' ', '-')}@agency.example`,
            displayName: 'Matrix Invitee',
            roles: [targetRole(self(c)!.type)],
          },
        }),
      },
      {
        target: 'other',
        ok: 201,
        visible: true,
        request: async (c) => ({
          method: 'POST',
          url: '/api/users',
          payload: {
            organizationId: c.other.id,
            email: `${unique('invitee').replace(' ', '-')}@agency.example`,
            displayName: 'Matrix Invitee',
            roles: ['employment_counsellor'],
          },
        }),
      },
    ],
  },
  {
    route: 'GET /api/users',
    action: 'user.read',
    cases: [
      { target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/users?perPage=5' }) },
    ],
  },
  ...(['user.update_roles', 'user.disable'] as const).map((action): RouteCases => {
    const path = (id: string) =>
      action === 'user.disable'
        ? { method: 'POST' as const, url: `/api/users/${id}/disable` }
        : { method: 'PUT' as const, url: `/api/users/${id}/roles` };
    const body = (role: Role) => (action === 'user.disable' ? {} : { payload: { roles: [role] } });
    return {
      route: action === 'user.disable' ? 'POST /api/users/:id/disable' : 'PUT /api/users/:id/roles',
      action,
      cases: [
        {
          target: 'own',
          ok: 200,
          visible: false,
          request: async (c) => {
            const role = targetRole(self(c)!.type);
            return { ...path((await c.fresh(self(c)!, role)).id), ...body(role) };
          },
        },
        {
          target: 'other',
          ok: 200,
          visible: false,
          request: async (c) => ({
            ...path((await c.fresh(c.other, 'employment_counsellor')).id),
            ...body('caseworker'),
          }),
        },
        {
          target: 'random',
          ok: 404,
          visible: false,
          request: async () => ({ ...path(crypto.randomUUID()), ...body('caseworker') }),
        },
      ],
    };
  }),
  {
    route: 'GET /api/clients/:id/audit',
    action: 'audit.read_by_client',
    cases: [
      {
        target: 'own',
        ok: 200,
        visible: false,
        request: async (c) => ({ method: 'GET', url: `/api/clients/${(await c.client(self(c)!)).id}/audit` }),
      },
      {
        target: 'other',
        ok: 200,
        visible: false,
        request: async (c) => ({ method: 'GET', url: `/api/clients/${(await c.client(c.other)).id}/audit` }),
      },
      {
        target: 'random',
        ok: 404,
        visible: false,
        request: async () => ({ method: 'GET', url: `/api/clients/${crypto.randomUUID()}/audit` }),
      },
    ],
  },
  {
    route: 'GET /api/clients/:id/access-log',
    action: 'audit.read_by_client',
    cases: [
      {
        target: 'own',
        ok: 200,
        visible: false,
        request: async (c) => ({ method: 'GET', url: `/api/clients/${(await c.client(self(c)!)).id}/access-log` }),
      },
      {
        target: 'other',
        ok: 200,
        visible: false,
        request: async (c) => ({ method: 'GET', url: `/api/clients/${(await c.client(c.other)).id}/access-log` }),
      },
      {
        target: 'random',
        ok: 404,
        visible: false,
        request: async () => ({ method: 'GET', url: `/api/clients/${crypto.randomUUID()}/access-log` }),
      },
    ],
  },
  {
    route: 'GET /api/occupations',
    action: 'reference.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/occupations?q=cook' }),
      },
    ],
  },
  {
    route: 'GET /api/occupations/:code',
    action: 'reference.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/occupations/65201' }),
      },
      {
        target: 'random',
        ok: 404,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/occupations/99999' }),
      },
    ],
  },
  {
    route: 'POST /api/clients/duplicates',
    action: 'client.search_duplicates',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({
          method: 'POST',
          url: '/api/clients/duplicates',
          payload: { givenName: 'Amara', familyName: 'Okafor', dateOfBirth: '1984-07-09' },
        }),
      },
    ],
  },
  {
    route: 'POST /api/clients',
    action: 'client.create',
    cases: [
      {
        target: 'none',
        ok: 201,
        visible: true,
        request: async () => ({
          method: 'POST',
          url: '/api/clients',
          payload: { ...uniquePerson(), educationLevel: 'college', incomeSource: 'none' },
        }),
      },
    ],
  },
  {
    route: 'GET /api/clients/:id',
    action: 'client.read',
    cases: onClient(200, 'GET', ''),
  },
  {
    route: 'POST /api/clients/:id/consents',
    action: 'consent.grant',
    cases: clientTargets.map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      request: async (c: CaseContext) => ({
        method: 'POST' as const,
        url: `/api/clients/${(await clientFor(c, target)).id}/consents`,
        payload: {
          organizationId: c.third.id,
          categories: ['identity_contact'],
          purpose: 'referral',
          method: 'written',
          evidence: 'Signed form',
          expiresOn: nextYear(),
        },
      }),
    })),
  },
  {
    route: 'GET /api/clients/:id/consents',
    action: 'consent.read',
    cases: onClient(200, 'GET', '/consents'),
  },
  {
    route: 'POST /api/clients/:id/consents/:consentId/revoke',
    action: 'consent.revoke',
    cases: (['own', 'other', 'consented'] as const).map((target) => ({
      target,
      ok: 200,
      visible: false,
      request: async (c: CaseContext) => {
        const { id, consentId } = await c.withConsent(target);
        return {
          method: 'POST' as const,
          url: `/api/clients/${id}/consents/${consentId}/revoke`,
          payload: { method: 'phone' },
        };
      },
    })),
  },
  {
    route: 'POST /api/clients/:id/assessments',
    action: 'assessment.create',
    cases: onClient(201, 'POST', '/assessments', {}),
  },
  {
    route: 'GET /api/clients/:id/assessments',
    action: 'assessment.read',
    cases: onClient(200, 'GET', '/assessments'),
  },
  {
    route: 'POST /api/clients/:id/assessments/:assessmentId/override',
    action: 'assessment.override',
    cases: (['own', 'other', 'consented'] as const).map((target) => ({
      target,
      ok: 201,
      visible: false,
      request: async (c: CaseContext) => {
        const { id, assessmentId } = await c.assessed(target);
        return {
          method: 'POST' as const,
          url: `/api/clients/${id}/assessments/${assessmentId}/override`,
          payload: { stream: 'A', justification: 'Matrix check of the override rule, long enough' },
        };
      },
    })),
  },
  {
    route: 'GET /api/clients/:id/team',
    action: 'case_team.read',
    cases: onClient(200, 'GET', '/team'),
  },
  {
    route: 'GET /api/clients/:id/team/candidates',
    action: 'case_team.add',
    cases: onClient(200, 'GET', '/team/candidates'),
  },
  {
    route: 'POST /api/clients/:id/team',
    action: 'case_team.add',
    cases: clientTargets.map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      request: async (c: CaseContext) => {
        const holder = target === 'own' ? self(c)! : c.other;
        const member = await c.fresh(holder, targetRole(holder.type));
        return {
          method: 'POST' as const,
          url: `/api/clients/${(await clientFor(c, target)).id}/team`,
          payload: { userId: member.id, teamRole: 'employment_counsellor' },
        };
      },
    })),
  },
  {
    route: 'POST /api/clients/:id/team/:memberId/remove',
    action: 'case_team.remove',
    cases: (['self', 'own', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: false,
      request: async (c: CaseContext) => {
        if (target === 'random')
          return {
            method: 'POST' as const,
            url: `/api/clients/${crypto.randomUUID()}/team/${crypto.randomUUID()}/remove`,
          };
        const holder = target === 'other' ? c.other : self(c)!;
        const made = await c.client(holder);
        // self: the caller's own place on the team; own and other: a colleague's place.
        const userId = target === 'self' ? c.column.user!.id : (await c.fresh(holder, targetRole(holder.type))).id;
        const memberId = await makeTeamMember(c.db, { clientId: made.id, userId, organizationId: holder.id });
        return { method: 'POST' as const, url: `/api/clients/${made.id}/team/${memberId}/remove` };
      },
    })),
  },
  {
    route: 'GET /api/clients/:id/notes',
    action: 'note.read',
    cases: onClient(200, 'GET', '/notes'),
  },
  {
    route: 'POST /api/clients/:id/notes',
    action: 'note.create',
    cases: clientTargets.map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      request: async (c: CaseContext) => ({
        method: 'POST' as const,
        url: `/api/clients/${(await clientFor(c, target)).id}/notes`,
        payload: { kind: 'contact', visibility: 'agency', body: 'Matrix note' },
      }),
    })),
  },
  {
    route: 'POST /api/clients/:id/notes/:noteId/corrections',
    action: 'note.correct',
    // self: the caller's own note about a client of their agency whose case team they are on.
    cases: (['self', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      request: async (c: CaseContext) => {
        if (target === 'random')
          return {
            method: 'POST' as const,
            url: `/api/clients/${crypto.randomUUID()}/notes/${crypto.randomUUID()}/corrections`,
            payload: { body: 'Corrected' },
          };
        const holder = target === 'self' ? self(c)! : c.other;
        const made = await c.client(holder);
        const author = target === 'self' ? c.column.user!.id : (await c.fresh(holder, targetRole(holder.type))).id;
        if (target === 'self')
          await makeTeamMember(c.db, { clientId: made.id, userId: author, organizationId: holder.id });
        const noteId = await makeNote(c.db, { clientId: made.id, organizationId: holder.id, authorId: author });
        return {
          method: 'POST' as const,
          url: `/api/clients/${made.id}/notes/${noteId}/corrections`,
          payload: { body: 'Corrected' },
        };
      },
    })),
  },
  {
    route: 'POST /api/clients/:id/tasks',
    action: 'task.create',
    cases: clientTargets.map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      request: async (c: CaseContext) => ({
        method: 'POST' as const,
        url: `/api/clients/${(await clientFor(c, target)).id}/tasks`,
        payload: { title: 'Matrix follow-up', dueOn: nextYear() },
      }),
    })),
  },
  {
    route: 'GET /api/clients/:id/tasks',
    action: 'task.read',
    cases: onClient(200, 'GET', '/tasks'),
  },
  {
    route: 'GET /api/tasks',
    action: 'task.read',
    cases: [{ target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/tasks' }) }],
  },
  {
    route: 'POST /api/tasks/:taskId/complete',
    action: 'task.update',
    // self: a task assigned to the caller about a client of their agency; other: a task of another agency.
    cases: (['self', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: false,
      request: async (c: CaseContext) => {
        if (target === 'random')
          return { method: 'POST' as const, url: `/api/tasks/${crypto.randomUUID()}/complete`, payload: {} };
        const holder = target === 'self' ? self(c)! : c.other;
        const made = await c.client(holder);
        const assignee = target === 'self' ? c.column.user!.id : (await c.fresh(holder, targetRole(holder.type))).id;
        const taskId = await makeTask(c.db, { clientId: made.id, organizationId: holder.id, assignedTo: assignee });
        return { method: 'POST' as const, url: `/api/tasks/${taskId}/complete`, payload: {} };
      },
    })),
  },
  {
    route: 'POST /api/caseload',
    action: 'caseload.read',
    cases: [
      {
        target: 'self',
        ok: 200,
        visible: false,
        request: async () => ({ method: 'POST', url: '/api/caseload', payload: {} }),
      },
    ],
  },
  {
    route: 'POST /api/caseload/agency',
    action: 'caseload.read',
    // The caller's own agency's files: its managers only (a worker holds `self`, their own caseload).
    cases: [
      {
        target: 'own',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'POST', url: '/api/caseload/agency', payload: {} }),
      },
    ],
  },
  {
    route: 'GET /api/caseload/team',
    action: 'report.caseloads',
    cases: [
      {
        target: 'own',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/caseload/team' }),
      },
    ],
  },
  {
    route: 'POST /api/caseload/reassign',
    action: 'caseload.reassign',
    cases: (['own', 'other'] as const).map((target) => ({
      target,
      ok: 200,
      visible: false,
      request: async (c: CaseContext) => {
        const holder = target === 'own' ? self(c)! : c.other;
        const [from, to] = [
          await c.fresh(holder, targetRole(holder.type)),
          await c.fresh(holder, targetRole(holder.type)),
        ];
        return {
          method: 'POST' as const,
          url: '/api/caseload/reassign',
          payload: { fromUserId: from.id, toUserId: to.id },
        };
      },
    })),
  },
  {
    route: 'GET /api/notifications',
    action: 'notification.read',
    cases: [
      { target: 'self', ok: 200, visible: false, request: async () => ({ method: 'GET', url: '/api/notifications' }) },
    ],
  },
  {
    route: 'GET /api/notifications/unread-count',
    action: 'notification.read',
    cases: [
      {
        target: 'self',
        ok: 200,
        visible: false,
        request: async () => ({ method: 'GET', url: '/api/notifications/unread-count' }),
      },
    ],
  },
  {
    route: 'GET /api/notifications/digest',
    action: 'notification.read',
    cases: [
      {
        target: 'self',
        ok: 200,
        visible: false,
        request: async () => ({ method: 'GET', url: '/api/notifications/digest' }),
      },
    ],
  },
  {
    route: 'PUT /api/notifications/digest',
    action: 'notification.read',
    cases: [
      {
        target: 'self',
        ok: 200,
        visible: false,
        request: async () => ({ method: 'PUT', url: '/api/notifications/digest', payload: { digest: 'off' } }),
      },
    ],
  },
  {
    route: 'POST /api/notifications/:id/read',
    action: 'notification.read',
    cases: (['self', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 204,
      visible: false,
      request: async (c: CaseContext) => {
        if (target === 'random')
          return { method: 'POST' as const, url: `/api/notifications/${crypto.randomUUID()}/read` };
        const owner = target === 'self' ? c.column.user!.id : (await c.fresh(c.other, 'employment_counsellor')).id;
        return { method: 'POST' as const, url: `/api/notifications/${await makeNotification(c.db, owner)}/read` };
      },
    })),
  },
  {
    route: 'POST /api/notifications/read-all',
    action: 'notification.read',
    cases: [
      {
        target: 'self',
        ok: 200,
        visible: false,
        request: async () => ({ method: 'POST', url: '/api/notifications/read-all' }),
      },
    ],
  },
  ...(['timeline', 'summary', 'plan', 'transfers'] as const).map((part): RouteCases => ({
    route: `GET /api/clients/:id/${part}`,
    action: part === 'plan' ? 'plan.read' : part === 'transfers' ? 'transfer.read' : 'client.read',
    cases: onClient(200, 'GET', `/${part}`),
  })),
  {
    route: 'POST /api/clients/:id/plan/goals',
    action: 'plan.create',
    cases: onClient(201, 'POST', '/plan/goals', { description: 'Matrix goal' }),
  },
  {
    route: 'POST /api/clients/:id/plan/steps',
    action: 'plan.create',
    cases: onClient(201, 'POST', '/plan/steps', { phase: 'job_search', title: 'Matrix step' }),
  },
  ...(['goals', 'steps'] as const).map((kind): RouteCases => ({
    route: `PATCH /api/clients/:id/plan/${kind}/:itemId`,
    action: 'plan.update',
    cases: (['own', 'other', 'consented', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: false,
      request: async (c: CaseContext) => {
        if (target === 'random')
          return {
            method: 'PATCH' as const,
            url: `/api/clients/${crypto.randomUUID()}/plan/${kind}/${crypto.randomUUID()}`,
            payload: { status: kind === 'goals' ? 'achieved' : 'done' },
          };
        const made = await clientFor(c, target);
        const itemId = await makePlanItem(c.db, kind, made.id, target === 'own' ? self(c)!.id : c.other.id);
        return {
          method: 'PATCH' as const,
          url: `/api/clients/${made.id}/plan/${kind}/${itemId}`,
          payload: { status: kind === 'goals' ? 'achieved' : 'done' },
        };
      },
    })),
  })),
  {
    route: 'POST /api/clients/:id/plan/acknowledgements',
    action: 'plan.acknowledge',
    cases: onClient(201, 'POST', '/plan/acknowledgements', { agrees: true, method: 'in_person' }),
  },
  {
    route: 'POST /api/clients/:id/transfers',
    action: 'transfer.request',
    cases: clientTargets.map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      // The holding agency records a move to a third agency; a consented agency asks for itself.
      request: async (c: CaseContext) => ({
        method: 'POST' as const,
        url: `/api/clients/${(await clientFor(c, target)).id}/transfers`,
        payload:
          target === 'consented' && self(c)
            ? { toOrganizationId: self(c)!.id }
            : {
                toOrganizationId: c.third.id,
                consent: { categories: ['identity_contact'], method: 'in_person', evidence: 'Signed transfer form' },
              },
      }),
    })),
  },
  ...(['accept', 'release'] as const).map((step): RouteCases => ({
    route: `POST /api/transfers/:transferId/${step}`,
    action: step === 'accept' ? 'transfer.accept' : 'transfer.release',
    // own: the caller's agency receives (accept) or sends (release); other: a transfer between two other agencies.
    // A party to a transfer sees it: a party that may not take the step is refused with 403.
    cases: (['own', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: target === 'own',
      request: async (c: CaseContext) => {
        if (target === 'random')
          return { method: 'POST' as const, url: `/api/transfers/${crypto.randomUUID()}/${step}` };
        const mine = self(c)!;
        const [from, to] =
          target === 'other'
            ? [c.other.id, c.third.id]
            : step === 'accept'
              ? [c.other.id, mine.id]
              : [mine.id, c.third.id];
        const made = await c.client(target === 'other' ? c.other : step === 'accept' ? c.other : mine);
        return {
          method: 'POST' as const,
          url: `/api/transfers/${await makeTransfer(c.db, { clientId: made.id, from, to, accepted: step === 'release' })}/${step}`,
        };
      },
    })),
  })),
  {
    route: 'GET /api/transfers',
    action: 'transfer.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/transfers' }),
      },
    ],
  },
  {
    route: 'POST /api/clients/:id/referrals',
    action: 'referral.create',
    cases: clientTargets.map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      // A program of the agency holding the file: no consent is needed to reach it.
      request: async (c: CaseContext) => {
        const made = await clientFor(c, target);
        const mine = self(c);
        const holder = target === 'own' && mine && mine.type !== 'employer' ? mine : c.other;
        return {
          method: 'POST' as const,
          url: `/api/clients/${made.id}/referrals`,
          payload: { serviceId: (await makeService(c.db, holder.id)).id },
        };
      },
    })),
  },
  {
    route: 'GET /api/clients/:id/referrals',
    action: 'client.read',
    cases: onClient(200, 'GET', '/referrals'),
  },
  {
    route: 'GET /api/referrals',
    action: 'referral.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/referrals' }),
      },
    ],
  },
  {
    route: 'GET /api/referrals/specialists',
    action: 'referral.create',
    // Staff of another agency who take referrals: names, roles and agencies, no client in it.
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: false,
        request: async (c: CaseContext) => ({
          method: 'GET' as const,
          url: `/api/referrals/specialists?organizationId=${c.other.id}`,
        }),
      },
    ],
  },
  {
    route: 'GET /api/services/:id/candidates',
    action: 'referral.create',
    // Recruitment for another agency's program: the caller's own clients who fit it (none here).
    cases: (['none', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: false,
      request: async (c: CaseContext) => ({
        method: 'GET' as const,
        url: `/api/services/${target === 'random' ? crypto.randomUUID() : (await makeService(c.db, c.other.id)).id}/candidates`,
      }),
    })),
  },
  ...(
    [
      ['GET', '', undefined, 'referral.read'],
      ['POST', '/status', { status: 'received' }, 'referral.respond'],
      ['POST', '/issues', { action: 'raise', note: 'The client moved.' }, 'referral.respond'],
      ['PUT', '/rating', { fit: 'good' }, 'referral.rate'],
    ] as const
  ).map(([method, suffix, payload, action]): RouteCases => ({
    route: `${method} /api/referrals/:referralId${suffix}`,
    action,
    // own: a referral to the caller's agency; other: one between two other agencies.
    cases: (['own', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: false,
      request: async (c: CaseContext) => {
        const url = async () => {
          if (target === 'random') return `/api/referrals/${crypto.randomUUID()}`;
          // To a named specialist: the caller (own), or someone at a third agency (other).
          const to = target === 'own' && self(c) ? self(c)! : c.third;
          const specialist =
            target === 'own' && c.column.user ? c.column.user : await c.fresh(c.third, 'employment_counsellor');
          const made = await c.client(c.other);
          const status = suffix === '/rating' ? ('accepted' as const) : ('sent' as const);
          const id = await makeReferral(c.db, {
            clientId: made.id,
            from: c.other.id,
            to: to.id,
            toUserId: specialist.id,
            status,
          });
          return `/api/referrals/${id}`;
        };
        return { method, url: `${await url()}${suffix}`, ...(payload ? { payload: { ...payload } } : {}) };
      },
    })),
  })),
  {
    route: 'GET /api/transfers/overdue',
    action: 'transfer.overdue_report',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/transfers/overdue' }),
      },
    ],
  },
  {
    route: 'POST /api/clients/:id/account',
    action: 'client.invite_account',
    cases: clientTargets.map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      request: async (c: CaseContext) => ({
        method: 'POST' as const,
        url: `/api/clients/${(await clientFor(c, target)).id}/account`,
        payload: { email: `${unique('client').replace(' ', '-')}@example.org` },
      }),
    })),
  },
  // A staff account is tied to no client record: 404 for every role that may read a client (the client's own is tested in client-account.int.test.ts).
  {
    route: 'GET /api/me/client',
    action: 'client.read',
    cases: [
      { target: 'random', ok: 404, visible: false, request: async () => ({ method: 'GET', url: '/api/me/client' }) },
    ],
  },
  {
    route: 'POST /api/clients/:id/assessments/:assessmentId/reviews',
    action: 'assessment.review_request',
    cases: (['own', 'other', 'consented', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      request: async (c: CaseContext) => {
        if (target === 'random')
          return {
            method: 'POST' as const,
            url: `/api/clients/${crypto.randomUUID()}/assessments/${crypto.randomUUID()}/reviews`,
            payload: { reason: 'Please look again' },
          };
        const { id, assessmentId } = await c.assessed(target);
        // A manager of the holding agency answers reviews.
        await c.fresh(target === 'own' ? self(c)! : c.other, 'agency_manager');
        return {
          method: 'POST' as const,
          url: `/api/clients/${id}/assessments/${assessmentId}/reviews`,
          payload: { reason: 'Please look again' },
        };
      },
    })),
  },
  {
    route: 'GET /api/clients/:id/reviews',
    action: 'assessment.read',
    cases: onClient(200, 'GET', '/reviews'),
  },
  {
    route: 'POST /api/clients/:id/reviews/:reviewId/answer',
    action: 'assessment.review_answer',
    cases: (['own', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: false,
      request: async (c: CaseContext) => {
        if (target === 'random')
          return {
            method: 'POST' as const,
            url: `/api/clients/${crypto.randomUUID()}/reviews/${crypto.randomUUID()}/answer`,
            payload: { answer: 'Reviewed with the client in full', outcome: 'upheld' },
          };
        const { id, assessmentId } = await c.assessed(target);
        const reviewId = await makeReview(c.db, id, assessmentId);
        return {
          method: 'POST' as const,
          url: `/api/clients/${id}/reviews/${reviewId}/answer`,
          payload: { answer: 'Reviewed with the client in full', outcome: 'upheld' },
        };
      },
    })),
  },
  {
    route: 'GET /api/reports/assessments',
    action: 'report.assessment_rates',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/reports/assessments' }),
      },
    ],
  },
  {
    route: 'GET /api/reports/referrals',
    action: 'report.referrals',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/reports/referrals' }),
      },
    ],
  },
  {
    route: 'GET /api/reports/employers',
    action: 'report.employers',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/reports/employers' }),
      },
    ],
  },
  ...(['/api/reports/landscape', '/api/reports/landscape.csv'] as const).map((url): RouteCases => ({
    route: `GET ${url}`,
    action: 'directory.landscape',
    cases: [{ target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url }) }],
  })),
  {
    route: 'PATCH /api/clients/:id',
    action: 'client.update',
    cases: onClient(200, 'PATCH', '', { goals: { statement: 'Matrix goal', targetNocCodes: [] } }),
  },
  {
    route: 'PUT /api/clients/:id/equity',
    action: 'client.equity.write',
    cases: onClient(200, 'PUT', '/equity', { francophone: true }),
  },
  {
    route: 'POST /api/clients/:id/status',
    action: 'client.close',
    cases: onClient(200, 'POST', '/status', { status: 'on_hold' }),
  },
  {
    route: 'POST /api/clients/:id/attachments',
    action: 'client.update',
    cases: clientTargets.map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      request: async (c: CaseContext) => ({
        method: 'POST' as const,
        url: `/api/clients/${(await clientFor(c, target)).id}/attachments`,
        payload: {
          kind: 'resume',
          fileName: 'cv.txt',
          contentType: 'text/plain',
          contentBase64: Buffer.from('Curriculum vitae').toString('base64'),
        },
      }),
    })),
  },
  {
    route: 'GET /api/clients/:id/attachments',
    action: 'client.read',
    cases: onClient(200, 'GET', '/attachments'),
  },
  {
    route: 'GET /api/clients/:id/attachments/:attachmentId/content',
    action: 'client.read',
    cases: (['own', 'other', 'consented', 'revoked', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: false,
      request: async (c: CaseContext) => {
        if (target === 'random')
          return {
            method: 'GET' as const,
            url: `/api/clients/${crypto.randomUUID()}/attachments/${crypto.randomUUID()}/content`,
          };
        const made = await clientFor(c, target);
        return {
          method: 'GET' as const,
          url: `/api/clients/${made.id}/attachments/${await makeAttachment(c.db, made.id, target === 'own' ? self(c)!.id : c.other.id)}/content`,
        };
      },
    })),
  },
  {
    route: 'POST /api/access-requests',
    action: 'client.access_request',
    // A made-up token is refused the same way for everyone allowed to ask.
    cases: [
      {
        target: 'none',
        ok: 400,
        visible: true,
        request: async () => ({
          method: 'POST',
          url: '/api/access-requests',
          payload: { matchToken: 'v1.not-a-real-token', reason: 'Matrix' },
        }),
      },
    ],
  },
  {
    route: 'GET /api/access-requests',
    action: 'client.access_request',
    cases: [
      { target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/access-requests' }) },
    ],
  },
  {
    route: 'POST /api/access-requests/:requestId/answer',
    action: 'consent.grant',
    // own: a request for a client of the caller's agency; other: one for another agency's client.
    cases: (['own', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: false,
      request: async (c: CaseContext) => {
        if (target === 'random')
          return {
            method: 'POST' as const,
            url: `/api/access-requests/${crypto.randomUUID()}/answer`,
            payload: { decision: 'declined' },
          };
        const made = await c.client(target === 'own' ? self(c)! : c.other);
        return {
          method: 'POST' as const,
          url: `/api/access-requests/${await makeAccessRequest(c.db, made.id, c.third.id)}/answer`,
          payload: { decision: 'declined' },
        };
      },
    })),
  },
  {
    route: 'GET /api/audit',
    action: 'audit.read_by_actor',
    cases: [
      { target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/audit?perPage=5' }) },
    ],
  },
  {
    route: 'GET /api/services',
    action: 'service.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/services?q=welding&near=M5V' }),
      },
    ],
  },
  {
    route: 'GET /api/services/:id',
    action: 'service.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async (c) => ({ method: 'GET', url: `/api/services/${(await makeService(c.db, c.other.id)).id}` }),
      },
      {
        target: 'random',
        ok: 404,
        visible: true,
        request: async () => ({ method: 'GET', url: `/api/services/${crypto.randomUUID()}` }),
      },
    ],
  },
  {
    route: 'POST /api/services',
    action: 'service.manage',
    cases: (['own', 'other'] as const).map((target) => ({
      target,
      ok: 201,
      visible: true,
      request: async (c: CaseContext) => ({
        method: 'POST' as const,
        url: '/api/services',
        payload: {
          name: unique('Service'),
          description: 'A program that helps people find and keep work.',
          interventionTypes: ['employment_services'],
          ...(target === 'other' ? { organizationId: c.other.id } : {}),
        },
      }),
    })),
  },
  {
    route: 'PATCH /api/services/:id',
    action: 'service.manage',
    cases: (['own', 'other'] as const).map((target) => ({
      target,
      ok: 200,
      visible: true,
      request: async (c: CaseContext) => {
        // A visitor has no organization, and an employer lists no services: for them any listing will do,
        // since their answer (401, 403) comes from the role before the listing is read.
        const own = self(c);
        const organization = target === 'own' && own && own.type !== 'employer' ? own : c.other;
        const service = await makeService(c.db, organization.id);
        return { method: 'PATCH' as const, url: `/api/services/${service.id}`, payload: { verified: true } };
      },
    })),
  },
  {
    route: 'GET /api/clients/:id/job-matches',
    action: 'match.jobs_for_client',
    cases: onClient(200, 'GET', '/job-matches'),
  },
  {
    route: 'GET /api/clients/:id/program-matches',
    action: 'match.programs_for_client',
    cases: onClient(200, 'GET', '/program-matches'),
  },
  {
    route: 'POST /api/clients/:id/placements',
    action: 'placement.propose',
    cases: clientTargets.map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      request: async (c: CaseContext) => {
        const made = await clientFor(c, target);
        const job = await makeJobOrder(c.db, (await employerFor(c, 'other')).id);
        return { method: 'POST' as const, url: `/api/clients/${made.id}/placements`, payload: { jobOrderId: job.id } };
      },
    })),
  },
  {
    route: 'GET /api/clients/:id/placements',
    action: 'client.read',
    cases: onClient(200, 'GET', '/placements'),
  },
  {
    route: 'GET /api/placements',
    action: 'placement.read',
    cases: [
      { target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/placements' }) },
    ],
  },
  ...(
    [
      ['GET', '', undefined, 'placement.read', 200],
      ['POST', '/steps', { status: 'interview' }, 'placement.respond', 200],
      [
        'POST',
        '/evaluations',
        {
          periodEnd: '2026-01-31',
          attendance: 3,
          punctuality: 3,
          jobSkills: 3,
          teamwork: 3,
          communication: 3,
          wouldHire: 'maybe',
        },
        'placement.respond',
        201,
      ],
    ] as const
  ).map(([method, suffix, payload, action, ok]): RouteCases => ({
    route: `${method} /api/placements/:placementId${suffix}`,
    action,
    // own: proposed by the caller's agency, or shared with the caller's employer; other: between two
    // other organizations.
    cases: (['own', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : ok,
      visible: false,
      request: async (c: CaseContext) => {
        const url = async () => {
          if (target === 'random') return `/api/placements/${crypto.randomUUID()}`;
          const mine = self(c);
          const employer = await employerFor(c, target === 'own' ? 'own' : 'other');
          const agency = target === 'own' && mine && mine.type !== 'employer' ? mine : c.other;
          const job = await makeJobOrder(c.db, employer.id, suffix === '/evaluations' ? { wilType: 'co_op' } : {});
          const made = await c.client(agency);
          const status = suffix === '/evaluations' ? ('hired' as const) : ('shared' as const);
          return `/api/placements/${await makePlacement(c.db, { clientId: made.id, organizationId: agency.id, jobOrderId: job.id, status })}`;
        };
        return { method, url: `${await url()}${suffix}`, ...(payload ? { payload: { ...payload } } : {}) };
      },
    })),
  })),
  {
    route: 'GET /api/hiring-events',
    action: 'event.read',
    cases: [
      { target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/hiring-events' }) },
    ],
  },
  {
    route: 'GET /api/hiring-events/:eventId',
    action: 'event.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async (c) => ({ method: 'GET', url: `/api/hiring-events/${await makeHiringEvent(c.db, c.other.id)}` }),
      },
      {
        target: 'random',
        ok: 404,
        visible: true,
        request: async () => ({ method: 'GET', url: `/api/hiring-events/${crypto.randomUUID()}` }),
      },
    ],
  },
  {
    route: 'POST /api/hiring-events',
    action: 'event.manage',
    // The server makes the caller's organization the host (rule 4.2).
    cases: [
      {
        target: 'own',
        ok: 201,
        visible: true,
        request: async () => {
          const starts = new Date(Date.now() + 20 * 86_400_000);
          return {
            method: 'POST',
            url: '/api/hiring-events',
            payload: {
              kind: 'information_session',
              title: unique('Information session'),
              startsAt: starts.toISOString(),
              endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
              online: true,
            },
          };
        },
      },
    ],
  },
  // own: an event the caller's organization hosts; other: one another agency hosts (events are public:
  // a refusal is 403).
  ...(
    [
      ['PATCH', '', { title: 'Spring hiring fair' }],
      ['PUT', '/employers/:employerId', { jobOrderIds: [] }],
      ['DELETE', '/employers/:employerId', undefined],
    ] as const
  ).map(([method, suffix, payload]): RouteCases => ({
    route: `${method} /api/hiring-events/:eventId${suffix}`,
    action: 'event.manage',
    cases: (['own', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: true,
      request: async (c: CaseContext) => {
        const employer = await makeOrganization(c.db, { type: 'employer' });
        const host = target === 'own' ? self(c)! : c.other;
        const eventId =
          target === 'random'
            ? crypto.randomUUID()
            : await makeHiringEvent(c.db, host.id, { employerIds: method === 'DELETE' ? [employer.id] : [] });
        return {
          method,
          url: `/api/hiring-events/${eventId}${suffix.replace(':employerId', employer.id)}`,
          ...(payload ? { payload: { ...payload } } : {}),
        };
      },
    })),
  })),
  {
    route: 'GET /api/hiring-events/:eventId/registrations',
    action: 'event.register',
    // The caller's agency's own registrations: the scopes decide which are listed.
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async (c) => ({
          method: 'GET',
          url: `/api/hiring-events/${await makeHiringEvent(c.db, c.other.id)}/registrations`,
        }),
      },
    ],
  },
  {
    route: 'PATCH /api/hiring-events/:eventId/registrations/:registrationId',
    action: 'event.register',
    // own: the caller's agency registered its own client; other: another agency registered its own.
    cases: (['own', 'other', 'random'] as const).map((target) => ({
      target,
      ok: target === 'random' ? 404 : 200,
      visible: false,
      request: async (c: CaseContext) => {
        const eventId = await makeHiringEvent(c.db, c.other.id);
        if (target === 'random')
          return {
            method: 'PATCH' as const,
            url: `/api/hiring-events/${eventId}/registrations/${crypto.randomUUID()}`,
            payload: { cancelled: true },
          };
        const agency = target === 'own' ? self(c)! : c.other;
        const made = await c.client(agency);
        const id = await makeRegistration(c.db, { eventId, clientId: made.id, organizationId: agency.id });
        return {
          method: 'PATCH' as const,
          url: `/api/hiring-events/${eventId}/registrations/${id}`,
          payload: { cancelled: true },
        };
      },
    })),
  },
  {
    route: 'GET /api/clients/:id/hiring-events',
    action: 'client.read',
    cases: onClient(200, 'GET', '/hiring-events'),
  },
  {
    route: 'POST /api/clients/:id/hiring-events',
    action: 'event.register',
    cases: clientTargets.map((target) => ({
      target,
      ok: target === 'random' ? 404 : 201,
      visible: false,
      request: async (c: CaseContext) => {
        const made = await clientFor(c, target);
        const eventId = await makeHiringEvent(c.db, c.other.id);
        return { method: 'POST' as const, url: `/api/clients/${made.id}/hiring-events`, payload: { eventId } };
      },
    })),
  },
  {
    route: 'GET /api/employers',
    action: 'employer.read',
    cases: [
      { target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/employers?q=a' }) },
    ],
  },
  {
    route: 'GET /api/employers/duplicates',
    action: 'employer.manage',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({
          method: 'GET',
          url: '/api/employers/duplicates?name=Maple%20Leaf%20Foods&phone=416-555-0199',
        }),
      },
    ],
  },
  {
    route: 'GET /api/employers/:id',
    action: 'employer.read',
    cases: [
      ...(['own', 'other'] as const).map((target) => ({
        target,
        ok: 200,
        visible: false,
        request: async (c: CaseContext) => ({
          method: 'GET' as const,
          url: `/api/employers/${(await employerFor(c, target)).id}`,
        }),
      })),
      {
        target: 'random',
        ok: 404,
        visible: false,
        request: async () => ({ method: 'GET', url: `/api/employers/${crypto.randomUUID()}` }),
      },
    ],
  },
  {
    route: 'POST /api/employers',
    action: 'employer.manage',
    // A new employer is another organization than the caller's: only those who keep every employer's
    // record add one; an employer's own staff are refused (403).
    cases: [
      {
        target: 'other',
        ok: 201,
        visible: true,
        request: async () => ({
          method: 'POST',
          url: '/api/employers',
          payload: { name: unique('Employer'), naicsCode: '311811', size: '5_19', hrSupportWanted: ['onboarding'] },
        }),
      },
    ],
  },
  {
    route: 'PATCH /api/employers/:id',
    action: 'employer.manage',
    cases: [
      ...(['own', 'other'] as const).map((target) => ({
        target,
        ok: 200,
        visible: false,
        request: async (c: CaseContext) => ({
          method: 'PATCH' as const,
          url: `/api/employers/${(await employerFor(c, target)).id}`,
          payload: { hiringPlans: 'Two bakers before the holidays.' },
        }),
      })),
      {
        target: 'random',
        ok: 404,
        visible: false,
        request: async () => ({
          method: 'PATCH',
          url: `/api/employers/${crypto.randomUUID()}`,
          payload: { size: '1_4' },
        }),
      },
    ],
  },
  {
    route: 'GET /api/employers/:id/engagements',
    action: 'engagement.read',
    cases: [
      ...(['own', 'other'] as const).map((target) => ({
        target,
        ok: 200,
        visible: false,
        request: async (c: CaseContext) => ({
          method: 'GET' as const,
          url: `/api/employers/${(await employerFor(c, target)).id}/engagements`,
        }),
      })),
      {
        target: 'random',
        ok: 404,
        visible: false,
        request: async () => ({ method: 'GET', url: `/api/employers/${crypto.randomUUID()}/engagements` }),
      },
    ],
  },
  {
    route: 'POST /api/employers/:id/engagements',
    action: 'engagement.create',
    cases: [
      ...(['own', 'other'] as const).map((target) => ({
        target,
        ok: 201,
        visible: false,
        request: async (c: CaseContext) => ({
          method: 'POST' as const,
          url: `/api/employers/${(await employerFor(c, target)).id}/engagements`,
          payload: { kind: 'call', occurredOn: '2026-01-15', summary: 'Talked about their spring hiring.' },
        }),
      })),
      {
        target: 'random',
        ok: 404,
        visible: false,
        request: async () => ({
          method: 'POST',
          url: `/api/employers/${crypto.randomUUID()}/engagements`,
          payload: { kind: 'visit', occurredOn: '2026-01-15', summary: 'A visit.' },
        }),
      },
    ],
  },
  {
    route: 'GET /api/jobs',
    action: 'job_order.read',
    cases: [
      { target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/api/jobs?q=cook' }) },
    ],
  },
  {
    route: 'GET /api/jobs/:id',
    action: 'job_order.read',
    cases: [
      ...(['own', 'other'] as const).map((target) => ({
        target,
        ok: 200,
        visible: false,
        request: async (c: CaseContext) => ({
          method: 'GET' as const,
          url: `/api/jobs/${(await makeJobOrder(c.db, (await employerFor(c, target)).id)).id}`,
        }),
      })),
      {
        target: 'random',
        ok: 404,
        visible: false,
        request: async () => ({ method: 'GET', url: `/api/jobs/${crypto.randomUUID()}` }),
      },
    ],
  },
  {
    route: 'POST /api/jobs',
    action: 'job_order.manage',
    // Naming another employer is refused with 403 (rule 4.2): employers are listed, not hidden.
    cases: (['own', 'other'] as const).map((target) => ({
      target,
      ok: 201,
      visible: true,
      request: async (c: CaseContext) => {
        const employer = await employerFor(c, target);
        return {
          method: 'POST' as const,
          url: '/api/jobs',
          payload: {
            ...(employer.id === self(c)?.id ? {} : { employerId: employer.id }),
            title: unique('Warehouse associate'),
            nocCode: '75101',
            description: 'Receive, sort and ship orders in a clean, heated warehouse.',
            hoursPerWeek: 40,
            schedule: 'fixed',
            hourlyWage: 21.5,
            permanence: 'permanent',
            workplace: 'on_site',
            postalCode: 'M1B 2K9',
            openings: 3,
          },
        };
      },
    })),
  },
  {
    route: 'PATCH /api/jobs/:id',
    action: 'job_order.manage',
    cases: [
      ...(['own', 'other'] as const).map((target) => ({
        target,
        ok: 200,
        visible: false,
        request: async (c: CaseContext) => ({
          method: 'PATCH' as const,
          url: `/api/jobs/${(await makeJobOrder(c.db, (await employerFor(c, target)).id)).id}`,
          payload: { status: 'on_hold' },
        }),
      })),
      {
        target: 'random',
        ok: 404,
        visible: false,
        request: async () => ({ method: 'PATCH', url: `/api/jobs/${crypto.randomUUID()}`, payload: { openings: 1 } }),
      },
    ],
  },
  {
    route: 'GET /api/jobs/:id/candidates',
    action: 'match.candidates_for_job',
    // A list of the caller's reachable clients for a job order every agency reads: the scopes decide which
    // clients are listed (src/domain/matching/job-candidates.int.test.ts), not whether the list answers.
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async (c: CaseContext) => ({
          method: 'GET',
          url: `/api/jobs/${(await makeJobOrder(c.db, (await employerFor(c, 'other')).id)).id}/candidates`,
        }),
      },
      {
        target: 'random',
        ok: 404,
        visible: false,
        request: async () => ({ method: 'GET', url: `/api/jobs/${crypto.randomUUID()}/candidates` }),
      },
    ],
  },
  {
    route: 'GET /api/occupations/skills',
    action: 'reference.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/occupations/skills?q=teamwork' }),
      },
    ],
  },
  {
    route: 'GET /api/industries',
    action: 'reference.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/industries?q=bakeries' }),
      },
    ],
  },
  {
    route: 'GET /api/industries/:code',
    action: 'reference.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/api/industries/31-33' }),
      },
      { target: 'random', ok: 404, visible: true, request: async () => ({ method: 'GET', url: '/api/industries/99' }) },
    ],
  },
  {
    route: 'GET /hsds/',
    action: 'service.read',
    cases: [{ target: 'none', ok: 200, visible: true, request: async () => ({ method: 'GET', url: '/hsds/' }) }],
  },
  {
    route: 'GET /hsds/services',
    action: 'service.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/hsds/services?per_page=5' }),
      },
    ],
  },
  {
    route: 'GET /hsds/services/:id',
    action: 'service.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async (c) => ({ method: 'GET', url: `/hsds/services/${(await makeService(c.db, c.other.id)).id}` }),
      },
      {
        target: 'random',
        ok: 404,
        visible: true,
        request: async () => ({ method: 'GET', url: `/hsds/services/${crypto.randomUUID()}` }),
      },
    ],
  },
  {
    route: 'GET /hsds/organizations',
    action: 'service.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/hsds/organizations?per_page=5' }),
      },
    ],
  },
  {
    route: 'GET /hsds/organizations/:id',
    action: 'service.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async (c) => ({ method: 'GET', url: `/hsds/organizations/${c.other.id}` }),
      },
      {
        target: 'random',
        ok: 404,
        visible: true,
        request: async () => ({ method: 'GET', url: `/hsds/organizations/${crypto.randomUUID()}` }),
      },
    ],
  },
  {
    route: 'GET /hsds/locations',
    action: 'service.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async () => ({ method: 'GET', url: '/hsds/locations?per_page=5' }),
      },
    ],
  },
  {
    route: 'GET /hsds/locations/:id',
    action: 'service.read',
    cases: [
      {
        target: 'none',
        ok: 200,
        visible: true,
        request: async (c) => ({ method: 'GET', url: `/hsds/locations/${c.other.sites[0]!.id}` }),
      },
      {
        target: 'random',
        ok: 404,
        visible: true,
        request: async () => ({ method: 'GET', url: `/hsds/locations/${crypto.randomUUID()}` }),
      },
    ],
  },
];

export type Matrix = { columns: Column[]; other: Organization; third: Organization; loginEmail: string };

// The organizations and people the matrix acts as: a visitor, and one user per role at an
// organization of each type that may hold it.
export async function setUpMatrix(db: Db): Promise<Matrix> {
  const other = await makeOrganization(db, { type: 'employment_service_provider' });
  const third = await makeOrganization(db, { type: 'community_agency' });
  const city = await makeOrganization(db, { type: 'system_manager' });
  const loginEmail = (await makeUser(db, { organizationId: other.id, roles: ['trainer'], password: LOGIN_PASSWORD }))
    .email;
  const columns: Column[] = [{ label: 'visitor', role: undefined, organization: undefined, user: undefined }];
  for (const type of organizationTypes) {
    const organization = type === 'system_manager' ? city : await makeOrganization(db, { type });
    for (const role of rolesAllowedFor(type)) {
      const user = await makeUser(db, { organizationId: organization.id, roles: [role] });
      columns.push({ label: `${role} at ${type}`, role, organization, user });
    }
  }
  return { columns, other, third, loginEmail };
}

// What a case's request is built from, for one column: the records it names are made on demand.
export function caseContext(db: Db, matrix: Matrix, column: Column): CaseContext {
  const { other, third, loginEmail } = matrix;
  const fresh = (organization: Organization, role: Role) =>
    makeUser(db, { organizationId: organization.id, roles: [role] });
  const client = (holder: Organization) => makeClient(db, { organizationId: holder.id });
  const caller = column.organization;
  const consented = async (revoke = false) => {
    const made = await client(other);
    if (caller)
      await makeConsent(db, {
        clientId: made.id,
        organizationId: caller.id,
        recordedByOrganizationId: other.id,
        revoked: revoke,
      });
    return made;
  };
  const holderOf = (target: 'own' | 'other' | 'consented') => (target === 'own' ? caller! : other);
  return {
    column,
    other,
    third,
    loginEmail,
    fresh,
    client,
    db,
    consented: () => consented(false),
    revoked: () => consented(true),
    assessed: async (target: 'own' | 'other' | 'consented') => {
      const made = target === 'consented' ? await consented(false) : await client(holderOf(target));
      return { id: made.id, assessmentId: await makeAssessment(db, made.id) };
    },
    withConsent: async (target: 'own' | 'other' | 'consented') => {
      const made = target === 'consented' ? await consented(false) : await client(holderOf(target));
      // For `consented`, the consent naming the caller; otherwise one naming a third organization.
      const consentId =
        target === 'consented' && caller
          ? (await db.selectFrom('consents').select('id').where('clientId', '=', made.id).executeTakeFirstOrThrow()).id
          : await makeConsent(db, {
              clientId: made.id,
              organizationId: third.id,
              recordedByOrganizationId: holderOf(target).id,
              revoked: false,
            });
      return { id: made.id, consentId };
    },
  };
}

// What the table says the caller gets: the allowed status, 401, 403 or 404.
export function expectedStatus(column: Column, action: Action, kase: Case): number {
  const actor: UserActor | { kind: 'anonymous' } = column.user
    ? {
        kind: 'user',
        userId: column.user.id,
        organizationId: column.user.organizationId,
        roles: column.user.roles,
        sessionId: '',
      }
    : { kind: 'anonymous' };
  const held: Scope[] = actorScopes(actor, action);
  if (actor.kind === 'anonymous' && !held.includes('pub')) return 401;
  if (held.length === 0) return 403;
  if (kase.target === 'random') return kase.ok;
  const reaches: Record<Exclude<Target, 'random'>, Scope[]> = {
    none: [...held],
    self: ['pub', 'all', 'self', 'own'],
    own: ['pub', 'all', 'own'],
    other: ['pub', 'all'],
    consented: ['pub', 'all', 'cons'],
    revoked: ['pub', 'all'],
  };
  if (held.some((s) => reaches[kase.target as Exclude<Target, 'random'>].includes(s))) return kase.ok;
  return kase.visible ? 403 : 404;
}

const comparable = (body: Record<string, unknown>) => {
  const { requestId: _requestId, instance: _instance, ...rest } = body;
  return rest;
};

// The matrix for the routes whose path `part` selects, as its own file runs it (the files run in
// parallel); `route-matrix.int.test.ts` checks that together they cover every route.
export function describeMatrix(name: string, part: (route: string) => boolean): void {
  const mine = routes.filter((r) => part(r.route));
  describeEachEngine(`route × role × organization matrix: ${name}`, ({ handle }) => {
    let app: AppInstance;
    let matrix: Matrix;

    beforeAll(async () => {
      app = await testApp(handle());
      matrix = await setUpMatrix(handle().db);
    });
    afterAll(async () => app.close());

    it('declares for each of its routes the action the server has', () => {
      expect(mine.length).toBeGreaterThan(5);
      for (const r of mine)
        expect(app.routePermissions.find((p) => `${p.method} ${p.url}` === r.route)?.permission, r.route).toBe(
          r.action,
        );
    });

    it(
      'answers every route as docs/permissions.md says, for every role at every organization type',
      { timeout: 600_000 },
      async () => {
        const db = handle().db;
        const contextOf = (column: Column) => caseContext(db, matrix, column);
        const mismatches: string[] = [];
        const unaudited: string[] = [];
        let checked = 0;
        for (const column of matrix.columns) {
          for (const { route, action, cases } of mine) {
            for (const kase of cases) {
              if (['own', 'consented', 'revoked'].includes(kase.target) && !column.organization) continue;
              if (kase.target === 'self' && !column.user) continue;
              const request = await kase.request(contextOf(column));
              // A fresh session per call: sign-out and disabling must not spoil the next one.
              const headers = column.user ? (await makeSession(db, column.user)).headers : {};
              const res = await app.inject({ ...request, headers });
              const want = expectedStatus(column, action, kase);
              checked += 1;
              if (res.statusCode !== want) {
                mismatches.push(
                  `${column.label} → ${route} (${kase.target}): got ${res.statusCode}, table says ${want}: ${res.body.slice(0, 160)}`,
                );
                continue;
              }
              const deniedByTable = want !== kase.ok && (want === 403 || want === 404);
              if (deniedByTable && column.user) {
                const rows = await db
                  .selectFrom('auditLog')
                  .select(['outcome'])
                  .where('requestId', '=', String(res.headers['x-request-id']))
                  .execute();
                if (!rows.some((r) => r.outcome === 'denied'))
                  unaudited.push(`${column.label} → ${route} (${kase.target})`);
              }
              if (want === 404 && kase.target !== 'random') {
                const random = await kase
                  .request(contextOf(column))
                  .then((r) => ({ ...r, url: r.url.replace(/[0-9a-f-]{36}/, crypto.randomUUID()) }));
                const answer = await app.inject({
                  ...random,
                  headers: column.user ? (await makeSession(db, column.user)).headers : {},
                });
                expect(answer.statusCode).toBe(404);
                expect(comparable(res.json()), `${column.label} → ${route}`).toEqual(comparable(answer.json()));
                expect(res.headers['content-type']).toBe(answer.headers['content-type']);
              }
            }
          }
        }
        expect(mismatches).toEqual([]);
        expect(unaudited).toEqual([]);
        expect(checked).toBeGreaterThan(matrix.columns.length * 5);
      },
    );
  });
}
