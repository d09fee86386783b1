import type { Role } from './roles.ts';

// docs/permissions.md, section 3, as data: the one source of truth in code. Each row is an action;
// its cells follow the columns of the document's tables. A cell lists the scopes (section 2.1) in
// which the column's role may take the action; '—' is none. permissions.test.ts parses the document
// and fails on any difference, so a permission changes there first.

export const scopes = ['pub', 'self', 'own', 'cons', 'team', 'cmp', 'sys', 'all'] as const;
export type Scope = (typeof scopes)[number];

export type Column = Role | 'anonymous';

// The tables' column order: anon, SA, AN, OM, AM, EC, CW, JD, TR, EU, JS.
export const columns = [
  ['anon', 'anonymous'],
  ['SA', 'system_administrator'],
  ['AN', 'system_analyst'],
  ['OM', 'ombudsperson'],
  ['AM', 'agency_manager'],
  ['EC', 'employment_counsellor'],
  ['CW', 'caseworker'],
  ['JD', 'job_developer'],
  ['TR', 'trainer'],
  ['EU', 'employer_user'],
  ['JS', 'job_seeker'],
] as const satisfies readonly (readonly [string, Column])[];

type Cell = '—' | `${Scope}` | `${Scope}, ${Scope}` | `${Scope}, ${Scope}, ${Scope}`;
type Row = readonly [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];

const table = {
  'system.health': ['pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub'],
  'system.summary': ['pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub'],
  'system.api_docs': ['pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub'],
  'organization.read': ['pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub'],
  'reference.read': ['pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub'],
  'organization.create': ['—', 'all', '—', '—', '—', '—', '—', '—', '—', '—', '—'],
  'organization.update': ['—', 'all', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'site.manage': ['—', 'all', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'auth.sign_in': ['pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub'],
  'auth.accept_invitation': ['pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub'],
  'auth.password_reset': ['pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub'],
  'session.read': ['—', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self'],
  'session.revoke': ['—', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self'],
  'session.revoke_all': ['—', 'self, all', 'self', 'self', 'self, own', 'self', 'self', 'self', 'self', 'self', 'self'],
  'notification.read': ['—', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self'],
  'mfa.enrol': ['—', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self', 'self'],
  'user.invite': ['—', 'all', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'user.read': ['—', 'self, all', 'self', 'self', 'self, own', 'self', 'self', 'self', 'self', 'self', 'self'],
  'user.update_roles': ['—', 'all', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'user.disable': ['—', 'all', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'audit.read_by_actor': ['—', 'all', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'audit.read_by_client': ['—', '—', '—', 'cmp', 'own', '—', '—', '—', '—', '—', 'self'],
  'client.search_duplicates': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'client.create': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'client.read': [
    '—',
    '—',
    '—',
    'cmp',
    'own, cons, team',
    'own, cons, team',
    'own, cons, team',
    'own, cons, team',
    'team',
    'cons',
    'self',
  ],
  'client.read_metadata': ['—', 'sys', 'sys', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'client.update': ['—', '—', '—', '—', 'own', 'own', 'own', 'own', '—', '—', 'self'],
  'client.close': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'client.export': ['—', '—', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'client.invite_account': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'client.equity.read': ['—', '—', '—', '—', '—', 'own, cons', 'own, cons', '—', '—', '—', 'self'],
  'client.equity.write': ['—', '—', '—', '—', '—', 'own', 'own', '—', '—', '—', 'self'],
  'client.access_request': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'consent.read': ['—', '—', '—', 'cmp', 'own, cons', 'own, cons', 'own, cons', 'own, cons', 'team', 'cons', 'self'],
  'consent.grant': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', 'self'],
  'consent.revoke': ['—', '—', '—', '—', 'own, cons', 'own, cons', 'own, cons', '—', '—', '—', 'self'],
  'agreement.read': ['—', 'all', 'all', '—', 'own', '—', '—', '—', '—', '—', 'self'],
  'agreement.manage': ['—', 'all', '—', '—', '—', '—', '—', '—', '—', '—', '—'],
  'assessment.read': [
    '—',
    '—',
    '—',
    'cmp',
    'own, cons, team',
    'own, cons, team',
    'own, cons, team',
    'team',
    '—',
    '—',
    'self',
  ],
  'assessment.create': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'assessment.override': ['—', '—', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'assessment.review_request': ['—', '—', '—', '—', '—', 'own', 'own', '—', '—', '—', 'self'],
  'assessment.review_answer': ['—', '—', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'report.assessment_rates': ['—', 'sys', 'sys', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'plan.read': [
    '—',
    '—',
    '—',
    'cmp',
    'own, cons, team',
    'own, cons, team',
    'own, cons, team',
    'team',
    'team',
    '—',
    'self',
  ],
  'plan.create': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'plan.update': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'plan.acknowledge': ['—', '—', '—', '—', '—', 'own', 'own', '—', '—', '—', 'self'],
  'note.read': ['—', '—', '—', 'cmp', 'own, team', 'own, team', 'own, team', 'team', 'team', '—', 'self'],
  'note.create': ['—', '—', '—', '—', 'own, team', 'own, team', 'own, team', 'own, team', 'team', '—', '—'],
  'note.correct': ['—', '—', '—', '—', 'own', 'self', 'self', 'self', 'self', '—', '—'],
  'case_team.read': ['—', '—', '—', 'cmp', 'own, team', 'own, team', 'own, team', 'team', 'team', '—', 'self'],
  'case_team.add': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'case_team.remove': ['—', '—', '—', '—', 'own', 'own, self', 'own, self', 'self', 'self', '—', 'self'],
  'task.read': ['—', '—', '—', '—', 'own', 'own, self', 'own, self', 'self, team', 'self, team', 'self', '—'],
  'task.create': ['—', '—', '—', '—', 'own, team', 'own, team', 'own, team', 'own, team', 'team', '—', '—'],
  'task.update': ['—', '—', '—', '—', 'own', 'own, self', 'own, self', 'self', 'self', '—', '—'],
  'caseload.read': ['—', '—', '—', '—', 'own', 'self', 'self', 'self', '—', '—', '—'],
  'caseload.reassign': ['—', '—', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'transfer.read': ['—', 'sys', 'sys', '—', 'own', 'own', 'own', '—', '—', '—', 'self'],
  'transfer.request': ['—', '—', '—', '—', 'own, cons', 'own, cons', 'own, cons', '—', '—', '—', 'self'],
  'transfer.accept': ['—', '—', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'transfer.release': ['—', 'sys', '—', '—', 'own', 'own', 'own', '—', '—', '—', '—'],
  'transfer.overdue_report': ['—', 'sys', 'sys', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'complaint.open': ['—', '—', '—', 'own', '—', '—', '—', '—', '—', '—', 'self'],
  'complaint.read': ['—', '—', '—', 'own', 'own', '—', '—', '—', '—', '—', 'self'],
  'complaint.assign': ['—', '—', '—', 'own', '—', '—', '—', '—', '—', '—', '—'],
  'complaint.close': ['—', '—', '—', 'own', '—', '—', '—', '—', '—', '—', '—'],
  'report.caseloads': ['—', 'sys', 'sys', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'report.consents': ['—', 'sys', 'sys', 'sys', 'own', '—', '—', '—', '—', '—', '—'],
  'report.equity': ['—', 'sys', 'sys', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'report.complaints': ['—', 'sys', 'sys', 'sys', 'own', '—', '—', '—', '—', '—', '—'],
  'service.read': ['pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub'],
  'service.capacity_read': ['—', 'all', 'all', '—', 'all', 'all', 'all', 'all', 'all', '—', '—'],
  'service.manage': ['—', 'all', '—', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'directory.landscape': ['—', 'sys', 'sys', '—', '—', '—', '—', '—', '—', '—', '—'],
  'referral.read': ['—', '—', '—', 'cmp', 'own', 'own', 'own', 'own', 'own', '—', 'self'],
  'referral.create': ['—', '—', '—', '—', 'own, cons', 'own, cons', 'own, cons', 'own, cons', '—', '—', '—'],
  'referral.respond': ['—', '—', '—', '—', 'own', 'own', 'own', 'own', 'own', '—', '—'],
  'referral.rate': ['—', '—', '—', '—', 'own', 'own', 'own', 'own', 'own', '—', 'self'],
  'report.referrals': ['—', 'sys', 'sys', '—', 'own', '—', '—', '—', '—', '—', '—'],
  'employer.read': ['—', 'all', 'all', '—', 'all', 'all', 'all', 'all', 'all', 'own', '—'],
  'employer.manage': ['—', 'all', '—', '—', 'all', '—', '—', 'all', '—', 'own', '—'],
  'engagement.read': ['—', 'all', 'all', '—', 'all', 'all', 'all', 'all', '—', '—', '—'],
  'engagement.create': ['—', '—', '—', '—', 'all', 'all', 'all', 'all', '—', '—', '—'],
  'job_order.read': ['—', 'all', 'all', '—', 'all', 'all', 'all', 'all', 'all', 'own', '—'],
  'job_order.manage': ['—', 'all', '—', '—', 'all', '—', '—', 'all', '—', 'own', '—'],
  'match.jobs_for_client': [
    '—',
    '—',
    '—',
    '—',
    'own, cons, team',
    'own, cons, team',
    'own, cons, team',
    'own, cons, team',
    '—',
    '—',
    '—',
  ],
  'match.candidates_for_job': [
    '—',
    '—',
    '—',
    '—',
    'own, cons, team',
    'own, cons, team',
    'own, cons, team',
    'own, cons, team',
    '—',
    '—',
    '—',
  ],
  'match.programs_for_client': [
    '—',
    '—',
    '—',
    '—',
    'own, cons, team',
    'own, cons, team',
    'own, cons, team',
    'own, cons, team',
    '—',
    '—',
    '—',
  ],
  'placement.read': ['—', '—', '—', '—', 'own', 'own', 'own', 'own', '—', 'own', 'self'],
  'placement.propose': ['—', '—', '—', '—', 'own, cons', 'own, cons', 'own, cons', 'own, cons', '—', '—', '—'],
  'placement.respond': ['—', '—', '—', '—', 'own', 'own', 'own', 'own', '—', 'own', '—'],
  'event.read': ['pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub', 'pub'],
  'event.manage': ['—', 'all', '—', '—', 'all', '—', '—', 'all', '—', 'own', '—'],
  'event.register': ['—', '—', '—', '—', 'own, cons', 'own, cons', 'own, cons', 'own, cons', '—', '—', '—'],
  'report.employers': ['—', 'sys', 'sys', '—', 'own', '—', '—', '—', '—', '—', '—'],
} as const satisfies Record<string, Row>;

export type Action = keyof typeof table;
export const actions = Object.keys(table) as Action[];

function parseCell(cell: Cell): readonly Scope[] {
  return cell === '—' ? [] : (cell.split(', ') as Scope[]);
}

// action -> column -> scopes, built once from the table above.
export const permissions: Record<Action, Record<Column, readonly Scope[]>> = Object.fromEntries(
  actions.map((action) => {
    const row: Row = table[action];
    return [action, Object.fromEntries(columns.map(([, column], i) => [column, parseCell(row[i] ?? '—')]))];
  }),
) as Record<Action, Record<Column, readonly Scope[]>>;

export function isAction(value: string): value is Action {
  return Object.hasOwn(table, value);
}

// The scopes a column holds for an action (empty: the role may not take it at all).
export function scopesOf(action: Action, column: Column): readonly Scope[] {
  return permissions[action][column];
}

// Whether anyone, signed in or not, may call a route declaring this action.
export function isPublicAction(action: Action): boolean {
  return scopesOf(action, 'anonymous').includes('pub');
}

// The table as the document writes it (permissions.test.ts compares the two).
export function tableRows(): { action: Action; cells: readonly string[] }[] {
  return actions.map((action) => ({ action, cells: table[action] }));
}
