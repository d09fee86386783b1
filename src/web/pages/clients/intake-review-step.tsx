import { useId, type FormEvent, type ReactNode } from 'react';
import type { DuplicateMatch } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isoDate, TextAreaField, type Form } from '../../components/form.tsx';
import { OccupationName } from '../../components/occupation-picker.tsx';
import { barrierKinds, externalIdKinds, formatDate, key } from './client-text.ts';
import { equityOf, splitLanguages, type IntakeDraft, type Step } from './intake-draft.ts';
import { MatchList } from './intake-matches.tsx';
import { EquityAnswers } from './equity-answers.tsx';
import { Details } from './record-details.tsx';

export type Conflict = { matches: DuplicateMatch[] };

function Summary({
  title,
  step,
  onChange,
  children,
}: {
  title: string;
  step: Step;
  onChange: (step: Step) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="review-section" aria-labelledby={id}>
      <div className="review-heading">
        <h3 id={id}>{title}</h3>
        <button type="button" className="button-secondary" onClick={() => onChange(step)}>
          {t('intake.change', { section: title })}
        </button>
      </div>
      {children}
    </section>
  );
}

// Step 5: everything once more before the file is opened, each part with a way back to change it.
// When the server finds a possible existing record at submit, the matches are shown again here with a
// required reason to confirm this is someone else.
export function ReviewStep({
  draft,
  form,
  busy,
  conflict,
  reason,
  onReason,
  onChange,
  onSubmit,
  onBack,
  ownOrganizationId,
}: {
  draft: IntakeDraft;
  form: Form;
  busy: boolean;
  conflict: Conflict | undefined;
  reason: string;
  onReason: (reason: string) => void;
  onChange: (step: Step) => void;
  onSubmit: () => void;
  onBack: () => void;
  ownOrganizationId: string;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const none = t('intake.notGiven');
  const or = (text: string) => (text.trim() === '' ? none : text.trim());
  const date = (parts: IntakeDraft['dateOfBirth']) => {
    const iso = isoDate(parts);
    return iso ? formatDate(iso, language) : none;
  };
  const barriers = barrierKinds.filter((k) => draft.barriers[k] !== '');
  const ids = externalIdKinds.filter((k) => draft.externalIds[k].trim() !== '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <>
      <p className="lead">{t('intake.review.lead')}</p>
      <Summary title={t('intake.step.record')} step="record" onChange={onChange}>
        <Details
          rows={[
            [t('intake.name'), `${draft.givenName.trim()} ${draft.familyName.trim()}`],
            [t('intake.preferredName'), or(draft.preferredName)],
            [t('intake.pronouns'), or(draft.pronouns)],
            [t('intake.dateOfBirth'), date(draft.dateOfBirth)],
            [t('intake.email'), or(draft.email)],
            [t('intake.phone'), or(draft.phone)],
            [t('intake.streetAddress'), or(draft.streetAddress)],
            [t('intake.postalCode'), or(draft.postalCode.toUpperCase())],
            [
              t('intake.preferredLanguage'),
              t(draft.preferredLanguage === 'en' ? 'intake.language.en' : 'intake.language.fr'),
            ],
            [t('intake.otherLanguages'), splitLanguages(draft.otherLanguages).join(', ') || none],
            [t('intake.interpreter'), draft.interpreterNeeded ? or(draft.interpreterLanguage) : t('common.no')],
            [t('intake.educationLevel'), draft.educationLevel ? t(key.education(draft.educationLevel)) : none],
            [t('intake.literacyNumeracy'), t(key.literacy(draft.literacyNumeracy))],
            [t('intake.incomeSource'), draft.incomeSource ? t(key.income(draft.incomeSource)) : none],
          ]}
        />
        <h4>{t('intake.group.work')}</h4>
        {draft.work.length === 0 ? (
          <p>{t('intake.noJobs')}</p>
        ) : (
          <ul className="plain-list review-list">
            {draft.work.map((row) => (
              <li key={row.key}>
                {row.occupation ? <OccupationName occupation={row.occupation} /> : none}
                {row.jobTitle.trim() ? ` (${row.jobTitle.trim()})` : ''}
                {row.employerName.trim() ? ` · ${row.employerName.trim()}` : ''}
                <br />
                {isoDate(row.end)
                  ? t('intake.jobFromTo', { from: date(row.start), to: date(row.end) })
                  : t('intake.jobSince', { from: date(row.start) })}
              </li>
            ))}
          </ul>
        )}
        <h4>{t('intake.group.goals')}</h4>
        <Details
          rows={[
            [t('intake.goalStatement'), or(draft.goalStatement)],
            [
              t('intake.targetOccupations'),
              draft.targetOccupations.length === 0
                ? none
                : draft.targetOccupations.map((o, i) => (
                    <span key={o.code}>
                      {i > 0 ? ', ' : ''}
                      <OccupationName occupation={o} />
                    </span>
                  )),
            ],
            [t('intake.hoursWanted'), or(draft.hoursWanted)],
            [t('intake.timeHorizon'), draft.timeHorizon ? t(key.timeHorizon(draft.timeHorizon)) : none],
          ]}
        />
      </Summary>

      <Summary title={t('intake.step.needs')} step="needs" onChange={onChange}>
        <Details
          rows={[
            [
              t('intake.group.barriers'),
              barriers.length === 0
                ? none
                : barriers
                    .map((k) => `${t(key.barrier(k))} (${t(key.barrierStatus(draft.barriers[k] || 'active'))})`)
                    .join(', '),
            ],
            [
              t('intake.group.accommodations'),
              draft.accommodations.length === 0
                ? none
                : draft.accommodations
                    .filter((a) => a.kind !== '')
                    .map(
                      (a) =>
                        `${a.kind ? t(key.accommodation(a.kind)) : ''}${a.disabilityRelated ? ` (${t('intake.disabilityRelatedShort')})` : ''}`,
                    )
                    .join(', '),
            ],
            ...ids.map((k): [string, ReactNode] => [t(key.externalId(k)), draft.externalIds[k].trim()]),
          ]}
        />
      </Summary>

      <Summary title={t('intake.step.equity')} step="equity" onChange={onChange}>
        <EquityAnswers equity={equityOf(draft.equity)} />
      </Summary>

      {conflict ? (
        <section className="conflict" aria-labelledby={`${id}-conflict`}>
          <h3 id={`${id}-conflict`}>{t('intake.conflict.title')}</h3>
          <p>{t('intake.conflict.lead')}</p>
          <MatchList matches={conflict.matches} ownOrganizationId={ownOrganizationId} />
        </section>
      ) : null}

      <form onSubmit={submit} noValidate aria-busy={busy} className="wizard-form">
        {conflict ? (
          <TextAreaField
            form={form}
            name="notADuplicateReason"
            label={t('intake.conflict.reason')}
            hint={t('intake.conflict.reasonHint')}
            value={reason}
            onChange={onReason}
            maxLength={500}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button">
            {conflict ? t('intake.submitConfirmed') : t('intake.submit')}
          </button>
          <button type="button" className="button-secondary" onClick={onBack}>
            {t('intake.back')}
          </button>
        </div>
      </form>
    </>
  );
}
