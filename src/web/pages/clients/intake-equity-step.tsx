import { useId, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { SelectField, TextField } from '../../components/form.tsx';
import { genders, indigenousIdentities, key, PREFER_NOT_TO_SAY, racializedGroups } from './client-text.ts';
import type { Answer, EquityDraft } from './intake-draft.ts';
import { StepActions, type StepProps } from './intake-record-step.tsx';

const answers = ['yes', 'no', PREFER_NOT_TO_SAY] as const;
const MAX_GROUPS = 5;

// Step 4: the self-identified equity questions. Every one is voluntary and starts unanswered; they are
// kept apart from the file, never shared by default, and never read by the assessment
// (docs/permissions.md 4.6, docs/assessment.md).
export function EquityStep({ draft, edit, form, onContinue, onBack }: StepProps) {
  const { t } = useI18n();
  const id = useId();
  const equity = draft.equity;
  const set = (change: Partial<EquityDraft>) => edit((d) => ({ ...d, equity: { ...d.equity, ...change } }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onContinue();
  };
  const answerChoices = answers.map((a) => ({ value: a, label: t(`equity.answer.${a}`) }));
  const yesNo = (field: 'disability' | 'newcomer' | 'francophone' | 'lgbtq2s', label: string) => (
    <SelectField
      form={form}
      name={`equity-${field}`}
      label={label}
      value={equity[field]}
      placeholder={t('equity.noAnswer')}
      onChange={(value) => set({ [field]: (answers.find((a) => a === value) ?? '') as Answer })}
      choices={answerChoices}
    />
  );
  const declined = equity.racializedGroup.includes(PREFER_NOT_TO_SAY);
  const toggleGroup = (group: string, on: boolean) => {
    if (group === PREFER_NOT_TO_SAY) {
      set({ racializedGroup: on ? [PREFER_NOT_TO_SAY] : [] });
      return;
    }
    const others = equity.racializedGroup.filter((g) => g !== PREFER_NOT_TO_SAY && g !== group);
    set({ racializedGroup: on ? [...others, group].slice(0, MAX_GROUPS) : others });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="wizard-form">
      <div className="voluntary-notice">
        <p>
          <strong>{t('equity.voluntaryTitle')}</strong>
        </p>
        <p>{t('equity.voluntaryLead')}</p>
        <ul>
          <li>{t('equity.voluntaryApart')}</li>
          <li>{t('equity.voluntaryNotShared')}</li>
          <li>{t('equity.voluntaryNotAssessed')}</li>
        </ul>
      </div>

      <SelectField
        form={form}
        name="equity-indigenousIdentity"
        label={t('equity.indigenousQuestion')}
        value={equity.indigenousIdentity}
        placeholder={t('equity.noAnswer')}
        onChange={(value) => set({ indigenousIdentity: value })}
        choices={indigenousIdentities.map((v) => ({ value: v, label: t(key.indigenous(v)) }))}
      />

      <fieldset className="checkbox-group" aria-describedby={`${id}-groups-hint`}>
        <legend>{t('equity.racializedQuestion')}</legend>
        <p id={`${id}-groups-hint`} className="field-hint">
          {t('equity.racializedHint', { max: MAX_GROUPS })}
        </p>
        {racializedGroups.map((group, i) => {
          const checked = equity.racializedGroup.includes(group);
          const inputId = i === 0 ? form.fieldId('equity-racializedGroup') : `${id}-group-${group}`;
          return (
            <div key={group} className="field-check">
              <input
                id={inputId}
                type="checkbox"
                checked={checked}
                disabled={declined || (!checked && equity.racializedGroup.length >= MAX_GROUPS)}
                onChange={(e) => toggleGroup(group, e.target.checked)}
              />
              <label htmlFor={inputId}>{t(key.racialized(group))}</label>
            </div>
          );
        })}
        <div className="field-check">
          <input
            id={`${id}-group-declined`}
            type="checkbox"
            checked={declined}
            onChange={(e) => toggleGroup(PREFER_NOT_TO_SAY, e.target.checked)}
          />
          <label htmlFor={`${id}-group-declined`}>{t('equity.answer.prefer_not_to_say')}</label>
        </div>
      </fieldset>

      <SelectField
        form={form}
        name="equity-gender"
        label={t('equity.genderQuestion')}
        value={equity.gender}
        placeholder={t('equity.noAnswer')}
        onChange={(value) => set({ gender: value })}
        choices={genders.map((g) => ({ value: g, label: t(key.gender(g)) }))}
      />
      {equity.gender === 'another' ? (
        <TextField
          form={form}
          name="equity-genderDescription"
          label={t('equity.genderDescription')}
          hint={t('intake.optional')}
          value={equity.genderDescription}
          onChange={(genderDescription) => set({ genderDescription })}
          maxLength={60}
          autoComplete="off"
        />
      ) : null}
      {yesNo('disability', t('equity.disabilityQuestion'))}
      {yesNo('newcomer', t('equity.newcomerQuestion'))}
      {equity.newcomer === 'yes' ? (
        <TextField
          form={form}
          name="equity-arrivalYear"
          label={t('equity.arrivalYear')}
          hint={t('intake.optional')}
          value={equity.arrivalYear}
          onChange={(arrivalYear) => set({ arrivalYear })}
          inputMode="numeric"
          maxLength={4}
          className="input-number"
          autoComplete="off"
        />
      ) : null}
      {yesNo('francophone', t('equity.francophoneQuestion'))}
      {yesNo('lgbtq2s', t('equity.lgbtq2sQuestion'))}
      <StepActions onBack={onBack} />
    </form>
  );
}
