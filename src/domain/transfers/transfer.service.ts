import type { Actor } from '../../access/actor.ts';
import { transferReaderFor, transferVisible } from '../../access/policies/transfer.ts';
import { withClient, type ClientAudit } from '../../access/with-client.ts';
import { deniedError, notVisibleError, writeAudit } from '../../access/audit.ts';
import { actorScopes, authorize } from '../../access/authorize.ts';
import { sweepInBatches, type Db, type Trx } from '../../db/database.ts';
import { systemActor } from '../../access/actor.ts';
import { addBusinessDays, businessDaysBetween } from '../../lib/business-days.ts';
import { addDays } from '../../lib/dates.ts';
import { readClock, type Clock, type Moment } from '../../lib/clock.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import { activeManagersOf, clientOfAccount, systemMonitors } from '../accounts/user-admin.service.ts';
import { handOverTeamOnTransfer, teamUserIds } from '../case-team/case-team.service.ts';
import { grantConsent } from '../consent/consent.service.ts';
import { notify } from '../notifications/notification.service.ts';
import { closeTaskFor, openTaskFor } from '../tasks/task.service.ts';
import { clientHolder, moveClientHolder } from '../clients/client.service.ts';
import { getOrganization } from '../organizations/organization.service.ts';
import type { AgencyTransfer, AgencyTransferQuery, NewTransfer, OverdueReport, Transfer } from './transfer.ts';
import type { TransferPolicy } from './transfer-policy.ts';
import {
  claimOverdueReleases,
  insertTransfer,
  markAccepted,
  setTransferLinks,
  selectTransferLinks,
  markReleased,
  openTransferExists,
  selectAcceptor,
  selectOverdue,
  selectTransferForUpdate,
  selectTransfers,
  selectAgencyTransfers,
} from './transfer.queries.ts';

// The request's id and moment, and the transfer policy in force (configuration: TRANSFER_POLICY).
type Context = { requestId: string; policy: TransferPolicy } & Moment;

// Acceptance starts the release clock: the policy in force sets the due date, and the transfer
// records which version did.
function acceptance(by: string | null, context: Context) {
  return {
    by,
    at: context.now,
    dueOn: addBusinessDays(context.today, context.policy.releaseBusinessDays),
    policyVersion: context.policy.version,
  };
}

const agencyTypes = [
  'employment_service_provider',
  'social_assistance_office',
  'training_organization',
  'community_agency',
];

// The receiving agency answers within two business days; the consent it sees the file by runs 90 days,
// past any acceptance and release the policy allows (docs/transfers.md).
const ACCEPT_BUSINESS_DAYS = 2;
const TRANSFER_CONSENT_DAYS = 90;

function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

// An accepted transfer's release clock runs on the sending agency's side: its first manager (or, with no
// manager, whoever asked) has the task to release by the due date, and the people there hear of it.
async function startRelease(trx: Trx, actor: Actor, transfer: Transfer, requestedBy: string | null): Promise<void> {
  const managers = await activeManagersOf(trx, transfer.fromOrganizationId);
  const assignee = managers[0] ?? requestedBy;
  const releaseTaskId =
    assignee && transfer.releaseDueOn
      ? await openTaskFor(trx, actor, {
          clientId: transfer.clientId,
          organizationId: transfer.fromOrganizationId,
          assignedTo: assignee,
          kind: 'transfer_release',
          title: `Release the client's file to ${transfer.toOrganizationName}`,
          dueOn: transfer.releaseDueOn,
        })
      : null;
  await setTransferLinks(trx, transfer.id, { releaseTaskId });
  const told = [...managers.slice(managers[0] === assignee ? 1 : 0), ...(requestedBy ? [requestedBy] : [])];
  await notify(
    trx,
    actor,
    told.filter((u) => u !== assignee),
    'transfer_accepted',
    {
      clientId: transfer.clientId,
      subjectId: transfer.id,
    },
  );
}

// The client chose to move: the holding agency records it (the receiving agency then accepts), or
// the receiving agency asks with the client's consent (accepted at once). From acceptance, the
// sending agency has the policy's release limit (business days) to release the file.
export async function requestTransfer(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewTransfer,
  context: Context,
): Promise<Transfer> {
  return withClient(trx, actor, clientId, 'transfer.request', context, {}, async (access) => {
    const receiving = access.scope === 'cons';
    let to;
    try {
      to = await getOrganization(trx, actor, input.toOrganizationId);
    } catch (error) {
      // Only "no such organization" is the caller's mistake; anything else (a database fault) stays what it is.
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      throw new AppError('invalid', 'No organization has that id.', [
        { field: 'toOrganizationId', message: 'unknown organization', code: 'unknown_organization' },
      ]).withReason('unknown_organization');
    }
    if (!agencyTypes.includes(to.type))
      throw new AppError('invalid', 'A client transfers to an agency that serves clients.', [
        { field: 'toOrganizationId', message: `a ${to.type.replace(/_/g, ' ')}` },
      ]);
    if (to.id === access.holderOrganizationId)
      throw new AppError('invalid', 'This agency already holds the file.', [
        { field: 'toOrganizationId', message: 'the holding agency' },
      ]);
    if (receiving && actor.kind === 'user' && to.id !== actor.organizationId) {
      throw deniedError(
        actor,
        {
          action: 'transfer.request',
          recordType: 'organization',
          recordId: to.id,
          clientId: access.clientId,
          reason: 'a receiving agency asks for itself',
          requestId: context.requestId,
        },
        'A receiving agency asks for a transfer to itself.',
      );
    }
    if (await openTransferExists(trx, access.clientId))
      throw new AppError('conflict', 'A transfer of this client is already under way.');
    if (!receiving && !input.consent)
      throw new AppError(
        'invalid',
        "Record the client's consent for the receiving agency to see the file while it decides.",
        [{ field: 'consent', message: 'required', code: 'transfer_consent_required' }],
      ).withReason('transfer_consent_required');
    if (receiving && input.consent)
      throw new AppError('invalid', "The receiving agency reaches the file by the client's consent already.", [
        { field: 'consent', message: 'not for a receiving agency', code: 'transfer_consent_not_needed' },
      ]).withReason('transfer_consent_not_needed');
    const userId = actor.kind === 'user' ? actor.userId : null;
    const id = await insertTransfer(trx, {
      clientId: access.clientId,
      fromOrganizationId: access.holderOrganizationId,
      toOrganizationId: to.id,
      requestedBy: userId,
      requestedByKind: receiving ? 'receiving_agency' : input.requestedBy,
      reason: input.reason ?? null,
      accepted: receiving ? acceptance(userId, context) : null,
    });
    // The client's consent travels with the transfer: the receiving agency opens those parts of the file
    // from the transfer while it decides (and holds the whole file once it is released).
    const consent = input.consent
      ? await grantConsent(
          trx,
          actor,
          access.clientId,
          {
            organizationId: to.id,
            categories: input.consent.categories,
            purpose: 'transfer',
            method: input.consent.method,
            evidence: input.consent.evidence,
            expiresOn: addDays(context.today, TRANSFER_CONSENT_DAYS),
          },
          context,
        )
      : undefined;
    const saved = await selectTransferForUpdate(trx, id, context.today);
    if (!saved) throw new AppError('internal', 'The transfer could not be read back.');
    if (saved.status === 'requested') {
      // The receiving agency's side: its managers hear of it, the first of them has the task to answer.
      const managers = await activeManagersOf(trx, to.id);
      const acceptTaskId = managers[0]
        ? await openTaskFor(trx, actor, {
            clientId: access.clientId,
            organizationId: to.id,
            assignedTo: managers[0],
            kind: 'transfer_accept',
            title: 'Accept the transfer of a client to your agency',
            dueOn: addBusinessDays(context.today, ACCEPT_BUSINESS_DAYS),
          })
        : null;
      await setTransferLinks(trx, id, { consentId: consent?.id ?? null, acceptTaskId });
      await notify(trx, actor, managers.slice(1), 'transfer_requested', { clientId: access.clientId, subjectId: id });
    } else {
      await setTransferLinks(trx, id, { consentId: consent?.id ?? null });
      await startRelease(trx, actor, saved, userId);
    }
    const audit: ClientAudit = { recordType: 'transfer', recordId: id, purpose: 'transfer' };
    return { result: saved, audit };
  });
}

async function visibleTransfer(
  trx: Trx,
  actor: Actor,
  id: string,
  action: 'transfer.accept' | 'transfer.release',
  context: Context,
): Promise<Transfer> {
  const { requestId } = context;
  const transfer = isUuid(id) ? await selectTransferForUpdate(trx, id, context.today) : undefined;
  if (!transfer || !transferVisible(actor, transfer, action)) {
    throw notVisibleError(
      actor,
      {
        action,
        recordType: 'transfer',
        recordId: isUuid(id) ? id : undefined,
        clientId: transfer?.clientId,
        requestId,
      },
      transfer !== undefined,
      'No transfer has that id.',
    );
  }
  return transfer;
}

export async function acceptTransfer(trx: Trx, actor: Actor, id: string, context: Context): Promise<Transfer> {
  const transfer = await visibleTransfer(trx, actor, id, 'transfer.accept', context);
  const decision = authorize(actor, 'transfer.accept', { kind: 'client', organizationId: transfer.toOrganizationId });
  if (!decision.allowed) {
    throw deniedError(
      actor,
      {
        action: 'transfer.accept',
        recordType: 'transfer',
        recordId: transfer.id,
        clientId: transfer.clientId,
        reason: 'only the receiving agency accepts',
        requestId: context.requestId,
      },
      'Only the receiving agency accepts a transfer.',
    );
  }
  if (transfer.status !== 'requested') throw new AppError('conflict', `This transfer is already ${transfer.status}.`);
  await markAccepted(trx, transfer.id, acceptance(actor.kind === 'user' ? actor.userId : null, context));
  const links = await selectTransferLinks(trx, transfer.id);
  if (links?.acceptTaskId) await closeTaskFor(trx, links.acceptTaskId, actorUserId(actor), context.now);
  const accepted = (await selectTransferForUpdate(trx, transfer.id, context.today))!;
  await startRelease(trx, actor, accepted, links?.requestedBy ?? null);
  await writeAudit(trx, actor, {
    action: 'transfer.accept',
    outcome: 'succeeded',
    recordType: 'transfer',
    recordId: transfer.id,
    clientId: transfer.clientId,
    purpose: 'transfer',
    requestId: context.requestId,
  });
  return (await selectTransferForUpdate(trx, transfer.id, context.today))!;
}

// The sending agency releases the file: the receiving agency holds it from now on, the sender's
// people leave the case team, and what the sender wrote stays (it reaches it only as metadata).
// A system administrator may release an overdue transfer without reading the file (3.10).
export async function releaseTransfer(trx: Trx, actor: Actor, id: string, context: Context): Promise<Transfer> {
  const transfer = await visibleTransfer(trx, actor, id, 'transfer.release', context);
  const bySender = authorize(actor, 'transfer.release', {
    kind: 'client',
    organizationId: transfer.fromOrganizationId,
  }).allowed;
  const bySystem = actorScopes(actor, 'transfer.release').includes('sys') && transfer.overdue;
  if (!bySender && !bySystem) {
    throw deniedError(
      actor,
      {
        action: 'transfer.release',
        recordType: 'transfer',
        recordId: transfer.id,
        clientId: transfer.clientId,
        reason: 'only the sending agency releases',
        requestId: context.requestId,
      },
      'Only the sending agency releases a transfer (or the system manager, once overdue).',
    );
  }
  if (transfer.status !== 'accepted')
    throw new AppError(
      'conflict',
      transfer.status === 'requested'
        ? 'The receiving agency has not accepted this transfer yet.'
        : `This transfer is already ${transfer.status}.`,
    );
  const userId = actor.kind === 'user' ? actor.userId : null;
  // Everyone on the case team hears of it, before the sending agency's people leave the team.
  const team = await teamUserIds(trx, transfer.clientId);
  await markReleased(trx, transfer.id, userId, context.now);
  const links = await selectTransferLinks(trx, transfer.id);
  if (links?.releaseTaskId) await closeTaskFor(trx, links.releaseTaskId, userId, context.now);
  await moveClientHolder(trx, transfer.clientId, transfer.toOrganizationId, userId, transfer.id);
  const acceptor = await selectAcceptor(trx, transfer.id);
  await handOverTeamOnTransfer(
    trx,
    actor,
    transfer.clientId,
    transfer.fromOrganizationId,
    acceptor ? { userId: acceptor, organizationId: transfer.toOrganizationId } : undefined,
  );
  const receivers = await activeManagersOf(trx, transfer.toOrganizationId);
  await notify(trx, actor, [...team, ...(acceptor ? [acceptor] : []), ...receivers], 'transfer_released', {
    clientId: transfer.clientId,
    subjectId: transfer.id,
  });
  await writeAudit(trx, actor, {
    action: 'transfer.release',
    outcome: 'succeeded',
    recordType: 'transfer',
    recordId: transfer.id,
    clientId: transfer.clientId,
    purpose: 'transfer',
    reason: bySender ? 'released by the sending agency' : 'overdue release by the system manager',
    requestId: context.requestId,
  });
  return (await selectTransferForUpdate(trx, transfer.id, context.today))!;
}

// A client's transfers: all of them for the holding agency, those to or from it for another.
export async function listTransfers(
  trx: Trx,
  actor: Actor,
  clientId: string,
  context: Context,
): Promise<ListEnvelope<Transfer>> {
  const holder = await clientHolder(trx, clientId);
  const reader = holder ? transferReaderFor(actor, holder.organizationId) : undefined;
  const mine = reader?.organizationId === null;
  const items = holder && reader ? await selectTransfers(trx, holder.id, reader.organizationId, context.today) : [];
  const allowed =
    holder &&
    authorize(actor, 'transfer.read', {
      kind: 'client',
      organizationId: actor.kind === 'user' ? actor.organizationId : undefined,
    }).allowed;
  if (!holder || !allowed || (!mine && items.length === 0)) {
    throw notVisibleError(
      actor,
      { action: 'transfer.read', recordType: 'client', clientId: holder?.id, requestId: context.requestId },
      holder !== undefined,
      'No client has that id.',
    );
  }
  await writeAudit(trx, actor, {
    action: 'transfer.read',
    outcome: 'succeeded',
    recordType: 'transfer',
    recordIds: items.map((t) => t.id),
    clientId: holder.id,
    purpose: 'transfer',
    requestId: context.requestId,
  });
  return { items, total: items.length, page: 1, perPage: items.length };
}

// Overdue releases as metadata: the system manager sees all; an agency manager those involving it.
// `releaseDays` and `policyVersion` name the policy in force now; each item names the one that set its date.
export async function overdueTransfers(trx: Trx, actor: Actor, context: Context): Promise<OverdueReport> {
  const scopes = actorScopes(actor, 'transfer.overdue_report');
  const organizationId =
    scopes.includes('sys') || actor.kind === 'system' ? null : actor.kind === 'user' ? actor.organizationId : null;
  const items = (await selectOverdue(trx, organizationId, context.today)).map((t) => ({
    ...t,
    businessDaysOverdue: businessDaysBetween(t.releaseDueOn, context.today),
  }));
  await writeAudit(trx, actor, {
    action: 'transfer.overdue_report',
    outcome: 'succeeded',
    recordType: 'transfer',
    recordIds: items.map((t) => t.transferId),
    requestId: context.requestId,
  });
  return { items, releaseDays: context.policy.releaseBusinessDays, policyVersion: context.policy.version };
}

// Transfers as the reader's `transfer.read` scope reaches them: an agency's staff, their agency's
// incoming or outgoing ones (the page they accept and release from); the system manager, every transfer in
// the city (where each stands, never a client's name); a client's own account, their own. The client's
// name only where the reader's client page would show it.
export async function listAgencyTransfers(
  trx: Trx,
  actor: Actor,
  query: AgencyTransferQuery,
  context: Context,
): Promise<ListEnvelope<AgencyTransfer>> {
  const scopes = actorScopes(actor, 'transfer.read');
  const of =
    actor.kind !== 'user'
      ? undefined
      : scopes.includes('own')
        ? { organizationId: actor.organizationId }
        : query.direction
          ? undefined // a side is an agency's, for its staff
          : scopes.includes('sys')
            ? ('all' as const)
            : scopes.includes('self')
              ? { clientId: (await clientOfAccount(trx, actor.userId)) ?? NO_CLIENT }
              : undefined;
  if (!of) {
    throw deniedError(
      actor,
      {
        action: 'transfer.read',
        reason: query.direction ? "an agency's side is for its own staff" : 'no scope reaches a list of transfers',
        requestId: context.requestId,
      },
      query.direction ? "Only an agency's own staff see its incoming and outgoing transfers." : 'Not allowed.',
    );
  }
  const { items, total } = await selectAgencyTransfers(trx, actor, of, query, context.today);
  const reach = of === 'all' ? 'city' : 'clientId' in of ? 'own file' : (query.direction ?? 'both ways');
  await writeAudit(trx, actor, {
    action: 'transfer.read',
    outcome: 'succeeded',
    recordType: 'transfer',
    recordIds: items.map((x) => x.id),
    purpose: 'transfer',
    reason: `${reach} ${query.status}; names shown for ${items.filter((x) => x.clientName !== null).length}`,
    requestId: context.requestId,
  });
  return { items, total, page: query.page, perPage: query.perPage };
}

// A client account not tied to a file (none should be) lists nothing.
const NO_CLIENT = '00000000-0000-0000-0000-000000000000';

// The sweep: a release past its date is announced once, to the sending agency's managers and whoever
// holds the release task, to the receiving agency's managers, and to the system manager's analysts and
// administrators, who may release it themselves. Each sees the client's name only where their own
// access shows it (the notifications list decides that when it is read).
export async function announceOverdueReleases(db: Db, clock: Clock, batch = 200): Promise<number> {
  const actor = systemActor('transfer-release-sweep');
  return sweepInBatches(db, batch, async (trx) => {
    const moment = readClock(clock);
    const transfers = await claimOverdueReleases(trx, moment, batch);
    const monitors = transfers.length > 0 ? await systemMonitors(trx) : [];
    for (const t of transfers) {
      const people = [
        ...(t.releaseAssignee ? [t.releaseAssignee] : []),
        ...(await activeManagersOf(trx, t.fromOrganizationId)),
        ...(await activeManagersOf(trx, t.toOrganizationId)),
        ...monitors,
      ];
      await notify(trx, actor, people, 'transfer_release_overdue', { clientId: t.clientId, subjectId: t.id });
    }
    if (transfers.length > 0)
      await writeAudit(trx, actor, {
        action: 'transfer.overdue_report',
        outcome: 'succeeded',
        recordType: 'transfer',
        recordIds: transfers.map((t) => t.id),
        reason: 'overdue releases announced',
      });
    return transfers.length;
  });
}
