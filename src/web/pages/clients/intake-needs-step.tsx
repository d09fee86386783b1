import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { focusSoon, SelectField, TextAreaField, TextField } from '../../components/form.tsx';
import { accommodationKinds, barrierKinds, barrierStatuses, externalIdKinds, key } from './client-text.ts';
import { emptyAccommodation, type AccommodationRow } from './intake-draft.ts';
import { Group, StepActions, type StepProps } from './intake-record-step.tsx';

// Step 3: life-stabilization needs (barriers), accommodations and the client's other identifiers.
export function NeedsStep({ draft, edit, form, onContinue, onBack }: StepProps) {
  const { t } = useI18n();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onContinue();
  };
  const editRow = (rowKey: string, change: Partial<AccommodationRow>) =>
    edit((d) => ({ ...d, accommodations: d.accommodations.map((a) => (a.key === rowKey ? { ...a, ...change } : a)) }));
  const addRow = () => {
    const row = emptyAccommodation();
    edit((d) => ({ ...d, accommodations: [...d.accommodations, row] }));
    focusSoon(form.fieldId(`accommodation-${row.key}-kind`));
  };
  const removeRow = (rowKey: string, index: number) => {
    edit((d) => ({ ...d, accommodations: d.accommodations.filter((a) => a.key !== rowKey) }));
    const before = draft.accommodations[index - 1] ?? draft.accommodations[index + 1];
    focusSoon(before ? form.fieldId(`accommodation-${before.key}-kind`) : form.fieldId('addAccommodation'));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="wizard-form">
      <Group title={t('intake.group.barriers')} hint={t('intake.barriersHint')}>
        <div className="barrier-grid">
          {barrierKinds.map((kind) => (
            <SelectField
              key={kind}
              form={form}
              name={`barrier-${kind}`}
              label={t(key.barrier(kind))}
              value={draft.barriers[kind]}
              placeholder={t('intake.barrierNone')}
              onChange={(value) =>
                edit((d) => ({
                  ...d,
                  barriers: { ...d.barriers, [kind]: barrierStatuses.find((s) => s === value) ?? '' },
                }))
              }
              choices={barrierStatuses.map((status) => ({ value: status, label: t(key.barrierStatus(status)) }))}
            />
          ))}
        </div>
      </Group>

      <Group title={t('intake.group.accommodations')} hint={t('intake.accommodationsHint')}>
        {draft.accommodations.length === 0 ? <p>{t('intake.noAccommodations')}</p> : null}
        {draft.accommodations.map((row, index) => (
          <fieldset key={row.key} className="row-group">
            <legend>{t('intake.accommodation', { n: index + 1 })}</legend>
            <SelectField
              form={form}
              name={`accommodation-${row.key}-kind`}
              label={t('intake.accommodationKind')}
              value={row.kind}
              placeholder={t('intake.choose')}
              onChange={(value) => editRow(row.key, { kind: accommodationKinds.find((k) => k === value) ?? '' })}
              choices={accommodationKinds.map((kind) => ({ value: kind, label: t(key.accommodation(kind)) }))}
            />
            <div className="field-check">
              <input
                id={form.fieldId(`accommodation-${row.key}-disability`)}
                type="checkbox"
                checked={row.disabilityRelated}
                onChange={(e) => editRow(row.key, { disabilityRelated: e.target.checked })}
              />
              <label htmlFor={form.fieldId(`accommodation-${row.key}-disability`)}>
                {t('intake.disabilityRelated')}
              </label>
            </div>
            <TextAreaField
              form={form}
              name={`accommodation-${row.key}-description`}
              label={t('intake.accommodationDescription')}
              hint={t('intake.optional')}
              value={row.description}
              onChange={(description) => editRow(row.key, { description })}
              maxLength={500}
              rows={3}
            />
            <div className="form-actions">
              <button type="button" className="button-secondary" onClick={() => removeRow(row.key, index)}>
                {t('intake.removeAccommodation', { n: index + 1 })}
              </button>
            </div>
          </fieldset>
        ))}
        {draft.accommodations.length < 30 ? (
          <div className="form-actions">
            <button type="button" id={form.fieldId('addAccommodation')} className="button-secondary" onClick={addRow}>
              {t('intake.addAccommodation')}
            </button>
          </div>
        ) : null}
      </Group>

      <Group title={t('intake.group.identifiers')} hint={t('intake.identifiersHint')}>
        {externalIdKinds.map((kind) => (
          <TextField
            key={kind}
            form={form}
            name={`externalId-${kind}`}
            label={t(key.externalId(kind))}
            hint={t('intake.optional')}
            value={draft.externalIds[kind]}
            onChange={(value) => edit((d) => ({ ...d, externalIds: { ...d.externalIds, [kind]: value } }))}
            maxLength={30}
            autoComplete="off"
            spellCheck={false}
          />
        ))}
      </Group>
      <StepActions onBack={onBack} />
    </form>
  );
}
