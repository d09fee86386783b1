import { z } from 'zod';
import { consentCategories } from '../../access/roles.ts';
import { staffConsentMethods } from '../consent/consent.ts';
import { planPhases } from '../plans/plan.ts';
import { fits, referralReasons, referralStatuses, type ReferralStatus } from './referral-vocabulary.ts';

// A closed-loop referral (docs/referrals.md): its states, who moves it from one to the next, and the
// coded reasons for an end that is not completion.

export {
  closedStatuses,
  fits,
  referralReasons,
  referralStatuses,
  type ReferralReason,
  type ReferralStatus,
} from './referral-vocabulary.ts';

// Which side takes a step: the receiving agency answers and records the service; the sending agency
// may withdraw while the client has not started.
export type Side = 'receiving' | 'sending';

// From each status, the statuses each side may move a referral to. The receiving agency may accept,
// decline or waitlist without first marking it received (opening it and answering at once).
const moves: Record<ReferralStatus, Partial<Record<ReferralStatus, Side>>> = {
  sent: {
    received: 'receiving',
    accepted: 'receiving',
    declined: 'receiving',
    waitlisted: 'receiving',
    withdrawn: 'sending',
  },
  received: { accepted: 'receiving', declined: 'receiving', waitlisted: 'receiving', withdrawn: 'sending' },
  waitlisted: { accepted: 'receiving', declined: 'receiving', withdrawn: 'sending' },
  accepted: { enrolled: 'receiving', dropped: 'receiving', withdrawn: 'sending' },
  enrolled: { attending: 'receiving', completed: 'receiving', dropped: 'receiving' },
  attending: { completed: 'receiving', dropped: 'receiving' },
  declined: {},
  completed: {},
  dropped: {},
  withdrawn: {},
};

// The next statuses a side may choose from here (for the page's buttons).
export function nextStatuses(from: ReferralStatus, side: Side): ReferralStatus[] {
  return (Object.entries(moves[from]) as [ReferralStatus, Side][]).filter(([, s]) => s === side).map(([to]) => to);
}

// Why a move is refused, or undefined where it is allowed: `order` (not a next step from here, or
// closed), `side` (the other agency's step).
export function checkMove(from: ReferralStatus, to: ReferralStatus, side: Side): 'order' | 'side' | undefined {
  const who = moves[from][to];
  if (!who) return 'order';
  return who === side ? undefined : 'side';
}

// A reason is required to decline or drop, optional to withdraw, and refused for any other step.
export function reasonRule(to: ReferralStatus): 'required' | 'optional' | 'none' {
  return to === 'declined' || to === 'dropped' ? 'required' : to === 'withdrawn' ? 'optional' : 'none';
}

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const newReferralSchema = z
  .strictObject({
    // A program in the directory, or a named specialist (a staff member of another agency), or both.
    serviceId: z.uuid({ error: 'must be the id of a service' }).optional(),
    toUserId: z.uuid({ error: 'must be the id of a staff member' }).optional(),
    // Why, and what the receiving worker should know (in the sender's words).
    note: text(2000).optional(),
    // The plan phase the referral's step sits in; by default the program's first intervention's.
    phase: z.enum(planPhases).optional(),
    // The client's consent for the receiving agency to see parts of the file, when none is in force yet.
    consent: z
      .strictObject({
        categories: z
          .array(z.enum(consentCategories))
          .min(1, 'name at least one category')
          .max(consentCategories.length)
          .refine((c) => new Set(c).size === c.length, 'each category once'),
        method: z.enum(staffConsentMethods),
        evidence: text(500),
      })
      .optional(),
  })
  .refine((r) => r.serviceId !== undefined || r.toUserId !== undefined, {
    message: 'name a program (serviceId) or a specialist (toUserId)',
    path: ['serviceId'],
  });
export type NewReferral = z.infer<typeof newReferralSchema>;

// Finding a named specialist at another agency: words in their name or their agency's, or an agency.
export const specialistQuerySchema = z
  .strictObject({
    q: z.string().trim().min(2, 'give at least 2 characters').max(100).optional(),
    organizationId: z.uuid({ error: 'must be the id of an organization' }).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    perPage: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((q) => q.q !== undefined || q.organizationId !== undefined, {
    message: 'give words (q) or an organization',
    path: ['q'],
  });
export type SpecialistQuery = z.infer<typeof specialistQuerySchema>;

export const specialistSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  roles: z.array(z.string()),
  organization: z.object({ id: z.uuid(), name: z.string(), nameFr: z.string().nullable() }),
});
export type Specialist = z.infer<typeof specialistSchema>;

export const referralStepSchema = z.strictObject({
  status: z.enum(referralStatuses),
  reason: z.enum(referralReasons).optional(),
  note: text(1000).optional(),
});
export type ReferralStep = z.infer<typeof referralStepSchema>;

export const referralIssueSchema = z.strictObject({
  action: z.enum(['raise', 'resolve']),
  note: text(1000),
});
export type ReferralIssue = z.infer<typeof referralIssueSchema>;

export const referralRatingSchema = z.strictObject({
  fit: z.enum(fits),
  comment: text(1000).optional(),
});
export type ReferralRatingInput = z.infer<typeof referralRatingSchema>;

const party = z.object({ id: z.uuid(), name: z.string() });

export const referralEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['status', 'issue_raised', 'issue_resolved', 'rated']),
  status: z.enum(referralStatuses).nullable(),
  reason: z.enum(referralReasons).nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  organization: party.nullable(),
  at: z.string(),
});
export type ReferralEvent = z.infer<typeof referralEventSchema>;

export const referralSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  // The client's name where the reader's own access to the file shows it (null: "a client").
  clientName: z.string().nullable(),
  from: party,
  to: party,
  // The program, with its French name where it has one.
  service: party.extend({ nameFr: z.string().nullable() }).nullable(),
  // The named specialist, and the receiving worker handling it.
  toUser: party.nullable(),
  handledBy: party.nullable(),
  sentBy: party.nullable(),
  note: z.string().nullable(),
  status: z.enum(referralStatuses),
  reason: z.enum(referralReasons).nullable(),
  reasonNote: z.string().nullable(),
  issueOpen: z.boolean(),
  policyVersion: z.string(),
  acknowledgeDueOn: z.string(),
  firstServiceDueOn: z.string().nullable(),
  sentAt: z.string(),
  receivedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  // A deadline passed without the step it waits for.
  overdue: z.enum(['acknowledge', 'first_service']).nullable(),
  updatedAt: z.string(),
});
export type Referral = z.infer<typeof referralSchema>;

// One referral's page: the referral, its history, the fit ratings, and what the reader may do next.
export const referralDetailSchema = referralSchema.extend({
  events: z.array(referralEventSchema),
  ratings: z.array(
    z.object({
      rater: z.enum(['receiving_worker', 'client']),
      fit: z.enum(fits),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
  side: z.enum(['sending', 'receiving', 'both', 'client', 'system']),
  nextStatuses: z.array(z.enum(referralStatuses)),
  canRaiseIssue: z.boolean(),
  canRate: z.boolean(),
});
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

export const referralListQuerySchema = z.strictObject({
  // inbox: sent to the reader's agency; outbox: sent by it (an agency's staff only; inbox by default).
  box: z.enum(['inbox', 'outbox']).optional(),
  // Open (not yet closed) by default; `all` adds closed ones; or one status.
  status: z.enum(['open', 'all', ...referralStatuses]).default('open'),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});
export type ReferralListQuery = z.infer<typeof referralListQuerySchema>;
