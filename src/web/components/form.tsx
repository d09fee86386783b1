import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useI18n } from '../i18n/i18n.tsx';

// A problem found on submit; `fields` are the inputs it concerns (none for a network failure, two for
// "the e-mail address or password is not correct").
export type FormError = { key: string; message: string; fields: string[] };

export type Form = {
  errors: FormError[];
  fieldId: (field: string) => string;
  // Shows the errors and moves focus to the summary (after every failed submit, even with the same errors).
  fail: (errors: FormError[]) => void;
  clear: () => void;
  // The person fixed what a field's errors were about: they leave the summary and the field at once.
  resolve: (field: string) => void;
  invalid: (field: string) => true | undefined;
  describedBy: (field: string, hintId?: string) => string | undefined;
  inlineErrors: (field: string) => ReactNode;
  summary: ReactNode;
};

// Focuses the element once it is in the page: a field another step of a form shows, or a row just added.
export function focusSoon(id: string, framesLeft = 10): void {
  const element = document.getElementById(id);
  if (element) {
    element.focus();
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => focusSoon(id, framesLeft - 1));
}

export type FormOptions = {
  // For a form in several steps: shows the step holding a field the summary links to but the page
  // does not show now, so the link can focus it.
  reveal?: (field: string) => void;
};

// The error pattern of every form (GOV.UK and Ontario design systems): a summary at the top that takes
// focus and links to each field, the message again next to a field it concerns, aria-invalid and
// aria-describedby on the field. Forms use noValidate so the browser's own bubbles never appear.
export function useForm(options: FormOptions = {}): Form {
  const { t } = useI18n();
  const id = useId();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const revealRef = useRef(options.reveal);
  useLayoutEffect(() => {
    revealRef.current = options.reveal;
  });

  useEffect(() => {
    if (attempt > 0 && errors.length > 0) summaryRef.current?.focus();
  }, [attempt, errors.length]);

  const fieldId = useCallback((field: string) => `${id}-${field}`, [id]);
  const errorId = (error: FormError) => `${id}-error-${error.key}`;
  const inlineErrorId = (error: FormError) => `${id}-inline-${error.key}`;

  const fail = useCallback((next: FormError[]) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  }, []);
  const clear = useCallback(() => setErrors([]), []);
  const resolve = useCallback(
    (field: string) =>
      setErrors((current) => {
        const kept = current.filter((e) => !e.fields.includes(field));
        return kept.length === current.length ? current : kept;
      }),
    [],
  );

  // Follow a summary link by focusing the field: the #fragment alone would add a history entry.
  const focusField = (event: MouseEvent<HTMLAnchorElement>, field: string) => {
    const input = document.getElementById(fieldId(field));
    if (input) {
      event.preventDefault();
      input.focus();
      return;
    }
    const reveal = revealRef.current;
    if (!reveal) return;
    event.preventDefault();
    reveal(field);
    focusSoon(fieldId(field));
  };

  const summaryTitleId = `${id}-summary-title`;
  const summary =
    errors.length > 0 ? (
      <div ref={summaryRef} className="error-summary" tabIndex={-1} aria-labelledby={summaryTitleId}>
        <h2 id={summaryTitleId} className="error-summary-title">
          {t('form.errorSummary')}
        </h2>
        <ul className="error-summary-list">
          {errors.map((error) => {
            const field = error.fields[0];
            return (
              <li key={error.key}>
                {field ? (
                  <a id={errorId(error)} href={`#${fieldId(field)}`} onClick={(event) => focusField(event, field)}>
                    {error.message}
                  </a>
                ) : (
                  <span id={errorId(error)}>{error.message}</span>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    ) : null;

  return {
    errors,
    fieldId,
    fail,
    clear,
    resolve,
    invalid: (field) => (errors.some((e) => e.fields.includes(field)) ? true : undefined),
    describedBy: (field, hintId) => {
      // A problem with one field is written next to it; one that concerns several is written once, in
      // the summary, and each field points to it.
      const ids = errors
        .filter((e) => e.fields.includes(field))
        .map((e) => (e.fields.length === 1 ? inlineErrorId(e) : errorId(e)));
      if (hintId) ids.unshift(hintId);
      return ids.length > 0 ? ids.join(' ') : undefined;
    },
    inlineErrors: (field) =>
      errors
        .filter((e) => e.fields.length === 1 && e.fields[0] === field)
        .map((error) => (
          <p key={error.key} id={inlineErrorId(error)} className="field-error">
            {error.message}
          </p>
        )),
    summary,
  };
}

type TextFieldProps = {
  form: Form;
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
} & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'form' | 'id' | 'name' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
>;

export function TextField({ form, name, label, hint, value, onChange, ref, ...input }: TextFieldProps) {
  const hintId = hint ? `${form.fieldId(name)}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={form.fieldId(name)}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {form.inlineErrors(name)}
      <input
        type="text"
        ref={ref}
        id={form.fieldId(name)}
        name={name}
        value={value}
        aria-invalid={form.invalid(name)}
        aria-describedby={form.describedBy(name, hintId)}
        onChange={(e) => onChange(e.target.value)}
        {...input}
      />
    </div>
  );
}

function Hint({ id, hint }: { id: string | undefined; hint: string | undefined }) {
  return hint ? (
    <p id={id} className="field-hint">
      {hint}
    </p>
  ) : null;
}

type TextAreaFieldProps = {
  form: Form;
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
} & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'form' | 'id' | 'name' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
>;

export function TextAreaField({ form, name, label, hint, value, onChange, ...textarea }: TextAreaFieldProps) {
  const hintId = hint ? `${form.fieldId(name)}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={form.fieldId(name)}>{label}</label>
      <Hint id={hintId} hint={hint} />
      {form.inlineErrors(name)}
      <textarea
        id={form.fieldId(name)}
        name={name}
        value={value}
        rows={4}
        aria-invalid={form.invalid(name)}
        aria-describedby={form.describedBy(name, hintId)}
        onChange={(e) => onChange(e.target.value)}
        {...textarea}
      />
    </div>
  );
}

export type Choice = { value: string; label: string; lang?: string | undefined };

type SelectFieldProps = {
  form: Form;
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  // The first, empty option ("Choose…", "No answer"): nothing is chosen for the person.
  placeholder?: string | undefined;
} & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'form' | 'id' | 'name' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
>;

export function SelectField({
  form,
  name,
  label,
  hint,
  value,
  onChange,
  choices,
  placeholder,
  ...select
}: SelectFieldProps) {
  const hintId = hint ? `${form.fieldId(name)}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={form.fieldId(name)}>{label}</label>
      <Hint id={hintId} hint={hint} />
      {form.inlineErrors(name)}
      <select
        id={form.fieldId(name)}
        name={name}
        value={value}
        aria-invalid={form.invalid(name)}
        aria-describedby={form.describedBy(name, hintId)}
        onChange={(e) => onChange(e.target.value)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} lang={choice.lang}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export type DateParts = { year: string; month: string; day: string };
export const emptyDate: DateParts = { year: '', month: '', day: '' };

// A real calendar date as YYYY-MM-DD, or undefined for an incomplete or impossible one (30 February).
export function isoDate(parts: DateParts): string | undefined {
  const [year, month, day] = [parts.year, parts.month, parts.day].map((p) => p.trim());
  if (!/^\d{4}$/.test(year ?? '') || !/^\d{1,2}$/.test(month ?? '') || !/^\d{1,2}$/.test(day ?? '')) return undefined;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isDateEmpty(parts: DateParts): boolean {
  return parts.year.trim() === '' && parts.month.trim() === '' && parts.day.trim() === '';
}

export function datePartsOf(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { year, month: String(Number(month)), day: String(Number(day)) };
}

// Year, month and day as three boxes (the GOV.UK and Ontario "memorable date" pattern), in the order of
// an ISO date: no date picker to fight with, and the same for every keyboard and screen reader. The
// summary links to the year, the first box.
export function DateField({
  form,
  name,
  label,
  hint,
  value,
  onChange,
}: {
  form: Form;
  name: string;
  label: string;
  hint?: string | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
}) {
  const { t } = useI18n();
  const hintId = hint ? `${form.fieldId(name)}-hint` : undefined;
  const part = (which: keyof DateParts, size: number, labelText: string) => {
    const id = which === 'year' ? form.fieldId(name) : form.fieldId(`${name}-${which}`);
    return (
      <div className={`date-part date-part-${which}`}>
        <label htmlFor={id}>{labelText}</label>
        <input
          id={id}
          name={`${name}-${which}`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={size}
          value={value[which]}
          aria-invalid={form.invalid(name)}
          aria-describedby={form.describedBy(name, hintId)}
          onChange={(e) => onChange({ ...value, [which]: e.target.value })}
        />
      </div>
    );
  };
  return (
    <fieldset className="date-field">
      <legend>{label}</legend>
      <Hint id={hintId} hint={hint} />
      {form.inlineErrors(name)}
      <div className="date-parts">
        {part('year', 4, t('form.year'))}
        {part('month', 2, t('form.month'))}
        {part('day', 2, t('form.day'))}
      </div>
    </fieldset>
  );
}

type PasswordFieldProps = Omit<TextFieldProps, 'type'> & { shown: boolean; onToggle: () => void };

export function PasswordField({
  form,
  name,
  label,
  hint,
  value,
  onChange,
  shown,
  onToggle,
  ...input
}: PasswordFieldProps) {
  const { t } = useI18n();
  const hintId = hint ? `${form.fieldId(name)}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={form.fieldId(name)}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {form.inlineErrors(name)}
      <div className="password-row">
        <input
          id={form.fieldId(name)}
          name={name}
          type={shown ? 'text' : 'password'}
          value={value}
          maxLength={1024}
          spellCheck={false}
          autoCapitalize="none"
          aria-invalid={form.invalid(name)}
          aria-describedby={form.describedBy(name, hintId)}
          onChange={(e) => onChange(e.target.value)}
          {...input}
        />
        {/* The name stays the same and aria-pressed says whether it is on, as for any toggle button. */}
        <button
          type="button"
          className="button-toggle"
          aria-pressed={shown}
          aria-controls={form.fieldId(name)}
          onClick={onToggle}
        >
          {t('form.showPassword')}
        </button>
      </div>
    </div>
  );
}

// A status line that is always in the page, so a change of its text is announced politely.
export function Announcement({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="announcement">
      {children}
    </p>
  );
}
