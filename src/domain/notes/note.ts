import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';

export const noteKinds = [
  'contact',
  'assessment',
  'plan',
  'referral',
  'employer',
  'retention',
  'life_stabilization',
  'transfer',
  'other',
] as const;
// Cumulative: `case_team` includes the agency, `client` includes the case team (docs/permissions.md 3.8).
export const noteVisibilities = ['agency', 'case_team', 'client'] as const;
export type NoteVisibility = (typeof noteVisibilities)[number];

const body = z.string().trim().min(1, 'must not be empty').max(10000, 'must be at most 10,000 characters');

export const newNoteSchema = z.strictObject({
  kind: z.enum(noteKinds),
  visibility: z.enum(noteVisibilities),
  // The day of the contact or event the note records (defaults to today).
  contactOn: isoDateSchema.optional(),
  body,
});
export type NewNote = z.infer<typeof newNoteSchema>;

// A correction replaces the text and may narrow who sees it, never widen it.
export const noteCorrectionSchema = z.strictObject({ body, visibility: z.enum(noteVisibilities).optional() });
export type NoteCorrection = z.infer<typeof noteCorrectionSchema>;

const version = z.object({
  id: z.uuid(),
  body: z.string(),
  visibility: z.enum(noteVisibilities),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

export const noteSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  kind: z.enum(noteKinds),
  visibility: z.enum(noteVisibilities),
  contactOn: z.string(),
  body: z.string(),
  createdAt: z.string(),
  // The first version's id and date, and the earlier versions a correction replaced (oldest first).
  originalId: z.uuid(),
  originalCreatedAt: z.string(),
  earlierVersions: z.array(version),
});
export type Note = z.infer<typeof noteSchema>;

export const noteParams = z.strictObject({ id: z.string().max(100), noteId: z.string().max(100) });
export const noteListQuerySchema = z.strictObject({
  kind: z.enum(noteKinds).optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});
export type NoteListQuery = z.infer<typeof noteListQuerySchema>;
