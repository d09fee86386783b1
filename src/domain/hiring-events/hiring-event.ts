import { z } from 'zod';
import { postalCodeSchema } from '../organizations/organization.ts';
import {
  MAX_EVENT_DAYS,
  hiringEventKinds,
  hiringEventStatuses,
  hiringEventWhens,
  type HiringEventKind,
  type HiringEventStatus,
} from './hiring-event-vocabulary.ts';

export { hiringEventKinds, hiringEventStatuses, hiringEventWhens };
export type { HiringEventKind, HiringEventStatus };

// Employer events (issue 14, point 6; docs/hiring-events.md): job fairs, hiring events, networking and
// information sessions, with the employers taking part and the job orders they bring, the clients
// agencies register and whether they came, and the placements proposed from the event. Judged by hires,
// not sign-ups. Pure data and rules: the service writes them.

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const instant = z.iso.datetime({ offset: true, error: 'must be a date and time with its offset' });

const eventFields = {
  kind: z.enum(hiringEventKinds),
  title: z.string().trim().min(3, 'must be at least 3 characters').max(200, 'must be at most 200 characters'),
  description: text(5000).nullable().optional(),
  startsAt: instant,
  endsAt: instant,
  // Online events have no address; the others need one, with its postal code.
  online: z.boolean().optional(),
  address: z.string().trim().min(3, 'must be at least 3 characters').max(300).nullable().optional(),
  postalCode: postalCodeSchema.nullable().optional(),
  capacity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000).nullable().optional(),
};

export const newHiringEventSchema = z.strictObject(eventFields);
export type NewHiringEvent = z.infer<typeof newHiringEventSchema>;

export const hiringEventPatchSchema = z
  .strictObject({
    ...eventFields,
    kind: eventFields.kind.optional(),
    title: eventFields.title.optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    status: z.enum(hiringEventStatuses).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'name at least one field to change');
export type HiringEventPatch = z.infer<typeof hiringEventPatchSchema>;

export type EventShape = {
  startsAt: string;
  endsAt: string;
  online: boolean;
  address: string | null;
  postalCode: string | null;
};

// Why an event's shape is refused (a field and its words), or undefined: it ends after it starts, runs at
// most three days, and one held in a place says where.
export function checkEventShape(e: EventShape): { field: string; code: string; message: string } | undefined {
  const starts = Date.parse(e.startsAt);
  const ends = Date.parse(e.endsAt);
  if (!(ends > starts)) return { field: 'endsAt', code: 'event_ends_before_start', message: 'must be after the start' };
  if (ends - starts > MAX_EVENT_DAYS * 86_400_000)
    return { field: 'endsAt', code: 'event_too_long', message: `an event runs at most ${MAX_EVENT_DAYS} days` };
  if (!e.online && (e.address === null || e.postalCode === null))
    return {
      field: e.address === null ? 'address' : 'postalCode',
      code: 'event_place_needed',
      message: 'an event held in a place needs its address and postal code (or say it is online)',
    };
  return undefined;
}

export const hiringEventListQuerySchema = z.strictObject({
  when: z.enum(hiringEventWhens).default('upcoming'),
  kind: z.enum(hiringEventKinds).optional(),
  employerId: z.uuid({ error: 'must be the id of an employer' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});
export type HiringEventListQuery = z.infer<typeof hiringEventListQuerySchema>;

const named = z.object({ id: z.uuid(), name: z.string(), nameFr: z.string().nullable() });

export const hiringEventSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(hiringEventKinds),
  title: z.string(),
  status: z.enum(hiringEventStatuses),
  startsAt: z.string(),
  endsAt: z.string(),
  online: z.boolean(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  host: named,
  employers: z.number().int(),
  jobsOnOffer: z.number().int(),
});
export type HiringEventSummary = z.infer<typeof hiringEventSummarySchema>;

// Counts, never names: what an event gave. Its keepers read them.
export const hiringEventResultsSchema = z.object({
  registered: z.number().int(),
  attended: z.number().int(),
  // Placements proposed from the event for a job order on offer there.
  proposed: z.number().int(),
  interviews: z.number().int(),
  hires: z.number().int(),
});
export type HiringEventResults = z.infer<typeof hiringEventResultsSchema>;

export const hiringEventSchema = hiringEventSummarySchema.extend({
  description: z.string().nullable(),
  capacity: z.number().int().nullable(),
  // Each employer taking part, with the job orders it brings where the reader may read them (staff of
  // every agency; an employer its own), and how many it brings.
  participants: z.array(
    named.extend({
      jobs: z
        .array(
          z.object({
            id: z.uuid(),
            title: z.string(),
            nocCode: z.string(),
            openings: z.number().int(),
            status: z.string(),
          }),
        )
        .nullable(),
      jobCount: z.number().int(),
    }),
  ),
  // The reader may change the event, and read its results.
  mayManage: z.boolean(),
  // The reader may register clients (and records their attendance).
  mayRegister: z.boolean(),
  // The reader's organization is an employer that may join or leave (with its own job orders).
  mayTakePart: z.boolean(),
  results: hiringEventResultsSchema.nullable(),
  // The reader's agency's own registrations, counted.
  mine: z.object({ registered: z.number().int(), attended: z.number().int() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HiringEvent = z.infer<typeof hiringEventSchema>;

export const participationSchema = z.strictObject({
  jobOrderIds: z
    .array(z.uuid({ error: 'must be the id of a job order' }))
    .max(50, 'at most 50 job orders')
    .refine((ids) => new Set(ids).size === ids.length, 'each job order once')
    .default([]),
});
export type Participation = z.infer<typeof participationSchema>;

export const newRegistrationSchema = z.strictObject({
  eventId: z.uuid({ error: 'must be the id of an event' }),
});
export type NewRegistration = z.infer<typeof newRegistrationSchema>;

export const registrationPatchSchema = z
  .strictObject({
    // Whether the client came; null takes a wrong mark back.
    attended: z.boolean().nullable().optional(),
    // The client will not come after all (kept, not deleted).
    cancelled: z.literal(true).optional(),
  })
  .refine((p) => p.attended !== undefined || p.cancelled !== undefined, 'say whether the client came, or cancel')
  .refine((p) => !(p.cancelled && p.attended !== undefined), 'a cancelled registration has no attendance');
export type RegistrationPatch = z.infer<typeof registrationPatchSchema>;

export const registrationSchema = z.object({
  id: z.uuid(),
  event: z.object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(hiringEventKinds),
    status: z.enum(hiringEventStatuses),
    startsAt: z.string(),
  }),
  // The client, named where the reader's client page would name them.
  client: z.object({ id: z.uuid(), name: z.string().nullable() }),
  agency: named,
  registeredAt: z.string(),
  attended: z.boolean().nullable(),
  cancelledAt: z.string().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;

export const registrationListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});
export type RegistrationListQuery = z.infer<typeof registrationListQuerySchema>;
