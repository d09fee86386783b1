import type { Actor } from '../../access/actor.ts';
import { notVisibleError, writeAudit } from '../../access/audit.ts';
import { accessClient, consentsNaming } from '../../access/client-access.ts';
import type { Trx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { openMatchToken } from './match-token.ts';
import { AppError } from '../../lib/errors.ts';
import { teamUserIds } from '../case-team/case-team.service.ts';
import { notify } from '../notifications/notification.service.ts';
import type { AccessRequest } from './client-access-request.ts';
import {
  answerAccessRequest,
  insertAccessRequest,
  lockAccessRequest,
  openAccessRequestExists,
  selectAccessRequestPage,
  selectAccessRequests,
  selectClientHolder,
} from './client.queries.ts';
import type { Moment } from '../../lib/clock.ts';

type Context = { requestId: string; secretBox: SecretBox } & Moment;

function staff(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'Access requests are made by agency staff.');
  return actor;
}

const shape = (r: Awaited<ReturnType<typeof selectAccessRequests>>[number], showClient: boolean): AccessRequest => ({
  id: r.id,
  clientId: showClient ? r.clientId : null,
  requestingOrganizationId: r.requestingOrganizationId,
  requestingOrganizationName: r.requestingOrganizationName,
  reason: r.reason,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
});

export async function requestAccess(
  trx: Trx,
  actor: Actor,
  input: { matchToken: string; reason: string },
  context: Context,
): Promise<AccessRequest> {
  const user = staff(actor);
  const clientId = openMatchToken(context.secretBox, input.matchToken, user.organizationId);
  const holder = await selectClientHolder(trx, clientId);
  if (!holder)
    throw new AppError('invalid', 'This match has expired or is not yours: search again.', [
      { field: 'matchToken', message: 'no longer exists' },
    ]);
  if (
    holder.organizationId === user.organizationId ||
    (await consentsNaming(trx, clientId, user.organizationId, context.today)).length > 0
  ) {
    throw new AppError('conflict', 'Your organization already has access to this record.');
  }
  if (await openAccessRequestExists(trx, clientId, user.organizationId))
    throw new AppError('conflict', 'Your organization already asked for access to this record.');
  const id = await insertAccessRequest(trx, {
    clientId,
    requestingOrganizationId: user.organizationId,
    requestedBy: user.userId,
    reason: input.reason,
  });
  // The holding agency's people on the client's team are told; the requester learns nothing more.
  await notify(trx, actor, await teamUserIds(trx, clientId), 'access_requested', { clientId, subjectId: id });
  await writeAudit(trx, actor, {
    action: 'client.access_request',
    outcome: 'succeeded',
    recordType: 'client_access_request',
    recordId: id,
    clientId,
    requestId: context.requestId,
  });
  const [row] = await selectAccessRequests(trx, { id });
  return shape(row!, false);
}

// Incoming: requests for the caller's agency's clients. Outgoing: the caller's agency's requests,
// naming the client only once granted.
export async function listAccessRequests(
  trx: Trx,
  actor: Actor,
  query: { direction: 'incoming' | 'outgoing'; status?: string; page: number; perPage: number },
  context: Context,
): Promise<ListEnvelope<AccessRequest>> {
  const user = staff(actor);
  const { rows, total } = await selectAccessRequestPage(
    trx,
    query.direction === 'incoming'
      ? { holderOrganizationId: user.organizationId, status: query.status }
      : { requestingOrganizationId: user.organizationId, status: query.status },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
  );
  const items = rows.map((r) => shape(r, query.direction === 'incoming' || r.status === 'granted'));
  await writeAudit(trx, actor, {
    action: 'client.access_request',
    outcome: 'succeeded',
    recordType: 'client_access_request',
    recordIds: items.map((i) => i.id),
    reason: query.direction,
    requestId: context.requestId,
  });
  return { items, total, page: query.page, perPage: query.perPage };
}

// The holding agency answers: granted once the client's consent naming the requester is recorded.
export async function answerAccess(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { decision: 'granted' | 'declined'; consentId?: string },
  context: Context,
): Promise<AccessRequest> {
  const user = staff(actor);
  const [row] = isUuid(id) ? await selectAccessRequests(trx, { id }) : [];
  if (!row || row.holderOrganizationId !== user.organizationId) {
    throw notVisibleError(
      actor,
      {
        action: 'consent.grant',
        recordType: 'client_access_request',
        recordId: isUuid(id) ? id : undefined,
        requestId: context.requestId,
      },
      row !== undefined,
      'No access request has that id.',
    );
  }
  await accessClient(trx, actor, row.clientId, 'consent.grant', context);
  const locked = await lockAccessRequest(trx, row.id);
  if (locked?.status !== 'open') throw new AppError('conflict', `This request is already ${locked?.status ?? 'gone'}.`);
  if (input.decision === 'granted') {
    const consents = await consentsNaming(trx, row.clientId, row.requestingOrganizationId, context.today);
    if (!consents.some((c) => c.id === input.consentId)) {
      throw new AppError(
        'invalid',
        "Record the client's consent naming the requesting organization first, then grant with its id.",
        [{ field: 'consentId', message: 'not an active consent naming the requester' }],
      );
    }
  }
  await answerAccessRequest(trx, row.id, {
    status: input.decision,
    answeredBy: user.userId,
    consentId: input.consentId ?? null,
  });
  if (row.requestedBy)
    await notify(trx, actor, [row.requestedBy], 'access_answered', {
      clientId: input.decision === 'granted' ? row.clientId : null,
      subjectId: row.id,
    });
  await writeAudit(trx, actor, {
    action: 'consent.grant',
    outcome: 'succeeded',
    recordType: 'client_access_request',
    recordId: row.id,
    clientId: row.clientId,
    reason: `access request ${input.decision}`,
    requestId: context.requestId,
  });
  const [after] = await selectAccessRequests(trx, { id: row.id });
  return shape(after!, true);
}
