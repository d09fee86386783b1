import { addBusinessDays } from '../lib/business-days.ts';
import type { ReferralReason, ReferralStatus } from '../domain/referrals/referral-vocabulary.ts';
import type { ClientRecord } from './city.ts';
import { REFERENCE_DAY, dayOf, dayString } from './days.ts';
import { weightedTable, type Random } from './random.ts';

// Closed-loop referrals on a synthetic client's file (issue 13): each consent given for a referral
// carries one, from the holding agency to a program of the consented agency (or, where it lists
// none, to one of its counsellors), sent the day the consent starts. Its steps follow at realistic
// delays, with declines, waiting lists, drop-outs and completions, and stop at the city's date: the
// newest ones are still waiting for an answer or a start, some of them past their deadline.

// ---- Rates --------------------------------------------------------------------------------------
// Days from sending to the first answer: most within the two business days the policy allows, a
// long tail beyond it (the seeds: referrals that "go into a black hole").
export const ANSWER_DAYS = weightedTable([
  [0, 0.2],
  [1, 0.3],
  [2, 0.2],
  [3, 0.1],
  [5, 0.08],
  [8, 0.07],
  [15, 0.05],
] as const);
// Share of answers first marked "received" a day or two before the decision.
export const RECEIVED_FIRST = 0.4;
// The answer: accepted, declined or waitlisted.
export const ANSWERS = weightedTable([
  ['accepted', 0.7],
  ['declined', 0.18],
  ['waitlisted', 0.12],
] as const);
export const DECLINE_REASONS = weightedTable<ReferralReason>([
  ['no_capacity', 0.4],
  ['not_eligible', 0.25],
  ['could_not_contact', 0.15],
  ['no_longer_interested', 0.1],
  ['referred_elsewhere', 0.05],
  ['other', 0.05],
]);
export const DROP_REASONS = weightedTable<ReferralReason>([
  ['could_not_contact', 0.35],
  ['no_longer_interested', 0.35],
  ['referred_elsewhere', 0.1],
  ['other', 0.2],
]);
// From the waiting list: accepted later, or declined for lack of room.
export const WAITLIST_ACCEPTED = 0.6;
export const WAITLIST_DAYS = [10, 60] as const;
// From acceptance to the start (enrolment): most within the ten business days; some never start.
export const STARTED = 0.85;
export const START_DAYS = [2, 25] as const;
export const ATTENDING_AFTER_DAYS = [1, 7] as const;
// A program runs weeks to months; most who start finish.
export const PROGRAM_DAYS = [20, 120] as const;
export const COMPLETED = 0.68;
// The receiving worker rates the fit of most referrals that ended in a service.
export const RATED = 0.7;
export const FITS = weightedTable([
  ['good', 0.6],
  ['partial', 0.3],
  ['poor', 0.1],
] as const);

// The deadlines of the referral policy the synthetic city is held to (referral-2026.1).
export const REFERRAL_POLICY_VERSION = 'referral-2026.1';
const ACKNOWLEDGE_BUSINESS_DAYS = 2;
const FIRST_SERVICE_BUSINESS_DAYS = 10;

// ---- Shapes -------------------------------------------------------------------------------------

export type SyntheticReferralEvent = {
  id: string;
  status: ReferralStatus;
  reason: ReferralReason | null;
  // Which side took the step: the sender withdraws, the receiving agency does the rest.
  side: 'sending' | 'receiving';
  on: string;
};

export type SyntheticReferral = {
  id: string;
  toOrganizationId: string;
  serviceId: string | null;
  // The receiving agency's counsellor: named (a specialist referral), or the one who answered.
  toUserId: string | null;
  handledBy: string | null;
  sentBy: string;
  consentId: string;
  sentOn: string;
  // The policy's deadlines (referral-2026.1: 2 business days to answer, 10 from acceptance to the start),
  // and the day a missed one was announced (the sweep's next day).
  acknowledgeDueOn: string;
  firstServiceDueOn: string | null;
  acknowledgeOverdueOn: string | null;
  firstServiceOverdueOn: string | null;
  status: ReferralStatus;
  reason: ReferralReason | null;
  events: SyntheticReferralEvent[];
  rating: { id: string; fit: 'good' | 'partial' | 'poor'; on: string } | null;
};

// The programs each organization lists, for the referral to name one.
export type ProgramIndex = ReadonlyMap<string, readonly string[]>;

export type ReferralStaff = {
  carriesFiles: (organizationId: string) => boolean;
  worker: (organizationId: string) => string;
};

export function drawReferrals(
  r: Random,
  c: ClientRecord,
  sentBy: string,
  programs: ProgramIndex,
  staff: ReferralStaff,
): SyntheticReferral[] {
  const out: SyntheticReferral[] = [];
  const used = new Set<string>();
  for (const consent of c.consents) {
    if (consent.purpose !== 'referral') continue;
    const to = consent.organizationId;
    const listed = (programs.get(to) ?? []).filter((id) => !used.has(id));
    const serviceId = listed.length > 0 ? r.pick(listed) : null;
    if (serviceId !== null) used.add(serviceId);
    const worker = staff.carriesFiles(to) ? staff.worker(to) : null;
    // A program, or a named counsellor where the agency lists none; an agency with neither gets none.
    if (serviceId === null && worker === null) continue;
    const sent = dayOf(consent.startsOn);
    if (sent > REFERENCE_DAY) continue;
    const revoked = consent.revocation ? dayOf(consent.revocation.on) : Number.POSITIVE_INFINITY;
    const events: SyntheticReferralEvent[] = [
      { id: r.uuid(), status: 'sent', reason: null, side: 'sending', on: dayString(sent) },
    ];
    let status: ReferralStatus = 'sent';
    let reason: ReferralReason | null = null;
    let day = sent;
    // Each step happens on its day if that day has come, and the client has not withdrawn consent.
    const step = (next: ReferralStatus, after: number, why: ReferralReason | null = null): boolean => {
      const on = day + after;
      if (on > REFERENCE_DAY) return false;
      if (on >= revoked && status !== 'completed') {
        if (revoked <= REFERENCE_DAY && !['declined', 'dropped', 'withdrawn'].includes(status)) {
          const ending: ReferralStatus = ['enrolled', 'attending'].includes(status) ? 'dropped' : 'withdrawn';
          events.push({
            id: r.uuid(),
            status: ending,
            reason: 'no_longer_interested',
            side: ending === 'withdrawn' ? 'sending' : 'receiving',
            on: dayString(revoked),
          });
          status = ending;
          reason = 'no_longer_interested';
        }
        return false;
      }
      day = on;
      events.push({ id: r.uuid(), status: next, reason: why, side: 'receiving', on: dayString(day) });
      status = next;
      if (why) reason = why;
      return true;
    };
    const answerIn = r.weightedPick(ANSWER_DAYS);
    const receivedFirst = answerIn > 0 && r.bool(RECEIVED_FIRST);
    if (!receivedFirst || step('received', Math.max(0, answerIn - r.int(1, 2)))) {
      const answer = r.weightedPick(ANSWERS);
      const wait = receivedFirst ? sent + answerIn - day : answerIn;
      let accepted = false;
      if (answer === 'declined') step('declined', wait, r.weightedPick(DECLINE_REASONS));
      else if (answer === 'accepted') accepted = step('accepted', wait);
      else if (step('waitlisted', wait)) {
        const later = r.int(WAITLIST_DAYS[0], WAITLIST_DAYS[1]);
        if (r.bool(WAITLIST_ACCEPTED)) accepted = step('accepted', later);
        else step('declined', later, 'no_capacity');
      }
      if (accepted) {
        if (!r.bool(STARTED)) step('dropped', r.int(START_DAYS[0], START_DAYS[1]) + 5, r.weightedPick(DROP_REASONS));
        else if (
          step('enrolled', r.int(START_DAYS[0], START_DAYS[1])) &&
          step('attending', r.int(ATTENDING_AFTER_DAYS[0], ATTENDING_AFTER_DAYS[1]))
        ) {
          const length = r.int(PROGRAM_DAYS[0], PROGRAM_DAYS[1]);
          if (r.bool(COMPLETED)) step('completed', length);
          else step('dropped', r.int(5, length), r.weightedPick(DROP_REASONS));
        }
      }
    }
    // The steps above move `status` inside `step`: read it back as the wider type.
    const now = status as ReferralStatus;
    const answeredByWorker = events.some((e) => e.side === 'receiving');
    const sentOn = dayString(sent);
    const acknowledgeDueOn = addBusinessDays(sentOn, ACKNOWLEDGE_BUSINESS_DAYS);
    const acceptedOn = events.find((e) => e.status === 'accepted')?.on;
    const firstServiceDueOn = acceptedOn ? addBusinessDays(acceptedOn, FIRST_SERVICE_BUSINESS_DAYS) : null;
    const announced = (due: string | null, waiting: boolean) =>
      waiting && due !== null && dayOf(due) < REFERENCE_DAY ? dayString(dayOf(due) + 1) : null;
    const served = events.some((e) => e.status === 'enrolled');
    const ended = now === 'completed' || now === 'dropped';
    out.push({
      id: r.uuid(),
      toOrganizationId: to,
      serviceId,
      toUserId: serviceId === null ? worker : null,
      handledBy: answeredByWorker ? worker : null,
      sentBy,
      consentId: consent.id,
      sentOn,
      acknowledgeDueOn,
      firstServiceDueOn,
      acknowledgeOverdueOn: announced(acknowledgeDueOn, now === 'sent'),
      firstServiceOverdueOn: announced(firstServiceDueOn, now === 'accepted'),
      status: now,
      reason,
      events,
      rating:
        served && ended && r.bool(RATED)
          ? { id: r.uuid(), fit: r.weightedPick(FITS), on: events[events.length - 1]!.on }
          : null,
    });
  }
  return out;
}
