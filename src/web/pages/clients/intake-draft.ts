import type {
  AccommodationKind,
  BarrierKind,
  BarrierStatus,
  EducationLevel,
  IncomeSource,
  LiteracyLevel,
} from '../../../domain/assessment/assessment-input.ts';
import type { NewClientInput, Occupation } from '../../api.ts';
import { emptyDate, isDateEmpty, isoDate, type DateParts, type FormError } from '../../components/form.tsx';
import type { MessageKey } from '../../i18n/i18n.tsx';
import { barrierKinds, externalIdKinds, type PREFER_NOT_TO_SAY } from './client-text.ts';

// What the intake wizard holds while the worker goes back and forth between its steps. Everything is
// kept as typed (strings, date boxes) and turned into the API's shape only on submit.

export const steps = ['find', 'record', 'needs', 'equity', 'review'] as const;
export type Step = (typeof steps)[number];

type ExternalIdKind = (typeof externalIdKinds)[number];
type TimeHorizon = NonNullable<NonNullable<NewClientInput['goals']>['timeHorizon']>;
// A yes-or-no equity question: unanswered, or one of three answers (prefer not to say is not stored).
export type Answer = '' | 'yes' | 'no' | typeof PREFER_NOT_TO_SAY;

export type WorkRow = {
  key: string;
  occupation: Occupation | undefined;
  jobTitle: string;
  employerName: string;
  start: DateParts;
  end: DateParts;
  hoursPerWeek: string;
};

export type AccommodationRow = {
  key: string;
  kind: AccommodationKind | '';
  disabilityRelated: boolean;
  description: string;
};

export type EquityDraft = {
  indigenousIdentity: string;
  racializedGroup: string[];
  gender: string;
  genderDescription: string;
  disability: Answer;
  newcomer: Answer;
  arrivalYear: string;
  francophone: Answer;
  lgbtq2s: Answer;
};

export type IntakeDraft = {
  givenName: string;
  familyName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: DateParts;
  preferredLanguage: 'en' | 'fr';
  otherLanguages: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  email: string;
  phone: string;
  streetAddress: string;
  postalCode: string;
  educationLevel: EducationLevel | '';
  literacyNumeracy: LiteracyLevel;
  incomeSource: IncomeSource | '';
  work: WorkRow[];
  goalStatement: string;
  targetOccupations: Occupation[];
  hoursWanted: string;
  timeHorizon: TimeHorizon | '';
  barriers: Record<BarrierKind, BarrierStatus | ''>;
  accommodations: AccommodationRow[];
  externalIds: Record<ExternalIdKind, string>;
  equity: EquityDraft;
};

let rowCounter = 0;
export function newRowKey(): string {
  rowCounter += 1;
  return `r${rowCounter}`;
}

export function emptyWorkRow(): WorkRow {
  return {
    key: newRowKey(),
    occupation: undefined,
    jobTitle: '',
    employerName: '',
    start: emptyDate,
    end: emptyDate,
    hoursPerWeek: '',
  };
}

export function emptyAccommodation(): AccommodationRow {
  return { key: newRowKey(), kind: '', disabilityRelated: false, description: '' };
}

// Nothing is chosen for the person: no education, income, barrier or equity answer is preselected.
export function emptyDraft(preferredLanguage: 'en' | 'fr' = 'en'): IntakeDraft {
  return {
    givenName: '',
    familyName: '',
    preferredName: '',
    pronouns: '',
    dateOfBirth: emptyDate,
    preferredLanguage,
    otherLanguages: '',
    interpreterNeeded: false,
    interpreterLanguage: '',
    email: '',
    phone: '',
    streetAddress: '',
    postalCode: '',
    educationLevel: '',
    literacyNumeracy: 'unknown',
    incomeSource: '',
    work: [],
    goalStatement: '',
    targetOccupations: [],
    hoursWanted: '',
    timeHorizon: '',
    barriers: Object.fromEntries(barrierKinds.map((k) => [k, ''])) as Record<BarrierKind, ''>,
    accommodations: [],
    externalIds: Object.fromEntries(externalIdKinds.map((k) => [k, ''])) as Record<ExternalIdKind, ''>,
    equity: {
      indigenousIdentity: '',
      racializedGroup: [],
      gender: '',
      genderDescription: '',
      disability: '',
      newcomer: '',
      arrivalYear: '',
      francophone: '',
      lgbtq2s: '',
    },
  };
}

// The step that shows a field, from the field's name (for error links on the review step).
export function stepOfField(field: string): Step {
  if (field.startsWith('search')) return 'find';
  if (field.startsWith('barrier-') || field.startsWith('accommodation-') || field.startsWith('externalId-'))
    return 'needs';
  if (field.startsWith('equity-')) return 'equity';
  if (field === 'notADuplicateReason') return 'review';
  return 'record';
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const namePattern = /[0-9@<>{}[\]\\/|]/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^[0-9 +().-]{7,30}$/;
const postalCodePattern = /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/;
export const externalIdPattern = /^[A-Za-z0-9-]{3,30}$/;

function numberOf(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '' || !/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

export function splitLanguages(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

type Check = (errors: FormError[]) => void;

function nameChecks(draft: IntakeDraft, t: T): Check {
  return (errors) => {
    for (const [field, value, missing] of [
      ['givenName', draft.givenName, 'clients.error.givenName'],
      ['familyName', draft.familyName, 'clients.error.familyName'],
    ] as const) {
      if (value.trim() === '') errors.push({ key: field, message: t(missing), fields: [field] });
      else if (namePattern.test(value) || value.trim().length > 100)
        errors.push({ key: field, message: t('clients.error.nameCharacters'), fields: [field] });
    }
  };
}

function birthDateCheck(draft: IntakeDraft, t: T, today: string): Check {
  return (errors) => {
    const date = isoDate(draft.dateOfBirth);
    if (isDateEmpty(draft.dateOfBirth))
      errors.push({ key: 'dateOfBirth', message: t('clients.error.dateOfBirthMissing'), fields: ['dateOfBirth'] });
    else if (!date)
      errors.push({ key: 'dateOfBirth', message: t('clients.error.dateInvalid'), fields: ['dateOfBirth'] });
    else if (date > today || date < '1900-01-02')
      errors.push({ key: 'dateOfBirth', message: t('clients.error.dateOfBirthRange'), fields: ['dateOfBirth'] });
  };
}

// Checks the fields of one step, as the server would, so most mistakes are shown before submitting.
export function validateStep(
  step: Step,
  draft: IntakeDraft,
  t: T,
  today: string,
  searchIdKind: ExternalIdKind = 'ontario_works',
): FormError[] {
  const errors: FormError[] = [];
  switch (step) {
    case 'find': {
      nameChecks(draft, t)(errors);
      birthDateCheck(draft, t, today)(errors);
      const id = draft.externalIds[searchIdKind].trim();
      if (id !== '' && !externalIdPattern.test(id))
        errors.push({ key: 'searchId', message: t('clients.error.externalId'), fields: ['searchId'] });
      return errors;
    }
    case 'record': {
      nameChecks(draft, t)(errors);
      if (draft.preferredName.trim() !== '' && namePattern.test(draft.preferredName)) {
        errors.push({ key: 'preferredName', message: t('clients.error.nameCharacters'), fields: ['preferredName'] });
      }
      birthDateCheck(draft, t, today)(errors);
      if (draft.email.trim() !== '' && !emailPattern.test(draft.email.trim()))
        errors.push({ key: 'email', message: t('clients.error.email'), fields: ['email'] });
      if (draft.phone.trim() !== '' && !phonePattern.test(draft.phone.trim()))
        errors.push({ key: 'phone', message: t('clients.error.phone'), fields: ['phone'] });
      if (draft.postalCode.trim() !== '' && !postalCodePattern.test(draft.postalCode.trim())) {
        errors.push({ key: 'postalCode', message: t('clients.error.postalCode'), fields: ['postalCode'] });
      }
      const languages = splitLanguages(draft.otherLanguages);
      if (languages.length > 10 || languages.some((l) => l.length > 60))
        errors.push({ key: 'otherLanguages', message: t('clients.error.otherLanguages'), fields: ['otherLanguages'] });
      if (draft.educationLevel === '')
        errors.push({ key: 'educationLevel', message: t('clients.error.educationLevel'), fields: ['educationLevel'] });
      if (draft.incomeSource === '')
        errors.push({ key: 'incomeSource', message: t('clients.error.incomeSource'), fields: ['incomeSource'] });
      const born = isoDate(draft.dateOfBirth);
      draft.work.forEach((row, i) => {
        const n = i + 1;
        const field = (part: string) => `work-${row.key}-${part}`;
        if (!row.occupation)
          errors.push({
            key: field('occupation'),
            message: t('clients.error.workOccupation', { n }),
            fields: [field('occupation')],
          });
        const start = isoDate(row.start);
        if (!start)
          errors.push({ key: field('start'), message: t('clients.error.workStart', { n }), fields: [field('start')] });
        else if (start > today)
          errors.push({
            key: field('start'),
            message: t('clients.error.workStartFuture', { n }),
            fields: [field('start')],
          });
        else if (born && start < born)
          errors.push({
            key: field('start'),
            message: t('clients.error.workStartBeforeBirth', { n }),
            fields: [field('start')],
          });
        if (!isDateEmpty(row.end)) {
          const end = isoDate(row.end);
          if (!end)
            errors.push({ key: field('end'), message: t('clients.error.workEnd', { n }), fields: [field('end')] });
          else if (start && end < start)
            errors.push({
              key: field('end'),
              message: t('clients.error.workEndBeforeStart', { n }),
              fields: [field('end')],
            });
        }
        if (row.hoursPerWeek.trim() !== '') {
          const hours = numberOf(row.hoursPerWeek);
          if (hours === undefined || hours < 1 || hours > 80)
            errors.push({ key: field('hours'), message: t('clients.error.hours', { n }), fields: [field('hours')] });
        }
        if (row.jobTitle.trim().length > 200)
          errors.push({
            key: field('jobTitle'),
            message: t('clients.error.tooLong', { max: 200 }),
            fields: [field('jobTitle')],
          });
        if (row.employerName.trim().length > 200)
          errors.push({
            key: field('employerName'),
            message: t('clients.error.tooLong', { max: 200 }),
            fields: [field('employerName')],
          });
      });
      if (draft.goalStatement.trim().length > 1000)
        errors.push({
          key: 'goalStatement',
          message: t('clients.error.tooLong', { max: 1000 }),
          fields: ['goalStatement'],
        });
      if (draft.hoursWanted.trim() !== '') {
        const hours = numberOf(draft.hoursWanted);
        if (hours === undefined || !Number.isInteger(hours) || hours < 1 || hours > 80)
          errors.push({ key: 'hoursWanted', message: t('clients.error.hoursWanted'), fields: ['hoursWanted'] });
      }
      return errors;
    }
    case 'needs': {
      draft.accommodations.forEach((row, i) => {
        if (row.kind === '')
          errors.push({
            key: `accommodation-${row.key}-kind`,
            message: t('clients.error.accommodationKind', { n: i + 1 }),
            fields: [`accommodation-${row.key}-kind`],
          });
        if (row.description.trim().length > 500) {
          errors.push({
            key: `accommodation-${row.key}-description`,
            message: t('clients.error.tooLong', { max: 500 }),
            fields: [`accommodation-${row.key}-description`],
          });
        }
      });
      for (const kind of externalIdKinds) {
        const value = draft.externalIds[kind].trim();
        if (value !== '' && !externalIdPattern.test(value))
          errors.push({
            key: `externalId-${kind}`,
            message: t('clients.error.externalId'),
            fields: [`externalId-${kind}`],
          });
      }
      return errors;
    }
    case 'equity': {
      const year = draft.equity.arrivalYear.trim();
      const thisYear = Number(today.slice(0, 4));
      if (
        draft.equity.newcomer === 'yes' &&
        year !== '' &&
        (!/^\d{4}$/.test(year) || Number(year) < 1900 || Number(year) > thisYear)
      ) {
        errors.push({
          key: 'equity-arrivalYear',
          message: t('clients.error.arrivalYear', { year: thisYear }),
          fields: ['equity-arrivalYear'],
        });
      }
      if (draft.equity.gender === 'another' && draft.equity.genderDescription.trim().length > 60) {
        errors.push({
          key: 'equity-genderDescription',
          message: t('clients.error.tooLong', { max: 60 }),
          fields: ['equity-genderDescription'],
        });
      }
      return errors;
    }
    case 'review':
      return [];
  }
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

function answerOf(answer: Answer): boolean | undefined {
  if (answer === 'yes') return true;
  if (answer === 'no') return false;
  return undefined;
}

// The equity answers given, and nothing for a question left unanswered. Undefined when none is given.
export function equityOf(equity: EquityDraft): NewClientInput['equity'] {
  const gender =
    equity.gender === 'another' ? (optional(equity.genderDescription) ?? 'another') : optional(equity.gender);
  const newcomer = answerOf(equity.newcomer);
  const result: NonNullable<NewClientInput['equity']> = {
    ...(equity.indigenousIdentity
      ? { indigenousIdentity: equity.indigenousIdentity as NonNullable<NewClientInput['equity']>['indigenousIdentity'] }
      : {}),
    ...(equity.racializedGroup.length > 0 ? { racializedGroup: equity.racializedGroup.slice(0, 5) } : {}),
    ...(gender ? { gender } : {}),
    ...(answerOf(equity.disability) !== undefined ? { disability: answerOf(equity.disability) } : {}),
    ...(newcomer !== undefined ? { newcomer } : {}),
    ...(newcomer === true && /^\d{4}$/.test(equity.arrivalYear.trim())
      ? { arrivalYear: Number(equity.arrivalYear.trim()) }
      : {}),
    ...(answerOf(equity.francophone) !== undefined ? { francophone: answerOf(equity.francophone) } : {}),
    ...(answerOf(equity.lgbtq2s) !== undefined ? { lgbtq2s: answerOf(equity.lgbtq2s) } : {}),
  };
  return Object.keys(result).length > 0 ? result : undefined;
}

export type Submitted = {
  body: NewClientInput;
  // Which draft row each array index of the body came from, to place the server's field errors.
  workKeys: string[];
  accommodationKeys: string[];
  barrierKinds: BarrierKind[];
  externalIdKinds: ExternalIdKind[];
};

// The API's body from the draft: trimmed, empty optional fields left out.
export function toNewClient(draft: IntakeDraft, notADuplicateReason?: string): Submitted {
  const work = draft.work.filter((row) => row.occupation && isoDate(row.start));
  const barriers = barrierKinds.filter((kind) => draft.barriers[kind] !== '');
  const accommodations = draft.accommodations.filter((row) => row.kind !== '');
  const ids = externalIdKinds.filter((kind) => draft.externalIds[kind].trim() !== '');
  const goals = {
    ...(optional(draft.goalStatement) ? { statement: optional(draft.goalStatement) } : {}),
    targetNocCodes: draft.targetOccupations.map((o) => o.code),
    ...(numberOf(draft.hoursWanted) !== undefined ? { hoursWanted: numberOf(draft.hoursWanted) } : {}),
    ...(draft.timeHorizon ? { timeHorizon: draft.timeHorizon } : {}),
  };
  const hasGoals = Object.keys(goals).length > 1 || goals.targetNocCodes.length > 0;
  const equity = equityOf(draft.equity);
  const body: NewClientInput = {
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
    ...(optional(draft.preferredName) ? { preferredName: optional(draft.preferredName) } : {}),
    ...(optional(draft.pronouns) ? { pronouns: optional(draft.pronouns) } : {}),
    dateOfBirth: isoDate(draft.dateOfBirth) ?? '',
    preferredLanguage: draft.preferredLanguage,
    otherLanguages: splitLanguages(draft.otherLanguages),
    interpreterNeeded: draft.interpreterNeeded,
    ...(draft.interpreterNeeded && optional(draft.interpreterLanguage)
      ? { interpreterLanguage: optional(draft.interpreterLanguage) }
      : {}),
    ...(optional(draft.email) ? { email: optional(draft.email) } : {}),
    ...(optional(draft.phone) ? { phone: optional(draft.phone) } : {}),
    ...(optional(draft.streetAddress) ? { streetAddress: optional(draft.streetAddress) } : {}),
    ...(optional(draft.postalCode) ? { postalCode: optional(draft.postalCode) } : {}),
    educationLevel: draft.educationLevel as EducationLevel,
    literacyNumeracy: draft.literacyNumeracy,
    incomeSource: draft.incomeSource as IncomeSource,
    workHistory: work.map((row) => {
      const end = isoDate(row.end);
      return {
        nocCode: row.occupation?.code ?? '',
        ...(optional(row.jobTitle) ? { jobTitle: optional(row.jobTitle) } : {}),
        ...(optional(row.employerName) ? { employerName: optional(row.employerName) } : {}),
        startDate: isoDate(row.start) ?? '',
        ...(end ? { endDate: end } : {}),
        ...(numberOf(row.hoursPerWeek) !== undefined ? { hoursPerWeek: numberOf(row.hoursPerWeek) } : {}),
      };
    }),
    ...(hasGoals ? { goals } : {}),
    barriers: barriers.map((kind) => ({ kind, status: draft.barriers[kind] as BarrierStatus })),
    accommodations: accommodations.map((row) => ({
      kind: row.kind as AccommodationKind,
      disabilityRelated: row.disabilityRelated,
      ...(optional(row.description) ? { description: optional(row.description) } : {}),
    })),
    externalIds: ids.map((kind) => ({ kind, value: draft.externalIds[kind].trim() })),
    ...(equity ? { equity } : {}),
    ...(notADuplicateReason?.trim() ? { notADuplicate: { reason: notADuplicateReason.trim() } } : {}),
  };
  return {
    body,
    workKeys: work.map((w) => w.key),
    accommodationKeys: accommodations.map((a) => a.key),
    barrierKinds: barriers,
    externalIdKinds: ids,
  };
}

const workParts: Record<string, string> = {
  nocCode: 'occupation',
  jobTitle: 'jobTitle',
  employerName: 'employerName',
  startDate: 'start',
  endDate: 'end',
  hoursPerWeek: 'hours',
};

const topLevel: Record<string, string> = {
  givenName: 'givenName',
  familyName: 'familyName',
  preferredName: 'preferredName',
  pronouns: 'pronouns',
  dateOfBirth: 'dateOfBirth',
  preferredLanguage: 'preferredLanguage',
  otherLanguages: 'otherLanguages',
  interpreterNeeded: 'interpreterLanguage',
  interpreterLanguage: 'interpreterLanguage',
  email: 'email',
  phone: 'phone',
  streetAddress: 'streetAddress',
  postalCode: 'postalCode',
  educationLevel: 'educationLevel',
  literacyNumeracy: 'literacyNumeracy',
  incomeSource: 'incomeSource',
  'goals.statement': 'goalStatement',
  'goals.targetNocCodes': 'targetOccupations',
  'goals.hoursWanted': 'hoursWanted',
  'goals.timeHorizon': 'timeHorizon',
};

// The wizard's field for a field path the server named ("workHistory.0.startDate"), or undefined.
export function draftFieldOf(path: string, submitted: Submitted): string | undefined {
  const parts = path.split('.');
  const [head, index, sub] = parts;
  const at = Number(index);
  switch (head) {
    case 'workHistory': {
      const rowKey = submitted.workKeys[at];
      if (rowKey === undefined) return submitted.workKeys[0] ? `work-${submitted.workKeys[0]}-occupation` : undefined;
      return `work-${rowKey}-${workParts[sub ?? ''] ?? 'occupation'}`;
    }
    case 'accommodations': {
      const rowKey = submitted.accommodationKeys[at];
      if (rowKey === undefined) return undefined;
      return `accommodation-${rowKey}-${sub === 'description' ? 'description' : 'kind'}`;
    }
    case 'barriers': {
      const kind = submitted.barrierKinds[Number.isNaN(at) ? 0 : at] ?? submitted.barrierKinds[0];
      return kind ? `barrier-${kind}` : undefined;
    }
    case 'externalIds': {
      const kind = submitted.externalIdKinds[Number.isNaN(at) ? 0 : at] ?? submitted.externalIdKinds[0];
      return kind ? `externalId-${kind}` : undefined;
    }
    case 'equity':
      return index ? `equity-${index === 'gender' ? 'gender' : index}` : undefined;
    case 'notADuplicate':
      return 'notADuplicateReason';
    case undefined:
      return undefined;
    default:
      return topLevel[parts.slice(0, 2).join('.')] ?? topLevel[head];
  }
}

// A message for people about a field the server refused. The server writes its details in English for
// developers; the page says in its own language which field to check.
export function serverFieldError(field: string, code: string | undefined, t: T): string {
  if (code === 'sin_not_allowed') return t('clients.error.sin');
  if (field.startsWith('externalId-'))
    return code === 'external_id_taken' ? t('clients.error.externalIdTaken') : t('clients.error.externalId');
  if (field.startsWith('work-')) return t('clients.error.workField');
  if (field.startsWith('accommodation-')) return t('clients.error.accommodationField');
  if (field.startsWith('equity-')) return t('clients.error.equityField');
  const specific: Record<string, MessageKey> = {
    givenName: 'clients.error.nameCharacters',
    familyName: 'clients.error.nameCharacters',
    preferredName: 'clients.error.nameCharacters',
    dateOfBirth: 'clients.error.dateOfBirthRange',
    email: 'clients.error.email',
    phone: 'clients.error.phone',
    postalCode: 'clients.error.postalCode',
    educationLevel: 'clients.error.educationLevel',
    incomeSource: 'clients.error.incomeSource',
    hoursWanted: 'clients.error.hoursWanted',
    otherLanguages: 'clients.error.otherLanguages',
  };
  return t(specific[field] ?? 'clients.error.field');
}
