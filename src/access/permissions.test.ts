import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actorScopes, authorize, mayTakeAction } from './authorize.ts';
import type { UserActor } from './actor.ts';
import { columns, isPublicAction, permissions, scopes, tableRows } from './permissions.ts';

const document = fs.readFileSync(new URL('../../docs/permissions.md', import.meta.url), 'utf8');

// Every row of the document's tables headed `| action | anon | SA | …`, as written.
function documentRows(): { action: string; cells: string[] }[] {
  const rows: { action: string; cells: string[] }[] = [];
  let header: string[] | undefined;
  for (const line of document.split('\n')) {
    const cells = line.startsWith('|')
      ? line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim())
      : undefined;
    if (!cells) {
      header = undefined;
      continue;
    }
    if (cells[0] === 'action' && cells[1] === 'anon') {
      header = cells;
      continue;
    }
    if (!header || cells[0]?.startsWith('---')) continue;
    rows.push({ action: (cells[0] ?? '').replace(/`/g, ''), cells: cells.slice(1) });
  }
  return rows;
}

describe('the permission table', () => {
  it('is exactly the tables of docs/permissions.md, section 3', () => {
    const fromDocument = documentRows();
    expect(fromDocument.length).toBeGreaterThan(60);
    expect(tableRows().map((r) => ({ action: r.action, cells: [...r.cells] }))).toEqual(fromDocument);
  });

  it("heads every table with the same columns as the code's", () => {
    const headers = document.split('\n').filter((l) => l.startsWith('| action | anon |'));
    const expected = `| action | ${columns.map(([code]) => code).join(' | ')} |`;
    for (const header of headers) expect(header).toBe(expected);
  });

  it('uses only the scopes of section 2.1, and gives visitors nothing but public actions', () => {
    for (const byColumn of Object.values(permissions)) {
      for (const held of Object.values(byColumn)) for (const scope of held) expect(scopes).toContain(scope);
      expect(byColumn.anonymous.every((s) => s === 'pub')).toBe(true);
    }
    expect(isPublicAction('auth.sign_in')).toBe(true);
    expect(isPublicAction('session.read')).toBe(false);
  });

  it('never gives system roles a client-facing scope other than aggregates and metadata', () => {
    for (const [action, byColumn] of Object.entries(permissions)) {
      if (!action.startsWith('client.') && !action.startsWith('note.') && !action.startsWith('assessment.')) continue;
      for (const role of ['system_administrator', 'system_analyst'] as const) {
        expect(
          byColumn[role].filter((s) => s !== 'sys'),
          `${action} ${role}`,
        ).toEqual([]);
      }
    }
  });
});

const actor = (roles: UserActor['roles'], organizationId = 'org-a', userId = 'user-1'): UserActor => ({
  kind: 'user',
  userId,
  organizationId,
  roles,
  sessionId: 'session-1',
});

describe('authorize', () => {
  it('allows within a scope and says which', () => {
    const manager = actor(['agency_manager']);
    const decision = authorize(manager, 'user.disable', { kind: 'user', organizationId: 'org-a', userId: 'user-2' });
    expect(decision).toEqual({ allowed: true, reason: 'agency_manager: their own organization', scope: 'own' });
  });

  it('denies on the record when the role holds the action elsewhere, and on the role when it holds none', () => {
    const manager = actor(['agency_manager']);
    const elsewhere = authorize(manager, 'user.disable', { kind: 'user', organizationId: 'org-b', userId: 'user-2' });
    expect(elsewhere).toMatchObject({ allowed: false, basis: 'record' });
    const counsellor = actor(['employment_counsellor']);
    expect(
      authorize(counsellor, 'user.disable', { kind: 'user', organizationId: 'org-a', userId: 'user-2' }),
    ).toMatchObject({
      allowed: false,
      basis: 'role',
    });
    expect(mayTakeAction(counsellor, 'user.disable').allowed).toBe(false);
    expect(mayTakeAction(counsellor, 'user.read').allowed).toBe(true);
  });

  it('gives several roles the union of their cells', () => {
    const both = actor(['trainer', 'agency_manager']);
    expect(actorScopes(both, 'user.invite')).toEqual(['own']);
    expect(authorize(both, 'user.invite', { kind: 'organization', organizationId: 'org-a' }).allowed).toBe(true);
  });

  it('matches self, consent, case team, complaint and aggregates only on the facts given', () => {
    const counsellor = actor(['employment_counsellor'], 'org-a', 'user-1');
    const client = { kind: 'none' as const, organizationId: 'org-b' };
    expect(authorize(counsellor, 'client.read', client).allowed).toBe(false);
    expect(authorize(counsellor, 'client.read', { ...client, consentedOrganizationIds: ['org-a'] })).toMatchObject({
      allowed: true,
      scope: 'cons',
    });
    expect(authorize(counsellor, 'client.read', { ...client, caseTeamUserIds: ['user-1'] })).toMatchObject({
      allowed: true,
      scope: 'team',
    });
    const ombudsperson = actor(['ombudsperson'], 'city', 'user-9');
    expect(authorize(ombudsperson, 'client.read', client).allowed).toBe(false);
    expect(authorize(ombudsperson, 'client.read', { ...client, complaintHandlerUserIds: ['user-9'] }).allowed).toBe(
      true,
    );
    const analyst = actor(['system_analyst'], 'city');
    expect(authorize(analyst, 'report.caseloads', { kind: 'aggregate' }).allowed).toBe(true);
    expect(authorize(analyst, 'client.read_metadata', { kind: 'none', organizationId: 'org-b' }).allowed).toBe(false);
    expect(authorize(counsellor, 'session.read', { kind: 'user', userId: 'user-1' }).allowed).toBe(true);
    expect(authorize(counsellor, 'session.read', { kind: 'user', userId: 'user-2' }).allowed).toBe(false);
  });

  it('lets visitors take public actions only, and the system actor everything', () => {
    expect(authorize({ kind: 'anonymous' }, 'organization.read', { kind: 'none' }).allowed).toBe(true);
    expect(authorize({ kind: 'anonymous' }, 'user.read', { kind: 'none' })).toMatchObject({
      allowed: false,
      basis: 'role',
    });
    expect(authorize({ kind: 'system', name: 'cli' }, 'organization.create', { kind: 'none' }).allowed).toBe(true);
  });
});
