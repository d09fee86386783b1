import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError, searchOccupations, type Occupation } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Form } from './form.tsx';

type Search =
  | { status: 'idle' }
  | { status: 'searching'; words: string }
  | { status: 'done'; words: string; items: Occupation[] }
  | { status: 'failed'; network: boolean };

// NOC titles come in English only (vendor/noc-2021), so they are marked as English on a French page.
export function OccupationName({ occupation }: { occupation: Occupation }) {
  return (
    <>
      {occupation.code} – <span lang="en">{occupation.title}</span>
    </>
  );
}

// An occupation picker without a pop-up list: words (or the start of a code) in a search box, Enter
// or "Find" to search, then the results as radio buttons (one occupation) or checkboxes (several).
// Every part is an ordinary form control, so it works the same with a keyboard, a screen reader or
// voice control; the number found is announced politely. Enter in the box searches instead of
// submitting the surrounding form.
export function OccupationPicker({
  form,
  name,
  label,
  hint,
  mode,
  chosen,
  onChange,
  max = 10,
}: {
  form: Form;
  name: string;
  label: string;
  hint?: string;
  mode: 'one' | 'many';
  chosen: Occupation[];
  onChange: (chosen: Occupation[]) => void;
  max?: number;
}) {
  const { t, tp } = useI18n();
  const id = useId();
  const [words, setWords] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  const inputId = form.fieldId(name);
  const hintId = hint ? `${inputId}-hint` : undefined;
  const resultsId = `${id}-results`;

  const run = () => {
    const trimmed = words.trim();
    if (trimmed === '') return;
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setSearch({ status: 'searching', words: trimmed });
    searchOccupations(trimmed, current.signal).then(
      (items) => setSearch({ status: 'done', words: trimmed, items }),
      (error: unknown) => {
        if (current.signal.aborted) return;
        setSearch({ status: 'failed', network: error instanceof ApiError && error.kind === 'network' });
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    run();
  };

  const isChosen = (occupation: Occupation) => chosen.some((c) => c.code === occupation.code);
  const toggle = (occupation: Occupation, on: boolean) => {
    if (mode === 'one') {
      onChange(on ? [occupation] : []);
      return;
    }
    if (on && !isChosen(occupation) && chosen.length < max) onChange([...chosen, occupation]);
    if (!on) onChange(chosen.filter((c) => c.code !== occupation.code));
  };

  const status =
    search.status === 'searching'
      ? t('occupation.searching')
      : search.status === 'done'
        ? search.items.length === 0
          ? t('occupation.none', { words: search.words })
          : tp('occupation.found', search.items.length)
        : search.status === 'failed'
          ? search.network
            ? t('error.network')
            : t('error.generic')
          : '';

  return (
    <fieldset className="occupation-picker">
      <legend>{label}</legend>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {form.inlineErrors(name)}
      {chosen.length === 0 ? (
        <p className="muted">{mode === 'one' ? t('occupation.noneChosen') : t('occupation.noneChosenMany')}</p>
      ) : (
        <ul className="chosen-list">
          {chosen.map((occupation) => (
            <li key={occupation.code}>
              <span>
                {mode === 'one' ? `${t('occupation.chosen')} ` : null}
                <strong>
                  <OccupationName occupation={occupation} />
                </strong>
              </span>
              {mode === 'many' ? (
                <button type="button" className="button-secondary" onClick={() => toggle(occupation, false)}>
                  {t('occupation.remove', { title: occupation.title })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={inputId}>{t('occupation.search')}</label>
        <div className="search-row">
          <input
            id={inputId}
            type="search"
            value={words}
            maxLength={100}
            autoComplete="off"
            aria-invalid={form.invalid(name)}
            aria-describedby={form.describedBy(name, hintId)}
            aria-controls={resultsId}
            onChange={(e) => setWords(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="button-secondary" onClick={run}>
            {t('occupation.find')}
          </button>
        </div>
      </div>
      <p role="status" className="announcement">
        {status}
      </p>
      <div id={resultsId}>
        {search.status === 'done' && search.items.length > 0 ? (
          <fieldset className="checkbox-group">
            <legend>
              {mode === 'one'
                ? t('occupation.chooseOne', { words: search.words })
                : t('occupation.chooseMany', { words: search.words })}
            </legend>
            {search.items.map((occupation) => {
              const optionId = `${id}-${occupation.code}`;
              return (
                <div key={occupation.code} className="field-check">
                  <input
                    id={optionId}
                    type={mode === 'one' ? 'radio' : 'checkbox'}
                    name={`${id}-choice`}
                    checked={isChosen(occupation)}
                    disabled={mode === 'many' && !isChosen(occupation) && chosen.length >= max}
                    onChange={(e) => toggle(occupation, e.target.checked)}
                  />
                  <label htmlFor={optionId}>
                    <OccupationName occupation={occupation} />
                  </label>
                </div>
              );
            })}
          </fieldset>
        ) : null}
      </div>
    </fieldset>
  );
}
