import type { Actor } from '../../access/actor.ts';
import { accessClient } from '../../access/client-access.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { clientOfAccount, inviteClientAccount } from '../accounts/user-admin.service.ts';
import type { User } from '../accounts/account.ts';
import { getClient, type RequestContext } from './client.service.ts';
import { selectClientRecord } from './client.queries.ts';
import type { ClientView } from './client.ts';

// A worker invites the client to an account tied to their record, through the outbox; the client
// then sees their stream and its reasons, their consents, plan and shared notes, and can ask for a review.
export async function inviteAccount(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: { email: string },
  context: RequestContext & { publicUrl: string },
): Promise<User> {
  const access = await accessClient(trx, actor, clientId, 'client.invite_account', context);
  const record = await selectClientRecord(trx, access.clientId);
  if (!record) throw new AppError('not_found', 'No client has that id.');
  return inviteClientAccount(
    trx,
    actor,
    {
      clientId: access.clientId,
      organizationId: access.holderOrganizationId,
      email: input.email,
      displayName: `${record.preferredName ?? record.givenName} ${record.familyName}`,
      preferredLanguage: record.preferredLanguage,
    },
    context,
  );
}

// The signed-in client's own file.
export async function myFile(trx: Trx, actor: Actor, context: RequestContext): Promise<ClientView> {
  const clientId =
    actor.kind === 'user' && actor.roles.includes('job_seeker') ? await clientOfAccount(trx, actor.userId) : undefined;
  if (!clientId) throw new AppError('not_found', 'This account is not tied to a client record.');
  return getClient(trx, actor, clientId, context);
}
