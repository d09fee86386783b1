import type { Actor } from '../../access/actor.ts';
import { withClient, type ClientAudit } from '../../access/with-client.ts';
import { deniedError, notVisibleError } from '../../access/audit.ts';
import { type ClientAccess } from '../../access/client-access.ts';
import { authorize } from '../../access/authorize.ts';
import type { Trx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import { teamUserIds } from '../case-team/case-team.service.ts';
import { notify } from '../notifications/notification.service.ts';
import { noteVisibilities, type NewNote, type Note, type NoteCorrection, type NoteListQuery } from './note.ts';
import { insertNote, selectNote, selectNoteForCorrection, selectNotes, isNoteOf } from './note.queries.ts';
import { noteReaderFor } from '../../access/policies/note.ts';
import type { Moment } from '../../lib/clock.ts';

// The request's id and its moment (now, today in the city's zone), read once at the edge.
type Context = { requestId: string } & Moment;

// Case notes that survive staff turnover: typed, dated, with a visibility, and never edited in place.
export async function listNotes(
  trx: Trx,
  actor: Actor,
  clientId: string,
  query: NoteListQuery,
  context: Context,
): Promise<ListEnvelope<Note>> {
  return withClient(trx, actor, clientId, 'note.read', context, { category: 'notes' }, async (access) => {
    const { items, total } = await selectNotes(trx, access.clientId, noteReaderFor(actor, access), query);
    return {
      result: { items, total, page: query.page, perPage: query.perPage },
      audit: { recordType: 'case_note', recordIds: items.map((n) => n.id) },
    };
  });
}

export async function createNote(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewNote,
  context: Context,
): Promise<Note> {
  return withClient(
    trx,
    actor,
    clientId,
    'note.create',
    context,
    { category: 'notes', writing: true },
    async (access) => {
      if (actor.kind !== 'user') throw new AppError('forbidden', 'Case notes are written by staff.');
      const today = context.today;
      const contactOn = input.contactOn ?? today;
      if (contactOn > today)
        throw new AppError('invalid', 'A note records something that happened: its date cannot be in the future.', [
          { field: 'contactOn', message: `after today (${today})` },
        ]);
      const id = await insertNote(trx, {
        ...input,
        contactOn,
        clientId: access.clientId,
        organizationId: actor.organizationId,
        authorId: actor.userId,
        correctsNoteId: null,
      });
      const audit: ClientAudit = { recordType: 'case_note', recordId: id };
      if (input.visibility !== 'agency')
        await notify(trx, actor, await teamUserIds(trx, access.clientId), 'note_added', {
          clientId: access.clientId,
          subjectId: id,
        });
      const note = await selectNote(trx, access.clientId, id, noteReaderFor(actor, access));
      if (!note) throw new AppError('internal', 'The note could not be read back.');
      return { result: note, audit };
    },
  );
}

// A correction is a new version linked to the one it replaces, which stays; it may narrow the
// visibility, never widen it. Authors correct their own notes, managers their agency's.
export async function correctNote(
  trx: Trx,
  actor: Actor,
  clientId: string,
  noteId: string,
  input: NoteCorrection,
  context: Context,
): Promise<Note> {
  return withClient(
    trx,
    actor,
    clientId,
    'note.read',
    context,
    { category: 'notes', as: 'note.correct' },
    async (access) => {
      const reader = noteReaderFor(actor, access);
      const visible = isUuid(noteId) ? await selectNote(trx, access.clientId, noteId, reader) : undefined;
      const target = visible ? await selectNoteForCorrection(trx, access.clientId, visible.id) : undefined;
      if (!visible || !target) {
        throw notVisibleError(
          actor,
          {
            action: 'note.correct',
            recordType: 'case_note',
            recordId: isUuid(noteId) ? noteId : undefined,
            clientId: access.clientId,
            requestId: context.requestId,
          },
          false,
          'The client has no note with that id.',
        );
      }
      const decision = authorize(actor, 'note.correct', {
        kind: 'client',
        organizationId: target.organizationId,
        userId: target.authorId ?? undefined,
      });
      if (!decision.allowed || actor.kind !== 'user') {
        throw deniedError(
          actor,
          {
            action: 'note.correct',
            recordType: 'case_note',
            recordId: target.id,
            clientId: access.clientId,
            reason: decision.allowed ? 'not staff' : decision.reason,
            requestId: context.requestId,
          },
          'Only the author, or a manager of their agency, corrects a note.',
        );
      }
      if (target.replacedBy)
        throw new AppError('conflict', 'This version was already corrected: correct the newest one.', [
          { field: 'noteId', message: `the newest is ${target.replacedBy}` },
        ]);
      const visibility = input.visibility ?? target.visibility;
      if (noteVisibilities.indexOf(visibility) > noteVisibilities.indexOf(target.visibility)) {
        throw new AppError(
          'invalid',
          'A correction may narrow who sees a note, never widen it: write a new note instead.',
          [{ field: 'visibility', message: `wider than ${target.visibility}` }],
        );
      }
      const id = await insertNote(trx, {
        clientId: access.clientId,
        organizationId: target.organizationId,
        authorId: actor.userId,
        kind: target.kind,
        visibility,
        contactOn: target.contactOn,
        body: input.body,
        correctsNoteId: target.id,
      });
      const audit: ClientAudit = { recordType: 'case_note', recordId: id, reason: `corrects ${target.id}` };
      const note = await selectNote(trx, access.clientId, id, reader);
      if (!note) throw new AppError('internal', 'The correction could not be read back.');
      return { result: note, audit };
    },
  );
}

// The newest notes a `note.read` access reaches, by the route's own rule (category and visibility),
// for the client's timeline and summary; the caller writes one audit row for the whole page.
export async function readableNotes(
  trx: Trx,
  actor: Actor,
  access: ClientAccess | undefined,
  limit: number,
): Promise<Note[]> {
  if (!access || !access.categories.has('notes')) return [];
  return (await selectNotes(trx, access.clientId, noteReaderFor(actor, access), { page: 1, perPage: limit })).items;
}

// Whether a record of this module belongs to the client (for links from the plan).
export function isNoteOfClient(db: Trx, clientId: string, id: string): Promise<boolean> {
  return isNoteOf(db, clientId, id);
}
