import { sql } from 'kysely';
import { noteReadable as readable, type NoteReader } from '../../access/policies/note.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { NewNote, Note } from './note.ts';

type Row = Omit<Note, 'earlierVersions' | 'originalId' | 'originalCreatedAt'> & { correctsNoteId: string | null };

// Raw SQL (sql<Row>): one column list (authors' and organizations' names, dates as text) shared by
// three queries, filtered by the access layer's note condition (noteReadable), an SQL fragment.
const columns = sql`n.id, n.client_id as "clientId", n.organization_id as "organizationId", o.name as "organizationName",
  n.author_id as "authorId", u.display_name as "authorName", n.kind, n.visibility, to_char(n.contact_on, 'YYYY-MM-DD') as "contactOn",
  n.body, to_json(n.created_at)#>>'{}' as "createdAt", n.corrects_note_id as "correctsNoteId"`;

// Current versions (not replaced by a correction), newest first, each with its earlier versions.
export async function selectNotes(
  db: DbOrTrx,
  clientId: string,
  reader: NoteReader,
  q: { kind?: string; page: number; perPage: number },
): Promise<{ items: Note[]; total: number }> {
  const where = sql`n.client_id = ${clientId} and ${readable(reader)} ${q.kind ? sql`and n.kind = ${q.kind}` : sql``}
    and not exists (select 1 from case_notes c where c.corrects_note_id = n.id)`;
  const { rows } =
    await sql<Row>`select ${columns} from case_notes n join organizations o on o.id = n.organization_id left join users u on u.id = n.author_id
    where ${where} order by n.contact_on desc, n.created_at desc limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`.execute(
      db,
    );
  const { rows: count } = await sql<{ n: string }>`select count(*) as n from case_notes n where ${where}`.execute(db);
  const items: Note[] = [];
  for (const row of rows) items.push(await withHistory(db, row));
  return { items, total: Number(count[0]?.n ?? 0) };
}

async function withHistory(db: DbOrTrx, row: Row): Promise<Note> {
  const earlier: Row[] = [];
  let previous = row.correctsNoteId;
  while (previous) {
    const { rows } =
      await sql<Row>`select ${columns} from case_notes n join organizations o on o.id = n.organization_id left join users u on u.id = n.author_id where n.id = ${previous}`.execute(
        db,
      );
    const found = rows[0];
    if (!found) break;
    earlier.unshift(found);
    previous = found.correctsNoteId;
  }
  const first = earlier[0] ?? row;
  const iso = (s: string) => new Date(s).toISOString();
  const { correctsNoteId: _c, ...rest } = row;
  return {
    ...rest,
    createdAt: iso(row.createdAt),
    originalId: first.id,
    originalCreatedAt: iso(first.createdAt),
    earlierVersions: earlier.map((e) => ({
      id: e.id,
      body: e.body,
      visibility: e.visibility,
      authorId: e.authorId,
      authorName: e.authorName,
      createdAt: iso(e.createdAt),
    })),
  };
}

export async function selectNote(
  db: DbOrTrx,
  clientId: string,
  noteId: string,
  reader: NoteReader,
): Promise<Note | undefined> {
  const { rows } =
    await sql<Row>`select ${columns} from case_notes n join organizations o on o.id = n.organization_id left join users u on u.id = n.author_id
    where n.client_id = ${clientId} and n.id = ${noteId} and ${readable(reader)}`.execute(db);
  return rows[0] ? withHistory(db, rows[0]) : undefined;
}

// The note to correct, locked; whether a correction of it already exists.
export async function selectNoteForCorrection(db: DbOrTrx, clientId: string, noteId: string) {
  const note = await db
    .selectFrom('caseNotes')
    .select([
      'id',
      'organizationId',
      'authorId',
      'kind',
      'visibility',
      sql<string>`to_char(contact_on, 'YYYY-MM-DD')`.as('contactOn'),
    ])
    .where('id', '=', noteId)
    .where('clientId', '=', clientId)
    .forUpdate()
    .executeTakeFirst();
  if (!note) return undefined;
  const replaced = await db
    .selectFrom('caseNotes')
    .select('id')
    .where('correctsNoteId', '=', noteId)
    .executeTakeFirst();
  return { ...note, visibility: note.visibility, replacedBy: replaced?.id };
}

export async function insertNote(
  db: DbOrTrx,
  row: Omit<NewNote, 'contactOn'> & {
    clientId: string;
    organizationId: string;
    authorId: string | null;
    contactOn: string;
    correctsNoteId: string | null;
  },
): Promise<string> {
  const { id } = await db.insertInto('caseNotes').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function isNoteOf(db: DbOrTrx, clientId: string, id: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('caseNotes')
      .select('id')
      .where('id', '=', id)
      .where('clientId', '=', clientId)
      .executeTakeFirst()) !== undefined
  );
}
