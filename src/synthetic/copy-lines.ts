import { copyColumns } from '../db/columns.ts';
import { encodeCopyRow } from '../db/copy.ts';
import { addDays } from '../lib/dates.ts';
import { searchTextOf } from '../domain/directory/listing.ts';
import type { SyntheticService } from './generate-directory.ts';
import { clientAssessments } from './assessments.ts';
import type { SyntheticClient, SyntheticOrganization, SyntheticSite } from './city.ts';
import { REFERRAL_POLICY_VERSION } from './referrals.ts';
import type {
  SyntheticEmployerContact,
  SyntheticEmployerProfile,
  SyntheticEngagement,
  SyntheticHiringEvent,
  SyntheticJobOrder,
} from './employers.ts';
import type { ClientJobSide } from './placements.ts';

// The COPY text of each table of a synthetic city: the columns in COPY order and one function from
// a client (or an organization, a site) to its lines.

export const ORGANIZATION_COLUMNS = copyColumns('organizations', [
  'id',
  'name',
  'name_fr',
  'type',
  'website',
  'phone',
  'email',
  'offers_french',
]);
export const SITE_COLUMNS = copyColumns('sites', [
  'id',
  'organization_id',
  'name',
  'street_address',
  'city',
  'province',
  'postal_code',
  'neighbourhood_id',
  'latitude',
  'longitude',
  'wheelchair_accessible',
]);
export const CLIENT_COLUMNS = copyColumns('clients', [
  'id',
  'organization_id',
  'given_name',
  'family_name',
  'date_of_birth',
  'preferred_language',
  'postal_code',
  'neighbourhood_id',
  'education_level',
  'income_source',
  'preferred_name',
  'pronouns',
  'other_languages',
  'interpreter_needed',
  'interpreter_language',
  'email',
  'phone',
  'street_address',
  'literacy_numeracy',
  'goal_statement',
  'target_noc_codes',
  'hours_wanted',
  'time_horizon',
  'status',
  'closed_reason',
  'created_at',
]);
export const EQUITY_COLUMNS = copyColumns('clientEquity', [
  'client_id',
  'indigenous_identity',
  'racialized_group',
  'gender',
  'disability',
  'newcomer',
  'arrival_year',
  'francophone',
  'lgbtq2s',
]);
export const STATUS_CHANGE_COLUMNS = copyColumns('clientStatusChanges', [
  'id',
  'client_id',
  'status',
  'kind',
  'closed_reason',
  'note',
  'organization_id',
  'created_at',
]);
export const WORK_HISTORY_COLUMNS = copyColumns('clientWorkHistory', [
  'id',
  'client_id',
  'noc_code',
  'job_title',
  'employer_name',
  'start_date',
  'end_date',
  'hours_per_week',
]);
export const BARRIER_COLUMNS = copyColumns('clientBarriers', ['client_id', 'kind', 'status']);
export const ACCOMMODATION_COLUMNS = copyColumns('clientAccommodations', [
  'id',
  'client_id',
  'kind',
  'disability_related',
  'description',
]);
export const EXTERNAL_ID_COLUMNS = copyColumns('clientExternalIds', ['client_id', 'kind', 'value']);
export const ASSESSMENT_COLUMNS = copyColumns('assessments', [
  'id',
  'client_id',
  'sequence',
  'kind',
  'organization_id',
  'model_version',
  'model_checksum',
  'assessed_on',
  'input',
  'result',
  'score',
  'computed_stream',
  'stream',
  'previous_stream',
  'reason',
  'justification',
  'overrides_assessment_id',
  'assessed_by',
  'created_at',
]);
export const CONSENT_COLUMNS = copyColumns('consents', [
  'id',
  'client_id',
  'organization_id',
  'recorded_by_organization_id',
  'categories',
  'purpose',
  'method',
  'evidence',
  'starts_on',
  'expires_on',
  'recorded_by',
  'created_at',
]);
export const REVOCATION_COLUMNS = copyColumns('consentRevocations', ['consent_id', 'method', 'reason', 'created_at']);

// Synthetic events happen during office hours; one time of day keeps lines cheap.
export function timestampOn(date: string): string {
  return `${date} 14:00:00+00`;
}

// A PostgreSQL array literal of plain words (no quotes or backslashes in generated values).
export function arrayLiteral(values: readonly string[]): string {
  return values.length === 0 ? '{}' : `{"${values.join('","')}"}`;
}

const N = '\\N';
const orNull = (v: string | number | null): string | number => (v === null ? N : v);

export function organizationLine(o: SyntheticOrganization): string {
  return encodeCopyRow([o.id, o.name, o.nameFr, o.type, o.website, o.phone, o.email, o.offersFrench]);
}

export function siteLine(s: SyntheticSite): string {
  return encodeCopyRow([
    s.id,
    s.organizationId,
    s.name,
    s.streetAddress,
    s.city,
    s.province,
    s.postalCode,
    s.neighbourhoodId,
    s.latitude,
    s.longitude,
    s.wheelchairAccessible,
  ]);
}

// Clients are the million-row hot path, so their COPY lines are written directly instead of
// through encodeCopyRow's per-value escaping: no generated value contains a tab, newline,
// carriage return or backslash (synthetic.test.ts checks these lines against encodeCopyRow).
export function clientCopyLine(c: SyntheticClient): string {
  const g = c.goals;
  return (
    `${c.id}\t${c.organizationId}\t${c.givenName}\t${c.familyName}\t${c.dateOfBirth}\t${c.preferredLanguage}\t` +
    `${c.postalCode}\t${c.neighbourhoodId}\t${c.educationLevel}\t${c.incomeSource}\t` +
    `${orNull(c.preferredName)}\t${orNull(c.pronouns)}\t${arrayLiteral(c.otherLanguages)}\t${c.interpreterNeeded ? 't' : 'f'}\t` +
    `${orNull(c.interpreterLanguage)}\t${orNull(c.email)}\t${orNull(c.phone)}\t${orNull(c.streetAddress)}\t${c.literacyNumeracy}\t` +
    `${orNull(g.statement)}\t${arrayLiteral(g.targetNocCodes)}\t${orNull(g.hoursWanted)}\t${orNull(g.timeHorizon)}\t` +
    `${c.status}\t${orNull(c.closedReason)}\t${timestampOn(c.intakeDate)}\n`
  );
}

const yesNo = (v: boolean | null): string => (v === null ? N : v ? 't' : 'f');

// Every answer is a fixed code (equity.ts), so the line is written directly like the client's.
export function clientEquityCopyLine(c: SyntheticClient): string {
  const e = c.equity;
  return (
    `${c.id}\t${orNull(e.indigenousIdentity)}\t${e.racializedGroup === null ? N : arrayLiteral(e.racializedGroup)}\t${orNull(e.gender)}\t` +
    `${yesNo(e.disability)}\t${yesNo(e.newcomer)}\t${orNull(e.arrivalYear)}\t${yesNo(e.francophone)}\t${yesNo(e.lgbtq2s)}\n`
  );
}

export function* statusChangeLines(c: SyntheticClient): Generator<string> {
  for (const s of c.statusChanges) {
    yield encodeCopyRow([s.id, c.id, s.status, s.kind, s.closedReason, s.note, c.organizationId, timestampOn(s.on)]);
  }
}

export function* workHistoryLines(c: SyntheticClient): Generator<string> {
  for (const j of c.workHistory)
    yield encodeCopyRow([j.id, c.id, j.nocCode, j.jobTitle, j.employerName, j.startDate, j.endDate, j.hoursPerWeek]);
}

export function* barrierLines(c: SyntheticClient): Generator<string> {
  for (const b of c.barriers) yield `${c.id}\t${b.kind}\t${b.status}\n`;
}

export function* accommodationLines(c: SyntheticClient): Generator<string> {
  for (const a of c.accommodations) yield encodeCopyRow([a.id, c.id, a.kind, a.disabilityRelated, a.description]);
}

export function* externalIdLines(c: SyntheticClient): Generator<string> {
  for (const e of c.externalIds) yield `${c.id}\t${e.kind}\t${e.value}\n`;
}

// Scores the client's assessments with the real model: the costliest lines of a city. The JSON
// carries backslashes (escaped quotes), which encodeCopyRow doubles for COPY.
export function* assessmentLines(c: SyntheticClient): Generator<string> {
  for (const a of clientAssessments(c)) {
    yield encodeCopyRow([
      a.id,
      c.id,
      a.sequence,
      a.kind,
      a.organizationId,
      a.modelVersion,
      a.modelChecksum,
      a.assessedOn,
      JSON.stringify(a.input),
      a.resultJson,
      a.score,
      a.computedStream,
      a.stream,
      a.previousStream,
      a.reason,
      a.justification,
      a.overridesAssessmentId,
      // A manager overrides; the primary worker assesses.
      a.kind === 'override' ? c.caseWork.managerId : c.caseWork.primaryWorkerId,
      timestampOn(a.recordedOn),
    ]);
  }
}

export function* consentLines(c: SyntheticClient): Generator<string> {
  for (const k of c.consents) {
    yield encodeCopyRow([
      k.id,
      c.id,
      k.organizationId,
      c.organizationId,
      arrayLiteral(k.categories),
      k.purpose,
      k.method,
      k.evidence,
      k.startsOn,
      k.expiresOn,
      c.caseWork.primaryWorkerId,
      timestampOn(k.startsOn),
    ]);
  }
}

export function* revocationLines(c: SyntheticClient): Generator<string> {
  for (const k of c.consents) {
    if (k.revocation)
      yield encodeCopyRow([k.id, k.revocation.method, k.revocation.reason, timestampOn(k.revocation.on)]);
  }
}

// ---- Case work (case-work.ts) -------------------------------------------------------------------

export const USER_COLUMNS = copyColumns('users', [
  'id',
  'organization_id',
  'email',
  'display_name',
  'status',
  'preferred_language',
  'created_at',
]);
export const USER_ROLE_COLUMNS = copyColumns('userRoles', ['user_id', 'role', 'created_at']);
export const TEAM_COLUMNS = copyColumns('caseTeamMembers', [
  'id',
  'client_id',
  'user_id',
  'organization_id',
  'team_role',
  'added_by',
  'removed_at',
  'removal_reason',
  'created_at',
]);
export const NOTE_COLUMNS = copyColumns('caseNotes', [
  'id',
  'client_id',
  'organization_id',
  'author_id',
  'kind',
  'visibility',
  'contact_on',
  'body',
  'corrects_note_id',
  'created_at',
]);
export const TASK_COLUMNS = copyColumns('tasks', [
  'id',
  'client_id',
  'organization_id',
  'created_by',
  'assigned_to',
  'kind',
  'phase',
  'title',
  'due_on',
  'recurrence',
  'recur_until',
  'status',
  'completed_at',
  'completed_by',
  'previous_task_id',
  'overdue_notified_at',
  'created_at',
]);
export const NOTIFICATION_COLUMNS = copyColumns('notifications', [
  'id',
  'user_id',
  'kind',
  'client_id',
  'subject_id',
  'read_at',
  'created_at',
]);
export const GOAL_COLUMNS = copyColumns('planGoals', [
  'id',
  'client_id',
  'organization_id',
  'created_by',
  'description',
  'target_date',
  'status',
  'created_at',
]);
export const STEP_COLUMNS = copyColumns('planSteps', [
  'id',
  'client_id',
  'goal_id',
  'organization_id',
  'created_by',
  'phase',
  'title',
  'status',
  'starts_on',
  'due_on',
  'completed_on',
  'linked_kind',
  'linked_id',
  'created_at',
]);
export const STEP_CHANGE_COLUMNS = copyColumns('planStepChanges', [
  'id',
  'step_id',
  'status',
  'changed_by',
  'created_at',
]);
export const ACKNOWLEDGEMENT_COLUMNS = copyColumns('planAcknowledgements', [
  'id',
  'client_id',
  'agrees',
  'method',
  'recorded_by',
  'created_at',
]);

// Synthetic staff are invited and never signed in: no password, so no one can sign in as them.
export function* userLines(c: SyntheticClient): Generator<string> {
  for (const u of c.caseWork.newStaff)
    yield encodeCopyRow([
      u.id,
      u.organizationId,
      u.email,
      u.displayName,
      'invited',
      u.preferredLanguage,
      timestampOn(u.createdOn),
    ]);
}

export function* userRoleLines(c: SyntheticClient): Generator<string> {
  for (const u of c.caseWork.newStaff) yield `${u.id}\t${u.role}\t${timestampOn(u.createdOn)}\n`;
}

export function* teamLines(c: SyntheticClient): Generator<string> {
  const w = c.caseWork;
  for (const m of w.team) {
    const addedBy = m.teamRole === 'primary_worker' ? w.managerId : w.primaryWorkerId;
    yield encodeCopyRow([
      m.id,
      c.id,
      m.userId,
      m.organizationId,
      m.teamRole,
      addedBy,
      m.removed ? timestampOn(m.removed.on) : null,
      m.removed?.reason ?? null,
      timestampOn(m.addedOn),
    ]);
  }
}

export function* noteLines(c: SyntheticClient): Generator<string> {
  for (const n of c.caseWork.notes) {
    yield encodeCopyRow([
      n.id,
      c.id,
      n.organizationId,
      n.authorId,
      n.kind,
      n.visibility,
      n.contactOn,
      n.body,
      n.correctsNoteId,
      timestampOn(n.contactOn),
    ]);
  }
}

export function* taskLines(c: SyntheticClient): Generator<string> {
  for (const t of c.caseWork.tasks) {
    yield encodeCopyRow([
      t.id,
      c.id,
      t.organizationId,
      t.createdBy,
      t.assignedTo,
      t.kind,
      t.phase,
      t.title,
      t.dueOn,
      t.recurrence,
      t.recurUntil,
      t.status,
      t.completedOn === null ? null : timestampOn(t.completedOn),
      t.completedOn === null ? null : t.assignedTo,
      t.previousTaskId,
      t.overdueNotice ? timestampOn(t.overdueNotice.on) : null,
      timestampOn(t.createdOn),
    ]);
  }
}

// The overdue notices the sweep already sent for tasks open past their due date.
export function* notificationLines(c: SyntheticClient): Generator<string> {
  for (const t of c.caseWork.tasks) {
    const n = t.overdueNotice;
    if (n)
      yield encodeCopyRow([
        n.id,
        t.assignedTo,
        'task_overdue',
        c.id,
        t.id,
        n.read ? timestampOn(n.on) : null,
        timestampOn(n.on),
      ]);
  }
}

export function* goalLines(c: SyntheticClient): Generator<string> {
  const p = c.caseWork.plan;
  if (p)
    yield encodeCopyRow([
      p.goal.id,
      c.id,
      c.organizationId,
      c.caseWork.primaryWorkerId,
      p.goal.description,
      p.goal.targetDate,
      p.goal.status,
      timestampOn(p.goal.createdOn),
    ]);
}

export function* stepLines(c: SyntheticClient): Generator<string> {
  for (const s of c.caseWork.plan?.steps ?? []) {
    yield encodeCopyRow([
      s.id,
      c.id,
      s.goalId,
      c.organizationId,
      c.caseWork.primaryWorkerId,
      s.phase,
      s.title,
      s.status,
      s.startsOn,
      s.dueOn,
      s.completedOn,
      s.linked?.kind ?? null,
      s.linked?.id ?? null,
      timestampOn(s.createdOn),
    ]);
  }
}

export function* stepChangeLines(c: SyntheticClient): Generator<string> {
  for (const s of c.caseWork.plan?.steps ?? []) {
    for (const x of s.changes)
      yield `${x.id}\t${s.id}\t${x.status}\t${c.caseWork.primaryWorkerId}\t${timestampOn(x.on)}\n`;
  }
}

export function* acknowledgementLines(c: SyntheticClient): Generator<string> {
  const a = c.caseWork.plan?.acknowledgement;
  if (a) yield encodeCopyRow([a.id, c.id, a.agrees, a.method, c.caseWork.primaryWorkerId, timestampOn(a.on)]);
}

// The directory (generate-directory.ts): its dates are days from the city's date, written out here.
export const SERVICE_COLUMNS = copyColumns('services', [
  'id',
  'organization_id',
  'name',
  'name_fr',
  'description',
  'description_fr',
  'intervention_types',
  'target_noc_codes',
  'target_naics_codes',
  'target_populations',
  'languages',
  'delivery_mode',
  'eligibility_description',
  'eligibility_description_fr',
  'minimum_age',
  'maximum_age',
  'credential_awarded',
  'funder',
  'starts_on',
  'ends_on',
  'seats',
  'seats_open',
  'details_verified_at',
  'capacity_verified_at',
  'search_text',
  'created_at',
  'updated_at',
]);
export const SERVICE_SITE_COLUMNS = copyColumns('serviceSites', ['service_id', 'site_id', 'verified_at']);
export const SERVICE_SCHEDULE_COLUMNS = copyColumns('serviceSchedules', [
  'service_id',
  'weekdays',
  'opens_at',
  'closes_at',
  'verified_at',
]);
export const SERVICE_INTAKE_COLUMNS = copyColumns('serviceIntakeWindows', [
  'service_id',
  'opens_on',
  'closes_on',
  'verified_at',
]);

const textArray = (values: readonly string[]) => `{${values.join(',')}}`;
// Confirmations happen in working hours: mid-afternoon in Toronto, whatever the day.
const confirmedAt = (today: string, daysAgo: number) => `${addDays(today, -daysAgo)}T19:00:00Z`;
const dayFrom = (today: string, days: number | null) => (days === null ? null : addDays(today, days));

export function serviceLine(s: SyntheticService, today: string, organizationName: string): string {
  const verified = confirmedAt(today, s.verifiedDaysAgo);
  return encodeCopyRow([
    s.id,
    s.organizationId,
    s.name,
    s.nameFr,
    s.description,
    s.descriptionFr,
    textArray(s.interventionTypes),
    textArray(s.targetNocCodes),
    textArray(s.targetNaicsCodes),
    textArray(s.targetPopulations),
    textArray(s.languages),
    s.deliveryMode,
    s.eligibilityDescription,
    s.eligibilityDescriptionFr,
    s.minimumAge,
    s.maximumAge,
    s.credentialAwarded,
    s.funder,
    dayFrom(today, s.startsInDays),
    dayFrom(today, s.endsInDays),
    s.seats,
    s.seatsOpen,
    verified,
    s.seats === null ? null : verified,
    searchTextOf(organizationName, s),
    verified,
    verified,
  ]);
}

export function* serviceSiteLines(s: SyntheticService, today: string): Generator<string> {
  for (const siteId of s.siteIds) yield encodeCopyRow([s.id, siteId, confirmedAt(today, s.verifiedDaysAgo)]);
}

export function* serviceScheduleLines(s: SyntheticService, today: string): Generator<string> {
  if (s.schedule)
    yield encodeCopyRow([
      s.id,
      textArray(s.schedule.weekdays),
      s.schedule.opensAt,
      s.schedule.closesAt,
      confirmedAt(today, s.verifiedDaysAgo),
    ]);
}

export function* serviceIntakeLines(s: SyntheticService, today: string): Generator<string> {
  for (const w of s.intakeWindows)
    yield encodeCopyRow([
      s.id,
      dayFrom(today, w.opensInDays),
      dayFrom(today, w.closesInDays),
      confirmedAt(today, s.verifiedDaysAgo),
    ]);
}

// Closed-loop referrals (referrals.ts): the referral, each of its steps, and the receiving worker's
// rating of the fit.
export const REFERRAL_COLUMNS = copyColumns('referrals', [
  'id',
  'client_id',
  'from_organization_id',
  'to_organization_id',
  'service_id',
  'to_user_id',
  'sent_by',
  'handled_by',
  'status',
  'reason',
  'consent_id',
  'policy_version',
  'acknowledge_due_on',
  'first_service_due_on',
  'received_at',
  'accepted_at',
  'enrolled_at',
  'closed_at',
  'acknowledge_overdue_notified_at',
  'first_service_overdue_notified_at',
  'created_at',
]);
export const REFERRAL_EVENT_COLUMNS = copyColumns('referralEvents', [
  'id',
  'referral_id',
  'kind',
  'status',
  'reason',
  'actor_id',
  'organization_id',
  'created_at',
]);
export const REFERRAL_RATING_COLUMNS = copyColumns('referralRatings', [
  'id',
  'referral_id',
  'rater',
  'fit',
  'rated_by',
  'created_at',
]);

const CLOSED: readonly string[] = ['declined', 'completed', 'dropped', 'withdrawn'];

export function* referralLines(c: SyntheticClient): Generator<string> {
  for (const x of c.caseWork.referrals) {
    const on = (status: string) => x.events.find((e) => e.status === status)?.on ?? null;
    const received = x.events.find((e) => e.side === 'receiving')?.on ?? null;
    const at = (date: string | null) => (date === null ? null : timestampOn(date));
    yield encodeCopyRow([
      x.id,
      c.id,
      c.organizationId,
      x.toOrganizationId,
      x.serviceId,
      x.toUserId,
      x.sentBy,
      x.handledBy,
      x.status,
      x.reason,
      x.consentId,
      REFERRAL_POLICY_VERSION,
      x.acknowledgeDueOn,
      x.firstServiceDueOn,
      at(received),
      at(on('accepted')),
      at(on('enrolled')),
      CLOSED.includes(x.status) ? at(x.events[x.events.length - 1]!.on) : null,
      at(x.acknowledgeOverdueOn),
      at(x.firstServiceOverdueOn),
      timestampOn(x.sentOn),
    ]);
  }
}

export function* referralEventLines(c: SyntheticClient): Generator<string> {
  for (const x of c.caseWork.referrals) {
    for (const e of x.events) {
      const sending = e.side === 'sending';
      yield encodeCopyRow([
        e.id,
        x.id,
        'status',
        e.status,
        e.reason,
        sending ? x.sentBy : x.handledBy,
        sending ? c.organizationId : x.toOrganizationId,
        timestampOn(e.on),
      ]);
    }
  }
}

export function* referralRatingLines(c: SyntheticClient): Generator<string> {
  for (const x of c.caseWork.referrals) {
    if (x.rating)
      yield encodeCopyRow([x.rating.id, x.id, 'receiving_worker', x.rating.fit, x.handledBy, timestampOn(x.rating.on)]);
  }
}

// The employer side (employers.ts): profiles, contacts, the engagement log, job orders and events.
export const EMPLOYER_PROFILE_COLUMNS = copyColumns('employerProfiles', [
  'organization_id',
  'naics_code',
  'size',
  'lead_organization_id',
  'hiring_plans',
  'hr_support_wanted',
]);
export function employerProfileLine(p: SyntheticEmployerProfile): string {
  return encodeCopyRow([
    p.organizationId,
    p.naicsCode,
    p.size,
    p.leadOrganizationId,
    p.hiringPlans,
    textArray(p.hrSupportWanted),
  ]);
}
export const EMPLOYER_CONTACT_COLUMNS = copyColumns('employerContacts', [
  'id',
  'employer_id',
  'name',
  'job_title',
  'phone',
  'email',
  'preferred_language',
  'is_primary',
]);
export function employerContactLine(c: SyntheticEmployerContact): string {
  return encodeCopyRow([c.id, c.employerId, c.name, c.jobTitle, c.phone, c.email, c.preferredLanguage, c.isPrimary]);
}
export const ENGAGEMENT_COLUMNS = copyColumns('employerEngagements', [
  'id',
  'employer_id',
  'organization_id',
  'kind',
  'hr_support',
  'occurred_on',
  'summary',
  'created_at',
]);
export function engagementLine(e: SyntheticEngagement): string {
  return encodeCopyRow([
    e.id,
    e.employerId,
    e.organizationId,
    e.kind,
    e.hrSupport,
    e.occurredOn,
    e.summary,
    `${e.occurredOn}T20:00:00Z`,
  ]);
}
export const JOB_ORDER_COLUMNS = copyColumns('jobOrders', [
  'id',
  'employer_id',
  'posted_by_organization_id',
  'title',
  'noc_code',
  'description',
  'hours_per_week',
  'schedule',
  'hourly_wage_cents',
  'benefits',
  'paid_sick_days',
  'permanence',
  'duration_months',
  'advancement_path',
  'training_provided',
  'safety_training',
  'workplace',
  'postal_code',
  'accommodations_offered',
  'openings',
  'closing_on',
  'status',
  'decent_work_score',
  'decent_work_model',
  'created_at',
  'updated_at',
]);
export function jobOrderLine(j: SyntheticJobOrder): string {
  const created = `${j.createdOn}T14:00:00Z`;
  return encodeCopyRow([
    j.id,
    j.employerId,
    j.postedByOrganizationId,
    j.title,
    j.nocCode,
    j.description,
    j.hoursPerWeek,
    j.schedule,
    j.hourlyWageCents,
    textArray(j.benefits),
    j.paidSickDays,
    j.permanence,
    j.durationMonths,
    j.advancementPath,
    j.trainingProvided,
    j.safetyTraining,
    j.workplace,
    j.postalCode,
    textArray(j.accommodationsOffered),
    j.openings,
    j.closingOn,
    j.status,
    j.decentWorkScore,
    j.decentWorkModel,
    created,
    created,
  ]);
}
export const HIRING_EVENT_COLUMNS = copyColumns('hiringEvents', [
  'id',
  'organization_id',
  'kind',
  'title',
  'starts_at',
  'ends_at',
  'online',
  'address',
  'postal_code',
  'capacity',
  'status',
  'created_at',
  'updated_at',
]);
export function hiringEventLine(e: SyntheticHiringEvent): string {
  const created = `${e.createdOn}T14:00:00Z`;
  return encodeCopyRow([
    e.id,
    e.organizationId,
    e.kind,
    e.title,
    e.startsAt,
    e.endsAt,
    e.online,
    e.address,
    e.postalCode,
    e.capacity,
    e.status,
    created,
    created,
  ]);
}
export const HIRING_EVENT_EMPLOYER_COLUMNS = copyColumns('hiringEventEmployers', [
  'event_id',
  'employer_id',
  'added_by_organization_id',
  'added_at',
]);
export function* hiringEventEmployerLines(e: SyntheticHiringEvent): Generator<string> {
  for (const employerId of e.employerIds)
    yield encodeCopyRow([e.id, employerId, e.organizationId, `${e.createdOn}T15:00:00Z`]);
}
export const HIRING_EVENT_JOB_COLUMNS = copyColumns('hiringEventJobs', ['event_id', 'employer_id', 'job_order_id']);
export function* hiringEventJobLines(e: SyntheticHiringEvent): Generator<string> {
  for (const j of e.jobOrderIds) yield encodeCopyRow([e.id, j.employerId, j.jobOrderId]);
}

// ---- The client side of the employer pipelines (placements.ts) -----------------------------------
// Lines of one client's job side: the client and their holding agency's worker, with what was drawn.
export type ClientJobSideRows = { client: SyntheticClient; side: ClientJobSide };

// The consent naming the employer under which a placement was shared (purpose placement).
export function* placementConsentLines({ client: c, side }: ClientJobSideRows): Generator<string> {
  for (const p of side.placements) {
    if (!p.consent) continue;
    yield encodeCopyRow([
      p.consent.id,
      c.id,
      p.employerId,
      c.organizationId,
      arrayLiteral(['identity_contact', 'employment']),
      'placement',
      'in_person',
      'Placement consent form signed with the worker',
      p.consent.startsOn,
      p.consent.expiresOn,
      c.caseWork.primaryWorkerId,
      timestampOn(p.consent.startsOn),
    ]);
  }
}

export const REGISTRATION_COLUMNS = copyColumns('hiringEventRegistrations', [
  'id',
  'event_id',
  'client_id',
  'organization_id',
  'registered_by',
  'registered_at',
  'attended',
  'attendance_recorded_by',
  'attendance_recorded_at',
]);
export function* registrationLines({ client: c, side }: ClientJobSideRows): Generator<string> {
  const worker = c.caseWork.primaryWorkerId;
  for (const r of side.registrations)
    yield encodeCopyRow([
      r.id,
      r.eventId,
      c.id,
      c.organizationId,
      worker,
      timestampOn(r.registeredOn),
      r.attended,
      r.recordedOn ? worker : null,
      r.recordedOn ? `${r.recordedOn} 20:00:00+00` : null,
    ]);
}

export const PLACEMENT_COLUMNS = copyColumns('placements', [
  'id',
  'client_id',
  'job_order_id',
  'employer_id',
  'organization_id',
  'proposed_by',
  'status',
  'reason',
  'consent_id',
  'shared_at',
  'interview_at',
  'hiring_event_id',
  'created_at',
  'updated_at',
]);
export function* placementLines({ client: c, side }: ClientJobSideRows): Generator<string> {
  for (const p of side.placements) {
    const last = p.steps[p.steps.length - 1]!;
    const on = (status: string) => p.steps.find((s) => s.status === status)?.on;
    const shared = on('shared');
    const interview = on('interview');
    yield encodeCopyRow([
      p.id,
      c.id,
      p.jobOrderId,
      p.employerId,
      c.organizationId,
      c.caseWork.primaryWorkerId,
      last.status,
      last.reason,
      p.consent?.id ?? null,
      shared ? timestampOn(shared) : null,
      interview ? timestampOn(interview) : null,
      p.hiringEventId,
      timestampOn(p.steps[0]!.on),
      timestampOn(last.on),
    ]);
  }
}

export const PLACEMENT_EVENT_COLUMNS = copyColumns('placementEvents', [
  'id',
  'placement_id',
  'status',
  'reason',
  'actor_id',
  'organization_id',
  'at',
]);
export function* placementEventLines({ client: c, side }: ClientJobSideRows): Generator<string> {
  for (const p of side.placements)
    for (const s of p.steps)
      yield encodeCopyRow([
        s.id,
        p.id,
        s.status,
        s.reason,
        s.side === 'agency' ? c.caseWork.primaryWorkerId : null,
        s.side === 'agency' ? c.organizationId : p.employerId,
        timestampOn(s.on),
      ]);
}

export const EMPLOYMENT_COLUMNS = copyColumns('employments', [
  'id',
  'client_id',
  'placement_id',
  'employer_id',
  'organization_id',
  'job_title',
  'noc_code',
  'start_date',
  'hours_per_week',
  'hourly_wage_cents',
  'created_at',
]);
export function* employmentLines({ client: c, side }: ClientJobSideRows): Generator<string> {
  for (const p of side.placements) {
    const e = p.employment;
    if (!e) continue;
    yield encodeCopyRow([
      e.id,
      c.id,
      p.id,
      p.employerId,
      c.organizationId,
      e.jobTitle,
      e.nocCode,
      e.startDate,
      e.hoursPerWeek,
      e.hourlyWageCents,
      timestampOn(e.recordedOn),
    ]);
  }
}
