import type { Actor } from '../../access/actor.ts';
import { deniedError, writeAudit } from '../../access/audit.ts';
import { actorScopes, mayTakeAction } from '../../access/authorize.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccessLog, AuditList, AuditQuery, ClientAuditQuery } from './audit.ts';
import { accessClient } from '../../access/client-access.ts';
import { selectAccessLog, selectAuditRows } from './audit.queries.ts';

// Searching actors' audit rows (docs/permissions.md 3.3, `audit.read_by_actor`): system administrators
// search everything; an agency manager only the rows of actors in their own organization, which the
// query enforces whatever the filters say. Reading the log is itself audited, with the ids returned.
export async function searchAudit(trx: Trx, actor: Actor, query: AuditQuery, requestId: string): Promise<AuditList> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first.');
  const gate = mayTakeAction(actor, 'audit.read_by_actor');
  if (!gate.allowed) {
    throw deniedError(
      actor,
      { action: 'audit.read_by_actor', reason: gate.reason, requestId },
      `Not allowed: ${gate.reason}.`,
    );
  }
  const scopes = actorScopes(actor, 'audit.read_by_actor');
  const { page, perPage, ...filter } = query;
  let elsewhere = false;
  if (!scopes.includes('all')) {
    // `own` only: the caller's organization, even when the query names another (which then finds nothing).
    const own = actor.kind === 'user' ? actor.organizationId : undefined;
    elsewhere = filter.organizationId !== undefined && filter.organizationId !== own;
    filter.organizationId = own;
  }
  const { items, total, totalCapped } = elsewhere
    ? { items: [], total: 0, totalCapped: false }
    : await selectAuditRows(trx, filter, { page, perPage });
  await writeAudit(trx, actor, {
    action: 'audit.read_by_actor',
    outcome: 'succeeded',
    recordType: 'audit_log',
    recordId: query.actorUserId,
    // Audit rows have numeric ids (record_ids holds uuids): the search and what it returned, in words.
    reason: describeSearch(
      filter,
      items.map((row) => row.id),
    ),
    requestId,
  });
  return { items, total, totalCapped, page, perPage };
}

// "organization=…, action=auth; 2 rows, ids 41-57": ids, actions and dates only, never values.
export function describeSearch(filter: Omit<AuditQuery, 'page' | 'perPage'>, ids: number[]): string {
  const parts = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${String(value)}`);
  const range = ids.length === 0 ? '' : `, ids ${Math.min(...ids)}-${Math.max(...ids)}`;
  return `${parts.length > 0 ? parts.join(', ') : 'no filters'}; ${ids.length} row(s)${range}`;
}

// "Who has looked at my file" (docs/permissions.md 3.3, `audit.read_by_client`): the rows naming one
// client, for the manager of the agency holding the file (and, as their modules arrive, the
// ombudsperson during an open complaint and the client themself). Anyone else gets the 404 a random
// id gets. The read is itself audited against the client.
export async function searchClientAudit(
  trx: Trx,
  actor: Actor,
  clientId: string,
  query: ClientAuditQuery,
  context: { requestId: string; today: string },
): Promise<AuditList> {
  const { requestId } = context;
  const client = { id: (await accessClient(trx, actor, clientId, 'audit.read_by_client', context)).clientId };
  const { items, total, totalCapped } = await selectAuditRows(trx, { clientId: client.id }, query);
  await writeAudit(trx, actor, {
    action: 'audit.read_by_client',
    outcome: 'succeeded',
    recordType: 'client',
    recordId: client.id,
    clientId: client.id,
    reason: describeSearch(
      {},
      items.map((row) => row.id),
    ),
    requestId,
  });
  return { items, total, totalCapped, page: query.page, perPage: query.perPage };
}

// The same right (`audit.read_by_client`) in plain terms, for the client: who opened or changed the file,
// from which agency, what and when, grouped by day. Reading it is audited like the full rows.
export async function clientAccessLog(
  trx: Trx,
  actor: Actor,
  clientId: string,
  query: ClientAuditQuery,
  context: { requestId: string; today: string; timeZone: string },
): Promise<AccessLog> {
  const client = { id: (await accessClient(trx, actor, clientId, 'audit.read_by_client', context)).clientId };
  const { items, total } = await selectAccessLog(trx, {
    clientId: client.id,
    timeZone: context.timeZone,
    page: query.page,
    perPage: query.perPage,
  });
  await writeAudit(trx, actor, {
    action: 'audit.read_by_client',
    outcome: 'succeeded',
    recordType: 'client',
    recordId: client.id,
    clientId: client.id,
    reason: `access log, page ${query.page}: ${items.length} line(s)`,
    requestId: context.requestId,
  });
  return { items, total, page: query.page, perPage: query.perPage };
}
