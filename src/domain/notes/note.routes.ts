import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import type { AppInstance } from '../../server/app.ts';
import { idParams as clientIdParams } from '../../lib/params.ts';
import { newNoteSchema, noteCorrectionSchema, noteListQuerySchema, noteParams, noteSchema } from './note.ts';
import { correctNote, createNote, listNotes } from './note.service.ts';

export function noteRoutes(app: AppInstance): void {
  app.get(
    '/api/clients/:id/notes',
    {
      config: { permission: 'note.read', statements: 6 },
      schema: {
        tags: ['notes'],
        summary: "The client's case notes the caller may read, newest first, with their corrections",
        params: clientIdParams,
        querystring: noteListQuerySchema,
        response: { 200: listEnvelopeSchema(noteSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listNotes(trx, request.actor, request.params.id, request.query, { requestId: request.id, ...request.moment }),
      ),
  );

  app.post(
    '/api/clients/:id/notes',
    {
      config: { permission: 'note.create' },
      schema: {
        tags: ['notes'],
        summary: 'Write a typed case note with its visibility (agency, case team, or client)',
        params: clientIdParams,
        body: newNoteSchema,
        response: { 201: noteSchema },
      },
    },
    async (request, reply) => {
      const note = await withTransaction(app.db, (trx) =>
        createNote(trx, request.actor, request.params.id, request.body, { requestId: request.id, ...request.moment }),
      );
      return reply.status(201).send(note);
    },
  );

  app.post(
    '/api/clients/:id/notes/:noteId/corrections',
    {
      config: { permission: 'note.correct' },
      schema: {
        tags: ['notes'],
        summary: 'Correct a note: a new version, linked to the original, which stays',
        params: noteParams,
        body: noteCorrectionSchema,
        response: { 201: noteSchema },
      },
    },
    async (request, reply) => {
      const note = await withTransaction(app.db, (trx) =>
        correctNote(trx, request.actor, request.params.id, request.params.noteId, request.body, {
          requestId: request.id,
          ...request.moment,
        }),
      );
      return reply.status(201).send(note);
    },
  );
}
