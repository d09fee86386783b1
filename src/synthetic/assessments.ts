import type { AssessmentInput, BarrierKind } from '../domain/assessment/assessment-input.ts';
import { getModel } from '../domain/assessment/models.ts';
import { scoreAssessment } from '../domain/assessment/score.ts';
import type { Random } from './random.ts';
import type {
  AssessmentPlan,
  ReassessmentChange,
  Stream,
  SyntheticAssessment,
  SyntheticClient,
  SyntheticJob,
} from './city.ts';
import { dayOf, dayString } from './days.ts';
import { OVERRIDDEN_AMONG_ASSESSED, REASSESSED_AMONG_ASSESSED } from './record-distributions.ts';

// Synthetic Common Assessments. The dates, reasons and overrides are drawn with the client; the
// scores come from the real model (scoreAssessment with getModel()) run on the record as it stood on
// each date, so every stream and its explanation agree with the client's file. A reassessment is
// made because something was learned: the initial assessment saw the record before that change.

const DISCLOSED_REASON: Partial<Record<BarrierKind, string>> = {
  housing: 'Client disclosed a housing need at a follow-up meeting.',
  food: 'Client told us at a follow-up that the household often runs out of food.',
  mental_health: 'Client disclosed a mental health need after intake and agreed to record it.',
  addictions: 'Client disclosed a substance use concern and is connected with a harm-reduction program.',
  childcare: 'Child care fell through after intake; client cannot attend full days without it.',
  transportation: 'Client moved further from transit and cannot reach most job sites without help.',
  legal: 'Client has an upcoming court date that affects availability.',
  digital_access: 'Client lost home internet access and cannot apply online.',
  income: 'Household income dropped after intake; rent is now at risk.',
  language: 'Language needs became clear at the first workshop.',
  disability: 'Client disclosed a disability that needs accommodation at work.',
  other: 'New circumstances disclosed at a follow-up meeting.',
};
const RESOLVED_REASON: Partial<Record<BarrierKind, string>> = {
  housing: 'Housing need resolved: client moved into stable housing.',
  food: 'Food insecurity resolved: household connected with regular food support.',
  mental_health: 'Mental health need stabilized with ongoing supports, confirmed by the client.',
  addictions: 'Client completed a treatment program and reports stable recovery.',
  childcare: 'Child care arranged through a subsidized space.',
  transportation: 'Transportation arranged: client received a Fair Pass transit discount.',
  legal: 'Legal matter settled.',
  digital_access: 'Digital access resolved: client received a refurbished laptop and a data plan.',
  income: 'Income stabilized after benefits were reinstated.',
  language: 'Client completed language training at the required level.',
  disability: 'Workplace accommodation in place; no further disability-related need recorded.',
  other: 'Earlier circumstances resolved.',
};
const LITERACY_REASON = 'Literacy and numeracy assessed by a literacy and basic skills provider.';
const JOB_REASON = 'Client started a job while in service; hours and stability to be reviewed.';
const PERIODIC_REASON = 'Periodic review after several months of service; record reviewed with the client.';

// A manager's justification (at least 20 characters), by direction of the change.
const MORE_SUPPORT = [
  'Housing crisis disclosed at the review is not yet on the record; client needs intensive supports now.',
  'Recent hospitalization: client and counsellor agree on a slower, more supported plan.',
  'Caregiving responsibilities not captured by the model limit availability; more support is needed.',
];
const LESS_SUPPORT = [
  'Client has a confirmed job offer starting next month; rapid re-employment supports are enough.',
  'Strong recent work history in the target occupation outweighs the entry-level jobs recorded.',
  'Barriers recorded at intake were resolved before services began; client is job-ready.',
];

export type PlanFacts = {
  intakeDay: number;
  // The last day the file was open (closure or the reference date).
  lastDay: number;
  literacyKnown: boolean;
  barriers: SyntheticClient['barriers'];
  workHistory: SyntheticJob[];
};

export function drawAssessmentPlan(r: Random, facts: PlanFacts, reassessed: boolean): AssessmentPlan {
  const initialDay = Math.min(facts.lastDay, facts.intakeDay + r.int(0, 21));
  const initial = { id: r.uuid(), on: dayString(initialDay) };
  let latestDay = initialDay;
  let reassessment: AssessmentPlan['reassessment'] = null;
  if (reassessed && facts.lastDay > initialDay + 1) {
    const day = r.int(initialDay + Math.min(30, facts.lastDay - initialDay - 1), facts.lastDay);
    const change = drawChange(r, facts, initialDay, day);
    reassessment = { id: r.uuid(), on: dayString(day), change, reason: reasonFor(change) };
    latestDay = day;
  }
  const override = r.bool(OVERRIDDEN_AMONG_ASSESSED)
    ? {
        id: r.uuid(),
        on: dayString(Math.min(facts.lastDay, latestDay + r.int(1, 30))),
        direction: r.bool(0.5) ? (1 as const) : (-1 as const),
      }
    : null;
  return { initial, reassessment, override };
}

export function reassessmentDrawn(r: Random): boolean {
  return r.bool(REASSESSED_AMONG_ASSESSED);
}

// What was newly learned. A job that starts between the two assessments moves its start date there.
function drawChange(r: Random, facts: PlanFacts, initialDay: number, day: number): ReassessmentChange {
  const options: ReassessmentChange['kind'][] = ['periodic_review'];
  const resolved = facts.barriers.filter((b) => b.status === 'resolved');
  const active = facts.barriers.filter((b) => b.status === 'active');
  if (resolved.length > 0) options.push('barrier_resolved');
  if (active.length > 0) options.push('barrier_disclosed');
  if (facts.literacyKnown) options.push('literacy_assessed');
  const current = facts.workHistory.find((j) => j.endDate === null);
  const previousEnd = facts.workHistory
    .filter((j) => j.endDate !== null)
    .reduce((a, j) => Math.max(a, dayOf(j.endDate!)), 0);
  if (current && day - initialDay >= 2 && previousEnd < initialDay) options.push('started_job');
  const kind = r.pick(options);
  switch (kind) {
    case 'barrier_resolved':
      return { kind, barrier: r.pick(resolved).kind };
    case 'barrier_disclosed':
      return { kind, barrier: r.pick(active).kind };
    case 'started_job': {
      current!.startDate = dayString(r.int(initialDay + 1, day - 1));
      return { kind, jobId: current!.id };
    }
    case 'literacy_assessed':
    case 'periodic_review':
      return { kind };
  }
}

function reasonFor(change: ReassessmentChange): string {
  switch (change.kind) {
    case 'barrier_resolved':
      return RESOLVED_REASON[change.barrier] ?? 'Earlier circumstances resolved.';
    case 'barrier_disclosed':
      return DISCLOSED_REASON[change.barrier] ?? 'New circumstances disclosed at a follow-up meeting.';
    case 'literacy_assessed':
      return LITERACY_REASON;
    case 'started_job':
      return JOB_REASON;
    case 'periodic_review':
      return PERIODIC_REASON;
  }
}

// The Common Assessment's input as assessmentInputFor (assessment.service.ts) reads it from the record
// on `on`: jobs started by then (one that ended later was still held), barriers in kind order.
export function inputOn(c: SyntheticClient, on: string, change: ReassessmentChange | null): AssessmentInput {
  let barriers = c.barriers.map((b) => ({ kind: b.kind, status: b.status }));
  if (change?.kind === 'barrier_resolved')
    barriers = barriers.map((b) => (b.kind === change.barrier ? { ...b, status: 'active' as const } : b));
  if (change?.kind === 'barrier_disclosed') barriers = barriers.filter((b) => b.kind !== change.barrier);
  barriers.sort((a, b) => (a.kind < b.kind ? -1 : 1));
  return {
    dateOfBirth: c.dateOfBirth,
    assessedOn: on,
    educationLevel: c.educationLevel,
    incomeSource: c.incomeSource,
    literacyNumeracy: change?.kind === 'literacy_assessed' ? 'unknown' : c.literacyNumeracy,
    workHistory: c.workHistory
      .filter((j) => j.startDate <= on)
      .map((j) => ({
        nocCode: j.nocCode,
        startDate: j.startDate,
        endDate: j.endDate !== null && j.endDate < on ? j.endDate : null,
        hoursPerWeek: j.hoursPerWeek,
      })),
    barriers,
    accommodations: c.accommodations.map((a) => ({ kind: a.kind, disabilityRelated: a.disabilityRelated })),
  };
}

function shifted(stream: Stream, direction: 1 | -1): Stream {
  const streams: Stream[] = ['A', 'B', 'C'];
  const i = streams.indexOf(stream) + direction;
  // A and C have one neighbour only: the override goes the one way it can.
  return streams[i < 0 || i > 2 ? streams.indexOf(stream) - direction : i]!;
}

// Every assessment row of a client, scored by the real model: initial, then a reassessment, then
// a manager's override of the stream in force.
export function clientAssessments(c: SyntheticClient): SyntheticAssessment[] {
  const plan = c.assessmentPlan;
  if (!plan) return [];
  const model = getModel();
  const rows: SyntheticAssessment[] = [];
  const add = (
    id: string,
    on: string,
    input: AssessmentInput,
    kind: 'initial' | 'reassessment',
    reason: string | null,
  ) => {
    const result = scoreAssessment(model, input);
    const previous = rows[rows.length - 1];
    rows.push({
      id,
      sequence: rows.length + 1,
      kind,
      organizationId: c.organizationId,
      assessedOn: on,
      recordedOn: on,
      input,
      modelVersion: result.modelVersion,
      modelChecksum: result.modelChecksum,
      resultJson: JSON.stringify(result),
      score: result.score,
      computedStream: result.stream,
      stream: result.stream,
      previousStream: previous?.stream ?? null,
      reason,
      justification: null,
      overridesAssessmentId: null,
    });
  };
  add(
    plan.initial.id,
    plan.initial.on,
    inputOn(c, plan.initial.on, plan.reassessment?.change ?? null),
    'initial',
    null,
  );
  if (plan.reassessment)
    add(
      plan.reassessment.id,
      plan.reassessment.on,
      inputOn(c, plan.reassessment.on, null),
      'reassessment',
      plan.reassessment.reason,
    );
  if (plan.override) {
    const target = rows[rows.length - 1]!;
    const stream = shifted(target.stream, plan.override.direction);
    const up = stream > target.stream;
    const texts = up ? MORE_SUPPORT : LESS_SUPPORT;
    // Which text: fixed by the override's id, so it needs no draw of its own.
    const justification = texts[parseInt(plan.override.id.slice(0, 2), 16) % texts.length]!;
    rows.push({
      ...target,
      id: plan.override.id,
      sequence: target.sequence + 1,
      kind: 'override',
      recordedOn: plan.override.on,
      stream,
      previousStream: target.stream,
      reason: null,
      justification,
      overridesAssessmentId: target.id,
    });
  }
  return rows;
}
