import type { PlacementReason, PlacementStatus } from '../domain/placements/placement-vocabulary.ts';
import type { SyntheticClient } from './city.ts';
import { addDays } from './days.ts';
import type { SyntheticEmployerSide, SyntheticHiringEvent, SyntheticJobOrder } from './employers.ts';
import { createRandom, weightedTable, type Random } from './random.ts';

// The client side of the employer pipelines (issue 14, point 9; docs/synthetic-data.md): the clients
// agencies register at employer events and whether they came, and the placements workers propose, from
// a match or from an event, through sharing with the employer under the client's consent, the interview
// and the offer, to a hire (with its employment record) or a coded "not hired". Drawn from a client and
// the city's employer side, deterministic for the city's seed and the client's place in the stream, and
// stopped at the city's day: the newest placements are still waiting for the employer.

// ---- Rates --------------------------------------------------------------------------------------
// Share of active clients with a job goal whom a worker proposes for a job order over the year.
export const PROPOSED = 0.18;
export const PROPOSALS = weightedTable([
  [1, 6],
  [2, 3],
  [3, 1],
] as const);
// Of proposals: shared with the employer (with the client's consent), or withdrawn before.
export const SHARED = 0.75;
export const WITHDRAWN_BEFORE_SHARING = 0.1;
export const WITHDRAWN_REASONS = weightedTable<PlacementReason>([
  ['client_found_other_work', 0.4],
  ['candidate_declined', 0.4],
  ['other', 0.2],
]);
// Of shared candidates, the employer interviews some; the rest are not selected.
export const INTERVIEWED = 0.55;
export const NOT_INTERVIEWED_REASONS = weightedTable<PlacementReason>([
  ['not_selected', 0.6],
  ['position_filled', 0.3],
  ['not_qualified', 0.1],
]);
// Some shared candidates are still waiting for the employer's answer.
export const AWAITING_EMPLOYER = 0.12;
// Of interviews: an offer, or not hired (no-show among them).
export const OFFERED = 0.6;
export const NOT_OFFERED_REASONS = weightedTable<PlacementReason>([
  ['not_selected', 0.7],
  ['no_show', 0.2],
  ['position_filled', 0.1],
]);
// Of offers: accepted (a hire), or declined by the candidate.
export const ACCEPTED = 0.85;
// Days between steps.
export const SHARE_DAYS = [0, 5] as const;
export const INTERVIEW_DAYS = [3, 14] as const;
export const OFFER_DAYS = [1, 7] as const;
export const ANSWER_DAYS = [1, 5] as const;
export const START_DAYS = [3, 14] as const;

// Registrations at employer events: about this many per event at a city's usual size, at most the
// event's capacity; of those registered at a held event, most come.
export const REGISTRATIONS_PER_EVENT = 45;
export const ATTENDED = 0.65;
export const ATTENDANCE_NOT_RECORDED = 0.1;
// Of those who came, some are proposed there and then for a job order on offer at the event.
export const PROPOSED_AT_EVENT = 0.3;

// ---- Shapes -------------------------------------------------------------------------------------

export type SyntheticPlacementStep = {
  id: string;
  status: PlacementStatus;
  reason: PlacementReason | null;
  // The agency proposes, shares and withdraws; the employer answers.
  side: 'agency' | 'employer';
  on: string;
};
export type SyntheticPlacement = {
  id: string;
  jobOrderId: string;
  employerId: string;
  hiringEventId: string | null;
  steps: SyntheticPlacementStep[];
  // The consent naming the employer, recorded the day the candidate was shared.
  consent: { id: string; startsOn: string; expiresOn: string } | null;
  employment: {
    id: string;
    jobTitle: string;
    nocCode: string;
    startDate: string;
    hoursPerWeek: number;
    hourlyWageCents: number;
    recordedOn: string;
  } | null;
};
export type SyntheticRegistration = {
  id: string;
  eventId: string;
  registeredOn: string;
  attended: boolean | null;
  recordedOn: string | null;
};
export type ClientJobSide = { registrations: SyntheticRegistration[]; placements: SyntheticPlacement[] };

// The job orders and events a client can be matched with, indexed once per city.
export type JobSideIndex = {
  today: string;
  // Open, filled or closed job orders by NOC minor group (the first four digits).
  byMinorGroup: Map<string, SyntheticJobOrder[]>;
  jobs: Map<string, SyntheticJobOrder>;
  events: SyntheticHiringEvent[];
  // How likely one client is registered at some event, for about REGISTRATIONS_PER_EVENT each.
  registrationRate: number;
  // Registrations drawn so far per event (capacity), over the pass.
  registered: Map<string, number>;
  random: Random;
};

export function jobSideIndex(
  side: SyntheticEmployerSide,
  city: { seed: number; referenceDate: string; clientCount: number },
): JobSideIndex {
  const byMinorGroup = new Map<string, SyntheticJobOrder[]>();
  for (const j of side.jobOrders) {
    if (j.status === 'on_hold') continue;
    const key = j.nocCode.slice(0, 4);
    byMinorGroup.set(key, [...(byMinorGroup.get(key) ?? []), j]);
  }
  const events = side.events.filter((e) => e.status !== 'cancelled' && e.jobOrderIds.length > 0);
  return {
    today: city.referenceDate,
    byMinorGroup,
    jobs: new Map(side.jobOrders.map((j) => [j.id, j])),
    events,
    registrationRate:
      city.clientCount === 0 ? 0 : Math.min(0.25, (REGISTRATIONS_PER_EVENT * events.length) / city.clientCount),
    registered: new Map(),
    random: createRandom(city.seed * 104_729 + 15),
  };
}

const dayOfEvent = (e: SyntheticHiringEvent) => e.startsAt.slice(0, 10);
const between = (random: Random, [min, max]: readonly [number, number]) => random.int(min, max);

// One placement's steps from the proposal on, stopped at the city's day.
function pipeline(
  random: Random,
  index: JobSideIndex,
  job: SyntheticJobOrder,
  proposedOn: string,
  hiringEventId: string | null,
): SyntheticPlacement {
  const today = index.today;
  const steps: SyntheticPlacementStep[] = [];
  const placement: SyntheticPlacement = {
    id: random.uuid(),
    jobOrderId: job.id,
    employerId: job.employerId,
    hiringEventId,
    steps,
    consent: null,
    employment: null,
  };
  const step = (status: PlacementStatus, side: 'agency' | 'employer', on: string, reason: PlacementReason | null) =>
    steps.push({ id: random.uuid(), status, reason, side, on });
  step('proposed', 'agency', proposedOn, null);
  // A step that would fall after the city's day has not happened yet.
  const next = (from: string, days: readonly [number, number]) => {
    const on = addDays(from, between(random, days));
    return on <= today ? on : undefined;
  };
  if (!random.bool(SHARED)) {
    const on = random.bool(WITHDRAWN_BEFORE_SHARING / (1 - SHARED)) ? next(proposedOn, [2, 20]) : undefined;
    if (on) step('withdrawn', 'agency', on, random.weightedPick(WITHDRAWN_REASONS));
    return placement;
  }
  const sharedOn = next(proposedOn, SHARE_DAYS);
  if (!sharedOn) return placement;
  step('shared', 'agency', sharedOn, null);
  placement.consent = { id: random.uuid(), startsOn: sharedOn, expiresOn: addDays(sharedOn, 365) };
  if (random.bool(AWAITING_EMPLOYER)) return placement;
  if (!random.bool(INTERVIEWED)) {
    const on = next(sharedOn, [2, 21]);
    if (on) step('not_hired', 'employer', on, random.weightedPick(NOT_INTERVIEWED_REASONS));
    return placement;
  }
  const interviewOn = next(sharedOn, INTERVIEW_DAYS);
  if (!interviewOn) return placement;
  step('interview', 'employer', interviewOn, null);
  if (!random.bool(OFFERED)) {
    const on = next(interviewOn, ANSWER_DAYS);
    if (on) step('not_hired', 'employer', on, random.weightedPick(NOT_OFFERED_REASONS));
    return placement;
  }
  const offerOn = next(interviewOn, OFFER_DAYS);
  if (!offerOn) return placement;
  step('offer', 'employer', offerOn, null);
  const answerOn = next(offerOn, ANSWER_DAYS);
  if (!answerOn) return placement;
  if (!random.bool(ACCEPTED)) {
    step('not_hired', 'employer', answerOn, 'candidate_declined');
    return placement;
  }
  step('hired', 'employer', answerOn, null);
  placement.employment = {
    id: random.uuid(),
    jobTitle: job.title,
    nocCode: job.nocCode,
    startDate: addDays(answerOn, between(random, START_DAYS)),
    hoursPerWeek: job.hoursPerWeek,
    hourlyWageCents: job.hourlyWageCents,
    recordedOn: answerOn,
  };
  return placement;
}

// The job orders near a client's goals that were open on some day the client was being served.
function candidatesFor(index: JobSideIndex, client: SyntheticClient, from: string): SyntheticJobOrder[] {
  const seen = new Set<string>();
  const out: SyntheticJobOrder[] = [];
  for (const code of client.goals.targetNocCodes) {
    for (const j of index.byMinorGroup.get(code.slice(0, 4)) ?? []) {
      if (seen.has(j.id)) continue;
      seen.add(j.id);
      const last = j.closingOn !== null && j.closingOn < index.today ? j.closingOn : index.today;
      if (last >= from && j.createdOn <= index.today) out.push(j);
    }
  }
  return out;
}

// A client's registrations and placements. Clients are drawn in a fixed order, so the running counts
// per event (capacity) are the same on every pass over the same city.
export function drawClientJobSide(index: JobSideIndex, client: SyntheticClient): ClientJobSide {
  const side: ClientJobSide = { registrations: [], placements: [] };
  if (client.status !== 'active') return side;
  const random = index.random;
  const today = index.today;
  const served = client.intakeDate;
  const proposed = new Set<string>();
  // Registered at an employer event held (or to be held) while the client is served.
  if (index.events.length > 0 && random.bool(index.registrationRate)) {
    const event = random.pick(index.events);
    const day = dayOfEvent(event);
    const count = index.registered.get(event.id) ?? 0;
    const registeredOn = [addDays(day, -random.int(1, 14)), today].sort()[0]!;
    if (day >= served && registeredOn >= served && (event.capacity === null || count < event.capacity)) {
      index.registered.set(event.id, count + 1);
      const held = event.status === 'held';
      const recorded = held && !random.bool(ATTENDANCE_NOT_RECORDED);
      const attended = recorded ? random.bool(ATTENDED) : null;
      side.registrations.push({
        id: random.uuid(),
        eventId: event.id,
        registeredOn,
        attended,
        recordedOn: recorded ? day : null,
      });
      if (attended && random.bool(PROPOSED_AT_EVENT)) {
        const job = index.jobs.get(random.pick(event.jobOrderIds).jobOrderId);
        if (job && job.createdOn <= day) {
          proposed.add(job.id);
          side.placements.push(pipeline(random, index, job, day, event.id));
        }
      }
    }
  }
  // Proposed from a match: a job order near the client's goals, open while the client is served.
  if (client.goals.targetNocCodes.length > 0 && random.bool(PROPOSED)) {
    const jobs = candidatesFor(index, client, served).filter((j) => !proposed.has(j.id));
    const wanted = random.weightedPick(PROPOSALS);
    for (let i = 0; i < wanted && jobs.length > 0; i += 1) {
      const job = jobs.splice(random.int(0, jobs.length - 1), 1)[0]!;
      const first = [job.createdOn, served].sort()[1]!;
      const last = job.closingOn !== null && job.closingOn < today ? job.closingOn : today;
      if (first > last) continue;
      const day = addDays(first, random.int(0, Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000)));
      side.placements.push(pipeline(random, index, job, day, null));
    }
  }
  return side;
}
