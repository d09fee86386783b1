import {
  barrierKinds,
  type AccommodationKind,
  type BarrierKind,
  type LiteracyLevel,
} from '../domain/assessment/assessment-input.ts';
import { weightedTable, type Random } from './random.ts';
import type {
  ClientRecord,
  ClientStatus,
  ClosedReason,
  SyntheticAccommodation,
  SyntheticBarrier,
  SyntheticClient,
  SyntheticEquity,
  SyntheticExternalId,
  SyntheticStatusChange,
  TimeHorizon,
} from './city.ts';
import { REFERENCE_DAY, dayOf, dayString } from './days.ts';
import { EDUCATION_LEVELS, type EducationLevel } from './distributions.ts';
import { drawAssessmentPlan, reassessmentDrawn } from './assessments.ts';
import { drawConsents, type Partners } from './consents.ts';
import { heritageLanguageTable, heritageSpeakers } from './languages.ts';
import { nameGender, preferredNameOptions } from './name-details.ts';
import { occupationTable } from './occupations.ts';
import {
  ASSESSED_SHARE,
  BARRIER_RATES,
  BARRIER_RESOLVED,
  CLOSED_REASON_SHARES,
  DISABILITY_ACCOMMODATION,
  DISABILITY_BARRIER_ODSP,
  DISABILITY_BARRIER_OTHERS,
  DRAWN_BARRIERS,
  EMAIL_SHARE,
  FRENCH_AMONG_OTHERS,
  GOAL_STATEMENT_SHARE,
  HERITAGE_SPEAKERS_NEWCOMER,
  HERITAGE_SPEAKERS_SETTLED,
  HOURS_WANTED,
  HOURS_WANTED_SHARE,
  INTAKE_WINDOW_DAYS,
  INTERPRETER_NEWCOMER,
  INTERPRETER_SETTLED,
  LANGUAGE_BARRIER_NEWCOMER,
  LITERACY_BY_EDUCATION,
  LITERACY_LEVELS,
  LITERACY_UNKNOWN,
  MEMBER_NUMBER_RECORDED,
  PHONE_SHARE,
  PREFERRED_NAME_AMONG_ELIGIBLE,
  PRONOUN_SHARES,
  PRONOUNS_RECORDED,
  SCHEDULING_ACCOMMODATION,
  SHARING_SHARE,
  STATUS_SHARES,
  STREET_ADDRESS_SHARE,
  TARGET_NOC_COUNT,
  TARGET_NOC_SHARE,
  TIME_HORIZON_SHARES,
} from './record-distributions.ts';
import { drawWorkHistory } from './work-history.ts';
import { stripAccents } from './near-duplicates.ts';

// The intake record of one synthetic client (migration 0010), drawn after the client's core fields
// from a stream of its own, so the core fields stay what they were before the record existed.

export type CoreClient = Pick<
  SyntheticClient,
  | 'id'
  | 'organizationId'
  | 'givenName'
  | 'familyName'
  | 'dateOfBirth'
  | 'preferredLanguage'
  | 'postalCode'
  | 'neighbourhoodId'
  | 'educationLevel'
  | 'incomeSource'
  | 'traits'
> & { age: number; nameGroup: string };

export type RecordContext = {
  seed: number;
  // The client's position in the city: makes member numbers unique.
  index: number;
  partners: Partners;
  streets: readonly string[];
  employerNames: readonly string[];
  // The self-identified answers, drawn from a stream of their own once the pronouns are known.
  equity: (pronouns: string | null) => SyntheticEquity;
};

const statuses = weightedTable(Object.entries(STATUS_SHARES) as [ClientStatus, number][]);
const closedReasons = weightedTable(Object.entries(CLOSED_REASON_SHARES) as [ClosedReason, number][]);
const horizons = weightedTable(Object.entries(TIME_HORIZON_SHARES) as [TimeHorizon, number][]);
const targetCounts = weightedTable(TARGET_NOC_COUNT);
const hoursWanted = { odsp: weightedTable(HOURS_WANTED.odsp), others: weightedTable(HOURS_WANTED.others) };
const literacy = Object.fromEntries(
  EDUCATION_LEVELS.map((e) => [
    e,
    weightedTable(LITERACY_LEVELS.map((l) => [l, LITERACY_BY_EDUCATION[e][l]] as const)),
  ]),
) as Record<EducationLevel, ReturnType<typeof weightedTable<LiteracyLevel>>>;
const pronounTables = {
  feminine: weightedTable(PRONOUN_SHARES.feminine),
  masculine: weightedTable(PRONOUN_SHARES.masculine),
  unisex: weightedTable(PRONOUN_SHARES.unisex),
};
const disabilityAccommodations = weightedTable<AccommodationKind>([
  ['mobility', 0.25],
  ['mental_health', 0.25],
  ['cognitive', 0.15],
  ['communication', 0.15],
  ['vision', 0.1],
  ['hearing', 0.1],
]);
const ACCOMMODATION_DESCRIPTIONS: Partial<Record<AccommodationKind, string>> = {
  mobility: 'Ground-floor meeting rooms; no standing for long periods.',
  mental_health: 'Quiet room and short breaks during workshops.',
  cognitive: 'Written summaries after each meeting.',
  communication: 'Extra time to answer; plain-language documents.',
  vision: 'Large-print documents and screen reader-friendly forms.',
  hearing: 'Captioning or an ASL interpreter for group sessions.',
  scheduling: 'Appointments only between 9:30 and 2:30 (school hours).',
};
const ON_HOLD_NOTES = [
  'Health leave.',
  'Caring for a family member.',
  'Out of the country for several weeks.',
  'Waiting for a training program to start.',
];
const CLOSED_NOTES: Record<ClosedReason, string | null> = {
  employed: 'Started full-time work.',
  no_contact: 'No answer to three calls and two e-mails.',
  moved_away: 'Moved outside Toronto.',
  transferred: 'Transferred to a provider closer to home.',
  declined_services: null,
  deceased: null,
  other: null,
};

// Goal statements, in the language of service.
export const GOAL_STATEMENTS: Record<'en' | 'fr', readonly string[]> = {
  en: [
    'A decent job for the next five years',
    'Full-time work in my field',
    "Part-time work that fits my children's school hours",
    'Get a trade certificate and work in the trade',
    'Improve my English and find steady work',
    'Go back to work after time away',
    'A job close to home with regular hours',
    'Start a career with room to grow',
  ],
  fr: [
    'Un emploi convenable pour les cinq prochaines années',
    'Un emploi à temps plein dans mon domaine',
    "Un emploi à temps partiel compatible avec l'horaire scolaire de mes enfants",
    'Obtenir un certificat de métier et travailler dans ce métier',
    'Améliorer mon anglais et trouver un emploi stable',
    'Retourner au travail après une absence',
    'Un emploi près de chez moi avec un horaire régulier',
    "Commencer une carrière avec des possibilités d'avancement",
  ],
};

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];
const AREA_CODES = ['416', '647', '437'];

// Letters only, accents dropped: the part of an e-mail address a name gives.
export function asciiLetters(name: string): string {
  return stripAccents(name)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

// Unique per city: a bijection of the client's position onto ten-digit numbers (the multiplier
// shares no factor with 9 × 10^9), offset by the seed.
export function memberNumber(seed: number, index: number): string {
  return String(((index * 7_919_113 + seed * 7_907) % 9_000_000_000) + 1_000_000_000);
}

function sixteenth(dateOfBirth: string): number {
  return dayOf(`${Number(dateOfBirth.slice(0, 4)) + 16}${dateOfBirth.slice(4)}`.replace('-02-29', '-03-01'));
}

function languagesOf(r: Random, c: CoreClient) {
  if (c.traits.francophone) {
    // Toronto's francophones nearly all speak English too.
    return {
      otherLanguages: [c.preferredLanguage === 'fr' ? 'English' : 'French'],
      interpreter: null,
      languageBarrier: false,
    };
  }
  const table = heritageLanguageTable(c.nameGroup);
  const speaks =
    table !== null &&
    r.bool(
      heritageSpeakers(c.nameGroup) * (c.traits.newcomer ? HERITAGE_SPEAKERS_NEWCOMER : HERITAGE_SPEAKERS_SETTLED),
    );
  const other: string[] = [];
  let interpreter: string | null = null;
  let languageBarrier = false;
  if (speaks) {
    const language = r.weightedPick(table);
    other.push(language);
    if (r.bool(c.traits.newcomer ? INTERPRETER_NEWCOMER : INTERPRETER_SETTLED)) interpreter = language;
    languageBarrier = interpreter !== null || (c.traits.newcomer && r.bool(LANGUAGE_BARRIER_NEWCOMER));
  }
  if (r.bool(FRENCH_AMONG_OTHERS)) other.push('French');
  return { otherLanguages: other, interpreter, languageBarrier };
}

function barriersOf(r: Random, c: CoreClient, languageBarrier: boolean): SyntheticBarrier[] {
  const has = new Set<BarrierKind>();
  for (const kind of DRAWN_BARRIERS) if (r.bool(BARRIER_RATES[kind][c.incomeSource])) has.add(kind);
  if (languageBarrier) has.add('language');
  const disability =
    c.incomeSource === 'odsp' ? DISABILITY_BARRIER_ODSP : c.traits.disability ? DISABILITY_BARRIER_OTHERS : 0;
  if (r.bool(disability)) has.add('disability');
  return barrierKinds
    .filter((k) => has.has(k))
    .map((kind) => ({ kind, status: r.bool(BARRIER_RESOLVED) ? 'resolved' : 'active' }));
}

function accommodationsOf(r: Random, barriers: readonly SyntheticBarrier[]): SyntheticAccommodation[] {
  const out: SyntheticAccommodation[] = [];
  const add = (kind: AccommodationKind, disabilityRelated: boolean) =>
    out.push({
      id: r.uuid(),
      kind,
      disabilityRelated,
      description: r.bool(0.5) ? (ACCOMMODATION_DESCRIPTIONS[kind] ?? null) : null,
    });
  if (barriers.some((b) => b.kind === 'disability') && r.bool(DISABILITY_ACCOMMODATION))
    add(r.weightedPick(disabilityAccommodations), true);
  if (barriers.some((b) => b.kind === 'childcare') && r.bool(SCHEDULING_ACCOMMODATION)) add('scheduling', false);
  return out;
}

function statusOf(r: Random, intakeDay: number, reassessed: boolean) {
  const status = r.weightedPick(statuses);
  const changes: SyntheticStatusChange[] = [
    { id: r.uuid(), status: 'active', kind: 'opened', closedReason: null, note: null, on: dayString(intakeDay) },
  ];
  let lastDay = REFERENCE_DAY;
  let closedReason: ClosedReason | null = null;
  if (status !== 'active') {
    // A reassessed file stayed open at least two months.
    const day = Math.min(
      REFERENCE_DAY,
      intakeDay + r.int(reassessed ? 60 : 14, Math.max(reassessed ? 60 : 14, REFERENCE_DAY - intakeDay)),
    );
    if (status === 'closed') {
      closedReason = r.weightedPick(closedReasons);
      lastDay = day;
      changes.push({
        id: r.uuid(),
        status,
        kind: 'closed',
        closedReason,
        note: CLOSED_NOTES[closedReason],
        on: dayString(day),
      });
    } else {
      changes.push({
        id: r.uuid(),
        status,
        kind: 'on_hold',
        closedReason: null,
        note: r.pick(ON_HOLD_NOTES),
        on: dayString(day),
      });
    }
  }
  return { status, closedReason, changes, lastDay };
}

function goalsOf(r: Random, c: CoreClient, lastJobCode: string | undefined): SyntheticClient['goals'] {
  const statement = r.bool(GOAL_STATEMENT_SHARE) ? r.pick(GOAL_STATEMENTS[c.preferredLanguage]) : null;
  const codes: string[] = [];
  if (r.bool(TARGET_NOC_SHARE)) {
    const count = r.weightedPick(targetCounts);
    if (lastJobCode && r.bool(0.5)) codes.push(lastJobCode);
    const table = occupationTable(c.educationLevel);
    for (let k = 0; k < 6 && codes.length < count; k++) {
      const code = r.weightedPick(table).code;
      if (!codes.includes(code)) codes.push(code);
    }
  }
  const hours = r.bool(HOURS_WANTED_SHARE)
    ? r.weightedPick(c.incomeSource === 'odsp' ? hoursWanted.odsp : hoursWanted.others)
    : null;
  return { statement, targetNocCodes: codes, hoursWanted: hours, timeHorizon: r.weightedPick(horizons) };
}

function contactOf(r: Random, c: CoreClient, streets: readonly string[]) {
  const phone = r.bool(PHONE_SHARE) ? `${r.pick(AREA_CODES)}-555-01${String(r.int(0, 99)).padStart(2, '0')}` : null;
  const email = r.bool(EMAIL_SHARE)
    ? `${asciiLetters(c.givenName) || 'client'}.${asciiLetters(c.familyName) || 'client'}${r.bool(0.5) ? r.int(1, 99) : ''}@${r.pick(EMAIL_DOMAINS)}`
    : null;
  let streetAddress: string | null = null;
  if (r.bool(STREET_ADDRESS_SHARE)) {
    const number = r.int(1, 2999);
    streetAddress = r.bool(0.4) ? `${r.int(101, 2412)}-${number} ${r.pick(streets)}` : `${number} ${r.pick(streets)}`;
  }
  return { phone, email, streetAddress };
}

export function drawRecord(r: Random, c: CoreClient, ctx: RecordContext): ClientRecord {
  const assessed = r.bool(ASSESSED_SHARE);
  const reassessed = assessed && reassessmentDrawn(r);
  // A reassessed client came in at least three months before the reference date.
  // Nobody is registered before their sixteenth birthday.
  const intakeDay = Math.max(sixteenth(c.dateOfBirth), REFERENCE_DAY - r.int(reassessed ? 90 : 0, INTAKE_WINDOW_DAYS));
  const { status, closedReason, changes, lastDay } = statusOf(r, intakeDay, reassessed);

  const options = preferredNameOptions(c.givenName);
  const preferredName = options.length > 0 && r.bool(PREFERRED_NAME_AMONG_ELIGIBLE) ? r.pick(options) : null;
  const pronouns = r.bool(PRONOUNS_RECORDED) ? r.weightedPick(pronounTables[nameGender(c.givenName)]) : null;
  const languages = languagesOf(r, c);
  const contact = contactOf(r, c, ctx.streets);
  const literacyNumeracy: LiteracyLevel = r.bool(LITERACY_UNKNOWN)
    ? 'unknown'
    : r.weightedPick(literacy[c.educationLevel]);
  const workHistory = drawWorkHistory(r, { ...c, intakeDay, employerNames: ctx.employerNames });
  const goals = goalsOf(r, c, workHistory[workHistory.length - 1]?.nocCode);
  const barriers = barriersOf(r, c, languages.languageBarrier);
  const accommodations = accommodationsOf(r, barriers);
  const memberKind = c.incomeSource === 'ontario_works' || c.incomeSource === 'odsp' ? c.incomeSource : null;
  const externalIds: SyntheticExternalId[] =
    memberKind && r.bool(MEMBER_NUMBER_RECORDED)
      ? [{ kind: memberKind, value: memberNumber(ctx.seed, ctx.index) }]
      : [];
  const assessmentPlan = assessed
    ? drawAssessmentPlan(
        r,
        { intakeDay, lastDay, literacyKnown: literacyNumeracy !== 'unknown', barriers, workHistory },
        reassessed,
      )
    : null;
  const consents = r.bool(SHARING_SHARE) ? drawConsents(r, ctx.partners, intakeDay, lastDay, REFERENCE_DAY) : [];

  return {
    id: c.id,
    organizationId: c.organizationId,
    givenName: c.givenName,
    familyName: c.familyName,
    dateOfBirth: c.dateOfBirth,
    preferredLanguage: c.preferredLanguage,
    postalCode: c.postalCode,
    neighbourhoodId: c.neighbourhoodId,
    educationLevel: c.educationLevel,
    incomeSource: c.incomeSource,
    traits: c.traits,
    equity: ctx.equity(pronouns),
    intakeDate: dayString(intakeDay),
    preferredName,
    pronouns,
    otherLanguages: languages.otherLanguages,
    interpreterNeeded: languages.interpreter !== null,
    interpreterLanguage: languages.interpreter,
    email: contact.email,
    phone: contact.phone,
    streetAddress: contact.streetAddress,
    literacyNumeracy,
    goals,
    status,
    closedReason,
    statusChanges: changes,
    workHistory,
    barriers,
    accommodations,
    externalIds,
    assessmentPlan,
    consents,
    plantedCopyOf: null,
  };
}
