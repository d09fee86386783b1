// Employer events' codes (docs/hiring-events.md): pure data, safe for the web UI's bundle (no zod).

export const hiringEventKinds = ['job_fair', 'hiring_event', 'networking', 'information_session'] as const;
export type HiringEventKind = (typeof hiringEventKinds)[number];

// Planned until it is held (the keepers say so, with the attendance then recorded) or cancelled.
export const hiringEventStatuses = ['planned', 'held', 'cancelled'] as const;
export type HiringEventStatus = (typeof hiringEventStatuses)[number];

// Which events a list shows: those still to come (the default), those past, or all.
export const hiringEventWhens = ['upcoming', 'past', 'all'] as const;
export type HiringEventWhen = (typeof hiringEventWhens)[number];

// The longest an event runs: a job fair over a weekend.
export const MAX_EVENT_DAYS = 3;
