import type { Actor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import { accessClient } from '../../access/client-access.ts';
import type { Trx } from '../../db/database.ts';
import { assessmentHistory } from '../assessment/assessment.service.ts';
import { teamHistory } from '../case-team/case-team.service.ts';
import { consentHistory } from '../consent/consent.service.ts';
import { readableNotes } from '../notes/note.service.ts';
import { visibleTasks } from '../tasks/task.service.ts';
import { getClient, type RequestContext } from './client.service.ts';
import { selectStatusChanges } from './client.queries.ts';
import type { ClientSummary, TimelineEvent } from './client-timeline.ts';

// One timeline across every agency of the case team (issue 4, point 7), built from the parts of the
// file the caller may read: each part answers as its own route would, so nothing leaks through here.
export async function clientTimeline(trx: Trx, actor: Actor, clientId: string, limit: number, context: RequestContext): Promise<{ items: TimelineEvent[] }> {
  const access = await accessClient(trx, actor, clientId, 'client.read', context);
  const events: TimelineEvent[] = [];
  for (const s of await selectStatusChanges(trx, access.clientId)) {
    events.push({ at: s.createdAt, kind: s.kind === 'opened' ? 'file_opened' : 'file_status', organizationId: s.organizationId, organizationName: s.organizationName, subjectId: s.id, summary: s.kind + (s.closedReason ? `: ${s.closedReason}` : '') });
  }
  for (const a of await assessmentHistory(trx, access, limit)) {
    const change = a.previousStream && a.previousStream !== a.stream ? `stream ${a.previousStream} → ${a.stream}` : `stream ${a.stream}`;
    events.push({ at: a.createdAt, kind: 'assessment', organizationId: a.organizationId, organizationName: null, subjectId: a.id, summary: `${a.kind}: ${change}${a.reason ? ` (${a.reason})` : ''}${a.justification ? ` (${a.justification})` : ''}` });
  }
  for (const n of await readableNotes(trx, actor, access, limit)) {
    events.push({ at: n.createdAt, kind: 'note', organizationId: n.organizationId, organizationName: n.organizationName, subjectId: n.id, summary: `${n.kind}: ${n.body.slice(0, 280)}` });
  }
  for (const c of await consentHistory(trx, actor, access)) {
    events.push({ at: c.createdAt, kind: 'consent_granted', organizationId: c.recordedByOrganizationId, organizationName: null, subjectId: c.id, summary: `${c.organizationName}: ${c.categories.join(', ')} for ${c.purpose} until ${c.expiresOn}` });
    if (c.revokedAt) events.push({ at: c.revokedAt, kind: 'consent_revoked', organizationId: null, organizationName: null, subjectId: c.id, summary: c.organizationName });
  }
  for (const m of await teamHistory(trx, actor, access)) {
    events.push({ at: m.addedAt, kind: 'team_joined', organizationId: m.organizationId, organizationName: m.organizationName, subjectId: m.id, summary: `${m.displayName} (${m.teamRole})` });
    if (m.removedAt) events.push({ at: m.removedAt, kind: 'team_left', organizationId: m.organizationId, organizationName: m.organizationName, subjectId: m.id, summary: `${m.displayName} (${m.removalReason ?? ''})` });
  }
  for (const t of await visibleTasks(trx, actor, access)) {
    if (t.completedAt) events.push({ at: t.completedAt, kind: 'task_closed', organizationId: t.organizationId, organizationName: null, subjectId: t.id, summary: `${t.status}: ${t.title}` });
  }
  events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const items = events.slice(0, limit);
  await writeAudit(trx, actor, { action: 'client.read', outcome: 'succeeded', recordType: 'client_timeline', recordId: access.clientId, clientId: access.clientId, purpose: access.purposes.join(',') || undefined, reason: `timeline: ${items.length} event(s)`, requestId: context.requestId });
  return { items };
}

// The one-page handover summary: the record's view, the assessment in force with its reasons, the
// last contacts, open tasks and the team.
export async function clientSummary(trx: Trx, actor: Actor, clientId: string, context: RequestContext): Promise<ClientSummary> {
  const client = await getClient(trx, actor, clientId, context);
  const access = await accessClient(trx, actor, client.id, 'client.read', context);
  const [current] = await assessmentHistory(trx, access, 1);
  const tasks = await visibleTasks(trx, actor, access);
  const team = (await teamHistory(trx, actor, access)).filter((m) => m.removedAt === null);
  const lastContacts = await readableNotes(trx, actor, access, 5);
  return { client, currentAssessment: current ?? null, lastContacts, openTasks: tasks.filter((t) => t.status === 'open'), team, openReferrals: [] };
}
