import { useId } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { SelectField, TextAreaField, TextField, type Form } from '../../components/form.tsx';
import { employerKey, employerSizes, hrSupports } from './employer-text.ts';

export type EmployerReach = { name: string; website: string; phone: string; email: string };
export type EmployerNeeds = {
  size: (typeof employerSizes)[number] | '';
  hiringPlans: string;
  hr: (typeof hrSupports)[number][];
};

// The employer's name and ways to reach it, as the form that adds an employer and the one that changes
// its record both ask for them.
export function EmployerReachFields({
  form,
  value,
  onChange,
}: {
  form: Form;
  value: EmployerReach;
  onChange: (change: Partial<EmployerReach>) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        form={form}
        name="name"
        label={t('newEmployer.name')}
        value={value.name}
        onChange={(name) => onChange({ name })}
        maxLength={200}
      />
      <TextField
        form={form}
        name="website"
        label={t('newEmployer.website')}
        hint={t('intake.optional')}
        type="url"
        value={value.website}
        onChange={(website) => onChange({ website })}
      />
      <TextField
        form={form}
        name="phone"
        label={t('newEmployer.phone')}
        hint={t('intake.optional')}
        type="tel"
        value={value.phone}
        onChange={(phone) => onChange({ phone })}
      />
      <TextField
        form={form}
        name="email"
        label={t('newEmployer.email')}
        hint={t('intake.optional')}
        type="email"
        value={value.email}
        onChange={(email) => onChange({ email })}
      />
    </>
  );
}

// Its size, hiring plans and the HR support it wants.
export function EmployerNeedsFields({
  form,
  value,
  onChange,
}: {
  form: Form;
  value: EmployerNeeds;
  onChange: (change: Partial<EmployerNeeds>) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <SelectField
        form={form}
        name="size"
        label={t('employer.size')}
        value={value.size}
        placeholder={t('newEmployer.unknownSize')}
        onChange={(v) => onChange({ size: v as EmployerNeeds['size'] })}
        choices={employerSizes.map((s) => ({ value: s, label: t(employerKey.size(s)) }))}
      />
      <TextAreaField
        form={form}
        name="hiringPlans"
        label={t('employer.hiringPlans')}
        hint={t('intake.optional')}
        value={value.hiringPlans}
        onChange={(hiringPlans) => onChange({ hiringPlans })}
        maxLength={2000}
        rows={2}
      />
      <fieldset className="checkbox-group">
        <legend>{t('employer.hrSupportWanted')}</legend>
        {hrSupports.map((h) => (
          <div className="field-check" key={h}>
            <input
              id={`${id}-hr-${h}`}
              type="checkbox"
              checked={value.hr.includes(h)}
              onChange={(e) => onChange({ hr: e.target.checked ? [...value.hr, h] : value.hr.filter((x) => x !== h) })}
            />
            <label htmlFor={`${id}-hr-${h}`}>{t(employerKey.hrSupport(h))}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
