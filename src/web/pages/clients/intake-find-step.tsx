import { useId, type FormEvent } from 'react';
import type { DuplicateMatch } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Announcement, DateField, SelectField, TextField, type Form } from '../../components/form.tsx';
import { key } from './client-text.ts';
import type { IntakeDraft } from './intake-draft.ts';
import { MatchList } from './intake-matches.tsx';

export type SearchIdKind = 'ontario_works' | 'odsp';
export type FindResults = { status: 'idle' } | { status: 'searching' } | { status: 'done'; matches: DuplicateMatch[] };

// Step 1: is this person already known? One file per person is what lets agencies work together, so
// intake starts with a search across every agency (names and date of birth go in the request body).
export function FindStep({
  draft,
  edit,
  form,
  searchIdKind,
  onSearchIdKind,
  results,
  onSearch,
  onContinue,
  ownOrganizationId,
}: {
  draft: IntakeDraft;
  edit: (change: (draft: IntakeDraft) => IntakeDraft) => void;
  form: Form;
  searchIdKind: SearchIdKind;
  onSearchIdKind: (kind: SearchIdKind) => void;
  results: FindResults;
  onSearch: () => void;
  onContinue: () => void;
  ownOrganizationId: string;
}) {
  const { t, tp } = useI18n();
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch();
  };
  const set = (field: 'givenName' | 'familyName') => (value: string) => edit((d) => ({ ...d, [field]: value }));
  const matches = results.status === 'done' ? results.matches : [];

  return (
    <>
      <p className="lead">{t('intake.find.lead')}</p>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-busy={results.status === 'searching'}
        aria-label={t('intake.find.formLabel')}
      >
        <TextField
          form={form}
          name="givenName"
          label={t('intake.givenName')}
          value={draft.givenName}
          onChange={set('givenName')}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          form={form}
          name="familyName"
          label={t('intake.familyName')}
          value={draft.familyName}
          onChange={set('familyName')}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
        />
        <DateField
          form={form}
          name="dateOfBirth"
          label={t('intake.dateOfBirth')}
          hint={t('intake.dateHint')}
          value={draft.dateOfBirth}
          onChange={(dateOfBirth) => edit((d) => ({ ...d, dateOfBirth }))}
        />
        <fieldset className="checkbox-group">
          <legend>{t('intake.find.number')}</legend>
          <SelectField
            form={form}
            name="searchIdKind"
            label={t('intake.find.numberKind')}
            value={searchIdKind}
            onChange={(value) => onSearchIdKind(value === 'odsp' ? 'odsp' : 'ontario_works')}
            choices={(['ontario_works', 'odsp'] as const).map((kind) => ({
              value: kind,
              label: t(key.externalId(kind)),
            }))}
          />
          <TextField
            form={form}
            name="searchId"
            label={t('intake.find.numberValue')}
            value={draft.externalIds[searchIdKind]}
            onChange={(value) => edit((d) => ({ ...d, externalIds: { ...d.externalIds, [searchIdKind]: value } }))}
            maxLength={30}
            autoComplete="off"
            spellCheck={false}
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('intake.find.search')}
          </button>
        </div>
      </form>

      <Announcement>
        {results.status === 'searching'
          ? t('intake.find.searching')
          : results.status === 'done'
            ? matches.length === 0
              ? t('intake.find.noMatch')
              : tp('intake.find.matches', matches.length)
            : ''}
      </Announcement>
      {results.status === 'done' ? (
        <section aria-labelledby={`${id}-results`} className="find-results">
          <h3 id={`${id}-results`}>{t('intake.find.results')}</h3>
          {matches.length === 0 ? (
            <p>{t('intake.find.noMatchLead')}</p>
          ) : (
            <MatchList matches={matches} ownOrganizationId={ownOrganizationId} />
          )}
          <div className="form-actions">
            {/* With possible matches, asking for the file that exists is the main way on (intake-matches.tsx):
                opening another file is the lesser choice. */}
            <button type="button" className={matches.length === 0 ? 'button' : 'button-secondary'} onClick={onContinue}>
              {matches.length === 0 ? t('intake.find.continueNew') : t('intake.find.continue')}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
