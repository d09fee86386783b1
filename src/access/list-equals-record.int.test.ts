import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { makeOrganization, makeUser } from '../../test/factories.ts';
import type { Db, Trx } from '../db/database.ts';
import { selectCaseload } from '../domain/caseload/caseload.queries.ts';
import { selectNotes } from '../domain/notes/note.queries.ts';
import type { OrganizationType } from '../domain/organizations/organization.ts';
import { systemActor, type Actor, type UserActor } from './actor.ts';
import type { Action } from './authorize.ts';
import { decideClient, loadClientFacts } from './client-access.ts';
import { clientVisible, reaches, type Reach } from './client-predicate.ts';
import { notesVisible, noteReaderFor } from './policies/note.ts';
import { consentCategories, staffRolesByOrganizationType, type Role } from './roles.ts';

// A list returns a client exactly when the one-record check allows it (issue 9, point 2). Over
// generated worlds (clients held by three agencies, consents of every category, purpose, date and
// revocation, case-team places current and removed, notes of every visibility, client accounts), for
// every actor (each role at each organization type, a member of staff with two roles, each client's
// own account, the system), the list predicate is compared with `decideClient` on the facts the
// record route loads, reach by reach: the file, each consent category, the stream and a case-team
// place that counts; for notes, the notes the notes route returns; for a worker's own caseload, its
// rows, names and last contact. Runs on both engines.

const today = '2026-06-15';
const purposes = ['integrated_case_management', 'referral', 'transfer', 'placement'] as const;
const reachList: Reach[] = ['record', 'team', 'stream', ...consentCategories];
const days = (n: number) => new Date(Date.UTC(2026, 5, 15 + n)).toISOString().slice(0, 10);

type World = {
  clients: { holder: number; account: boolean }[];
  consents: {
    client: number;
    org: number;
    categories: string[];
    purpose: string;
    starts: number;
    expires: number;
    revoked: boolean;
  }[];
  places: { client: number; user: number; removed: boolean }[];
  notes: { client: number; org: number; visibility: 'agency' | 'case_team' | 'client'; contact: number }[];
};

const agencyTypes: OrganizationType[] = ['employment_service_provider', 'social_assistance_office', 'community_agency'];

function worldOf(staffCount: number): fc.Arbitrary<World> {
  return fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.record({
      clients: fc.array(fc.record({ holder: fc.integer({ min: 0, max: 2 }), account: fc.boolean() }), {
        minLength: n,
        maxLength: n,
      }),
      consents: fc.array(
        fc.record({
          client: fc.integer({ min: 0, max: n - 1 }),
          org: fc.integer({ min: 0, max: 2 }),
          categories: fc.subarray([...consentCategories], { minLength: 1 }),
          purpose: fc.constantFrom(...purposes),
          starts: fc.constantFrom(-400, -1, 0, 1),
          expires: fc.constantFrom(-1, 0, 1, 400),
          revoked: fc.boolean(),
        }),
        { maxLength: 7 },
      ),
      places: fc.array(
        fc.record({
          client: fc.integer({ min: 0, max: n - 1 }),
          user: fc.integer({ min: 0, max: staffCount - 1 }),
          removed: fc.boolean(),
        }),
        { maxLength: 7 },
      ),
      notes: fc.array(
        fc.record({
          client: fc.integer({ min: 0, max: n - 1 }),
          org: fc.integer({ min: 0, max: 2 }),
          visibility: fc.constantFrom('agency' as const, 'case_team' as const, 'client' as const),
          contact: fc.integer({ min: -300, max: 0 }),
        }),
        { maxLength: 7 },
      ),
    }),
  );
}

class Rollback extends Error {}

describeEachEngine('a list returns a client exactly when the record allows it', ({ handle }) => {
  let db: Db;
  const agencies: { id: string }[] = [];
  const staff: UserActor[] = [];
  // Staff at agencies, who can hold case-team places.
  const teamStaff: UserActor[] = [];
  let recorder: { id: string };

  beforeAll(async () => {
    db = handle().db;
    recorder = await makeOrganization(db, { type: 'community_agency' });
    const actorOf = async (organizationId: string, roles: Role[]): Promise<UserActor> => {
      const user = await makeUser(db, { organizationId, roles });
      return { kind: 'user', userId: user.id, organizationId, roles, sessionId: 'test' };
    };
    for (const type of agencyTypes) {
      const organization = await makeOrganization(db, { type });
      agencies.push(organization);
      for (const role of staffRolesByOrganizationType[type]) staff.push(await actorOf(organization.id, [role]));
    }
    staff.push(await actorOf(agencies[0]!.id, ['job_developer', 'trainer']));
    teamStaff.push(...staff);
    for (const type of ['system_manager', 'employer'] as const) {
      const organization = await makeOrganization(db, { type });
      for (const role of staffRolesByOrganizationType[type]) staff.push(await actorOf(organization.id, [role]));
    }
  });

  async function build(trx: Trx, world: World): Promise<{ clientIds: string[]; accounts: UserActor[] }> {
    const clientIds: string[] = [];
    const accounts: UserActor[] = [];
    for (const [i, c] of world.clients.entries()) {
      const organizationId = agencies[c.holder]!.id;
      const { id } = await trx
        .insertInto('clients')
        .values({
          organizationId,
          givenName: 'Prop',
          familyName: `Client ${i}`,
          dateOfBirth: '1990-04-01',
          educationLevel: 'college',
          incomeSource: 'ontario_works',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      clientIds.push(id);
      if (c.account) {
        const user = await trx
          .insertInto('users')
          .values({
            organizationId,
            email: `client-${id}@example.org`,
            displayName: `Client ${i}`,
            preferredLanguage: 'en',
            passwordHash: 'not-a-hash',
            status: 'active',
            clientId: id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('userRoles').values({ userId: user.id, role: 'job_seeker' }).execute();
        accounts.push({ kind: 'user', userId: user.id, organizationId, roles: ['job_seeker'], sessionId: 'test' });
      }
    }
    for (const k of world.consents) {
      const organizationId = agencies[k.org]!.id;
      const { id } = await trx
        .insertInto('consents')
        .values({
          clientId: clientIds[k.client]!,
          organizationId,
          recordedByOrganizationId: recorder.id,
          recordedBy: null,
          categories: k.categories,
          purpose: k.purpose as (typeof purposes)[number],
          method: 'written',
          evidence: 'Signed form (property test)',
          startsOn: days(k.starts),
          expiresOn: days(Math.max(k.starts, k.expires)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (k.revoked)
        await trx
          .insertInto('consentRevocations')
          .values({ consentId: id, revokedBy: null, method: 'phone', reason: null })
          .execute();
    }
    for (const p of world.places) {
      const member = teamStaff[p.user]!;
      const clientId = clientIds[p.client]!;
      // One active place per person and client (the database's own rule).
      const active = await trx
        .selectFrom('caseTeamMembers')
        .select('id')
        .where('clientId', '=', clientId)
        .where('userId', '=', member.userId)
        .where('removedAt', 'is', null)
        .executeTakeFirst();
      if (active && !p.removed) continue;
      await trx
        .insertInto('caseTeamMembers')
        .values({
          clientId,
          userId: member.userId,
          organizationId: member.organizationId,
          teamRole: 'employment_counsellor',
          addedBy: null,
          ...(p.removed ? { removedAt: new Date(), removedBy: null, removalReason: 'left_team' as const } : {}),
        })
        .execute();
    }
    for (const n of world.notes) {
      await trx
        .insertInto('caseNotes')
        .values({
          clientId: clientIds[n.client]!,
          organizationId: agencies[n.org]!.id,
          authorId: null,
          kind: 'contact',
          visibility: n.visibility,
          contactOn: days(n.contact),
          body: 'Note',
          correctsNoteId: null,
        })
        .execute();
    }
    return { clientIds, accounts };
  }

  // What the record route decides for each client, and what the list predicates return.
  async function compare(trx: Trx, actor: Actor, clientIds: string[]): Promise<void> {
    const checks: { action: Action; reach: Reach; purpose?: string }[] = [
      ...reachList.map((reach) => ({ action: 'client.read' as const, reach })),
      { action: 'client.read', reach: 'record', purpose: 'referral' },
      { action: 'client.read', reach: 'identity_contact', purpose: 'integrated_case_management' },
      { action: 'note.read', reach: 'notes' },
      { action: 'case_team.read', reach: 'record' },
    ];
    const rows = await trx
      .selectFrom('clients as c')
      .select('c.id')
      .select(
        checks.map((check, i) =>
          clientVisible(actor, check.action, check.reach, { today, purpose: check.purpose }).as(`r${i}`),
        ),
      )
      .where('c.id', 'in', clientIds)
      .execute();
    const listed = new Map(rows.map((r) => [r.id, r as unknown as Record<string, boolean>]));
    const visibleNotes = new Set(
      (
        await trx
          .selectFrom('caseNotes as n')
          .innerJoin('clients as c', 'c.id', 'n.clientId')
          .select('n.id')
          .where('c.id', 'in', clientIds)
          .where(notesVisible(actor, { today }))
          .execute()
      ).map((r) => r.id),
    );
    const routeNotes = new Set<string>();
    const lastContact = new Map<string, string | null>();
    for (const clientId of clientIds) {
      const facts = await loadClientFacts(trx, actor, clientId, today);
      if (!facts) throw new Error('client not found');
      for (const [i, check] of checks.entries()) {
        const decision = decideClient(actor, facts, check.action, check.purpose);
        const expected = decision.allowed && reaches(decision.access, check.reach);
        const got = Boolean(listed.get(clientId)?.[`r${i}`]);
        expect(
          got,
          `${describe(actor)} ${check.action} ${check.reach}${check.purpose ? ` for ${check.purpose}` : ''} of ${clientId}`,
        ).toBe(expected);
      }
      const notes = decideClient(actor, facts, 'note.read');
      if (notes.allowed && notes.access.categories.has('notes')) {
        const { items } = await selectNotes(trx, clientId, noteReaderFor(actor, notes.access), {
          page: 1,
          perPage: 100,
        });
        for (const item of items) routeNotes.add(item.id);
        lastContact.set(
          clientId,
          items
            .map((n) => n.contactOn)
            .sort()
            .at(-1) ?? null,
        );
      } else {
        lastContact.set(clientId, null);
      }
    }
    expect([...visibleNotes].sort(), `${describe(actor)}: notes`).toEqual([...routeNotes].sort());
    // The worker's own caseload: the clients where they hold a place and the record route lets them in.
    if (actor.kind === 'user' && teamStaff.some((s) => s.userId === actor.userId)) {
      const { items, total } = await selectCaseload(trx, actor, {
        workerId: actor.userId,
        today,
        page: 1,
        perPage: 200,
      });
      expect(total).toBe(items.length);
      const mine = items.filter((i) => clientIds.includes(i.clientId));
      // The total is the same whichever page is asked for, past the last one included.
      const past = await selectCaseload(trx, actor, { workerId: actor.userId, today, page: 99, perPage: 1 });
      expect(past.items).toEqual([]);
      expect(past.total, `${describe(actor)}: caseload total`).toBe(items.length);
      const expected: { clientId: string; named: boolean; lastContactOn: string | null }[] = [];
      for (const clientId of clientIds) {
        const placed = await trx
          .selectFrom('caseTeamMembers')
          .select('id')
          .where('clientId', '=', clientId)
          .where('userId', '=', actor.userId)
          .where('removedAt', 'is', null)
          .executeTakeFirst();
        const facts = (await loadClientFacts(trx, actor, clientId, today))!;
        const decision = decideClient(actor, facts, 'client.read');
        if (placed && decision.allowed)
          expected.push({
            clientId,
            named: decision.access.categories.has('identity_contact'),
            lastContactOn: lastContact.get(clientId) ?? null,
          });
      }
      const got = mine.map((i) => ({ clientId: i.clientId, named: i.name !== null, lastContactOn: i.lastContactOn }));
      const byId = (a: { clientId: string }, b: { clientId: string }) => a.clientId.localeCompare(b.clientId);
      expect(got.sort(byId), `${describe(actor)}: caseload`).toEqual(expected.sort(byId));
    }
  }

  const describe = (actor: Actor) =>
    actor.kind === 'user' ? `${actor.roles.join('+')} of ${actor.organizationId.slice(0, 8)}` : actor.kind;

  it('for every actor, field category by field category, notes and caseloads included', async () => {
    await fc.assert(
      fc.asyncProperty(worldOf(teamStaff.length), async (world) => {
        try {
          await db.transaction().execute(async (trx) => {
            const { clientIds, accounts } = await build(trx, world);
            for (const actor of [...staff, ...accounts, systemActor('test')]) await compare(trx, actor, clientIds);
            throw new Rollback();
          });
        } catch (error) {
          if (!(error instanceof Rollback)) throw error;
        }
      }),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 40),
        seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined,
      },
    );
  }, 300_000);
});
