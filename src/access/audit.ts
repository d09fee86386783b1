import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import { compiledQuery } from '../db/compiled-query.ts';
import type { DbOrTrx } from '../db/database.ts';
import type { AuditLogTable, Database } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import type { Actor } from './actor.ts';

export type AuditEntry = {
  action: string;
  outcome: 'allowed' | 'denied' | 'succeeded' | 'failed';
  recordType?: string;
  recordId?: string;
  recordIds?: string[];
  clientId?: string;
  purpose?: string;
  reason?: string;
  requestId?: string;
  // For sign-in attempts, where the actor is not known yet: the e-mail given.
  actorName?: string;
  actorUserId?: string;
  actorOrganizationId?: string;
};

// One audit row, written in the caller's transaction so it commits (or not) with the action.
// Never pass note text, secrets or sensitive field values: ids, actions and reasons only.
const auditColumns = [
  'actorKind',
  'actorUserId',
  'actorName',
  'actorOrganizationId',
  'action',
  'outcome',
  'recordType',
  'recordId',
  'recordIds',
  'clientId',
  'purpose',
  'reason',
  'requestId',
] as const satisfies readonly (keyof Insertable<AuditLogTable>)[];
export type AuditRow = Pick<Insertable<AuditLogTable>, (typeof auditColumns)[number]>;

// The insert of one audit row, every column named and each its own parameter (compiledQuery reads its
// placeholders by name); also a common table expression of a read that audits itself in its own
// statement (the client page, src/domain/clients/client.queries.ts).
export function auditInsert(db: Kysely<Database>, row: AuditRow) {
  return db
    .insertInto('auditLog')
    .values(Object.fromEntries(auditColumns.map((column) => [column, row[column]])) as AuditRow);
}

// Each column's type, for an insert from a select (whose parameters PostgreSQL would otherwise read as text).
const auditColumnTypes: Record<(typeof auditColumns)[number], string> = {
  actorKind: 'text',
  actorUserId: 'uuid',
  actorName: 'text',
  actorOrganizationId: 'uuid',
  action: 'text',
  outcome: 'text',
  recordType: 'text',
  recordId: 'uuid',
  recordIds: 'uuid[]',
  clientId: 'uuid',
  purpose: 'text',
  reason: 'text',
  requestId: 'text',
};

// The insert of one audit row only where `from` (a FROM clause and its condition) finds a row: a
// common table expression of a statement that reads only when a condition holds, and audits only then
// (the guarded client read, src/domain/clients/client.queries.ts).
export function auditInsertWhere(row: AuditRow, from: RawBuilder<unknown>): RawBuilder<unknown> {
  const columns = sql.join(auditColumns.map((column) => sql.ref(column)));
  const values = sql.join(auditColumns.map((column) => sql`${row[column]}::${sql.raw(auditColumnTypes[column])}`));
  return sql`insert into audit_log (${columns}) select ${values} ${from}`;
}

const insertAudit = compiledQuery((db, row: AuditRow) => auditInsert(db, row));

// The row as written: every column given every time (null where absent), so the statement is the same.
export function auditRowOf(actor: Actor, entry: AuditEntry): AuditRow {
  return {
    actorKind: actor.kind,
    actorUserId: actor.kind === 'user' ? actor.userId : (entry.actorUserId ?? null),
    actorName: actor.kind === 'system' ? actor.name : (entry.actorName ?? null),
    actorOrganizationId: actor.kind === 'user' ? actor.organizationId : (entry.actorOrganizationId ?? null),
    action: entry.action,
    outcome: entry.outcome,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    recordIds: entry.recordIds ?? null,
    clientId: entry.clientId ?? null,
    purpose: entry.purpose ?? null,
    reason: entry.reason ?? null,
    requestId: entry.requestId ?? null,
  };
}

export async function writeAudit(db: DbOrTrx, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAudit(db, auditRowOf(actor, entry));
}

// A 403 whose audit row ("denied", with the reason) is written even though the transaction of the
// attempt rolls back: the error handler (HTTP) or the CLI writes it with its own connection.
export function deniedError(actor: Actor, entry: Omit<AuditEntry, 'outcome'>, message: string): AppError {
  const error = new AppError('forbidden', message);
  error.audit = { write: (db) => writeAudit(db, actor, { ...entry, outcome: 'denied' }) };
  return error;
}

// The 404 for a record the caller may not see, with the same body as for a random id
// (docs/permissions.md 2.4). The audit row tells the two apart: reason not_visible or not_found.
export function notVisibleError(
  actor: Actor,
  entry: Omit<AuditEntry, 'outcome' | 'reason'>,
  exists: boolean,
  message: string,
): AppError {
  const error = new AppError('not_found', message);
  error.audit = {
    write: (db) => writeAudit(db, actor, { ...entry, outcome: 'denied', reason: exists ? 'not_visible' : 'not_found' }),
  };
  return error;
}

// The audit row of a read (or write) of a client's personal information, with the purpose the access
// was granted for (docs/permissions.md 2.3, 4.4): every service writes it through here, so no row of
// personal information goes without its purpose.
export type ClientAuditEntry = Omit<AuditEntry, 'outcome' | 'clientId'> & { outcome?: AuditEntry['outcome'] };

// The row of an act on a client's file: the client, and the purpose the access was granted for.
export function clientAuditRow(
  actor: Actor,
  access: { clientId: string; purpose: string },
  // `purpose`: only where the act has its own (a transfer is for `transfer`, whoever asks).
  entry: ClientAuditEntry,
): AuditRow {
  return auditRowOf(actor, {
    ...entry,
    outcome: entry.outcome ?? 'succeeded',
    clientId: access.clientId,
    purpose: entry.purpose ?? access.purpose,
  });
}

export async function auditClient(
  db: DbOrTrx,
  actor: Actor,
  access: { clientId: string; purpose: string },
  entry: ClientAuditEntry,
): Promise<void> {
  await insertAudit(db, clientAuditRow(actor, access, entry));
}
