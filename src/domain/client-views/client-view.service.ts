import type { Actor } from '../../access/actor.ts';
import { auditClient } from '../../access/audit.ts';
import { loadClientFacts, partAccess, requireClient } from '../../access/client-access.ts';
import type { Trx } from '../../db/database.ts';
import { assessmentHistory } from '../assessment/assessment.service.ts';
import { readableMembers } from '../case-team/case-team.service.ts';
import { readableConsents } from '../consent/consent.service.ts';
import { readableNotes } from '../notes/note.service.ts';
import { readableTasks } from '../tasks/task.service.ts';
import { readableReferralEvents, readableReferrals } from '../referrals/referral.service.ts';
import { readablePlacementEvents } from '../placements/placement.service.ts';
import { clientOnFacts, statusHistory, type RequestContext } from '../clients/client.service.ts';
import type { ClientSummary, TimelineDetail, TimelineEvent } from './client-view.ts';

// One timeline across every agency of the case team (issue 4, point 7), built from the parts of the
// file the caller may read: each part is decided by its own route's action (`partAccess`) and read by
// the same function as that route, so a part the route refuses is simply absent here.
export async function clientTimeline(
  trx: Trx,
  actor: Actor,
  clientId: string,
  limit: number,
  context: RequestContext,
): Promise<{ items: TimelineEvent[] }> {
  const facts = await loadClientFacts(trx, actor, clientId, context.today);
  const access = requireClient(actor, facts, 'client.read', context);
  const part = (action: Parameters<typeof partAccess>[2]) => partAccess(actor, facts!, action, context.purpose);
  const events: TimelineEvent[] = [];
  for (const s of await statusHistory(trx, access)) {
    events.push({
      at: s.createdAt,
      kind: s.kind === 'opened' ? 'file_opened' : 'file_status',
      organizationId: s.organizationId,
      organizationName: s.organizationName,
      subjectId: s.id,
      summary: s.kind + (s.closedReason ? `: ${s.closedReason}` : ''),
      detail: { statusChange: s.kind, closedReason: s.closedReason as TimelineDetail['closedReason'] },
    });
  }
  for (const a of await assessmentHistory(trx, part('assessment.read'), limit)) {
    const change =
      a.previousStream && a.previousStream !== a.stream
        ? `stream ${a.previousStream} → ${a.stream}`
        : `stream ${a.stream}`;
    events.push({
      at: a.createdAt,
      kind: 'assessment',
      organizationId: a.organizationId,
      organizationName: null,
      subjectId: a.id,
      summary: `${a.kind}: ${change}${a.reason ? ` (${a.reason})` : ''}${a.justification ? ` (${a.justification})` : ''}`,
      detail: {
        assessmentKind: a.kind,
        stream: a.stream,
        previousStream: a.previousStream,
        reason: [a.reason, a.justification].filter(Boolean).join(' — ') || null,
      },
    });
  }
  for (const n of await readableNotes(trx, actor, part('note.read'), limit)) {
    events.push({
      at: n.createdAt,
      kind: 'note',
      organizationId: n.organizationId,
      organizationName: n.organizationName,
      subjectId: n.id,
      summary: `${n.kind}: ${n.body.slice(0, 280)}`,
      detail: { noteKind: n.kind, body: n.body.slice(0, 280) },
    });
  }
  for (const c of await readableConsents(trx, actor, part('consent.read'), context.today)) {
    events.push({
      at: c.createdAt,
      kind: 'consent_granted',
      organizationId: c.recordedByOrganizationId,
      organizationName: null,
      subjectId: c.id,
      summary: `${c.organizationName}: ${c.categories.join(', ')} for ${c.purpose} until ${c.expiresOn}`,
      detail: {
        namedOrganization: c.organizationName,
        categories: c.categories,
        purpose: c.purpose,
        expiresOn: c.expiresOn,
      },
    });
    if (c.revokedAt)
      events.push({
        at: c.revokedAt,
        kind: 'consent_revoked',
        organizationId: null,
        organizationName: null,
        subjectId: c.id,
        summary: c.organizationName,
        detail: { namedOrganization: c.organizationName },
      });
  }
  for (const m of await readableMembers(trx, actor, part('case_team.read'))) {
    events.push({
      at: m.addedAt,
      kind: 'team_joined',
      organizationId: m.organizationId,
      organizationName: m.organizationName,
      subjectId: m.id,
      summary: `${m.displayName} (${m.teamRole})`,
      detail: { personName: m.displayName, teamRole: m.teamRole },
    });
    if (m.removedAt)
      events.push({
        at: m.removedAt,
        kind: 'team_left',
        organizationId: m.organizationId,
        organizationName: m.organizationName,
        subjectId: m.id,
        summary: `${m.displayName} (${m.removalReason ?? ''})`,
        detail: { personName: m.displayName, removalReason: m.removalReason },
      });
  }
  for (const t of await readableTasks(trx, actor, part('task.read'), context.today)) {
    if (t.completedAt)
      events.push({
        at: t.completedAt,
        kind: 'task_closed',
        organizationId: t.organizationId,
        organizationName: null,
        subjectId: t.id,
        summary: `${t.status}: ${t.title}`,
        detail: { taskStatus: t.status, taskTitle: t.title },
      });
  }
  for (const e of await readableReferralEvents(trx, actor, access, limit)) {
    if (e.kind === 'rated') continue;
    const step = e.kind === 'status' ? e.status! : e.kind;
    events.push({
      at: e.at,
      kind: 'referral',
      organizationId: e.organizationId,
      organizationName: e.organizationName,
      subjectId: e.id,
      summary: `${step}${e.reason ? ` (${e.reason})` : ''}: ${e.serviceName ?? e.toName}`,
      detail: {
        referralId: e.referralId,
        referralStep: step,
        referralReason: e.reason,
        programName: e.serviceName ?? null,
        namedOrganization: e.toName,
      },
    });
  }
  for (const e of await readablePlacementEvents(trx, actor, part('placement.read'), limit)) {
    events.push({
      at: e.at.toISOString(),
      kind: 'placement',
      organizationId: e.organizationId,
      organizationName: e.organizationName,
      subjectId: e.id,
      summary: `${e.status}${e.reason ? ` (${e.reason})` : ''}: ${e.jobTitle}, ${e.employerName}`,
      detail: {
        placementId: e.placementId,
        placementStep: e.status,
        placementReason: e.reason as TimelineDetail['placementReason'],
        jobTitle: e.jobTitle,
        namedOrganization: e.employerName,
      },
    });
  }
  events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const items = events.slice(0, limit);
  await auditClient(trx, actor, access, {
    action: 'client.read',
    recordType: 'client_timeline',
    recordId: access.clientId,
    purpose: access.purposes.join(',') || undefined,
    reason: `timeline: ${items.length} event(s)`,
    requestId: context.requestId,
  });
  return { items };
}

// The one-page handover summary: the record's view, the assessment in force with its reasons, the
// last contacts, open tasks and the team.
export async function clientSummary(
  trx: Trx,
  actor: Actor,
  clientId: string,
  context: RequestContext,
): Promise<ClientSummary> {
  // One load of the facts for the file, its `can` and every part.
  const facts = await loadClientFacts(trx, actor, clientId, context.today);
  const client = await clientOnFacts(trx, actor, facts, context);
  const part = (action: Parameters<typeof partAccess>[2]) =>
    facts ? partAccess(actor, facts, action, context.purpose) : undefined;
  const [current] = await assessmentHistory(trx, part('assessment.read'), 1);
  const tasks = await readableTasks(trx, actor, part('task.read'), context.today);
  const team = (await readableMembers(trx, actor, part('case_team.read'))).filter((m) => m.removedAt === null);
  const lastContacts = await readableNotes(trx, actor, part('note.read'), 5);
  return {
    client,
    can: client.can,
    currentAssessment: current ?? null,
    lastContacts,
    openTasks: tasks.filter((t) => t.status === 'open'),
    team,
    openReferrals: (await readableReferrals(trx, actor, part('client.read'), context.today)).filter(
      (r) => r.closedAt === null,
    ),
  };
}
