import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  ApiError,
  getOccupation,
  searchIndustries,
  searchOccupations,
  searchSkills,
  type Industry,
  type Occupation,
  type Skill,
} from '../api.ts';
import { useApi } from '../use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Form } from './form.tsx';

type Search<T> =
  | { status: 'idle' }
  | { status: 'searching'; words: string }
  | { status: 'done'; words: string; items: T[] }
  | { status: 'failed'; network: boolean };

// NOC titles come in English only (vendor/noc-2021), so they are marked as English on a French page.
export function OccupationName({ occupation }: { occupation: Occupation }) {
  return (
    <>
      {occupation.code} – <span lang="en">{occupation.title}</span>
    </>
  );
}

// The words of a picker, in the reader's language.
type PickerWords<T> = {
  search: string;
  searching: string;
  none: (words: string) => string;
  found: (count: number) => string;
  choose: (words: string) => string;
  noneChosen: string;
  chosen: string;
  remove: (item: T) => string;
};

type PickerProps<T> = {
  form: Form;
  name: string;
  label: string;
  hint?: string;
  mode: 'one' | 'many';
  chosen: T[];
  onChange: (chosen: T[]) => void;
  max?: number;
};

// A picker without a pop-up list: words in a search box, Enter or "Find" to search, then the results as
// radio buttons (one) or checkboxes (several). Every part is an ordinary form control, so it works the
// same with a keyboard, a screen reader or voice control; the number found is announced politely. Enter
// in the box searches instead of submitting the surrounding form.
function SearchPicker<T>({
  form,
  name,
  label,
  hint,
  mode,
  chosen,
  onChange,
  max = 10,
  find,
  keyOf,
  Name,
  words: say,
}: PickerProps<T> & {
  find: (words: string, signal: AbortSignal) => Promise<T[]>;
  keyOf: (item: T) => string;
  Name: (props: { item: T }) => ReactNode;
  words: PickerWords<T>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [words, setWords] = useState('');
  const [search, setSearch] = useState<Search<T>>({ status: 'idle' });
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
    find(trimmed, current.signal).then(
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

  const isChosen = (item: T) => chosen.some((c) => keyOf(c) === keyOf(item));
  const toggle = (item: T, on: boolean) => {
    if (mode === 'one') {
      onChange(on ? [item] : []);
      return;
    }
    if (on && !isChosen(item) && chosen.length < max) onChange([...chosen, item]);
    if (!on) onChange(chosen.filter((c) => keyOf(c) !== keyOf(item)));
  };

  const status =
    search.status === 'searching'
      ? say.searching
      : search.status === 'done'
        ? search.items.length === 0
          ? say.none(search.words)
          : say.found(search.items.length)
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
        <p className="muted">{say.noneChosen}</p>
      ) : (
        <ul className="chosen-list">
          {chosen.map((item) => (
            <li key={keyOf(item)}>
              <span>
                {mode === 'one' ? `${say.chosen} ` : null}
                <strong>
                  <Name item={item} />
                </strong>
              </span>
              {mode === 'many' ? (
                <button type="button" className="button-secondary" onClick={() => toggle(item, false)}>
                  {say.remove(item)}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={inputId}>{say.search}</label>
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
            <legend>{say.choose(search.words)}</legend>
            {search.items.map((item, index) => {
              const optionId = `${id}-${index}`;
              return (
                <div key={keyOf(item)} className="field-check">
                  <input
                    id={optionId}
                    type={mode === 'one' ? 'radio' : 'checkbox'}
                    name={`${id}-choice`}
                    checked={isChosen(item)}
                    disabled={mode === 'many' && !isChosen(item) && chosen.length >= max}
                    onChange={(e) => toggle(item, e.target.checked)}
                  />
                  <label htmlFor={optionId}>
                    <Name item={item} />
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

const OccupationItem = ({ item }: { item: Occupation }) => <OccupationName occupation={item} />;

// NOC 2021 unit groups, by words of the title or the start of the code.
export function OccupationPicker(props: PickerProps<Occupation>) {
  const { t, tp } = useI18n();
  return (
    <SearchPicker
      {...props}
      find={searchOccupations}
      keyOf={(o) => o.code}
      Name={OccupationItem}
      words={{
        search: t('occupation.search'),
        searching: t('occupation.searching'),
        none: (words) => t('occupation.none', { words }),
        found: (count) => tp('occupation.found', count),
        choose: (words) =>
          props.mode === 'one' ? t('occupation.chooseOne', { words }) : t('occupation.chooseMany', { words }),
        noneChosen: props.mode === 'one' ? t('occupation.noneChosen') : t('occupation.noneChosenMany'),
        chosen: t('occupation.chosen'),
        remove: (o) => t('occupation.remove', { title: o.title }),
      }}
    />
  );
}

// NAICS titles come in English only (vendor/naics-canada-2022), so they are marked as English on a French page.
const IndustryItem = ({ item }: { item: Industry }) => (
  <>
    {item.code} – <span lang="en">{item.title}</span>
  </>
);

// One NAICS Canada 2022 class, by words of the title or the start of the code.
export function IndustryPicker(props: Omit<PickerProps<Industry>, 'mode'>) {
  const { t, tp } = useI18n();
  return (
    <SearchPicker
      {...props}
      mode="one"
      find={searchIndustries}
      keyOf={(i) => i.code}
      Name={IndustryItem}
      words={{
        search: t('industry.search'),
        searching: t('industry.searching'),
        none: (words) => t('industry.none', { words }),
        found: (count) => tp('industry.found', count),
        choose: (words) => t('industry.choose', { words }),
        noneChosen: t('industry.noneChosen'),
        chosen: t('occupation.chosen'),
        remove: (i) => t('occupation.remove', { title: i.title }),
      }}
    />
  );
}

// ESCO labels come in English only (vendor/esco-1.0), so they are marked as English on a French page.
const SkillItem = ({ item }: { item: Skill }) => <span lang="en">{item.label}</span>;

// ESCO transversal skills, by words of the label or its other labels (in English).
export function SkillPicker(props: Omit<PickerProps<Skill>, 'mode'>) {
  const { t, tp } = useI18n();
  return (
    <SearchPicker
      {...props}
      mode="many"
      max={props.max ?? 30}
      find={searchSkills}
      keyOf={(s) => s.uri}
      Name={SkillItem}
      words={{
        search: t('skill.search'),
        searching: t('skill.searching'),
        none: (words) => t('skill.none', { words }),
        found: (count) => tp('skill.found', count),
        choose: (words) => t('skill.choose', { words }),
        noneChosen: t('skill.noneChosen'),
        chosen: t('occupation.chosen'),
        remove: (s) => t('occupation.remove', { title: s.label }),
      }}
    />
  );
}

// The occupations named by these codes, as they load (a code not yet loaded, or unknown, is shown as is).
export function useOccupations(codes: readonly string[]): Map<string, Occupation> {
  const unique = [...new Set(codes)].sort();
  const loaded = useApi(`occupations|${unique.join(',')}`, (signal) =>
    Promise.all(unique.map((code) => getOccupation(code, signal).catch(() => undefined))),
  );
  const found = loaded.status === 'ready' ? loaded.data.filter((o): o is Occupation => o !== undefined) : [];
  return new Map(found.map((o) => [o.code, o]));
}

export function OccupationOf({ code, byCode }: { code: string; byCode: Map<string, Occupation> }) {
  const occupation = byCode.get(code);
  return occupation ? <OccupationName occupation={occupation} /> : <>{code}</>;
}

// Every ESCO transversal skill by URI (about a hundred: one request, kept while the page lives).
export function useSkills(): Map<string, Skill> {
  const loaded = useApi('esco-skills', (signal) => searchSkills('', signal));
  return new Map(loaded.status === 'ready' ? loaded.data.map((s) => [s.uri, s]) : []);
}

export function SkillNames({ uris }: { uris: readonly string[] }) {
  const { t } = useI18n();
  const byUri = useSkills();
  if (uris.length === 0) return <>{t('jobProfile.noSkills')}</>;
  return (
    <span lang="en">{uris.map((uri) => byUri.get(uri)?.label ?? uri.slice(uri.lastIndexOf('/') + 1)).join(', ')}</span>
  );
}
