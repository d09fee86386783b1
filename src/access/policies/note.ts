import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../actor.ts';
import type { ClientAccess } from '../client-access.ts';
import { clientGroups, type PredicateOptions } from '../client-predicate.ts';

// Which case notes a reader sees (docs/permissions.md 3.8), written once for the notes route, for
// every composite view and for every list that shows something of notes (a caseload's last contact):
// every visibility of their own organization's notes; as a case-team member whose place counts, the
// case-team and client notes of every agency; the ombudsperson during a complaint and the system, all;
// the client, the notes made visible to them. Reaching notes at all needs the `notes` category.

export type NoteReader = { organizationId: string | null; team: boolean; all: boolean; clientOnly: boolean };

export function noteReaderFor(actor: Actor, access: ClientAccess): NoteReader {
  if (actor.kind === 'system' || access.scope === 'cmp')
    return { organizationId: null, team: true, all: true, clientOnly: false };
  if (access.scope === 'self') return { organizationId: null, team: false, all: false, clientOnly: true };
  return {
    organizationId: actor.kind === 'user' ? actor.organizationId : null,
    team: access.onTeam,
    all: false,
    clientOnly: false,
  };
}

// The notes (rows of `case_notes` under `alias`) a reader sees, as a condition.
export function noteReadable(reader: NoteReader, alias = 'n'): RawBuilder<boolean> {
  if (reader.all) return sql<boolean>`true`;
  const visibility = sql.ref<string>(`${alias}.visibility`);
  if (reader.clientOnly) return sql<boolean>`${visibility} = 'client'`;
  const own = reader.organizationId
    ? sql<boolean>`${sql.ref(`${alias}.organization_id`)} = ${reader.organizationId}`
    : sql<boolean>`false`;
  return reader.team ? sql<boolean>`(${own} or ${visibility} in ('case_team', 'client'))` : own;
}

// For each way the actor can reach a file through `note.read`, the condition on the file and the reader.
function readerGroups(actor: Actor, options: PredicateOptions) {
  return clientGroups(
    actor,
    'note.read',
    (access) => (access.categories.has('notes') ? noteReaderFor(actor, access) : undefined),
    (reader) => JSON.stringify(reader),
    { ...options, category: 'notes', question: 'note-reader' },
  );
}

// A value read from the notes of each client row (the caseload's last contact), as `case` over the ways
// the actor reaches the file, each reading only the notes that way shows: the file's facts are evaluated
// once per client, not once per note. Null where the actor reads no notes of the file.
export function fromVisibleNotes<T>(
  actor: Actor,
  options: PredicateOptions & { note?: string },
  read: (readable: RawBuilder<boolean>) => RawBuilder<T>,
): RawBuilder<T | null> {
  const groups = readerGroups(actor, options);
  if (groups.length === 0) return sql<null>`null`;
  const arms = groups.map((g) => sql`when ${g.where} then ${read(noteReadable(g.value, options.note))}`);
  return sql<T | null>`(case ${sql.join(arms, sql` `)} end)`;
}

// The notes the actor's `note.read` route would return, over any client (`c`) and its notes (`n`):
// for each way the actor can reach a file, the notes that way shows.
export function notesVisible(actor: Actor, options: PredicateOptions & { note?: string }): RawBuilder<boolean> {
  const groups = readerGroups(actor, options);
  if (groups.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    groups.map((g) => sql`(${g.where} and ${noteReadable(g.value, options.note)})`),
    sql` or `,
  )})`;
}
