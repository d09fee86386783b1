import { useCallback, useEffect, useId, useRef, useState, type InputHTMLAttributes, type MouseEvent, type ReactNode, type Ref } from 'react';
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
  invalid: (field: string) => true | undefined;
  describedBy: (field: string, hintId?: string) => string | undefined;
  inlineErrors: (field: string) => ReactNode;
  summary: ReactNode;
};

// The error pattern of every form (GOV.UK and Ontario design systems): a summary at the top that takes
// focus and links to each field, the message again next to a field it concerns, aria-invalid and
// aria-describedby on the field. Forms use noValidate so the browser's own bubbles never appear.
export function useForm(): Form {
  const { t } = useI18n();
  const id = useId();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

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

  // Follow a summary link by focusing the field: the #fragment alone would add a history entry.
  const focusField = (event: MouseEvent<HTMLAnchorElement>, field: string) => {
    const input = document.getElementById(fieldId(field));
    if (!input) return;
    event.preventDefault();
    input.focus();
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
    invalid: (field) => (errors.some((e) => e.fields.includes(field)) ? true : undefined),
    describedBy: (field, hintId) => {
      // A problem with one field is written next to it; one that concerns several is written once, in
      // the summary, and each field points to it.
      const ids = errors.filter((e) => e.fields.includes(field)).map((e) => (e.fields.length === 1 ? inlineErrorId(e) : errorId(e)));
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
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'id' | 'name' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'>;

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

type PasswordFieldProps = Omit<TextFieldProps, 'type'> & { shown: boolean; onToggle: () => void };

export function PasswordField({ form, name, label, hint, value, onChange, shown, onToggle, ...input }: PasswordFieldProps) {
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
        <button type="button" className="button-toggle" aria-pressed={shown} aria-controls={form.fieldId(name)} onClick={onToggle}>
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

