import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, problemFields, retryAfterMinutes } from '../api.ts';
import { useDocumentTitle, useI18n, type I18n } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';
import { PasswordField, TextField, useForm, type FormError } from '../components/form.tsx';
import { landingPath, safeNextPath } from '../next-path.ts';
import { useSession } from '../session.tsx';

type Step = 'credentials' | 'code';

// What a failed sign-in means for the person: which step to show and what to say.
function readFailure(error: unknown, step: Step, t: I18n['t'], tp: I18n['tp']): { step: Step; errors: FormError[] } {
  if (!(error instanceof ApiError))
    return { step, errors: [{ key: 'generic', message: t('error.generic'), fields: [] }] };
  if (error.kind === 'network') return { step, errors: [{ key: 'network', message: t('error.network'), fields: [] }] };
  const code = problemFields(error).find((f) => f.field === 'code');
  if (error.code === 'unauthenticated' && code) {
    // The password was right and the account uses two-step sign-in.
    if (code.message === 'required') return { step: 'code', errors: [] };
    if (code.message === 'cannot be checked')
      return { step: 'code', errors: [{ key: 'unreadable', message: t('signIn.error.codeUnreadable'), fields: [] }] };
    return { step: 'code', errors: [{ key: 'codeWrong', message: t('signIn.error.codeWrong'), fields: ['code'] }] };
  }
  // The same answer for an unknown account and a wrong password, so it concerns both fields.
  if (error.code === 'unauthenticated')
    return {
      step: 'credentials',
      errors: [{ key: 'credentials', message: t('signIn.error.credentials'), fields: ['email', 'password'] }],
    };
  if (error.code === 'invalid')
    return {
      step,
      errors: [
        {
          key: 'invalid',
          message: t('signIn.error.invalid'),
          fields: step === 'code' ? ['code'] : ['email', 'password'],
        },
      ],
    };
  if (error.code === 'rate_limited') {
    const minutes = retryAfterMinutes(error);
    return {
      step,
      errors: [
        {
          key: 'rateLimited',
          message: minutes === undefined ? t('error.rateLimited') : tp('signIn.error.rateLimited', minutes),
          fields: [],
        },
      ],
    };
  }
  return { step, errors: [{ key: 'generic', message: t('error.generic'), fields: [] }] };
}

// Why the person is here, from the address (?expired=1 after a session ended, ?reset=1 after a new
// password, ?welcome=1 after accepting an invitation).
function useArrivalNotice(): string | undefined {
  const { t } = useI18n();
  const session = useSession();
  const [params] = useSearchParams();
  if (params.get('reset') === '1') return t('signIn.notice.passwordChanged');
  if (params.get('welcome') === '1') return t('signIn.notice.passwordSet');
  if (params.get('everywhere') === '1' || (session.status === 'signedOut' && session.everywhere))
    return t('signIn.notice.everywhere');
  if (params.get('expired') === '1' || (session.status === 'signedOut' && session.ended))
    return t('signIn.notice.sessionEnded');
  return undefined;
}

export function SignInPage() {
  const { t, tp } = useI18n();
  useDocumentTitle(t('signIn.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm();
  const notice = useArrivalNotice();

  const [step, setStep] = useState<Step>('credentials');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // Set while this page signs someone in, so it does not flash "you are already signed in" on the way out.
  const signingIn = useRef(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const next = safeNextPath(params.get('next'));

  useEffect(() => {
    if (step === 'code' && form.errors.length === 0) codeInput.current?.focus();
  }, [step, form.errors.length]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    // Hidden again on submit, so the password is not left on screen.
    setShowPassword(false);
    const missing: FormError[] = [];
    if (step === 'credentials') {
      if (email.trim() === '')
        missing.push({ key: 'emailMissing', message: t('signIn.error.emailMissing'), fields: ['email'] });
      if (password === '')
        missing.push({ key: 'passwordMissing', message: t('signIn.error.passwordMissing'), fields: ['password'] });
    } else if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      missing.push({ key: 'codeFormat', message: t('signIn.error.codeFormat'), fields: ['code'] });
    }
    if (missing.length > 0) {
      form.fail(missing);
      return;
    }
    setSubmitting(true);
    signingIn.current = true;
    session.signIn(email.trim(), password, step === 'code' ? code.replace(/\s/g, '') : undefined).then(
      (info) => {
        // Without a page to go back to: the person's own work (staff) or file (a job seeker).
        const landing = params.get('next') ? next : landingPath(info.can);
        void navigate(info.mfaEnrolmentRequired ? '/account/two-step' : landing);
      },
      (error: unknown) => {
        signingIn.current = false;
        setSubmitting(false);
        const failure = readFailure(error, step, t, tp);
        setStep(failure.step);
        if (failure.step === 'code') setCode('');
        if (failure.errors.length > 0) form.fail(failure.errors);
        else form.clear();
      },
    );
  };

  const startAgain = () => {
    setStep('credentials');
    setPassword('');
    setCode('');
    form.clear();
  };

  if (session.status === 'signedIn' && !signingIn.current) {
    return (
      <>
        <PageHeading>{t('signIn.title')}</PageHeading>
        <p className="lead">{t('signIn.already', { name: session.user.displayName })}</p>
        <ul className="link-list">
          <li>
            <Link to={params.get('next') ? next : landingPath(session.can)}>{t('signIn.continue')}</Link>
          </li>
          <li>
            <Link to="/account">{t('signIn.yourAccount')}</Link>
          </li>
        </ul>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      {notice ? <p className="notice">{notice}</p> : null}
      {form.summary}
      <form className="sign-in-form" onSubmit={onSubmit} noValidate aria-busy={submitting}>
        {step === 'credentials' ? (
          <>
            <p className="lead">{t('signIn.lead')}</p>
            <TextField
              form={form}
              name="email"
              label={t('signIn.email')}
              type="email"
              value={email}
              onChange={setEmail}
              maxLength={254}
              autoComplete="username"
              spellCheck={false}
              autoCapitalize="none"
            />
            <PasswordField
              form={form}
              name="password"
              label={t('signIn.password')}
              value={password}
              onChange={setPassword}
              shown={showPassword}
              onToggle={() => setShowPassword((shown) => !shown)}
              autoComplete="current-password"
            />
          </>
        ) : (
          <>
            <p className="lead">{t('signIn.codeLead')}</p>
            <TextField
              ref={codeInput}
              form={form}
              name="code"
              label={t('signIn.code')}
              hint={t('signIn.codeHint')}
              value={code}
              onChange={setCode}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              spellCheck={false}
              className="input-code"
            />
          </>
        )}
        <div className="form-actions">
          <button type="submit" className="button">
            {step === 'credentials' ? t('signIn.submit') : t('signIn.submitCode')}
          </button>
          {step === 'code' ? (
            <button type="button" className="button-secondary" onClick={startAgain}>
              {t('signIn.startAgain')}
            </button>
          ) : null}
        </div>
      </form>
      {step === 'credentials' ? (
        <p>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </p>
      ) : null}
    </>
  );
}
