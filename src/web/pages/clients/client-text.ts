import type {
  AccommodationKind,
  BarrierKind,
  BarrierStatus,
  EducationLevel,
  IncomeSource,
  LiteracyLevel,
} from '../../../domain/assessment/assessment-input.ts';
import type { ClientView, ConsentCategory, Consent, NewClient, Stream } from '../../api.ts';
import type { Language, MessageKey } from '../../i18n/i18n.tsx';
import { intlLocale } from '../../i18n/translate.ts';

// The choices the client record offers, in display order. The server's zod schemas hold the same
// lists, but importing their values would ship zod (and the NOC file reader) to the browser, so they
// are repeated here and the type checker refuses a list that leaves a value out.
type Missing<Union, List extends readonly unknown[]> = Exclude<Union, List[number]>;
export function every<Union extends string>() {
  return <const List extends readonly Union[]>(
    list: List & ([Missing<Union, List>] extends [never] ? unknown : { missing: Missing<Union, List> }),
  ) => list;
}

type TimeHorizon = NonNullable<NonNullable<NewClient['goals']>['timeHorizon']>;
type ExternalIdKind = NewClient['externalIds'][number]['kind'];
type ClientStatus = ClientView['status'];
type ConsentPurpose = Consent['purpose'];
type ConsentStatus = Consent['status'];
type ConsentMethod = Consent['method'];
export type StaffConsentMethod = Exclude<ConsentMethod, 'client_account'>;

export const educationLevels = every<EducationLevel>()([
  'less_than_high_school',
  'high_school',
  'apprenticeship_or_trades',
  'college',
  'bachelor',
  'graduate',
  'unknown',
]);
export const literacyLevels = every<LiteracyLevel>()(['unknown', 'below_basic', 'basic', 'functional', 'proficient']);
export const incomeSources = every<IncomeSource>()(['ontario_works', 'odsp', 'ei', 'none', 'other']);
export const barrierKinds = every<BarrierKind>()([
  'housing',
  'food',
  'mental_health',
  'addictions',
  'childcare',
  'transportation',
  'legal',
  'digital_access',
  'language',
  'disability',
  'income',
  'other',
]);
export const barrierStatuses = every<BarrierStatus>()(['active', 'resolved']);
export const accommodationKinds = every<AccommodationKind>()([
  'mobility',
  'vision',
  'hearing',
  'cognitive',
  'mental_health',
  'communication',
  'scheduling',
  'other',
]);
export const timeHorizons = every<TimeHorizon>()(['now', 'within_6_months', 'within_a_year', 'long_term']);
export const externalIdKinds = every<ExternalIdKind>()(['ontario_works', 'odsp', 'eois_cams', 'other']);
export const clientStatuses = every<ClientStatus>()(['active', 'on_hold', 'closed']);
// Equity last and apart: it is never shared by default (docs/permissions.md 4.6).
export const consentCategories = every<ConsentCategory>()([
  'identity_contact',
  'employment',
  'assessment',
  'plan',
  'notes',
  'equity',
]);
export const sharedCategories = consentCategories.filter(
  (c): c is Exclude<ConsentCategory, 'equity'> => c !== 'equity',
);
export const consentPurposes = every<ConsentPurpose>()([
  'integrated_case_management',
  'referral',
  'transfer',
  'placement',
  'complaint',
]);
export const consentStatuses = every<ConsentStatus>()(['active', 'scheduled', 'expired', 'revoked']);
export const consentMethods = every<ConsentMethod>()(['in_person', 'phone', 'written', 'client_account']);
export const staffConsentMethods = every<StaffConsentMethod>()(['in_person', 'phone', 'written']);
export const streams = every<Stream>()(['A', 'B', 'C']);

// Self-identified equity questions (all voluntary). The answers are stored as these codes.
export const indigenousIdentities = every<NonNullable<NonNullable<NewClient['equity']>['indigenousIdentity']>>()([
  'first_nations',
  'metis',
  'inuit',
  'no',
  'prefer_not_to_say',
]);
// The race categories of Ontario's Data Standards for the Identification and Monitoring of Systemic Racism.
export const racializedGroups = [
  'black',
  'east_asian',
  'indigenous',
  'latino',
  'middle_eastern',
  'south_asian',
  'southeast_asian',
  'white',
  'another',
] as const;
export const genders = ['woman', 'man', 'non_binary', 'two_spirit', 'another', 'prefer_not_to_say'] as const;
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export const key = {
  education: (v: EducationLevel) => `education.${v}` as MessageKey,
  literacy: (v: LiteracyLevel) => `literacy.${v}` as MessageKey,
  income: (v: IncomeSource) => `income.${v}` as MessageKey,
  barrier: (v: BarrierKind) => `barrier.${v}` as MessageKey,
  barrierStatus: (v: BarrierStatus) => `barrierStatus.${v}` as MessageKey,
  accommodation: (v: AccommodationKind) => `accommodation.${v}` as MessageKey,
  timeHorizon: (v: TimeHorizon) => `timeHorizon.${v}` as MessageKey,
  externalId: (v: ExternalIdKind) => `externalId.${v}` as MessageKey,
  clientStatus: (v: ClientStatus) => `clientStatus.${v}` as MessageKey,
  category: (v: ConsentCategory) => `category.${v}` as MessageKey,
  purpose: (v: ConsentPurpose) => `purpose.${v}` as MessageKey,
  consentStatus: (v: ConsentStatus) => `consentStatus.${v}` as MessageKey,
  method: (v: ConsentMethod) => `method.${v}` as MessageKey,
  stream: (v: Stream) => `stream.${v}` as MessageKey,
  streamMeaning: (v: Stream) => `streamMeaning.${v}` as MessageKey,
  indigenous: (v: string) => `equity.indigenous.${v}` as MessageKey,
  racialized: (v: string) => `equity.racialized.${v}` as MessageKey,
  gender: (v: string) => `equity.gender.${v}` as MessageKey,
};

// Every label the lists above need, for the catalogue test.
export function everyLabelKey(): string[] {
  return [
    ...educationLevels.map(key.education),
    ...literacyLevels.map(key.literacy),
    ...incomeSources.map(key.income),
    ...barrierKinds.map(key.barrier),
    ...barrierStatuses.map(key.barrierStatus),
    ...accommodationKinds.map(key.accommodation),
    ...timeHorizons.map(key.timeHorizon),
    ...externalIdKinds.map(key.externalId),
    ...clientStatuses.map(key.clientStatus),
    ...consentCategories.map(key.category),
    ...consentPurposes.map(key.purpose),
    ...consentStatuses.map(key.consentStatus),
    ...consentMethods.map(key.method),
    ...streams.map(key.stream),
    ...streams.map(key.streamMeaning),
    ...indigenousIdentities.map(key.indigenous),
    ...racializedGroups.map(key.racialized),
    ...genders.map(key.gender),
  ];
}

// A calendar date (YYYY-MM-DD) written out in the page's language, without a time zone shift.
export function formatDate(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale[language], { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}

// A match score from 0 to 1 as a whole percentage ("87 %" in French).
export function formatScore(score: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale[language], { style: 'percent', maximumFractionDigits: 0 }).format(score);
}

// The city's time zone, for display and for the date forms start from. The server's own zone comes
// from configuration (TIME_ZONE, src/server/config.ts); the web UI's one place for it is here.
export const CITY_TIME_ZONE = 'America/Toronto';

// Today in the city, where the service is delivered, as YYYY-MM-DD.
export function todayInToronto(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: CITY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
