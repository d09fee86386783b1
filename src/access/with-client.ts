import type { DbOrTrx } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { auditClient, type AuditEntry } from './audit.ts';
import type { Action } from './authorize.ts';
import { accessClient, requireCategory, type ClientAccess } from './client-access.ts';
import type { ConsentCategory } from './roles.ts';

// The one sequence every act on a client's file follows, so no service writes it by hand: decide
// (`accessClient`: 404 exactly as for a random id where the caller may not see the file, 403 where no
// role of theirs holds the action, each refusal audited), check the category the act touches (404
// again), do the work, and write the audit row of the personal information it read or wrote, with the
// purpose the access was granted for.

export type ClientContext = { requestId: string; purpose?: string; today: string };

// What the work read or wrote, for its audit row (ids only, never values).
export type ClientAudit = Pick<AuditEntry, 'recordType' | 'recordId' | 'recordIds' | 'reason' | 'purpose'> & {
  action?: string;
};

export async function withClient<T>(
  db: DbOrTrx,
  actor: Actor,
  clientId: string,
  action: Action,
  context: ClientContext,
  // `category`: the part of the file the act touches; `writing`: the holding agency's staff may add to
  // a category they do not read (a job developer's employer note); `as`: the act the audit rows name,
  // where the file is opened for another action (a correction opens the notes as `note.read`).
  needs: { category?: ConsentCategory; writing?: boolean; as?: Action },
  work: (access: ClientAccess) => Promise<{ result: T; audit: ClientAudit }>,
): Promise<T> {
  const access = await accessClient(db, actor, clientId, action, context);
  if (needs.category)
    requireCategory(actor, access, needs.category, needs.as ?? action, context.requestId, needs.writing);
  const { result, audit } = await work(access);
  await auditClient(db, actor, access, {
    ...audit,
    action: audit.action ?? needs.as ?? action,
    requestId: context.requestId,
  });
  return result;
}
