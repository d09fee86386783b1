import type { Actor } from './actor.ts';
import { actorScopes, authorize, mayTakeAction, type Action } from './authorize.ts';
import { partAccess, type ClientAccess } from './client-access.ts';
import type { ClientFacts } from './facts/client-facts.ts';
import type { ConsentCategory } from './roles.ts';
import { mayRevokeConsent } from './policies/consent.ts';
import { transferReaderFor } from './policies/transfer.ts';
import type { ClientCan, ClientAction, SessionCan, SessionAction } from './can.ts';

// The `can` maps of can.ts, decided here once: each entry asks what its route asks, on the facts
// the answer was built from (one load per request), so a button shows exactly when its route would
// take the action. A new action on a client's file adds its entry here and in can.ts.

type Rule =
  // The route's own access (`partAccess`), then any category it requires (`writing`: the holding
  // agency's staff add without reading, as requireCategory allows), then a further check.
  | {
      action: Action;
      category?: readonly ConsentCategory[];
      writing?: boolean;
      and?: (actor: Actor, access: ClientAccess) => boolean;
    }
  // Routes that decide on the file's holder alone, with authorize() on the record they change.
  | { holder: (actor: Actor, holderOrganizationId: string) => boolean };

const holds = (actor: Actor, organizationId: string) =>
  actor.kind === 'user' && actor.organizationId === organizationId;
// authorize() on a record of this file: written by the actor (`mine`) or by someone else, and
// owned by `organizationId` (a note: its author's organization; a team place: the file's holder).
const onRecord = (actor: Actor, action: Action, organizationId: string, mine: boolean) =>
  actor.kind === 'user' &&
  authorize(actor, action, { kind: 'client', organizationId, userId: mine ? actor.userId : undefined }).allowed;

const clientRules: Record<ClientAction, Rule> = {
  readPlan: { action: 'plan.read', category: ['plan'] },
  createPlan: { action: 'plan.create' },
  updatePlan: { action: 'plan.update' },
  acknowledgePlan: { action: 'plan.acknowledge' },
  readNotes: { action: 'note.read', category: ['notes'] },
  addNote: { action: 'note.create', category: ['notes'], writing: true },
  // A correction reads the note (note.read), then asks authorize('note.correct') of the note, which
  // carries its author's organization: the actor's own for the notes these two entries are about.
  correctOwnNotes: {
    action: 'note.read',
    category: ['notes'],
    and: (actor) => actor.kind === 'user' && onRecord(actor, 'note.correct', actor.organizationId, true),
  },
  correctAgencyNotes: {
    action: 'note.read',
    category: ['notes'],
    and: (actor) => actor.kind === 'user' && onRecord(actor, 'note.correct', actor.organizationId, false),
  },
  readTasks: { action: 'task.read', category: ['plan'] },
  addTask: { action: 'task.create', category: ['plan'], writing: true },
  readTeam: { action: 'case_team.read' },
  readAccessLog: { action: 'audit.read_by_client' },
  addTeamMember: { action: 'case_team.add' },
  // case-team.service.ts removeMember: authorize('case_team.remove') on the holder and the member.
  removeTeamMembers: { holder: (actor, holder) => onRecord(actor, 'case_team.remove', holder, false) },
  leaveTeam: { holder: (actor, holder) => onRecord(actor, 'case_team.remove', holder, true) },
  readConsents: { action: 'consent.read' },
  grantConsent: { action: 'consent.grant' },
  // Another agency reaching the file by its consent revokes only the consents naming it.
  revokeConsents: { action: 'consent.revoke', and: (actor, access) => mayRevokeConsent(actor, access) },
  revokeConsentsNamingYou: { action: 'consent.revoke' },
  readAssessment: { action: 'assessment.read', category: ['assessment'] },
  createAssessment: { action: 'assessment.create', category: ['assessment'] },
  overrideAssessment: { action: 'assessment.override', category: ['assessment'] },
  requestReview: { action: 'assessment.review_request', category: ['assessment'] },
  answerReview: { action: 'assessment.review_answer' },
  readAttachments: { action: 'client.read' },
  // An attachment belongs to identity_contact (signed forms) or employment (a résumé).
  addAttachment: { action: 'client.update', category: ['identity_contact', 'employment'] },
  updateRecord: { action: 'client.update' },
  changeStatus: { action: 'client.close' },
  inviteAccount: { action: 'client.invite_account' },
  // transfer.service.ts listTransfers: the holding agency reads every transfer of its client; another
  // agency only those to or from it, and none is a 404 like a record it cannot see (policies/transfer.ts).
  readTransfers: {
    holder: (actor, holder) =>
      transferReaderFor(actor, holder)?.organizationId === null &&
      authorize(actor, 'transfer.read', { kind: 'client', organizationId: holder }).allowed,
  },
  requestTransfer: { action: 'transfer.request' },
  // referral.service.ts listClientReferrals: part of the file (client.read); another agency sees its own.
  readReferrals: { action: 'client.read' },
  sendReferral: { action: 'referral.create' },
  // matching.routes.ts and placement.service.ts: the employment information feeds both.
  readJobMatches: { action: 'match.jobs_for_client', category: ['employment'] },
  readProgramMatches: { action: 'match.programs_for_client', category: ['employment'] },
  readPlacements: { action: 'client.read' },
  proposePlacement: { action: 'placement.propose', category: ['employment'] },
  // hiring-event.service.ts registers a client with the employment information (an event is about work).
  registerForEvents: { action: 'event.register', category: ['employment'] },
};

function allows(
  actor: Actor,
  facts: ClientFacts,
  rule: Rule,
  accessFor: (action: Action) => ClientAccess | undefined,
): boolean {
  if ('holder' in rule) return rule.holder(actor, facts.holderOrganizationId);
  const access = accessFor(rule.action);
  if (!access) return false;
  const category = rule.category ?? [];
  const reached =
    category.length === 0 ||
    category.some((c) => access.categories.has(c)) ||
    (rule.writing === true && holds(actor, access.holderOrganizationId));
  return reached && (rule.and?.(actor, access) ?? true);
}

const clientActions = Object.keys(clientRules) as ClientAction[];

// What the actor may do with one client's file, on the facts its answer was built from.
export function clientCan(actor: Actor, facts: ClientFacts, purpose?: string): ClientCan {
  // Several entries ask the same action's access: each action is decided once per answer.
  const decided = new Map<Action, ClientAccess | undefined>();
  const accessFor = (action: Action) => {
    if (!decided.has(action)) decided.set(action, partAccess(actor, facts, action, purpose));
    return decided.get(action);
  };
  const can = {} as Record<ClientAction, boolean>;
  for (const name of clientActions) can[name] = allows(actor, facts, clientRules[name], accessFor);
  return can;
}

// Which pages the user's roles open: the action each page's API needs (in the scope it needs).
const sessionRules: Record<SessionAction, { action: Action; scope?: 'self' | 'own' | 'all' }> = {
  myFile: { action: 'client.read', scope: 'self' },
  work: { action: 'task.read' },
  team: { action: 'report.caseloads', scope: 'own' },
  caseload: { action: 'caseload.read' },
  agencyCaseload: { action: 'caseload.read', scope: 'own' },
  handover: { action: 'caseload.reassign' },
  tasks: { action: 'task.read' },
  agencyTasks: { action: 'task.read', scope: 'own' },
  completeOwnTasks: { action: 'task.update', scope: 'self' },
  completeAgencyTasks: { action: 'task.update', scope: 'own' },
  newClient: { action: 'client.create' },
  accessRequests: { action: 'client.access_request' },
  transfers: { action: 'transfer.read', scope: 'own' },
  referrals: { action: 'referral.read', scope: 'own' },
  recruit: { action: 'referral.create' },
  employers: { action: 'engagement.read' },
  manageEmployers: { action: 'employer.manage', scope: 'all' },
  postJobs: { action: 'job_order.manage' },
  jobs: { action: 'job_order.read' },
  placements: { action: 'placement.read' },
  jobCandidates: { action: 'match.candidates_for_job' },
  manageEvents: { action: 'event.manage' },
  eventRegistrations: { action: 'event.register' },
  reports: { action: 'report.assessment_rates' },
  landscape: { action: 'directory.landscape' },
  administration: { action: 'user.invite' },
  everyOrganization: { action: 'organization.create' },
};

export function sessionCan(actor: Actor): SessionCan {
  return Object.fromEntries(
    Object.entries(sessionRules).map(([name, rule]) => [
      name,
      rule.scope === undefined
        ? mayTakeAction(actor, rule.action).allowed
        : actorScopes(actor, rule.action).includes(rule.scope),
    ]),
  ) as SessionCan;
}
