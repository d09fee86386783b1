import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../actor.ts';
import { actorScopes } from '../authorize.ts';
import type { ClientAccess } from '../client-access.ts';

// Which of a client's tasks a reader sees (docs/permissions.md 3.9), for the tasks route and every
// composite view: tasks belong to the agency that set them, so a reader sees their organization's
// (`own`), the ones they were given or set (`self`), or all of them (a case-team place whose role holds
// `team`, and the system). Tasks sit under the plan: no `plan` category, no tasks.
export type TaskReader = { all: boolean; organizationId: string | null; userId: string | null };

export function taskReaderFor(actor: Actor, access: ClientAccess): TaskReader | undefined {
  if (!access.categories.has('plan') || actor.kind === 'anonymous') return undefined;
  const scopes = actorScopes(actor, 'task.read');
  return {
    all: actor.kind === 'system' || (access.onTeam && scopes.includes('team')),
    organizationId: actor.kind === 'user' && scopes.includes('own') ? actor.organizationId : null,
    userId: actor.kind === 'user' ? actor.userId : null,
  };
}

// The tasks (rows of `tasks` under `alias`) a reader sees, as a condition.
export function taskReadable(reader: TaskReader, alias = 't'): RawBuilder<boolean> {
  if (reader.all) return sql<boolean>`true`;
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const own = reader.organizationId
    ? sql<boolean>`${column('organization_id')} = ${reader.organizationId}`
    : sql<boolean>`false`;
  const self = reader.userId
    ? sql<boolean>`(${column('assigned_to')} = ${reader.userId} or ${column('created_by')} = ${reader.userId})`
    : sql<boolean>`false`;
  return sql<boolean>`(${own} or ${self})`;
}
