import { useId, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { DateField, focusSoon, SelectField, TextAreaField, TextField, type Form } from '../../components/form.tsx';
import { OccupationPicker } from '../../components/occupation-picker.tsx';
import { educationLevels, incomeSources, key, literacyLevels, timeHorizons } from './client-text.ts';
import { emptyWorkRow, type IntakeDraft, type WorkRow } from './intake-draft.ts';

export type StepProps = {
  draft: IntakeDraft;
  edit: (change: (draft: IntakeDraft) => IntakeDraft) => void;
  form: Form;
  onContinue: () => void;
  onBack: () => void;
};

export function StepActions({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="button">
        {t('intake.continue')}
      </button>
      <button type="button" className="button-secondary" onClick={onBack}>
        {t('intake.back')}
      </button>
    </div>
  );
}

export function Group({ title, children, hint }: { title: string; children: ReactNode; hint?: string }) {
  const id = useId();
  return (
    <section className="form-group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {hint ? <p className="field-hint">{hint}</p> : null}
      {children}
    </section>
  );
}

type TextKey =
  | 'givenName'
  | 'familyName'
  | 'preferredName'
  | 'pronouns'
  | 'otherLanguages'
  | 'interpreterLanguage'
  | 'email'
  | 'phone'
  | 'streetAddress'
  | 'postalCode'
  | 'goalStatement'
  | 'hoursWanted';

// Step 2: the record itself (identity and contact, languages, education, income, work history, goals).
export function RecordStep({ draft, edit, form, onContinue, onBack }: StepProps) {
  const { t } = useI18n();
  const set = (field: TextKey) => (value: string) => edit((d) => ({ ...d, [field]: value }));
  const text = (field: TextKey, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      form={form}
      name={field}
      label={label}
      value={draft[field]}
      onChange={set(field)}
      autoComplete="off"
      {...extra}
    />
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onContinue();
  };
  const editRow = (rowKey: string, change: Partial<WorkRow>) =>
    edit((d) => ({ ...d, work: d.work.map((w) => (w.key === rowKey ? { ...w, ...change } : w)) }));
  const addRow = () => {
    const row = emptyWorkRow();
    edit((d) => ({ ...d, work: [...d.work, row] }));
    focusSoon(form.fieldId(`work-${row.key}-occupation`));
  };
  const removeRow = (rowKey: string, index: number) => {
    edit((d) => ({ ...d, work: d.work.filter((w) => w.key !== rowKey) }));
    // Focus goes to the job before, or to "Add a job" when none is left.
    const before = draft.work[index - 1] ?? draft.work[index + 1];
    focusSoon(before ? form.fieldId(`work-${before.key}-occupation`) : form.fieldId('addJob'));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="wizard-form">
      <Group title={t('intake.group.identity')}>
        {text('givenName', t('intake.givenName'), { maxLength: 100, spellCheck: false })}
        {text('familyName', t('intake.familyName'), { maxLength: 100, spellCheck: false })}
        {text('preferredName', t('intake.preferredName'), {
          maxLength: 100,
          hint: t('intake.optional'),
          spellCheck: false,
        })}
        {text('pronouns', t('intake.pronouns'), { maxLength: 40, hint: t('intake.pronounsHint') })}
        <DateField
          form={form}
          name="dateOfBirth"
          label={t('intake.dateOfBirth')}
          hint={t('intake.dateHint')}
          value={draft.dateOfBirth}
          onChange={(dateOfBirth) => edit((d) => ({ ...d, dateOfBirth }))}
        />
        {text('email', t('intake.email'), {
          type: 'email',
          maxLength: 254,
          hint: t('intake.optional'),
          spellCheck: false,
          autoCapitalize: 'none',
        })}
        {text('phone', t('intake.phone'), { type: 'tel', maxLength: 30, hint: t('intake.phoneHint') })}
        {text('streetAddress', t('intake.streetAddress'), { maxLength: 200, hint: t('intake.optional') })}
        {text('postalCode', t('intake.postalCode'), {
          maxLength: 7,
          hint: t('intake.postalCodeHint'),
          className: 'input-short',
        })}
      </Group>

      <Group title={t('intake.group.languages')}>
        <fieldset className="checkbox-group">
          <legend>{t('intake.preferredLanguage')}</legend>
          {(['en', 'fr'] as const).map((lang) => (
            <div key={lang} className="field-check">
              <input
                id={form.fieldId(lang === 'en' ? 'preferredLanguage' : 'preferredLanguage-fr')}
                type="radio"
                name="preferredLanguage"
                checked={draft.preferredLanguage === lang}
                onChange={() => edit((d) => ({ ...d, preferredLanguage: lang }))}
              />
              <label htmlFor={form.fieldId(lang === 'en' ? 'preferredLanguage' : 'preferredLanguage-fr')}>
                {t(lang === 'en' ? 'intake.language.en' : 'intake.language.fr')}
              </label>
            </div>
          ))}
        </fieldset>
        {text('otherLanguages', t('intake.otherLanguages'), { maxLength: 400, hint: t('intake.otherLanguagesHint') })}
        <div className="field-check">
          <input
            id={form.fieldId('interpreterNeeded')}
            type="checkbox"
            checked={draft.interpreterNeeded}
            onChange={(e) => edit((d) => ({ ...d, interpreterNeeded: e.target.checked }))}
          />
          <label htmlFor={form.fieldId('interpreterNeeded')}>{t('intake.interpreterNeeded')}</label>
        </div>
        {draft.interpreterNeeded
          ? text('interpreterLanguage', t('intake.interpreterLanguage'), { maxLength: 60 })
          : null}
      </Group>

      <Group title={t('intake.group.education')}>
        <SelectField
          form={form}
          name="educationLevel"
          label={t('intake.educationLevel')}
          value={draft.educationLevel}
          placeholder={t('intake.choose')}
          onChange={(value) => edit((d) => ({ ...d, educationLevel: educationLevels.find((l) => l === value) ?? '' }))}
          choices={educationLevels.map((level) => ({ value: level, label: t(key.education(level)) }))}
        />
        <SelectField
          form={form}
          name="literacyNumeracy"
          label={t('intake.literacyNumeracy')}
          hint={t('intake.literacyHint')}
          value={draft.literacyNumeracy}
          onChange={(value) =>
            edit((d) => ({ ...d, literacyNumeracy: literacyLevels.find((l) => l === value) ?? 'unknown' }))
          }
          choices={literacyLevels.map((level) => ({ value: level, label: t(key.literacy(level)) }))}
        />
        <SelectField
          form={form}
          name="incomeSource"
          label={t('intake.incomeSource')}
          value={draft.incomeSource}
          placeholder={t('intake.choose')}
          onChange={(value) => edit((d) => ({ ...d, incomeSource: incomeSources.find((s) => s === value) ?? '' }))}
          choices={incomeSources.map((source) => ({ value: source, label: t(key.income(source)) }))}
        />
      </Group>

      <Group title={t('intake.group.work')} hint={t('intake.workHint')}>
        {draft.work.length === 0 ? <p>{t('intake.noJobs')}</p> : null}
        {draft.work.map((row, index) => (
          <fieldset key={row.key} className="row-group">
            <legend>{t('intake.job', { n: index + 1 })}</legend>
            <OccupationPicker
              form={form}
              name={`work-${row.key}-occupation`}
              label={t('intake.occupation')}
              mode="one"
              chosen={row.occupation ? [row.occupation] : []}
              onChange={([occupation]) => editRow(row.key, { occupation })}
            />
            <TextField
              form={form}
              name={`work-${row.key}-jobTitle`}
              label={t('intake.jobTitle')}
              hint={t('intake.optional')}
              value={row.jobTitle}
              onChange={(jobTitle) => editRow(row.key, { jobTitle })}
              maxLength={200}
              autoComplete="off"
            />
            <TextField
              form={form}
              name={`work-${row.key}-employerName`}
              label={t('intake.employerName')}
              hint={t('intake.optional')}
              value={row.employerName}
              onChange={(employerName) => editRow(row.key, { employerName })}
              maxLength={200}
              autoComplete="off"
            />
            <DateField
              form={form}
              name={`work-${row.key}-start`}
              label={t('intake.jobStart')}
              hint={t('intake.dateHint')}
              value={row.start}
              onChange={(start) => editRow(row.key, { start })}
            />
            <DateField
              form={form}
              name={`work-${row.key}-end`}
              label={t('intake.jobEnd')}
              hint={t('intake.jobEndHint')}
              value={row.end}
              onChange={(end) => editRow(row.key, { end })}
            />
            <TextField
              form={form}
              name={`work-${row.key}-hours`}
              label={t('intake.hoursPerWeek')}
              hint={t('intake.optional')}
              value={row.hoursPerWeek}
              onChange={(hoursPerWeek) => editRow(row.key, { hoursPerWeek })}
              inputMode="decimal"
              maxLength={5}
              className="input-number"
              autoComplete="off"
            />
            <div className="form-actions">
              <button type="button" className="button-secondary" onClick={() => removeRow(row.key, index)}>
                {t('intake.removeJob', { n: index + 1 })}
              </button>
            </div>
          </fieldset>
        ))}
        {draft.work.length < 50 ? (
          <div className="form-actions">
            <button type="button" id={form.fieldId('addJob')} className="button-secondary" onClick={addRow}>
              {t('intake.addJob')}
            </button>
          </div>
        ) : null}
      </Group>

      <Group title={t('intake.group.goals')}>
        <TextAreaField
          form={form}
          name="goalStatement"
          label={t('intake.goalStatement')}
          hint={t('intake.goalStatementHint')}
          value={draft.goalStatement}
          onChange={set('goalStatement')}
          maxLength={1000}
        />
        <OccupationPicker
          form={form}
          name="targetOccupations"
          label={t('intake.targetOccupations')}
          hint={t('intake.targetOccupationsHint')}
          mode="many"
          chosen={draft.targetOccupations}
          onChange={(targetOccupations) => edit((d) => ({ ...d, targetOccupations }))}
        />
        {text('hoursWanted', t('intake.hoursWanted'), {
          inputMode: 'numeric',
          maxLength: 2,
          hint: t('intake.optional'),
          className: 'input-number',
        })}
        <SelectField
          form={form}
          name="timeHorizon"
          label={t('intake.timeHorizon')}
          value={draft.timeHorizon}
          placeholder={t('intake.notSaid')}
          onChange={(value) => edit((d) => ({ ...d, timeHorizon: timeHorizons.find((h) => h === value) ?? '' }))}
          choices={timeHorizons.map((h) => ({ value: h, label: t(key.timeHorizon(h)) }))}
        />
      </Group>
      <StepActions onBack={onBack} />
    </form>
  );
}
