import { useId, useState, type FormEvent } from 'react';
import { updateClient } from '../../api-case.ts';
import type { ClientView, Occupation, Skill } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TextAreaField, TextField, useForm, type FormError } from '../../components/form.tsx';
import { OccupationPicker, SkillPicker, useOccupations, useSkills } from '../../components/occupation-picker.tsx';
import { formErrorsOf, useNotice } from '../../components/section-state.tsx';
import type { ClientScope } from './client-shell.tsx';

type Draft = { hoursWanted: string; credentials: string };

const draftOf = (client: ClientView): Draft => ({
  hoursWanted: client.employment?.goals.hoursWanted?.toString() ?? '',
  credentials: (client.employment?.credentials ?? []).join('\n'),
});

const lines = (text: string) => [
  ...new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];

// What matching reads of the file, changed where the matches are: the occupations the client is looking
// for, the hours they want, their skills (ESCO) and their credentials. Saving answers the file again and
// the matches below are worked out anew. Skills and credentials left empty are "not recorded", so those
// factors do not count for or against the client.
export function JobProfile({ client, csrfToken, replaceClient, onSaved }: ClientScope & { onSaved: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const form = useForm();
  const notice = useNotice();
  const employment = client.employment;
  const byCode = useOccupations(employment?.goals.targetNocCodes ?? []);
  const byUri = useSkills();
  const [goals, setGoals] = useState<Occupation[] | undefined>(undefined);
  const [skills, setSkills] = useState<Skill[] | undefined>(undefined);
  const [draft, setDraft] = useState<Draft>(() => draftOf(client));
  const [busy, setBusy] = useState(false);
  if (!employment || !client.can.updateRecord) return null;

  // Until the reader changes them, the chosen lists are the file's, named as their names load.
  const chosenGoals =
    goals ?? employment.goals.targetNocCodes.map((code) => byCode.get(code) ?? { code, title: code, teer: 0 });
  const chosenSkills = skills ?? (employment.skills ?? []).map((uri) => byUri.get(uri) ?? { uri, label: uri });

  const check = (): FormError[] => {
    const errors: FormError[] = [];
    const hours = draft.hoursWanted.trim();
    if (hours !== '' && !(/^\d{1,2}$/.test(hours) && Number(hours) >= 1 && Number(hours) <= 80))
      errors.push({ key: 'hoursWanted', message: t('jobProfile.error.hours'), fields: ['hoursWanted'] });
    const credentials = lines(draft.credentials);
    if (credentials.length > 10 || credentials.some((c) => c.length > 100))
      errors.push({ key: 'credentials', message: t('jobProfile.error.credentials'), fields: ['credentials'] });
    return errors;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const errors = check();
    if (errors.length > 0) {
      form.fail(errors);
      return;
    }
    const credentials = lines(draft.credentials);
    const hours = draft.hoursWanted.trim();
    setBusy(true);
    updateClient(
      client.id,
      {
        goals: {
          ...(employment.goals.statement ? { statement: employment.goals.statement } : {}),
          ...(employment.goals.timeHorizon ? { timeHorizon: employment.goals.timeHorizon } : {}),
          targetNocCodes: chosenGoals.map((o) => o.code),
          ...(hours ? { hoursWanted: Number(hours) } : {}),
        },
        skills: chosenSkills.length > 0 ? chosenSkills.map((s) => s.uri) : null,
        credentials: credentials.length > 0 ? credentials : null,
      },
      csrfToken,
    ).then(
      ({ reassessmentSuggested: _r, possibleDuplicates: _d, ...view }) => {
        setBusy(false);
        form.clear();
        replaceClient(view);
        setGoals(undefined);
        setSkills(undefined);
        setDraft(draftOf(view));
        notice.show(t('jobProfile.saved'));
        onSaved();
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: {
              hoursWanted: { field: 'hoursWanted', message: t('jobProfile.error.hours') },
              goals: { field: 'goals', message: t('jobProfile.error.goals') },
              skills: { field: 'skills', message: t('jobProfile.error.skills') },
              credentials: { field: 'credentials', message: t('jobProfile.error.credentials') },
            },
            forbidden: t('edit.forbidden'),
          }),
        );
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('jobProfile.title')}</h2>
      <p>{t('jobProfile.lead')}</p>
      {notice.element}
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <OccupationPicker
          form={form}
          name="goals"
          label={t('intake.targetOccupations')}
          mode="many"
          chosen={chosenGoals}
          onChange={setGoals}
        />
        <TextField
          form={form}
          name="hoursWanted"
          label={t('intake.hoursWanted')}
          hint={t('intake.optional')}
          inputMode="numeric"
          className="input-short"
          value={draft.hoursWanted}
          onChange={(hoursWanted) => setDraft((d) => ({ ...d, hoursWanted }))}
        />
        <SkillPicker
          form={form}
          name="skills"
          label={t('jobProfile.skills')}
          hint={t('jobProfile.skillsHint')}
          chosen={chosenSkills}
          onChange={setSkills}
        />
        <TextAreaField
          form={form}
          name="credentials"
          label={t('jobProfile.credentials')}
          hint={t('jobProfile.credentialsHint')}
          value={draft.credentials}
          onChange={(credentials) => setDraft((d) => ({ ...d, credentials }))}
          rows={3}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('jobProfile.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
