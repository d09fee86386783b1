import { z } from 'zod';

export const notificationKinds = [
  'task_assigned',
  'task_overdue',
  'note_added',
  'assessment_changed',
  'team_added',
  'caseload_received',
  'consent_revoked',
  'access_requested',
  'access_answered',
  'transfer_requested',
  'transfer_accepted',
  'transfer_released',
  'transfer_release_overdue',
  'referral_received',
  'referral_updated',
  'referral_overdue',
  'listing_confirm',
  'placement_shared',
  'placement_updated',
  'employer_lead_assigned',
  'hiring_event_joined',
  'hiring_event_cancelled',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

// The text comes from the kind, in the reader's language (the web catalogues): no personal
// information is stored with a notification beyond the ids it points at.
export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  clientId: z.uuid().nullable(),
  subjectId: z.uuid().nullable(),
  // Who it is about, where the reader's client page would show the name (null: "a client").
  clientName: z.string().nullable(),
  // The program a listing to confirm is about (the directory is public).
  programName: z.string().nullable().optional(),
  // The job order a placement is for, and the employer a lead agency now leads (neither is personal).
  jobTitle: z.string().nullable().optional(),
  employerName: z.string().nullable().optional(),
  // The employer event a notification is about (events are public listings).
  eventTitle: z.string().nullable().optional(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

// The unread ones by kind, for a summary that groups them ("12 overdue tasks for 9 clients").
export const unreadGroupSchema = z.object({
  kind: z.enum(notificationKinds),
  count: z.number().int(),
  clients: z.number().int(),
});
export type UnreadGroup = z.infer<typeof unreadGroupSchema>;

export const notificationQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;

// A daily e-mail summary of the unread notifications, for those who choose it: counts by kind and a
// link, never a client's name (e-mail leaves the system).
export const digestSchema = z.strictObject({ digest: z.enum(['off', 'daily']) });
export type Digest = z.infer<typeof digestSchema>;
