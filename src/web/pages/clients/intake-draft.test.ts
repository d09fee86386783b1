import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { translate, type MessageKey } from '../../i18n/translate.ts';
import { isoDate } from '../../components/form.tsx';
import { everyLabelKey, formatDate, formatScore } from './client-text.ts';
import {
  draftFieldOf,
  emptyAccommodation,
  emptyDraft,
  emptyWorkRow,
  equityOf,
  serverFieldError,
  stepOfField,
  toNewClient,
  validateStep,
  type IntakeDraft,
} from './intake-draft.ts';

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const today = '2026-12-01';

function filled(): IntakeDraft {
  return {
    ...emptyDraft('en'),
    givenName: ' Priya ',
    familyName: 'Ramanathan',
    dateOfBirth: { year: '1988', month: '6', day: '21' },
    educationLevel: 'high_school',
    incomeSource: 'ontario_works',
  };
}

describe('intake draft', () => {
  it('starts with nothing chosen for the person', () => {
    const draft = emptyDraft('fr');
    expect(draft.preferredLanguage).toBe('fr');
    expect(draft.educationLevel).toBe('');
    expect(draft.incomeSource).toBe('');
    expect(Object.values(draft.barriers).every((s) => s === '')).toBe(true);
    expect(Object.values(draft.equity).every((v) => v === '' || (Array.isArray(v) && v.length === 0))).toBe(true);
    expect(equityOf(draft.equity)).toBeUndefined();
  });

  it('reads date boxes as real dates only', () => {
    expect(isoDate({ year: '1988', month: '6', day: '21' })).toBe('1988-06-21');
    expect(isoDate({ year: '1990', month: '2', day: '30' })).toBeUndefined();
    expect(isoDate({ year: '88', month: '6', day: '21' })).toBeUndefined();
    expect(isoDate({ year: '1988', month: '', day: '21' })).toBeUndefined();
  });

  it.each([
    ['find', { givenName: '' }, ['givenName']],
    ['find', { familyName: 'R2D2' }, ['familyName']],
    ['find', { dateOfBirth: { year: '', month: '', day: '' } }, ['dateOfBirth']],
    ['find', { dateOfBirth: { year: '2030', month: '1', day: '1' } }, ['dateOfBirth']],
    ['record', { educationLevel: '', incomeSource: '' }, ['educationLevel', 'incomeSource']],
    ['record', { email: 'not an address', postalCode: 'Z' }, ['email', 'postalCode']],
    ['record', { hoursWanted: '81' }, ['hoursWanted']],
  ] as const)('%s step refuses %j', (step, change, fields) => {
    const errors = validateStep(step, { ...filled(), ...change } as IntakeDraft, t, today);
    expect(errors.flatMap((e) => e.fields)).toEqual(fields);
  });

  it('checks each job: an occupation, a start not after today nor before birth, an end not before the start', () => {
    const row = {
      ...emptyWorkRow(),
      start: { year: '1980', month: '1', day: '1' },
      end: { year: '1979', month: '1', day: '1' },
      hoursPerWeek: '100',
    };
    const errors = validateStep('record', { ...filled(), work: [row] }, t, today);
    expect(errors.map((e) => e.fields[0])).toEqual([
      `work-${row.key}-occupation`,
      `work-${row.key}-start`,
      `work-${row.key}-end`,
      `work-${row.key}-hours`,
    ]);
    expect(errors[0]?.message).toBe('Choose the occupation of job 1.');
  });

  it('builds the API body with empty optional fields left out and equity only as answered', () => {
    const job = {
      ...emptyWorkRow(),
      occupation: { code: '63200', title: 'Cooks', teer: 3 },
      start: { year: '2016', month: '4', day: '1' },
      hoursPerWeek: '37,5',
    };
    const accommodation = { ...emptyAccommodation(), kind: 'scheduling' as const, description: '  ' };
    const draft: IntakeDraft = {
      ...filled(),
      otherLanguages: 'Tamil, Spanish,',
      work: [job],
      barriers: { ...filled().barriers, housing: 'active' },
      accommodations: [accommodation],
      externalIds: { ...filled().externalIds, ontario_works: ' OW-123 ' },
      equity: {
        ...filled().equity,
        newcomer: 'yes',
        arrivalYear: '2019',
        disability: 'prefer_not_to_say',
        racializedGroup: ['prefer_not_to_say'],
      },
    };
    const { body, workKeys, barrierKinds } = toNewClient(draft);
    expect(body).toEqual({
      givenName: 'Priya',
      familyName: 'Ramanathan',
      dateOfBirth: '1988-06-21',
      preferredLanguage: 'en',
      otherLanguages: ['Tamil', 'Spanish'],
      interpreterNeeded: false,
      educationLevel: 'high_school',
      literacyNumeracy: 'unknown',
      incomeSource: 'ontario_works',
      workHistory: [{ nocCode: '63200', startDate: '2016-04-01', hoursPerWeek: 37.5 }],
      barriers: [{ kind: 'housing', status: 'active' }],
      accommodations: [{ kind: 'scheduling', disabilityRelated: false }],
      externalIds: [{ kind: 'ontario_works', value: 'OW-123' }],
      equity: { racializedGroup: ['prefer_not_to_say'], newcomer: true, arrivalYear: 2019 },
    });
    expect(workKeys).toEqual([job.key]);
    expect(barrierKinds).toEqual(['housing']);
    expect(toNewClient(draft, ' Met both at the same visit ').body.notADuplicate).toEqual({
      reason: 'Met both at the same visit',
    });
  });

  it("places the server's field errors on the wizard's fields and steps", () => {
    const job = {
      ...emptyWorkRow(),
      occupation: { code: '63200', title: 'Cooks', teer: 3 },
      start: { year: '2016', month: '4', day: '1' },
    };
    const submitted = toNewClient({
      ...filled(),
      work: [job],
      externalIds: { ...filled().externalIds, odsp: '046454286' },
    });
    expect(draftFieldOf('workHistory.0.startDate', submitted)).toBe(`work-${job.key}-start`);
    expect(draftFieldOf('externalIds.0.value', submitted)).toBe('externalId-odsp');
    expect(draftFieldOf('goals.hoursWanted', submitted)).toBe('hoursWanted');
    expect(draftFieldOf('equity.arrivalYear', submitted)).toBe('equity-arrivalYear');
    expect(draftFieldOf('nothing', submitted)).toBeUndefined();
    expect(stepOfField('externalId-odsp')).toBe('needs');
    expect(stepOfField(`work-${job.key}-start`)).toBe('record');
    expect(stepOfField('equity-arrivalYear')).toBe('equity');
    expect(serverFieldError('externalId-odsp', 'sin_not_allowed', t)).toBe(t('clients.error.sin'));
    expect(serverFieldError('externalId-odsp', 'external_id_taken', t)).toBe(t('clients.error.externalIdTaken'));
    expect(serverFieldError('externalId-odsp', 'invalid_format', t)).toBe(t('clients.error.externalId'));
  });
});

describe('client labels', () => {
  it('name every choice the client pages offer, in both languages', () => {
    const missing = everyLabelKey().filter((key) => !(key in en) || !(key in fr));
    expect(missing).toEqual([]);
  });

  it('write dates and match scores the Canadian way in each language', () => {
    expect(formatDate('1988-06-21', 'en')).toBe('June 21, 1988');
    expect(formatDate('1988-06-21', 'fr')).toBe('21 juin 1988');
    expect(formatScore(0.874, 'en')).toBe('87%');
    expect(formatScore(0.874, 'fr')).toMatch(/^87\s%$/u);
  });
});
