import type { Actor } from '../../access/actor.ts';
import { deniedError, writeAudit } from '../../access/audit.ts';
import { authorize } from '../../access/authorize.ts';
import type { Trx } from '../../db/database.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import type { AuditQuery, AuditRow } from './audit.ts';
import { selectAuditByActor } from './audit.queries.ts';

// An actor's audit rows, for system administrators. Reading the log is itself audited.
export async function searchAuditByActor(trx: Trx, actor: Actor, query: AuditQuery, requestId: string): Promise<ListEnvelope<AuditRow>> {
  const decision = authorize(actor, 'audit.read_by_actor', { kind: 'user', organizationId: '', userId: query.actorUserId });
  if (!decision.allowed) {
    throw deniedError(actor, { action: 'audit.read_by_actor', recordType: 'user', recordId: query.actorUserId, reason: decision.reason, requestId }, `Not allowed: ${decision.reason}.`);
  }
  const { items, total } = await selectAuditByActor(trx, query);
  await writeAudit(trx, actor, { action: 'audit.read_by_actor', outcome: 'succeeded', recordType: 'user', recordId: query.actorUserId, requestId });
  return { items, total, page: query.page, perPage: query.perPage };
}
