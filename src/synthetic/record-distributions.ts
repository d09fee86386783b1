import type {
  ClosedReason,
  ConsentCategory,
  ConsentMethod,
  ConsentPurpose,
  ClientStatus,
  TimeHorizon,
} from './city.ts';
import {
  buildDistributionTargets,
  EDUCATION_LEVELS,
  francophoneShare,
  INCOME_SOURCE_SHARES,
  INCOME_SOURCES,
  newcomerShare,
  residenceWeight,
  type EducationLevel,
  type IncomeSource,
} from './distributions.ts';
import type { Geography } from './geography.ts';
import { heritageLanguageTable, heritageSpeakers } from './languages.ts';
import type { NameGender } from './name-details.ts';
import { NAME_GROUPS } from './names.ts';
import { entryLevelShare } from './occupations.ts';

// The intake record of synthetic clients (migration 0010), its assessments and consents, as data.
// Every rate below is a hand-chosen approximation (a comment gives a published figure for scale
// where one exists); buildRecordTargets turns them into the shares client-record.test.ts checks.

// ---- Identity and contact -----------------------------------------------------------------------
// Among clients whose given name has a short form or an adopted English name (name-details.ts).
export const PREFERRED_NAME_AMONG_ELIGIBLE = 0.35;
export const PRONOUNS_RECORDED = 0.2;
// Recorded pronouns by the usual gender of the given name (name-details.ts); the gender answer
// follows them (equity.ts).
export const PRONOUN_SHARES: Record<NameGender, readonly (readonly [string, number])[]> = {
  feminine: [
    ['she/her', 0.93],
    ['she/they', 0.03],
    ['they/them', 0.04],
  ],
  masculine: [
    ['he/him', 0.93],
    ['he/they', 0.03],
    ['they/them', 0.04],
  ],
  unisex: [
    ['she/her', 0.45],
    ['he/him', 0.45],
    ['they/them', 0.1],
  ],
};
export const PHONE_SHARE = 0.93;
export const EMAIL_SHARE = 0.78;
export const STREET_ADDRESS_SHARE = 0.88;

// ---- Languages ----------------------------------------------------------------------------------
// Chance of speaking a language of one's name pool (languages.ts), for newcomers (the
// neighbourhood's recent-immigrant share, as for the newcomer flag) and for everyone else. For
// scale: 35% of Torontonians speak a non-official language at home most often or equally often with
// English (Profiles 2016, City of Toronto column, rows 403 + 668 + 669 + 671 over 397).
export const HERITAGE_SPEAKERS_NEWCOMER = 0.9;
export const HERITAGE_SPEAKERS_SETTLED = 0.4;
// Non-francophones who also list French (9% of Torontonians know both official languages, row 131).
export const FRENCH_AMONG_OTHERS = 0.06;
// Interpreter needed, among speakers of another language. For scale: 4.9% of Torontonians know
// neither English nor French (Profiles 2016, row 132 over row 128).
export const INTERPRETER_NEWCOMER = 0.3;
export const INTERPRETER_SETTLED = 0.04;
// A 'language' barrier: everyone who needs an interpreter, and this share of the other newcomers
// who speak another language.
export const LANGUAGE_BARRIER_NEWCOMER = 0.25;

// ---- Literacy and numeracy ----------------------------------------------------------------------
// Not assessed at intake. Among assessed clients, by education; for scale, PIAAC 2012 found 16% of
// Ontario adults at or below Level 1 in literacy (here: below_basic), 33% at Level 2 (basic).
export const LITERACY_UNKNOWN = 0.35;
export const LITERACY_LEVELS = ['below_basic', 'basic', 'functional', 'proficient'] as const;
export const LITERACY_BY_EDUCATION: Record<EducationLevel, Record<(typeof LITERACY_LEVELS)[number], number>> = {
  less_than_high_school: { below_basic: 0.25, basic: 0.4, functional: 0.28, proficient: 0.07 },
  high_school: { below_basic: 0.08, basic: 0.3, functional: 0.45, proficient: 0.17 },
  apprenticeship_or_trades: { below_basic: 0.05, basic: 0.25, functional: 0.5, proficient: 0.2 },
  college: { below_basic: 0.04, basic: 0.2, functional: 0.5, proficient: 0.26 },
  bachelor: { below_basic: 0.02, basic: 0.08, functional: 0.45, proficient: 0.45 },
  graduate: { below_basic: 0.01, basic: 0.06, functional: 0.4, proficient: 0.53 },
  unknown: { below_basic: 0.1, basic: 0.3, functional: 0.4, proficient: 0.2 },
};

// ---- Goals --------------------------------------------------------------------------------------
export const GOAL_STATEMENT_SHARE = 0.85;
export const TARGET_NOC_SHARE = 0.7;
export const TARGET_NOC_COUNT = [
  [1, 0.6],
  [2, 0.3],
  [3, 0.1],
] as const;
export const HOURS_WANTED_SHARE = 0.8;
export const HOURS_WANTED: Record<'odsp' | 'others', readonly (readonly [number, number])[]> = {
  // ODSP allows earnings alongside the benefit: part-time hours are asked for more often.
  odsp: [
    [40, 0.15],
    [35, 0.15],
    [30, 0.2],
    [25, 0.15],
    [20, 0.25],
    [15, 0.1],
  ],
  others: [
    [40, 0.45],
    [35, 0.2],
    [30, 0.15],
    [25, 0.08],
    [20, 0.08],
    [15, 0.04],
  ],
};
export const TIME_HORIZON_SHARES: Record<TimeHorizon, number> = {
  now: 0.45,
  within_6_months: 0.3,
  within_a_year: 0.15,
  long_term: 0.1,
};

// ---- Work history -------------------------------------------------------------------------------
export const NO_WORK_HISTORY_BY_AGE = [
  { toAge: 19, share: 0.45 },
  { toAge: 24, share: 0.18 },
  { toAge: 64, share: 0.07 },
] as const;
// Jobs recorded, for clients with any (capped at 1 for ages 16–19 and 2 for 20–24).
export const JOB_COUNT = [
  [1, 0.35],
  [2, 0.3],
  [3, 0.2],
  [4, 0.15],
] as const;
// Still in a job at intake (working but looking for better work), among clients with work history.
export const CURRENT_JOB: Record<IncomeSource, number> = {
  ontario_works: 0.08,
  odsp: 0.06,
  ei: 0.02,
  none: 0.12,
  other: 0.1,
};
// Months between the last job's end and intake: [from, to, share]. EI claimants lost a job
// recently by definition; ODSP clients more often have long gaps.
export const MONTHS_SINCE_LAST_JOB: Record<IncomeSource, readonly (readonly [number, number, number])[]> = {
  ei: [
    [0, 6, 0.8],
    [6, 12, 0.18],
    [12, 24, 0.02],
  ],
  ontario_works: [
    [0, 12, 0.35],
    [12, 36, 0.35],
    [36, 120, 0.3],
  ],
  odsp: [
    [0, 12, 0.15],
    [12, 36, 0.25],
    [36, 180, 0.6],
  ],
  none: [
    [0, 12, 0.7],
    [12, 36, 0.2],
    [36, 120, 0.1],
  ],
  other: [
    [0, 12, 0.6],
    [12, 36, 0.25],
    [36, 120, 0.15],
  ],
};
export const JOB_MONTHS = [
  [3, 12, 0.45],
  [12, 36, 0.35],
  [36, 96, 0.2],
] as const;
export const HOURS_PER_WEEK = [
  [40, 0.4],
  [37.5, 0.1],
  [35, 0.1],
  [30, 0.1],
  [25, 0.1],
  [20, 0.12],
  [15, 0.05],
  [10, 0.03],
] as const;
// Jobs at one of the city's synthetic employers (the rest name no employer).
export const EMPLOYER_NAMED = 0.6;

// ---- Barriers and accommodations ------------------------------------------------------------------
// Share of clients with each barrier recorded, by income source. Hand-chosen to be higher for
// Ontario Works and ODSP (life-stabilization needs are why many are referred); 'language' and
// 'disability' are drawn from the languages and the disability answer instead.
export const DRAWN_BARRIERS = [
  'housing',
  'food',
  'mental_health',
  'addictions',
  'childcare',
  'transportation',
  'legal',
  'digital_access',
  'income',
] as const;
export const BARRIER_RATES: Record<(typeof DRAWN_BARRIERS)[number], Record<IncomeSource, number>> = {
  housing: { ontario_works: 0.28, odsp: 0.25, ei: 0.05, none: 0.1, other: 0.12 },
  food: { ontario_works: 0.25, odsp: 0.22, ei: 0.04, none: 0.08, other: 0.1 },
  mental_health: { ontario_works: 0.22, odsp: 0.45, ei: 0.06, none: 0.09, other: 0.12 },
  addictions: { ontario_works: 0.08, odsp: 0.1, ei: 0.01, none: 0.02, other: 0.03 },
  childcare: { ontario_works: 0.15, odsp: 0.06, ei: 0.08, none: 0.08, other: 0.08 },
  transportation: { ontario_works: 0.25, odsp: 0.25, ei: 0.06, none: 0.1, other: 0.12 },
  legal: { ontario_works: 0.07, odsp: 0.05, ei: 0.01, none: 0.02, other: 0.03 },
  digital_access: { ontario_works: 0.2, odsp: 0.22, ei: 0.05, none: 0.08, other: 0.1 },
  income: { ontario_works: 0.35, odsp: 0.2, ei: 0.1, none: 0.15, other: 0.12 },
};
// A 'disability' barrier: most ODSP clients, and some of the others who self-identify a disability
// (the equity answer itself never reaches the assessment).
export const DISABILITY_BARRIER_ODSP = 0.9;
export const DISABILITY_BARRIER_OTHERS = 0.35;
// Among recorded barriers, those resolved since.
export const BARRIER_RESOLVED = 0.25;
// Among clients with a disability barrier, a disability-related accommodation; among clients with a
// child care barrier, a scheduling one.
export const DISABILITY_ACCOMMODATION = 0.5;
export const SCHEDULING_ACCOMMODATION = 0.3;

// ---- External identifiers -------------------------------------------------------------------------
// Ontario Works and ODSP member numbers on the record of clients on that income (a planted second
// record never has one: the number is unique, and not having it is how the duplicate slipped in).
export const MEMBER_NUMBER_RECORDED = 0.95;

// ---- File status --------------------------------------------------------------------------------
export const STATUS_SHARES: Record<ClientStatus, number> = { active: 0.82, on_hold: 0.08, closed: 0.1 };
export const CLOSED_REASON_SHARES: Record<ClosedReason, number> = {
  employed: 0.42,
  no_contact: 0.2,
  moved_away: 0.08,
  transferred: 0.08,
  declined_services: 0.08,
  deceased: 0.01,
  other: 0.13,
};
// Intake happened within this many days before the reference date (uniformly).
export const INTAKE_WINDOW_DAYS = 1095;

// ---- Assessments --------------------------------------------------------------------------------
export const ASSESSED_SHARE = 0.88;
export const REASSESSED_AMONG_ASSESSED = 0.15;
export const OVERRIDDEN_AMONG_ASSESSED = 0.02;

// ---- Consents -----------------------------------------------------------------------------------
export const SHARING_SHARE = 0.3;
export const TWO_AGENCIES_AMONG_SHARING = 0.25;
export const CONSENT_PURPOSE_SHARES: Record<ConsentPurpose, number> = {
  integrated_case_management: 0.55,
  referral: 0.45,
};
// Each category chosen on its own; identity and contact always (a referral needs a name). Equity
// is never chosen by default: rarely, and only when the client asks.
export const CONSENT_CATEGORY_RATES: Record<ConsentPurpose, Record<ConsentCategory, number>> = {
  integrated_case_management: {
    identity_contact: 1,
    employment: 0.9,
    assessment: 0.75,
    plan: 0.6,
    notes: 0.3,
    equity: 0.02,
  },
  referral: { identity_contact: 1, employment: 0.85, assessment: 0.35, plan: 0.2, notes: 0.05, equity: 0.005 },
};
export const CONSENT_METHOD_SHARES: Record<ConsentMethod, number> = { in_person: 0.6, written: 0.3, phone: 0.1 };
// How long a consent runs (the longest allowed is three years: CONSENT_MAX_YEARS).
export const CONSENT_YEARS = [
  [3, 0.7],
  [2, 0.2],
  [1, 0.1],
] as const;
export const CONSENT_REVOKED = 0.04;

// ---- Targets ------------------------------------------------------------------------------------

export type RecordGroup =
  | 'preferred_name'
  | 'pronouns'
  | 'contact'
  | 'languages'
  | 'literacy'
  | 'goals'
  | 'time_horizon'
  | 'work_history'
  | 'entry_level_jobs'
  | 'barrier'
  | 'barrier_status'
  | 'accommodation'
  | 'external_id'
  | 'status'
  | 'closed_reason'
  | 'assessment'
  | 'consent'
  | 'consent_purpose'
  | 'consent_category'
  | 'consent_method';

// The population a share is taken of: all clients, clients on one income source, clients with a
// given education (their jobs), and so on; synthetic.test.ts defines each one.
export type RecordPopulation =
  | 'clients'
  | IncomeSource
  | 'preferred_name_eligible'
  | `jobs_of_${EducationLevel}`
  | 'disability_not_odsp'
  | 'disability_barrier'
  | 'childcare_barrier'
  | 'barriers'
  | 'closed'
  | 'assessed'
  | 'sharing'
  | 'consents';

export type RecordTarget = {
  key: string;
  group: RecordGroup;
  value: string;
  label: string;
  target: number;
  among: RecordPopulation;
  source: string;
  approximation: boolean;
};

const HAND = 'Hand-chosen approximation';

// The language shares follow from the name pools, the neighbourhoods' newcomer and francophone
// shares and the rates above: computed here the way the generator draws them.
function languageShares(geography: Geography): { any: number; interpreter: number; barrier: number } {
  const groupWeight = NAME_GROUPS.reduce((a, g) => a + g.weight, 0);
  const speakers = NAME_GROUPS.reduce(
    (a, g) => a + (heritageLanguageTable(g.key) ? (g.weight / groupWeight) * heritageSpeakers(g.key) : 0),
    0,
  );
  const total = geography.neighbourhoods.reduce((a, n) => a + residenceWeight(n), 0);
  let any = 0;
  let interpreter = 0;
  let barrier = 0;
  for (const hood of geography.neighbourhoods) {
    const w = residenceWeight(hood) / total;
    const f = francophoneShare(hood);
    const n = newcomerShare(hood);
    const speak = speakers * (n * HERITAGE_SPEAKERS_NEWCOMER + (1 - n) * HERITAGE_SPEAKERS_SETTLED);
    any += w * (f + (1 - f) * (1 - (1 - speak) * (1 - FRENCH_AMONG_OTHERS)));
    const interp =
      speakers *
      (n * HERITAGE_SPEAKERS_NEWCOMER * INTERPRETER_NEWCOMER +
        (1 - n) * HERITAGE_SPEAKERS_SETTLED * INTERPRETER_SETTLED);
    interpreter += w * (1 - f) * interp;
    barrier +=
      w *
      (1 - f) *
      (interp + speakers * n * HERITAGE_SPEAKERS_NEWCOMER * (1 - INTERPRETER_NEWCOMER) * LANGUAGE_BARRIER_NEWCOMER);
  }
  return { any, interpreter, barrier };
}

export function buildRecordTargets(geography: Geography): RecordTarget[] {
  const base = buildDistributionTargets(geography);
  const share = (key: string) => base.find((t) => t.key === key)?.target ?? 0;
  const targets: RecordTarget[] = [];
  const add = (t: Omit<RecordTarget, 'key' | 'approximation' | 'source'> & { source?: string }) =>
    targets.push({
      key: `${t.group}.${t.value}${t.among === 'clients' ? '' : `@${t.among}`}`,
      source: HAND,
      approximation: true,
      ...t,
    });

  add({
    group: 'preferred_name',
    value: 'yes',
    label: 'Preferred name recorded (given name has a short form or adopted name)',
    target: PREFERRED_NAME_AMONG_ELIGIBLE,
    among: 'preferred_name_eligible',
  });
  add({
    group: 'pronouns',
    value: 'recorded',
    label: 'Pronouns recorded',
    target: PRONOUNS_RECORDED,
    among: 'clients',
  });
  add({ group: 'contact', value: 'phone', label: 'Phone number', target: PHONE_SHARE, among: 'clients' });
  add({ group: 'contact', value: 'email', label: 'E-mail address', target: EMAIL_SHARE, among: 'clients' });
  add({
    group: 'contact',
    value: 'street_address',
    label: 'Street address',
    target: STREET_ADDRESS_SHARE,
    among: 'clients',
  });

  const languages = languageShares(geography);
  const languageSource =
    'Name pools × neighbourhood newcomer and francophone shares (Profiles 2016) × hand-chosen speaker and interpreter rates';
  add({
    group: 'languages',
    value: 'other_language',
    label: 'Speaks a language other than the service language',
    target: languages.any,
    among: 'clients',
    source: languageSource,
  });
  add({
    group: 'languages',
    value: 'interpreter',
    label: 'Needs an interpreter',
    target: languages.interpreter,
    among: 'clients',
    source: languageSource,
  });
  add({
    group: 'barrier',
    value: 'language',
    label: 'Language barrier',
    target: languages.barrier,
    among: 'clients',
    source: languageSource,
  });

  const education = (level: EducationLevel) => share(`education.${level}`);
  for (const level of LITERACY_LEVELS) {
    const target =
      EDUCATION_LEVELS.reduce((a, e) => a + education(e) * LITERACY_BY_EDUCATION[e][level], 0) * (1 - LITERACY_UNKNOWN);
    add({
      group: 'literacy',
      value: level,
      label: `Literacy and numeracy: ${level.replace('_', ' ')}`,
      target,
      among: 'clients',
      source: `${HAND}, by education (education shares from the Profiles)`,
    });
  }
  add({
    group: 'literacy',
    value: 'unknown',
    label: 'Literacy and numeracy not assessed',
    target: LITERACY_UNKNOWN,
    among: 'clients',
  });

  add({ group: 'goals', value: 'statement', label: 'Goal statement', target: GOAL_STATEMENT_SHARE, among: 'clients' });
  add({
    group: 'goals',
    value: 'target_noc',
    label: 'At least one target occupation (NOC 2021)',
    target: TARGET_NOC_SHARE,
    among: 'clients',
  });
  add({ group: 'goals', value: 'hours_wanted', label: 'Hours wanted', target: HOURS_WANTED_SHARE, among: 'clients' });
  for (const [horizon, target] of Object.entries(TIME_HORIZON_SHARES)) {
    add({
      group: 'time_horizon',
      value: horizon,
      label: `Time horizon: ${horizon.replace(/_/g, ' ')}`,
      target,
      among: 'clients',
    });
  }

  const ageShare = (from: number, to: number) =>
    base
      .filter((t) => t.group === 'age_group')
      .reduce((a, t) => {
        const [lo, hi] = t.value.split('_').map(Number) as [number, number];
        return lo >= from && hi <= to ? a + t.target : a;
      }, 0);
  const noWork =
    ageShare(16, 19) * NO_WORK_HISTORY_BY_AGE[0].share +
    ageShare(20, 24) * NO_WORK_HISTORY_BY_AGE[1].share +
    ageShare(25, 64) * NO_WORK_HISTORY_BY_AGE[2].share;
  add({
    group: 'work_history',
    value: 'none',
    label: 'No work history recorded',
    target: noWork,
    among: 'clients',
    source: `${HAND} by age (age shares from the Profiles)`,
  });
  for (const level of EDUCATION_LEVELS) {
    add({
      group: 'entry_level_jobs',
      value: level,
      label: `Jobs in TEER 4–5 occupations, clients with education ${level}`,
      target: entryLevelShare(level),
      among: `jobs_of_${level}`,
      source: `${HAND} (occupations.ts: weights × TEER tilt by education)`,
    });
  }

  for (const kind of DRAWN_BARRIERS) {
    for (const source of INCOME_SOURCES) {
      add({
        group: 'barrier',
        value: kind,
        label: `Barrier: ${kind.replace('_', ' ')} (${source})`,
        target: BARRIER_RATES[kind][source],
        among: source,
      });
    }
    const overall = INCOME_SOURCES.reduce((a, s) => a + INCOME_SOURCE_SHARES[s] * BARRIER_RATES[kind][s], 0);
    add({
      group: 'barrier',
      value: kind,
      label: `Barrier: ${kind.replace('_', ' ')} (all clients)`,
      target: overall,
      among: 'clients',
    });
  }
  add({
    group: 'barrier',
    value: 'disability',
    label: 'Disability barrier (ODSP)',
    target: DISABILITY_BARRIER_ODSP,
    among: 'odsp',
  });
  add({
    group: 'barrier',
    value: 'disability',
    label: 'Disability barrier (others who self-identify a disability)',
    target: DISABILITY_BARRIER_OTHERS,
    among: 'disability_not_odsp',
  });
  add({
    group: 'barrier_status',
    value: 'resolved',
    label: 'Barrier resolved since',
    target: BARRIER_RESOLVED,
    among: 'barriers',
  });
  add({
    group: 'accommodation',
    value: 'disability_related',
    label: 'Disability-related accommodation',
    target: DISABILITY_ACCOMMODATION,
    among: 'disability_barrier',
  });
  add({
    group: 'accommodation',
    value: 'scheduling',
    label: 'Scheduling accommodation',
    target: SCHEDULING_ACCOMMODATION,
    among: 'childcare_barrier',
  });

  add({
    group: 'external_id',
    value: 'ontario_works',
    label: 'Ontario Works member number',
    target: MEMBER_NUMBER_RECORDED,
    among: 'ontario_works',
  });
  add({
    group: 'external_id',
    value: 'odsp',
    label: 'ODSP member number',
    target: MEMBER_NUMBER_RECORDED,
    among: 'odsp',
  });

  for (const [status, target] of Object.entries(STATUS_SHARES))
    add({ group: 'status', value: status, label: `File ${status.replace('_', ' ')}`, target, among: 'clients' });
  for (const [reason, target] of Object.entries(CLOSED_REASON_SHARES)) {
    add({
      group: 'closed_reason',
      value: reason,
      label: `Closed: ${reason.replace('_', ' ')}`,
      target,
      among: 'closed',
    });
  }

  add({
    group: 'assessment',
    value: 'initial',
    label: 'Has an initial assessment',
    target: ASSESSED_SHARE,
    among: 'clients',
  });
  add({
    group: 'assessment',
    value: 'reassessment',
    label: 'Reassessed, with a reason',
    target: REASSESSED_AMONG_ASSESSED,
    among: 'assessed',
  });
  add({
    group: 'assessment',
    value: 'override',
    label: "Manager's override, with a justification",
    target: OVERRIDDEN_AMONG_ASSESSED,
    among: 'assessed',
  });

  add({
    group: 'consent',
    value: 'shares',
    label: 'Shares the file with another agency',
    target: SHARING_SHARE,
    among: 'clients',
  });
  add({
    group: 'consent',
    value: 'two_agencies',
    label: 'Shares with two agencies',
    target: TWO_AGENCIES_AMONG_SHARING,
    among: 'sharing',
  });
  add({
    group: 'consent',
    value: 'revoked',
    label: 'Consent revoked since',
    target: CONSENT_REVOKED,
    among: 'consents',
  });
  for (const [purpose, target] of Object.entries(CONSENT_PURPOSE_SHARES)) {
    add({
      group: 'consent_purpose',
      value: purpose,
      label: `Purpose: ${purpose.replace(/_/g, ' ')}`,
      target,
      among: 'consents',
    });
  }
  for (const category of Object.keys(CONSENT_CATEGORY_RATES.referral) as ConsentCategory[]) {
    const target = (Object.keys(CONSENT_PURPOSE_SHARES) as ConsentPurpose[]).reduce(
      (a, p) => a + CONSENT_PURPOSE_SHARES[p] * CONSENT_CATEGORY_RATES[p][category],
      0,
    );
    add({
      group: 'consent_category',
      value: category,
      label: `Category shared: ${category.replace('_', ' ')}`,
      target,
      among: 'consents',
    });
  }
  for (const [method, target] of Object.entries(CONSENT_METHOD_SHARES)) {
    add({
      group: 'consent_method',
      value: method,
      label: `Consent recorded ${method.replace('_', ' ')}`,
      target,
      among: 'consents',
    });
  }
  return targets;
}
