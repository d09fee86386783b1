import { useEffect, useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, retryAfterMinutes } from '../api.ts';
import { useDocumentTitle, useI18n, type I18n } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';
import { safeNextPath } from '../next-path.ts';
import { useSession } from '../session.tsx';

type Field = 'email' | 'password';

// A problem found on submit; `fields` are the inputs it concerns (none for a network failure).
type FormError = { key: string; message: string; fields: Field[] };

function errorFromFailure(error: unknown, t: I18n['t'], tp: I18n['tp']): FormError {
  const fields: Field[] = ['email', 'password'];
  if (!(error instanceof ApiError)) return { key: 'generic', message: t('error.generic'), fields: [] };
  if (error.kind === 'network') return { key: 'network', message: t('error.network'), fields: [] };
  // The same answer for an unknown account and a wrong password, so it concerns both fields.
  if (error.code === 'unauthenticated') return { key: 'credentials', message: t('signIn.error.credentials'), fields };
  if (error.code === 'invalid') return { key: 'invalid', message: t('signIn.error.invalid'), fields };
  if (error.code === 'rate_limited') {
    const minutes = retryAfterMinutes(error);
    const message = minutes === undefined ? t('error.rateLimited') : tp('signIn.error.rateLimited', minutes);
    return { key: 'rateLimited', message, fields: [] };
  }
  return { key: 'generic', message: t('error.generic'), fields: [] };
}

export function SignInPage() {
  const { t, tp } = useI18n();
  useDocumentTitle(t('signIn.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const id = useId();

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [submitting, setSubmitting] = useState(false);
  // Counts submissions, so focus moves to the summary after each one that fails, even with the same errors.
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0 && errors.length > 0) summary.current?.focus();
  }, [attempt, errors.length]);

  const fieldId = (field: Field) => `${id}-${field}`;
  // A problem with one field is also written next to it; one that concerns both (a wrong e-mail or
  // password) is written once, in the summary, and both fields point to it.
  const errorId = (error: FormError) => `${id}-error-${error.key}`;
  const inlineErrorId = (error: FormError) => `${id}-inline-${error.key}`;
  const fieldErrors = (field: Field) => errors.filter((e) => e.fields.length === 1 && e.fields[0] === field);
  const describedBy = (field: Field) => {
    const ids = errors
      .filter((e) => e.fields.includes(field))
      .map((e) => (e.fields.length === 1 ? inlineErrorId(e) : errorId(e)));
    return ids.length > 0 ? ids.join(' ') : undefined;
  };
  const inlineErrors = (field: Field) =>
    fieldErrors(field).map((error) => (
      <p key={error.key} id={inlineErrorId(error)} className="field-error">
        {error.message}
      </p>
    ));
  const invalid = (field: Field) => errors.some((e) => e.fields.includes(field)) || undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    // Hidden again on submit, so the password is not left on screen.
    setShowPassword(false);
    const missing: FormError[] = [];
    if (email.trim() === '') missing.push({ key: 'emailMissing', message: t('signIn.error.emailMissing'), fields: ['email'] });
    if (password === '') missing.push({ key: 'passwordMissing', message: t('signIn.error.passwordMissing'), fields: ['password'] });
    if (missing.length > 0) {
      setErrors(missing);
      setAttempt((n) => n + 1);
      return;
    }
    setSubmitting(true);
    session.signIn(email.trim(), password).then(
      () => {
        void navigate(safeNextPath(params.get('next')));
      },
      (error: unknown) => {
        setSubmitting(false);
        setErrors([errorFromFailure(error, t, tp)]);
        setAttempt((n) => n + 1);
      },
    );
  };

  // Follow a summary link by focusing the field: the #fragment alone would add a history entry.
  const focusField = (event: MouseEvent<HTMLAnchorElement>, field: Field) => {
    const input = document.getElementById(fieldId(field));
    if (!input) return;
    event.preventDefault();
    input.focus();
  };

  const summaryTitleId = `${id}-summary-title`;
  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      {errors.length > 0 ? (
        <div ref={summary} className="error-summary" tabIndex={-1} aria-labelledby={summaryTitleId}>
          <h2 id={summaryTitleId} className="error-summary-title">
            {t('signIn.errorSummary')}
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
      ) : null}
      <p className="lead">{t('signIn.lead')}</p>
      <form className="sign-in-form" onSubmit={onSubmit} noValidate aria-busy={submitting}>
        <div className="field">
          <label htmlFor={fieldId('email')}>{t('signIn.email')}</label>
          {inlineErrors('email')}
          <input
            id={fieldId('email')}
            name="email"
            type="email"
            value={email}
            maxLength={254}
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            aria-invalid={invalid('email')}
            aria-describedby={describedBy('email')}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={fieldId('password')}>{t('signIn.password')}</label>
          {inlineErrors('password')}
          <div className="password-row">
            <input
              id={fieldId('password')}
              name="password"
              type={showPassword ? 'text' : 'password'}
              value={password}
              maxLength={1024}
              autoComplete="current-password"
              spellCheck={false}
              autoCapitalize="none"
              aria-invalid={invalid('password')}
              aria-describedby={describedBy('password')}
              onChange={(e) => setPassword(e.target.value)}
            />
            {/* The name stays the same and aria-pressed says whether it is on, as for any toggle button. */}
            <button
              type="button"
              className="button-toggle"
              aria-pressed={showPassword}
              aria-controls={fieldId('password')}
              onClick={() => setShowPassword((shown) => !shown)}
            >
              {t('signIn.showPassword')}
            </button>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('signIn.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
